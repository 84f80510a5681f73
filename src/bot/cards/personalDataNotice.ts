import type { FieldPersonalData } from '../../shared/dto.js';
import type { Translate } from '../i18n.js';
import { notice, textBlock, type CardElement } from './adaptiveCard.js';

/**
 * A warning that a story's texts may hold personal data: `heading`, then one line per field naming
 * the kinds found ("Situation: an e-mail address, a phone number"). Only field and kind names,
 * which are the bot's own texts; the values found are never repeated on a card.
 */
export function personalDataNotice(
  found: readonly FieldPersonalData[],
  heading: string,
  t: Translate,
): CardElement {
  return {
    type: 'Container',
    style: 'warning',
    spacing: 'Medium',
    items: [
      notice(heading),
      ...found.map(({ field, kinds }) =>
        textBlock(
          t('personalData.line', {
            field: t(`personalData.fields.${field}`),
            kinds: kinds.map((kind) => t(`personalData.kinds.${kind}`)).join(', '),
          }),
          { spacing: 'None' },
        ),
      ),
    ],
  };
}

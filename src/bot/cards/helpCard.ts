import type { Locale } from '../../domain/index.js';
import { translator } from '../i18n.js';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { CARD_VERBS } from '../cardVerbs.js';

export interface HelpCardModel {
  /** The first card after the bot was added: greets instead of only titling. */
  readonly welcome: boolean;
}

/** What the bot does and the commands it knows; also the welcome card. */
export function helpCard(model: HelpCardModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return adaptiveCard(
    [
      heading(model.welcome ? t('help.welcome') : t('help.title')),
      textBlock(t('help.intro')),
      textBlock(t('help.how')),
      textBlock(t('help.commands'), { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(
        [
          t('help.commandShare'),
          t('help.commandNominate'),
          t('help.commandMyStories'),
          t('help.commandPostHere'),
          t('help.commandHelp'),
        ]
          .map((line) => `- ${line}`)
          .join('\n'),
      ),
    ],
    {
      actions: [
        {
          type: 'Action.Execute',
          verb: CARD_VERBS.openForm,
          title: t('help.share'),
          style: 'positive',
        },
      ],
    },
  );
}

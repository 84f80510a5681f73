import {
  findStoryPersonalData,
  PERSONAL_DATA_FIELDS,
  type FieldPersonalData,
  type PersonalDataField,
} from '../../../shared/dto.js';
import type { Translate } from '../../hooks/useT.js';
import type { StoryFormField, StoryFormValues } from './storyFormModel.js';

/** Likely personal data in the form's story texts, per field in form order. */
export function personalDataOf(values: StoryFormValues): FieldPersonalData[] {
  return findStoryPersonalData(values);
}

/** Whether editing this field can change what the personal data check finds. */
export function isPersonalDataField(field: StoryFormField): field is PersonalDataField {
  return (PERSONAL_DATA_FIELDS as readonly string[]).includes(field);
}

/** One line per field, in the user's language: "Situation: an e-mail address, a phone number". */
export function personalDataLines(
  found: readonly FieldPersonalData[],
  t: Translate,
): { field: PersonalDataField; text: string }[] {
  return found.map(({ field, kinds }) => ({
    field,
    text: t('form.personalData.line', {
      field: t(`form.fields.${field}`),
      kinds: kinds.map((kind) => t(`form.personalData.kinds.${kind}`)).join(', '),
    }),
  }));
}

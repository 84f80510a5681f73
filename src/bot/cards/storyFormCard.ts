import type { Locale } from '../../domain/index.js';
import { CATEGORIES, LIMITS } from '../../shared/dto.js';
import { translator } from '../i18n.js';
import {
  adaptiveCard,
  heading,
  notice,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';

/** The verb of the form's submit action. */
export const SUBMIT_STORY_VERB = 'story.submit';

/** The required free-text fields, in the order the form asks for them. */
export const STORY_TEXT_FIELDS = [
  'title',
  'situation',
  'action',
  'outcome',
  'lesson',
  'team',
] as const;

/** Every input of the form; the ids are the keys of `storyInputSchema`. */
export const STORY_FORM_FIELDS = [
  ...STORY_TEXT_FIELDS,
  'category',
  'featured',
  'customerQuote',
  'sourceUrl',
  'consent',
] as const;
export type StoryFormField = (typeof STORY_FORM_FIELDS)[number];

const MULTILINE: ReadonlySet<StoryFormField> = new Set([
  'situation',
  'action',
  'outcome',
  'lesson',
  'customerQuote',
]);

/** Refusals the form can explain above its inputs; anything else is shown as 'generic'. */
export const STORY_FORM_ERRORS = [
  'no_approver',
  'validation',
  'conflict',
  'forbidden',
  'rate_limited',
  'unavailable',
  'generic',
] as const;
export type StoryFormError = (typeof STORY_FORM_ERRORS)[number];

/**
 * Where the form is shown. In chat it is a Universal Actions card (`Action.Execute`); in a dialog
 * (the message extension's task module) only `Action.Submit` sends the inputs, as the dialog's
 * submit.
 */
export type StoryFormHost = 'chat' | 'dialog';

export interface StoryFormModel {
  /** Colleagues who can be featured (the author excluded). */
  readonly people: readonly { readonly id: string; readonly displayName: string }[];
  /** Values to show again after a failed submit, as the card sent them. */
  readonly values?: Readonly<Partial<Record<StoryFormField, string>>>;
  /** Fields that failed validation, named in a notice above the form. */
  readonly invalid?: readonly StoryFormField[];
  /** A domain refusal to explain above the form (the values are kept). */
  readonly error?: StoryFormError;
  /** Default 'chat'. */
  readonly host?: StoryFormHost;
}

/**
 * The story form (journeys 1 and 3): one submit action that sends every input to the bot,
 * `Action.Execute` in chat and `Action.Submit` in a dialog.
 */
export function storyFormCard(model: StoryFormModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const values = model.values ?? {};
  const label = (field: StoryFormField) =>
    field === 'consent' ? t('form.consent.label') : t(`form.fields.${field}.label`);
  const value = (field: StoryFormField) => {
    const v = values[field];
    return v === undefined ? {} : { value: v };
  };
  const textInput = (field: StoryFormField, required: boolean, max: number): CardElement => ({
    type: 'Input.Text',
    id: field,
    label: label(field),
    placeholder: t(`form.fields.${field}.placeholder`),
    maxLength: max,
    ...(MULTILINE.has(field) ? { isMultiline: true } : {}),
    ...(field === 'sourceUrl' ? { style: 'Url' } : {}),
    ...(required ? { isRequired: true, errorMessage: t('form.required') } : {}),
    ...value(field),
  });

  const notices: CardElement[] = [];
  const invalid = model.invalid ?? [];
  if (invalid.length > 0) {
    notices.push(notice(t('form.invalid', { fields: invalid.map(label).join(', ') })));
  }
  if (model.error) notices.push(notice(t(`errors.${model.error}`)));

  return adaptiveCard(
    [
      heading(t('form.title')),
      textBlock(t('form.intro'), { isSubtle: true }),
      ...notices,
      ...STORY_TEXT_FIELDS.map((field) => textInput(field, true, LIMITS[field].max)),
      {
        type: 'Input.ChoiceSet',
        id: 'category',
        label: label('category'),
        placeholder: t('form.fields.category.placeholder'),
        style: 'compact',
        isRequired: true,
        errorMessage: t('form.required'),
        choices: CATEGORIES.map((id) => ({ title: t(`category.${id}`), value: id })),
        ...value('category'),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'featured',
        label: label('featured'),
        placeholder: t('form.fields.featured.placeholder'),
        isMultiSelect: true,
        choices: model.people.map((p) => ({ title: p.displayName, value: p.id })),
        // Teams turns a ChoiceSet with this data query into its people picker (organisation
        // search); other hosts ignore it and show the static choices above.
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
        ...value('featured'),
      },
      textInput('customerQuote', false, LIMITS.customerQuote.max),
      textInput('sourceUrl', false, LIMITS.sourceUrl.max),
      {
        type: 'Input.Toggle',
        id: 'consent',
        label: label('consent'),
        title: t('form.consent.title'),
        valueOn: 'true',
        valueOff: 'false',
        value: values.consent === 'true' ? 'true' : 'false',
      },
    ],
    {
      actions: [
        model.host === 'dialog'
          ? { type: 'Action.Submit', title: t('form.submit'), style: 'positive' }
          : {
              type: 'Action.Execute',
              verb: SUBMIT_STORY_VERB,
              title: t('form.submit'),
              style: 'positive',
            },
      ],
    },
  );
}

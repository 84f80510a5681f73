import type { Locale } from '../../domain/index.js';
import {
  CATEGORIES,
  LIMITS,
  type FieldPersonalData,
  type StoryCoaching,
} from '../../shared/dto.js';
import { translator, type Translate } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import {
  adaptiveCard,
  heading,
  notice,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';
import { personalDataNotice } from './personalDataNotice.js';
import { storyCoachBlock } from './storyCoachBlock.js';
import { CARD_VERBS } from '../cardVerbs.js';

/**
 * The data flag of the form's "Send anyway" action: the author has seen what the personal data
 * check found and sends the story as it is.
 */
export const CONFIRM_PERSONAL_DATA = 'confirmPersonalData';

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
  'accountName',
  'crmUrl',
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

/**
 * What became of a nomination (journey 2), said above the form: who is featured, or why nobody
 * is (the name matched several colleagues or none, the nominator named themselves, or no name).
 */
export type NominationNote =
  | { readonly kind: 'featured'; readonly name: string }
  | { readonly kind: 'ambiguous'; readonly query: string; readonly names: readonly string[] }
  | { readonly kind: 'notFound'; readonly query: string }
  | { readonly kind: 'self' }
  | { readonly kind: 'unnamed' };

/** How many names of an ambiguous nomination the note lists; the rest are shortened to "…". */
const LISTED_MATCHES = 5;

export interface StoryFormModel {
  /** Colleagues who can be featured (the author excluded). */
  readonly people: readonly { readonly id: string; readonly displayName: string }[];
  /**
   * The teams admins keep (Settings): the team is chosen from them; without any (or absent) it is
   * typed.
   */
  readonly teams?: readonly string[];
  /** Values to show again after a failed submit, as the card sent them. */
  readonly values?: Readonly<Partial<Record<StoryFormField, string>>>;
  /** Fields that failed validation, named in a notice above the form. */
  readonly invalid?: readonly StoryFormField[];
  /** A domain refusal to explain above the form (the values are kept). */
  readonly error?: StoryFormError;
  /** Default 'chat'. */
  readonly host?: StoryFormHost;
  /** The form was opened by a nomination: what became of it. */
  readonly nomination?: NominationNote;
  /** The form edits a story sent back for changes (chat only): submitting resubmits it. */
  readonly resubmit?: ResubmitModel;
  /** Likely personal data in the sent texts: named above the form, with a "Send anyway" action. */
  readonly personalData?: readonly FieldPersonalData[];
  /** The story coach's reading of the values ("Check my story"), shown at the top. */
  readonly coach?: StoryCoaching;
}

export interface ResubmitModel {
  readonly storyId: string;
  /** Who asked for the changes, when the directory knows them. */
  readonly deciderName?: string;
  /** What they asked for. */
  readonly comment?: string;
}

/**
 * The story form (journeys 1 and 3): a submit action that sends every input to the bot, and
 * "Check my story", which sends them to the story coach; `Action.Execute` in chat and
 * `Action.Submit` in a dialog.
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
    ...(field === 'sourceUrl' || field === 'crmUrl' ? { style: 'Url' } : {}),
    ...(required ? { isRequired: true, errorMessage: t('form.required') } : {}),
    ...value(field),
  });

  const notices: CardElement[] = [];
  const invalid = model.invalid ?? [];
  if (invalid.length > 0) {
    notices.push(notice(t('form.invalid', { fields: invalid.map(label).join(', ') })));
  }
  if (model.error) notices.push(notice(t(`errors.${model.error}`)));
  const personalData = model.personalData ?? [];
  if (personalData.length > 0) {
    notices.push(personalDataNotice(personalData, t('personalData.formNotice'), t));
  }

  const { resubmit } = model;
  return adaptiveCard(
    [
      heading(t(resubmit ? 'form.editTitle' : 'form.title')),
      ...(model.coach ? [storyCoachBlock(model.coach, t)] : []),
      textBlock(t(resubmit ? 'form.editIntro' : 'form.intro'), { isSubtle: true }),
      ...(resubmit?.comment ? [changesBlock(resubmit, t)] : []),
      ...(model.nomination ? [nominationBlock(model.nomination, label('featured'), t)] : []),
      ...notices,
      ...STORY_TEXT_FIELDS.map((field) =>
        field === 'team' && (model.teams ?? []).length > 0
          ? teamChoice(model.teams ?? [], values.team, label(field), t)
          : textInput(field, true, LIMITS[field].max),
      ),
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
      textInput('accountName', false, LIMITS.accountName.max),
      textInput('crmUrl', false, LIMITS.crmUrl.max),
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
    { actions: submitActions(model, personalData.length > 0, t) },
  );
}

/**
 * The team as a choice of the admins' list. A team the form already holds that is not on it (a
 * story told before, sent back for changes) is offered too, so editing does not lose it.
 */
function teamChoice(
  teams: readonly string[],
  current: string | undefined,
  label: string,
  t: Translate,
): CardElement {
  const kept = current !== undefined && current.trim() !== '' && !teams.includes(current);
  const offered = kept ? [current, ...teams] : teams;
  return {
    type: 'Input.ChoiceSet',
    id: 'team',
    label,
    placeholder: t('form.fields.team.choose'),
    style: 'filtered',
    isRequired: true,
    errorMessage: t('form.required'),
    choices: offered.map((team) => ({ title: team, value: team })),
    ...(current !== undefined ? { value: current } : {}),
  };
}

/**
 * The form's submit action, "Check my story", and after the personal data check found something,
 * "Send anyway": the same submit with the confirmation flag.
 */
function submitActions(model: StoryFormModel, askAgain: boolean, t: Translate): CardElement[] {
  const { resubmit } = model;
  const submit = (title: string, extra: Record<string, unknown>, style?: string): CardElement => {
    const styled = style ? { style } : {};
    if (model.host === 'dialog') {
      const data = Object.keys(extra).length > 0 ? { data: extra } : {};
      return { type: 'Action.Submit', title, ...styled, ...data };
    }
    return resubmit
      ? {
          type: 'Action.Execute',
          verb: CARD_VERBS.resubmitStory,
          title,
          ...styled,
          data: { storyId: resubmit.storyId, ...extra },
        }
      : {
          type: 'Action.Execute',
          verb: CARD_VERBS.submitStory,
          title,
          ...styled,
          ...(Object.keys(extra).length > 0 ? { data: extra } : {}),
        };
  };
  const title = t(resubmit && model.host !== 'dialog' ? 'form.resubmit' : 'form.submit');
  return [
    submit(title, {}, 'positive'),
    checkAction(model, t),
    ...(askAgain ? [submit(t('personalData.sendAnyway'), { [CONFIRM_PERSONAL_DATA]: true })] : []),
  ];
}

/** "Check my story": the inputs to the story coach, for the story being edited if there is one. */
function checkAction(model: StoryFormModel, t: Translate): CardElement {
  const title = t('coach.check');
  if (model.host === 'dialog') {
    return { type: 'Action.Submit', title, data: { verb: CARD_VERBS.checkStory } };
  }
  return {
    type: 'Action.Execute',
    verb: CARD_VERBS.checkStory,
    title,
    ...(model.resubmit ? { data: { storyId: model.resubmit.storyId } } : {}),
  };
}

/** The nomination's note; names and the typed text are user text, so escaped. */
function nominationBlock(note: NominationNote, field: string, t: Translate): CardElement {
  const options = { weight: 'Bolder', spacing: 'Medium' } as const;
  switch (note.kind) {
    case 'featured':
      return textBlock(t('nominate.featured', { name: escapeMarkdown(note.name), field }), {
        ...options,
        color: 'Good',
      });
    case 'ambiguous': {
      const listed = note.names.slice(0, LISTED_MATCHES).map(escapeMarkdown);
      if (note.names.length > LISTED_MATCHES) listed.push('…');
      return textBlock(
        t('nominate.ambiguous', {
          query: escapeMarkdown(note.query),
          names: listed.join(', '),
          field,
        }),
        options,
      );
    }
    case 'notFound':
      return textBlock(t('nominate.notFound', { query: escapeMarkdown(note.query), field }), {
        ...options,
        color: 'Warning',
      });
    case 'self':
      return textBlock(t('nominate.self', { field }), { ...options, color: 'Warning' });
    case 'unnamed':
      return textBlock(t('nominate.unnamed', { field }), options);
  }
}

/** What the approver asked to change, above the form being edited. */
function changesBlock(resubmit: ResubmitModel, t: Translate): CardElement {
  const comment = escapeMarkdown(resubmit.comment ?? '');
  const text = resubmit.deciderName
    ? t('decided.comment', { name: escapeMarkdown(resubmit.deciderName), comment })
    : t('status.comment', { comment });
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: [textBlock(text)],
  };
}

import {
  CATEGORIES,
  LIMITS,
  type CategoryId,
  type LocaleDto,
  type StoryDto,
} from '../../../shared/dto.js';
import type { StoryInput } from '../../../shared/inputs.js';
import type { ApiClient } from '../../api/client.js';

/** What the form holds while the user types. */
export interface StoryFormValues {
  title: string;
  situation: string;
  action: string;
  outcome: string;
  lesson: string;
  team: string;
  category: CategoryId | '';
  featured: string[];
  customerQuote: string;
  sourceUrl: string;
  /** The customer account the story is about, and its record in the CRM. */
  accountName: string;
  crmUrl: string;
  consent: boolean;
}

export type StoryFormField = keyof StoryFormValues;

export const EMPTY_STORY_FORM: StoryFormValues = {
  title: '',
  situation: '',
  action: '',
  outcome: '',
  lesson: '',
  team: '',
  category: '',
  featured: [],
  customerQuote: '',
  sourceUrl: '',
  accountName: '',
  crmUrl: '',
  consent: false,
};

/** A problem with one field, translated by the form (`form.errors.<kind>`). */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'tooShort'; min: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'url' }
  | { kind: 'tooMany'; max: number };

export type FormProblems = Partial<Record<StoryFormField, FieldProblem>>;

/** Required texts and their limits, in the order the form shows them. */
export const REQUIRED_TEXT_FIELDS = [
  'title',
  'situation',
  'action',
  'outcome',
  'lesson',
  'team',
] as const satisfies readonly (keyof typeof LIMITS & StoryFormField)[];

function checkText(value: string, min: number, max: number): FieldProblem | undefined {
  const length = value.trim().length;
  if (length === 0) return { kind: 'required' };
  if (length < min) return { kind: 'tooShort', min };
  if (length > max) return { kind: 'tooLong', max };
  return undefined;
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The client-side mirror of the API's checks (same LIMITS), so most mistakes are caught before
 * sending; the API stays the authority and its field errors are shown the same way.
 */
export function validateStoryForm(values: StoryFormValues): FormProblems {
  const problems: FormProblems = {};
  for (const field of REQUIRED_TEXT_FIELDS) {
    const problem = checkText(values[field], LIMITS[field].min, LIMITS[field].max);
    if (problem) problems[field] = problem;
  }
  if (values.category === '') problems.category = { kind: 'required' };
  if (values.featured.length > LIMITS.featured.max) {
    problems.featured = { kind: 'tooMany', max: LIMITS.featured.max };
  }
  const quote = values.customerQuote.trim();
  if (quote.length > LIMITS.customerQuote.max) {
    problems.customerQuote = { kind: 'tooLong', max: LIMITS.customerQuote.max };
  }
  for (const field of ['sourceUrl', 'crmUrl'] as const) {
    const url = values[field].trim();
    if (url.length > LIMITS[field].max) {
      problems[field] = { kind: 'tooLong', max: LIMITS[field].max };
    } else if (url !== '' && !isWebUrl(url)) {
      problems[field] = { kind: 'url' };
    }
  }
  if (values.accountName.trim().length > LIMITS.accountName.max) {
    problems.accountName = { kind: 'tooLong', max: LIMITS.accountName.max };
  }
  return problems;
}

/** The request body for valid values: trimmed, optional texts left out when empty. */
export function toStoryInput(values: StoryFormValues, locale: LocaleDto): StoryInput {
  if (values.category === '') throw new Error('category is required');
  const quote = values.customerQuote.trim();
  const url = values.sourceUrl.trim();
  const accountName = values.accountName.trim();
  const crmUrl = values.crmUrl.trim();
  return {
    title: values.title.trim(),
    situation: values.situation.trim(),
    action: values.action.trim(),
    outcome: values.outcome.trim(),
    lesson: values.lesson.trim(),
    team: values.team.trim(),
    category: values.category,
    featured: values.featured,
    ...(quote ? { customerQuote: quote } : {}),
    ...(url ? { sourceUrl: url } : {}),
    ...(accountName ? { accountName } : {}),
    ...(crmUrl ? { crmUrl } : {}),
    consent: values.consent,
    locale,
  };
}

/** The form field an API field path (`featured.3`, `title`) belongs to, if any. */
export function formFieldOf(path: string): StoryFormField | undefined {
  const head = path.split(/[.[]/)[0] ?? '';
  return head in EMPTY_STORY_FORM ? (head as StoryFormField) : undefined;
}

/**
 * What the form is for: a new story (`POST /api/stories`), or the author's edit of a story the
 * approver sent back with "request changes" (`PUT /api/stories/:id`, back to pending).
 */
export type StoryFormMode = { kind: 'create' } | { kind: 'resubmit'; story: StoryDto };

export const CREATE_STORY: StoryFormMode = { kind: 'create' };

function isCategory(value: string): value is CategoryId {
  return (CATEGORIES as readonly string[]).includes(value);
}

/**
 * The form's values for a story being edited: every field as the author last sent it. A category
 * the tab does not know is left empty, so the form asks for one rather than sending it back.
 */
export function storyToFormValues(story: StoryDto): StoryFormValues {
  return {
    title: story.title,
    situation: story.situation,
    action: story.action,
    outcome: story.outcome,
    lesson: story.lesson,
    team: story.team,
    category: isCategory(story.category) ? story.category : '',
    featured: story.featured.map((person) => person.id),
    customerQuote: story.customerQuote ?? '',
    sourceUrl: story.sourceUrl ?? '',
    accountName: story.accountName ?? '',
    crmUrl: story.crmUrl ?? '',
    consent: story.consent,
  };
}

/** The values the form starts with in a mode. */
export function initialFormValues(mode: StoryFormMode): StoryFormValues {
  return mode.kind === 'resubmit' ? storyToFormValues(mode.story) : EMPTY_STORY_FORM;
}

/**
 * Whether the form holds anything the user typed or chose since it opened: closing it then asks
 * before the draft is thrown away. Text typed and deleted again is no draft.
 */
export function isDraftChanged(values: StoryFormValues, mode: StoryFormMode): boolean {
  const initial = initialFormValues(mode);
  return (Object.keys(initial) as StoryFormField[]).some((field) => {
    const before = initial[field];
    const now = values[field];
    return Array.isArray(before) && Array.isArray(now)
      ? before.length !== now.length || before.some((item, index) => item !== now[index])
      : before !== now;
  });
}

/** Sends valid values: a new story is posted, a resubmission replaces the story it edits. */
export function saveStory(
  api: Pick<ApiClient, 'submitStory' | 'resubmitStory'>,
  mode: StoryFormMode,
  input: StoryInput,
): Promise<StoryDto> {
  return mode.kind === 'resubmit'
    ? api.resubmitStory(mode.story.id, input)
    : api.submitStory(input);
}

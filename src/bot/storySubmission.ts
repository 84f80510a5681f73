import {
  isDomainError,
  suggestTeams,
  waitingSlots,
  type SuggestionDeps,
  type Logger,
  type Story,
  type StoryDraft,
  type StoryService,
  type UserDirectory,
} from '../domain/index.js';
import { coachStory, findStoryPersonalData, type FieldPersonalData } from '../shared/dto.js';
import {
  CONFIRM_PERSONAL_DATA,
  STORY_FORM_ERRORS,
  type StoryFormError,
  type StoryFormField,
  type StoryFormModel,
} from './cards/storyFormCard.js';
import { CARD_VERBS } from './cardVerbs.js';
import { isRecord } from './guards.js';
import { readFormValues, readStoryForm } from './storyForm.js';
import type { TurnUser } from './turn.js';

export interface StorySubmissionDeps {
  readonly service: StoryService;
  readonly users: UserDirectory;
  /** The tenant's settings: the teams the form offers. */
  readonly settings: SuggestionDeps['settings'];
  readonly logger: Logger;
}

/** A stored story, or the form to show again with the values kept and the problem named. */
export type StorySubmission =
  | { readonly ok: true; readonly story: Story }
  | { readonly ok: false; readonly form: StoryFormModel };

/**
 * How many colleagues the form lists itself. Teams refuses cards over about 28 KB, and its people
 * picker searches the whole organisation anyway; the list is a shortcut, and what other hosts show.
 */
const LISTED_PEOPLE = 100;

/**
 * Validates untrusted story form data and submits it: the one path of the chat form and of the
 * message extension's dialog. Nothing is stored unless the whole story is valid.
 */
export async function submitStoryForm(
  turn: TurnUser,
  data: unknown,
  deps: StorySubmissionDeps,
): Promise<StorySubmission> {
  const form = readStoryForm(data, turn.locale);
  if (!form.ok) {
    const model = await storyFormModel(turn, deps);
    return { ok: false, form: { ...model, values: form.values, invalid: form.invalid } };
  }
  const personalData = unconfirmedPersonalData(data, form.draft);
  if (personalData.length > 0) {
    const model = await storyFormModel(turn, deps);
    return { ok: false, form: { ...model, values: form.values, personalData } };
  }
  try {
    return { ok: true, story: await deps.service.submitStory(turn.actor, form.draft) };
  } catch (error) {
    const again = { ...(await storyFormModel(turn, deps)), values: form.values };
    return { ok: false, form: refusedForm(error, again, deps, turn) };
  }
}

/**
 * "Check my story": the form again with the values as typed and the story coach's reading at the
 * top. Nothing is validated or stored; the coach reads any text, whole or not.
 */
export async function checkedStoryForm(
  turn: TurnUser,
  data: unknown,
  deps: Pick<StorySubmissionDeps, 'users' | 'settings'>,
): Promise<StoryFormModel> {
  return withCoach(await storyFormModel(turn, deps), data, turn);
}

/** `form` with the values of `data` and the story coach's reading of them. */
export function withCoach(form: StoryFormModel, data: unknown, turn: TurnUser): StoryFormModel {
  const values = readFormValues(data);
  return { ...form, values, coach: coachStory({ ...values, locale: turn.locale }) };
}

/** Whether a dialog's submit is "Check my story" (`Action.Submit` carries its verb as data). */
export function isCheckRequest(data: unknown): boolean {
  return isRecord(data) && data.verb === CARD_VERBS.checkStory;
}

/**
 * Likely personal data in a valid draft, unless the author already chose "Send anyway" (the
 * action's `confirmPersonalData` flag): then nothing, and the story is sent as it is.
 */
export function unconfirmedPersonalData(data: unknown, draft: StoryDraft): FieldPersonalData[] {
  const confirmed = isRecord(data) ? data[CONFIRM_PERSONAL_DATA] : undefined;
  return confirmed === true || confirmed === 'true' ? [] : findStoryPersonalData(draft);
}

/**
 * The form shown again after the domain refused a story the form accepted: the field it names
 * (consent, featured), or the refusal explained above the form; unexpected errors are logged.
 */
export function refusedForm(
  error: unknown,
  form: StoryFormModel,
  deps: Pick<StorySubmissionDeps, 'logger'>,
  turn: TurnUser,
): StoryFormModel {
  if (isDomainError(error, 'validation')) {
    const field = error.details?.field;
    const invalid: StoryFormField[] = field === 'consent' || field === 'featured' ? [field] : [];
    return invalid.length > 0 ? { ...form, invalid } : { ...form, error: 'validation' };
  }
  return { ...form, error: errorCodeOf(error, deps, turn) };
}

/** The empty story form for this user: colleagues to feature, team-mates first. */
export async function storyFormModel(
  turn: TurnUser,
  deps: Pick<StorySubmissionDeps, 'users' | 'settings'>,
): Promise<StoryFormModel> {
  const [people, teams] = await Promise.all([
    deps.users.list(turn.actor.tenantId),
    suggestTeams(deps, turn.actor),
  ]);
  const team = turn.user.team;
  const rank = (p: { team?: string }) => (team !== undefined && p.team === team ? 0 : 1);
  return {
    people: people
      .filter((p) => p.id !== turn.actor.userId)
      .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
      .slice(0, LISTED_PEOPLE)
      .map((p) => ({ id: p.id, displayName: p.displayName })),
    teams,
  };
}

/**
 * The form's colleagues with `first` at the top, each once: a person the form is about (a
 * nominee, a message's writer) must be among the choices even beyond the listed colleagues.
 */
export function withPeopleFirst(
  people: StoryFormModel['people'],
  first: StoryFormModel['people'],
): StoryFormModel['people'] {
  const ids = new Set(first.map((p) => p.id));
  return [
    ...first.map((p) => ({ id: p.id, displayName: p.displayName })),
    ...people.filter((p) => !ids.has(p.id)),
  ];
}

const FORM_ERRORS: ReadonlySet<string> = new Set(STORY_FORM_ERRORS);

/** The error code to explain on the form; unexpected errors are logged and shown generically. */
function errorCodeOf(
  error: unknown,
  deps: Pick<StorySubmissionDeps, 'logger'>,
  turn: TurnUser,
): StoryFormError {
  if (isDomainError(error) && FORM_ERRORS.has(error.code)) return error.code as StoryFormError;
  deps.logger.error(
    { err: error, tenantId: turn.actor.tenantId, userId: turn.actor.userId },
    'story submit failed',
  );
  return 'generic';
}

/** Who the story now waits for, as the thanks card names them; null when nobody (not pending). */
export function waitingNames(story: Story): string | null {
  const names = waitingSlots(story.approval).map((slot) => slot.displayName);
  return story.status === 'pending' && names.length > 0 ? names.join(', ') : null;
}

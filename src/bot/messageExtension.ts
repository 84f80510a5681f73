import type { StorySubmissionDeps } from './storySubmission.js';
import type {
  MessagingExtensionAction,
  MessagingExtensionActionResponse,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  TurnContext,
} from 'botbuilder';
import { isDomainError, type Locale, type Logger, type StoryService } from '../domain/index.js';
import { LIMITS } from '../shared/dto.js';
import { wallQuerySchema } from '../shared/schemas.js';
import { noticeCard } from './cards/messageCards.js';
import { storyFormCard, type StoryFormModel } from './cards/storyFormCard.js';
import { localeOf, translator } from './i18n.js';
import { prefillFromMessage } from './messagePrefill.js';
import {
  cardTask,
  messageTask,
  searchMessage,
  searchResults,
} from './messageExtensionResponses.js';
import {
  checkedStoryForm,
  isCheckRequest,
  storyFormModel,
  submitStoryForm,
} from './storySubmission.js';
import { resolveTurnUser, type TurnDeps, type TurnUser } from './turn.js';

/** The message extension's commands, as the app manifest declares them. */
export const SHARE_AS_STORY_COMMAND = 'shareAsStory';
export const FIND_STORY_COMMAND = 'findStory';
/** The search command's one parameter. */
export const FIND_STORY_PARAMETER = 'query';

/** Stories per search answer. */
const SEARCH_PAGE = 10;
/** The wall's largest page: a search scrolls no further than this. */
const SEARCH_MAX = LIMITS.pageSize.max;

export interface MessageExtensionDeps extends TurnDeps {
  readonly service: StoryService;
  /** The tenant's settings: the teams the story form offers. */
  readonly settings: StorySubmissionDeps['settings'];
  readonly logger: Logger;
}

/*
 * Conversation references are not kept here (unlike chat turns): a message extension runs in
 * whatever conversation the message is in, often one the bot is not part of, so its reference is
 * no way to reach the person later.
 */

/**
 * "Share as story" opened on a message (journey 3): the story form in a dialog, pre-filled with
 * the message as the situation, its writer as a featured colleague and its link as the source.
 */
export async function fetchShareTask(
  context: TurnContext,
  action: MessagingExtensionAction,
  deps: MessageExtensionDeps,
): Promise<MessagingExtensionActionResponse> {
  const t = translator(localeOf(context.activity.locale));
  if (action.commandId !== SHARE_AS_STORY_COMMAND) return messageTask(t('errors.generic'));
  const turn = await resolveTurnUser(context.activity, deps);
  if (!turn) return messageTask(t('errors.unauthenticated'));

  const prefill = prefillFromMessage(action.messagePayload);
  const model = await storyFormModel(turn, deps);
  // Only a person the directory knows can be featured, and nobody features themselves.
  const writer =
    prefill.authorId && prefill.authorId !== turn.actor.userId
      ? await deps.users.get(turn.actor.tenantId, prefill.authorId)
      : null;
  const people = writer ? withPerson(model.people, writer) : model.people;
  const values = {
    ...(prefill.situation ? { situation: prefill.situation } : {}),
    ...(writer ? { featured: writer.id } : {}),
    ...(prefill.sourceUrl ? { sourceUrl: prefill.sourceUrl } : {}),
  };
  return formTask({ ...model, people, values }, turn.locale);
}

/**
 * The dialog's form submitted: the chat form's validation and submit path. Refused → the form
 * again, values kept and the problem named; stored → the dialog closes. "Check my story" → the
 * form again with the story coach's reading.
 */
export async function submitShareAction(
  context: TurnContext,
  action: MessagingExtensionAction,
  deps: MessageExtensionDeps,
): Promise<MessagingExtensionActionResponse> {
  const locale = localeOf(context.activity.locale);
  if (action.commandId !== SHARE_AS_STORY_COMMAND) return noticeTask('generic', locale);
  const turn = await resolveTurnUser(context.activity, deps);
  if (!turn) return noticeTask('unauthenticated', locale);

  // "Check my story": the dialog stays open with the coach's reading; nothing is stored.
  if (isCheckRequest(action.data)) {
    return formTask(await checkedStoryForm(turn, action.data, deps), turn.locale);
  }
  const result = await submitStoryForm(turn, action.data, deps);
  if (!result.ok) return formTask(result.form, turn.locale);
  // An empty answer closes the dialog. A `message` task answer is documented for dialogs of bots
  // and tabs (task/submit), not among the answers to a message extension's submitAction (a card
  // result, another dialog, a bot message preview, or none); and a story is not to be posted
  // into the conversation it came from. The author hears from the bot when it is decided.
  return {};
}

/**
 * "Find a story" (search command): published stories of the actor's tenant matching the text,
 * best match first (the wall's search index); the newest ones when the command opens (initial
 * run, no text).
 */
export async function findStories(
  context: TurnContext,
  query: MessagingExtensionQuery,
  deps: MessageExtensionDeps,
): Promise<MessagingExtensionResponse> {
  const client = translator(localeOf(context.activity.locale));
  if (query.commandId !== FIND_STORY_COMMAND) return searchMessage(client('errors.generic'));
  const turn = await resolveTurnUser(context.activity, deps);
  if (!turn) return searchMessage(client('errors.unauthenticated'));
  // Once the person is known, their language, not their client's.
  const t = translator(turn.locale);

  const { q, skip } = readSearch(query);
  if (skip >= SEARCH_MAX) return searchResults([], turn.locale);
  try {
    // The wall pages by cursor, not offset: a later page of the list is the tail of one longer
    // page (the wall caps its page size, and so the scrolling).
    const page = await deps.service.listWall(turn.actor, {
      limit: Math.min(skip + SEARCH_PAGE, SEARCH_MAX),
      ...(q ? { q } : {}),
    });
    const stories = page.items.slice(skip, skip + SEARCH_PAGE);
    if (stories.length === 0 && skip === 0) {
      return searchMessage(t(q ? 'extension.noStories' : 'extension.emptyWall'));
    }
    return searchResults(stories, turn.locale);
  } catch (error) {
    return searchMessage(t(`errors.${searchErrorOf(error, deps, turn)}`));
  }
}

/** The search text (typed, trimmed, cut to the wall's limit) and the list offset Teams asks for. */
function readSearch(query: MessagingExtensionQuery): { q?: string; skip: number } {
  // Untrusted: botbuilder types parameter values as `any`.
  const raw: unknown = query.parameters?.find((p) => p.name === FIND_STORY_PARAMETER)?.value;
  const text = typeof raw === 'string' ? raw.trim().slice(0, LIMITS.q.max) : '';
  const parsed = wallQuerySchema.pick({ q: true }).safeParse({ q: text });
  const q = parsed.success ? parsed.data.q : undefined;
  const rawSkip: unknown = query.queryOptions?.skip;
  const skip =
    typeof rawSkip === 'number' && Number.isInteger(rawSkip) && rawSkip > 0 ? rawSkip : 0;
  return q ? { q, skip } : { skip };
}

const SEARCH_ERRORS: ReadonlySet<string> = new Set(['rate_limited', 'unavailable']);

/** The error to show for a failed search; unexpected errors are logged and shown generically. */
function searchErrorOf(error: unknown, deps: MessageExtensionDeps, turn: TurnUser): string {
  if (isDomainError(error) && SEARCH_ERRORS.has(error.code)) return error.code;
  deps.logger.error(
    { err: error, tenantId: turn.actor.tenantId, userId: turn.actor.userId },
    'story search failed',
  );
  return 'generic';
}

function formTask(model: StoryFormModel, locale: Locale): MessagingExtensionActionResponse {
  return cardTask(storyFormCard({ ...model, host: 'dialog' }, locale), locale);
}

/** A dialog with only a notice: the answer to a submit that cannot be handled at all. */
export function noticeTask(
  notice: 'generic' | 'unauthenticated',
  locale: Locale,
): MessagingExtensionActionResponse {
  return cardTask(noticeCard({ notice }, locale), locale, 'notice');
}

/** The people to list, with `person` first when the list does not hold them yet. */
function withPerson(
  people: StoryFormModel['people'],
  person: { readonly id: string; readonly displayName: string },
): StoryFormModel['people'] {
  return people.some((p) => p.id === person.id)
    ? people
    : [{ id: person.id, displayName: person.displayName }, ...people];
}

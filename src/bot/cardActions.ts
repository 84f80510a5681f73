import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { isDomainError, type Logger, type Story, type StoryService } from '../domain/index.js';
import { decisionInputSchema, storyIdSchema } from '../shared/schemas.js';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard } from './cards/adaptiveCard.js';
import {
  approvalCard,
  CHANGES_COMMENT_INPUT,
  DECIDE_VERB,
  REFRESH_VERB,
  REJECT_REASON_INPUT,
  type ApprovalNotice,
} from './cards/approvalCard.js';
import { OPEN_FORM_VERB } from './cards/helpCard.js';
import { noticeCard, thanksCard } from './cards/messageCards.js';
import {
  STORY_FORM_ERRORS,
  storyFormCard,
  SUBMIT_STORY_VERB,
  type StoryFormError,
  type StoryFormField,
  type StoryFormModel,
} from './cards/storyFormCard.js';
import { isRecord } from './guards.js';
import { localeOf } from './i18n.js';
import { readStoryForm } from './storyForm.js';
import { resolveTurnUser, type TurnDeps, type TurnUser } from './turn.js';

export interface CardActionDeps extends TurnDeps {
  readonly service: StoryService;
  readonly logger: Logger;
}

/**
 * How many colleagues the form lists itself. Teams refuses cards over about 28 KB, and its people
 * picker searches the whole organisation anyway; the list is a shortcut, and what other hosts show.
 */
const LISTED_PEOPLE = 100;

/** Answers an `adaptiveCard/action` invoke (Universal Actions) by its verb. */
export async function handleCardAction(
  context: TurnContext,
  invoke: AdaptiveCardInvokeValue,
  deps: CardActionDeps,
): Promise<AdaptiveCardInvokeResponse> {
  const turn = await resolveTurnUser(context.activity, deps);
  if (!turn) {
    return cardResponse(
      noticeCard({ notice: 'unauthenticated' }, localeOf(context.activity.locale)),
    );
  }
  const data: Record<string, unknown> = isRecord(invoke.action.data) ? invoke.action.data : {};
  switch (invoke.action.verb) {
    case OPEN_FORM_VERB:
      return cardResponse(storyFormCard(await storyFormModel(turn, deps), turn.locale));
    case SUBMIT_STORY_VERB:
      return cardResponse(await submit(turn, data, deps));
    case DECIDE_VERB:
      return cardResponse(await decide(context, turn, data, deps));
    case REFRESH_VERB:
      return cardResponse(await refresh(context, turn, data, deps));
    default:
      return cardResponse(noticeCard({ notice: 'generic' }, turn.locale));
  }
}

async function submit(
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
): Promise<AdaptiveCard> {
  const form = readStoryForm(data, turn.locale);
  if (!form.ok) {
    const model = await storyFormModel(turn, deps);
    return storyFormCard({ ...model, values: form.values, invalid: form.invalid }, turn.locale);
  }
  let story: Story;
  try {
    story = await deps.service.submitStory(turn.actor, form.draft);
  } catch (error) {
    const again = { ...(await storyFormModel(turn, deps)), values: form.values };
    if (isDomainError(error, 'validation')) {
      const field = error.details?.field;
      const invalid: StoryFormField[] = field === 'consent' || field === 'featured' ? [field] : [];
      return storyFormCard(
        invalid.length > 0 ? { ...again, invalid } : { ...again, error: 'validation' },
        turn.locale,
      );
    }
    return storyFormCard({ ...again, error: errorCodeOf(error, deps, turn) }, turn.locale);
  }
  // Outside the try: once stored, a failure here must not offer the form again (a resubmit
  // would tell the story twice).
  const approver = await deps.users.get(story.tenantId, story.approverId);
  return thanksCard({ story, approverName: approver?.displayName ?? null }, turn.locale);
}

async function decide(
  context: TurnContext,
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
): Promise<AdaptiveCard> {
  const storyId = storyIdSchema.safeParse(data.storyId);
  if (!storyId.success) return noticeCard({ notice: 'not_found' }, turn.locale);
  const comment =
    data.decision === 'changes'
      ? data[CHANGES_COMMENT_INPUT]
      : data.decision === 'reject'
        ? data[REJECT_REASON_INPUT]
        : undefined;
  const input = decisionInputSchema.safeParse({
    decision: data.decision,
    ...(comment === undefined ? {} : { comment }),
  });
  if (!input.success) return currentCard(context, turn, storyId.data, 'validation', deps);
  const { decision, comment: text } = input.data;
  if (decision === 'changes' && !text) {
    return currentCard(context, turn, storyId.data, 'missingComment', deps);
  }
  try {
    const story = await deps.service.decideStory(turn.actor, storyId.data, decision, text);
    return approvalCard(
      { story, actionable: false, refreshUserIds: [], deciderName: turn.actor.displayName },
      turn.locale,
    );
  } catch (error) {
    return currentCard(context, turn, storyId.data, noticeOf(error, deps, turn), deps);
  }
}

async function refresh(
  context: TurnContext,
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
): Promise<AdaptiveCard> {
  const storyId = storyIdSchema.safeParse(data.storyId);
  if (!storyId.success) return noticeCard({ notice: 'not_found' }, turn.locale);
  return currentCard(context, turn, storyId.data, undefined, deps);
}

/**
 * The story as this user may see it now, with an optional notice on top. A refused action
 * answers with this, so the card keeps showing the true state and says why nothing happened.
 */
async function currentCard(
  context: TurnContext,
  turn: TurnUser,
  storyId: string,
  notice: ApprovalNotice | undefined,
  deps: CardActionDeps,
): Promise<AdaptiveCard> {
  let story: Story;
  try {
    story = await deps.service.getStory(turn.actor, storyId);
  } catch (error) {
    const code = noticeOf(error, deps, turn);
    return noticeCard({ notice: notice ?? code }, turn.locale);
  }
  const actionable = story.status === 'pending' && story.approverId === turn.actor.userId;
  const decider = story.decidedBy ? await deps.users.get(story.tenantId, story.decidedBy) : null;
  return approvalCard(
    {
      story,
      actionable,
      // The sender's Teams id keeps the approver's own view refreshing while it is pending.
      refreshUserIds: actionable ? [context.activity.from.id] : [],
      ...(decider ? { deciderName: decider.displayName } : {}),
      ...(notice ? { notice } : {}),
    },
    turn.locale,
  );
}

/** The empty story form for this user: colleagues to feature, team-mates first. */
export async function storyFormModel(
  turn: TurnUser,
  deps: Pick<CardActionDeps, 'users'>,
): Promise<StoryFormModel> {
  const people = await deps.users.list(turn.actor.tenantId);
  const team = turn.user.team;
  const rank = (p: { team?: string }) => (team !== undefined && p.team === team ? 0 : 1);
  return {
    people: people
      .filter((p) => p.id !== turn.actor.userId)
      .sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName))
      .slice(0, LISTED_PEOPLE)
      .map((p) => ({ id: p.id, displayName: p.displayName })),
  };
}

const NOTICES: ReadonlySet<string> = new Set<ApprovalNotice>([
  'forbidden',
  'not_found',
  'illegal_transition',
  'conflict',
  'validation',
]);

/** The notice for a failed decision; unexpected errors are logged and shown generically. */
function noticeOf(error: unknown, deps: CardActionDeps, turn: TurnUser): ApprovalNotice {
  if (isDomainError(error) && NOTICES.has(error.code)) return error.code as ApprovalNotice;
  deps.logger.error(
    { err: error, tenantId: turn.actor.tenantId, userId: turn.actor.userId },
    'card action failed',
  );
  return 'generic';
}

const FORM_ERRORS: ReadonlySet<string> = new Set(STORY_FORM_ERRORS);

/** The error code to explain on the form; unexpected errors are logged and shown generically. */
function errorCodeOf(error: unknown, deps: CardActionDeps, turn: TurnUser): StoryFormError {
  if (isDomainError(error) && FORM_ERRORS.has(error.code)) return error.code as StoryFormError;
  deps.logger.error(
    { err: error, tenantId: turn.actor.tenantId, userId: turn.actor.userId },
    'story submit failed',
  );
  return 'generic';
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: card };
}

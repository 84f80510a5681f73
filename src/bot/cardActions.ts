import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import {
  isDomainError,
  voteCountsPublicIn,
  waitingApprovers,
  waitingSlots,
  type Clock,
  type Logger,
  type SettingsStore,
  type Story,
  type StoryService,
} from '../domain/index.js';
import { decisionInputSchema, reassignInputSchema, storyIdSchema } from '../shared/schemas.js';
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard } from './cards/adaptiveCard.js';
import {
  approvalCard,
  CHANGES_COMMENT_INPUT,
  REASSIGN_COMMENT_INPUT,
  REASSIGN_TO_INPUT,
  REJECT_REASON_INPUT,
  type ApprovalNotice,
} from './cards/approvalCard.js';
import { channelStoryCard } from './cards/channelStoryCard.js';
import { featuredNoticeCard, noticeCard, thanksCard } from './cards/messageCards.js';
import { storyFormCard } from './cards/storyFormCard.js';
import { cardVerbName, type CardVerbName } from './cardVerbs.js';
import { isRecord } from './guards.js';
import { localeOf, translator } from './i18n.js';
import { checkEditedStoryCard, editStoryCard, resubmitStoryCard } from './storyEditing.js';
import {
  checkedStoryForm,
  storyFormModel,
  submitStoryForm,
  waitingNames,
} from './storySubmission.js';
import { resolveTurnUser, type TurnDeps, type TurnUser } from './turn.js';

export interface CardActionDeps extends TurnDeps {
  readonly service: StoryService;
  readonly settings: SettingsStore;
  readonly clock: Clock;
  readonly logger: Logger;
}

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
  const name = cardVerbName(invoke.action.verb);
  // A verb no card of this bot emits (an old card, or a forged invoke) is the client's mistake:
  // a notice in the person's language, not an error.
  if (!name) return cardResponse(noticeCard({ notice: 'unknownAction' }, turn.locale));
  const data: Record<string, unknown> = isRecord(invoke.action.data) ? invoke.action.data : {};
  return CARD_ACTIONS[name](context, turn, data, deps);
}

type CardActionHandler = (
  context: TurnContext,
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
) => Promise<AdaptiveCardInvokeResponse>;

/**
 * What answers each verb of `CARD_VERBS`, by its name; the type makes it answer every one.
 * Exported for the test that holds every verb a card emits to a handler.
 */
export const CARD_ACTIONS: { readonly [N in CardVerbName]: CardActionHandler } = {
  openForm: async (_context, turn, _data, deps) =>
    cardResponse(storyFormCard(await storyFormModel(turn, deps), turn.locale)),
  submitStory: async (_context, turn, data, deps) => cardResponse(await submit(turn, data, deps)),
  // The form of a story being edited carries its id; a new story's form does not.
  checkStory: async (_context, turn, data, deps) =>
    cardResponse(
      data.storyId === undefined
        ? storyFormCard(await checkedStoryForm(turn, data, deps), turn.locale)
        : await checkEditedStoryCard(turn, data, deps),
    ),
  resubmitStory: async (_context, turn, data, deps) =>
    cardResponse(await resubmitStoryCard(turn, data, deps)),
  decide: async (context, turn, data, deps) =>
    cardResponse(await decide(context, turn, data, deps)),
  reassign: async (context, turn, data, deps) =>
    cardResponse(await reassign(context, turn, data, deps)),
  refresh: async (context, turn, data, deps) =>
    cardResponse(await refresh(context, turn, data, deps)),
  editStory: async (_context, turn, data, deps) =>
    cardResponse(await editStoryCard(turn, data, deps)),
  vote: (_context, turn, data, deps) => vote(turn, data, deps),
  removeFeatured: (_context, turn, data, deps) => answerFeatured(turn, data, deps, 'removed'),
  confirmFeatured: (_context, turn, data, deps) => answerFeatured(turn, data, deps, 'confirmed'),
};

async function submit(
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
): Promise<AdaptiveCard> {
  const result = await submitStoryForm(turn, data, deps);
  if (!result.ok) return storyFormCard(result.form, turn.locale);
  // Once stored, a failure here must not offer the form again (a resubmit would tell the story
  // twice).
  const { story } = result;
  return thanksCard({ story, approverName: waitingNames(story) }, turn.locale);
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

/**
 * Hands a pending story to the person chosen in Teams' people picker (journey 4, "people are
 * away"): the approver or an admin, as from the tab. The answer is the card as this user now sees
 * it, saying to whom it went; a refusal keeps the true state and says why.
 */
async function reassign(
  context: TurnContext,
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
): Promise<AdaptiveCard> {
  const storyId = storyIdSchema.safeParse(data.storyId);
  if (!storyId.success) return noticeCard({ notice: 'not_found' }, turn.locale);
  const to = data[REASSIGN_TO_INPUT];
  if (typeof to !== 'string' || to.trim() === '') {
    return currentCard(context, turn, storyId.data, 'missingPerson', deps);
  }
  const comment = data[REASSIGN_COMMENT_INPUT];
  const input = reassignInputSchema.safeParse({
    approverId: to.trim(),
    ...(typeof comment === 'string' && comment.trim() !== '' ? { comment } : {}),
  });
  if (!input.success) return currentCard(context, turn, storyId.data, 'validation', deps);
  try {
    const story = await deps.service.reassignStory(
      turn.actor,
      storyId.data,
      input.data.approverId,
      input.data.comment,
    );
    const names = waitingSlots(story.approval).map((slot) => slot.displayName);
    return approvalCard(
      { story, actionable: false, refreshUserIds: [], reassignedTo: names.join(', ') },
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
  const actionable =
    story.status === 'pending' && waitingApprovers(story.approval).includes(turn.actor.userId);
  // The story is there to see; "not found" meant it no longer waits for this person.
  const shown = notice === 'not_found' ? 'notWaiting' : notice;
  const decider = story.decidedBy ? await deps.users.get(story.tenantId, story.decidedBy) : null;
  return approvalCard(
    {
      story,
      actionable,
      // The sender's Teams id keeps the approver's own view refreshing while it is pending.
      refreshUserIds: actionable ? [context.activity.from.id] : [],
      ...(decider ? { deciderName: decider.displayName } : {}),
      ...(shown ? { notice: shown } : {}),
    },
    turn.locale,
  );
}

const NOTICES: ReadonlySet<string> = new Set<ApprovalNotice>([
  'forbidden',
  'not_found',
  'illegal_transition',
  'conflict',
  'validation',
  'rate_limited',
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

/**
 * A vote from the channel card (journey 7). The card is shared by everyone in the channel, so a
 * vote answers with the card and its new count (none in privacy mode, whoever votes), in the
 * channel's language; a refused vote
 * (already voted, own story, no longer published) answers with a message only the voter sees
 * and leaves the card as it is.
 */
async function vote(
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
): Promise<AdaptiveCardInvokeResponse> {
  const t = translator(turn.locale);
  const storyId = storyIdSchema.safeParse(data.storyId);
  if (!storyId.success) return messageResponse(t('errors.not_found'));
  let story: Story;
  try {
    story = await deps.service.voteStory(turn.actor, storyId.data);
  } catch (error) {
    if (isDomainError(error, 'already_voted') || isDomainError(error, 'self_vote')) {
      return messageResponse(t(`errors.${error.code}`));
    }
    return messageResponse(t(`errors.${noticeOf(error, deps, turn)}`));
  }
  const [channel, showVoteCount] = await Promise.all([
    deps.settings.getPublicationChannel(story.tenantId),
    voteCountsPublicIn(deps, story.tenantId),
  ]);
  return cardResponse(channelStoryCard({ story, showVoteCount }, channel?.locale ?? turn.locale));
}

/**
 * "Remove my name" or "Confirm" on the featured notice: the colleague's name comes off the story
 * or, asked to confirm, is shown from now on; every posted copy of the story follows through the
 * outbox. Answered with the notice saying so.
 */
async function answerFeatured(
  turn: TurnUser,
  data: Record<string, unknown>,
  deps: CardActionDeps,
  answer: 'removed' | 'confirmed',
): Promise<AdaptiveCardInvokeResponse> {
  const t = translator(turn.locale);
  const storyId = storyIdSchema.safeParse(data.storyId);
  if (!storyId.success) return messageResponse(t('errors.not_found'));
  try {
    const story =
      answer === 'removed'
        ? await deps.service.removeFeatured(turn.actor, storyId.data)
        : await deps.service.confirmFeatured(turn.actor, storyId.data);
    // Confirming a story that no longer names them (they removed it meanwhile) says so.
    const named = story.featured.some((p) => p.id === turn.actor.userId);
    const state = answer === 'confirmed' && !named ? 'removed' : answer;
    return cardResponse(featuredNoticeCard({ story, state }, turn.locale));
  } catch (error) {
    return messageResponse(t(`errors.${noticeOf(error, deps, turn)}`));
  }
}

/** An invoke answer Teams shows the user as a message, leaving the card unchanged. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  // botbuilder types `value` as an object, but this response type carries the text itself.
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: card };
}

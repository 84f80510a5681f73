import {
  awardMonthOf,
  outcomeOf,
  publicFeatured,
  waitingApprovers,
  type OutboxHandler,
  type StoryOutboxHandler,
  type PendingOutboxMessage,
  type Story,
  type StoryRepository,
  type UserDirectory,
} from '../domain/index.js';
import { cardMessage } from './activities.js';
import { approvalCard } from './cards/approvalCard.js';
import { awardNoticeCard } from './cards/awardCards.js';
import { decisionNoticeCard, featuredNoticeCard } from './cards/messageCards.js';
import {
  announceAwardHandler,
  deleteCardsHandler,
  postToChannelHandler,
  refreshCardsHandler,
  type PostedCardDeps,
} from './postedCardHandlers.js';
import { sendToPerson } from './proactive.js';

export interface OutboxHandlerDeps extends PostedCardDeps {
  /** Read only: the handlers load the story a message is about. */
  readonly stories: StoryRepository;
  readonly users: UserDirectory;
}

/** The bot's side effects, run by the outbox relay after their state change committed. */
export interface BotOutboxHandlers {
  readonly 'approval.requested': OutboxHandler;
  readonly 'story.decided': OutboxHandler;
  readonly 'featured.notify': OutboxHandler;
  readonly 'featured.ask': OutboxHandler;
  readonly 'cards.refresh': StoryOutboxHandler;
  readonly 'channel.post': OutboxHandler;
  readonly 'cards.delete': OutboxHandler;
  readonly 'award.announce': OutboxHandler;
  readonly 'award.notify': OutboxHandler;
}

/**
 * Outbox handlers for the approval card, the decision notice and the featured colleagues'
 * notices. A message can run more than
 * once, so each re-reads the story and does nothing when the story has moved on (decided,
 * re-routed, changed again): the card or notice would be stale. A 429 from the connector is
 * thrown with `retryAfterMs`, which the relay honours; a refusal that cannot change (the person
 * blocked the bot) as a `PermanentFailure`, which the relay gives up.
 */
export function createOutboxHandlers(deps: OutboxHandlerDeps): BotOutboxHandlers {
  return {
    'approval.requested': async (message) => {
      const approverId = message.payload.approverId;
      if (typeof approverId !== 'string' || approverId === '') {
        return skip(deps, message, 'no approver in payload');
      }
      const story = await load(deps, message);
      if (
        !story ||
        story.status !== 'pending' ||
        !waitingApprovers(story.approval).includes(approverId)
      ) {
        return skip(deps, message, 'story no longer waits for this approver');
      }
      // Run before, its completion lost (a crash after the card was recorded): sent already.
      // A crash between the send and the record cannot be told apart from no send, so that
      // copy is sent again; both stay true (tests/integration/bot/botCrash.test.ts).
      const posted = await deps.postedCards.list(message.ref);
      if (posted.some((card) => card.messageId === message.id)) {
        return skip(deps, message, 'approval card already sent by this message');
      }
      const approver = await deps.users.get(story.tenantId, approverId);
      const locale = approver?.locale ?? story.locale;
      const delivery = await sendToPerson(
        deps,
        { tenantId: story.tenantId, userId: approverId, displayName: approver?.displayName ?? '' },
        // The card refreshes for the approver (their Teams id when known) so that a decision
        // made elsewhere (the tab) shows when they look at the card again.
        (teamsUserId) =>
          cardMessage(
            approvalCard(
              {
                story,
                actionable: true,
                refreshUserIds: [teamsUserId],
                reminder: message.payload.reminder === true,
              },
              locale,
            ),
          ),
        story.authorId,
      );
      // Recorded, so that a decision made elsewhere, a withdrawal or a resubmission updates it.
      if (delivery?.activityId) {
        await deps.postedCards.add(message.ref, {
          activityId: delivery.activityId,
          reference: delivery.reference,
          kind: 'approval',
          locale,
          userId: approverId,
          teamsUserId: delivery.teamsUserId,
          messageId: message.id,
        });
      }
    },

    'story.decided': async (message) => {
      const decision = message.payload.decision;
      if (
        decision !== 'approve' &&
        decision !== 'changes' &&
        decision !== 'reject' &&
        decision !== 'expire'
      ) {
        return skip(deps, message, 'unknown decision in payload');
      }
      const story = await load(deps, message);
      if (!story || story.status !== outcomeOf(decision).status) {
        return skip(deps, message, 'story has moved on since the decision');
      }
      const [author, decider] = await Promise.all([
        deps.users.get(story.tenantId, story.authorId),
        story.decidedBy ? deps.users.get(story.tenantId, story.decidedBy) : null,
      ]);
      await sendToPerson(
        deps,
        {
          tenantId: story.tenantId,
          userId: story.authorId,
          displayName: author?.displayName ?? story.authorName,
        },
        // The author hears in the language they told the story in.
        () =>
          cardMessage(
            decisionNoticeCard(
              { story, decision, deciderName: decider?.displayName ?? null },
              story.locale,
            ),
          ),
        story.decidedBy ?? story.approval.asked[0],
      );
    },

    // Published: each featured colleague hears; one still asked to confirm is asked again.
    'featured.notify': (message) =>
      tellFeatured(deps, message, (story) => story.status === 'published', 'published'),

    // Asked to confirm being named (`confirmFeatured`), while the story waits or is on the wall.
    'featured.ask': (message) =>
      tellFeatured(
        deps,
        message,
        (story) =>
          story.status === 'pending' ||
          story.status === 'changes_requested' ||
          story.status === 'published',
        'ask',
      ),

    'cards.refresh': refreshCardsHandler(deps),
    'channel.post': postToChannelHandler(deps),
    'cards.delete': deleteCardsHandler(deps),
    'award.announce': announceAwardHandler(deps),
    'award.notify': (message) => tellAwarded(deps, message),
  };
}

/**
 * Tells one person (`payload.userId`) that the story is the story of the month
 * (`payload.month`), in their language, while the story is published, still the month's winner,
 * and they are its author or a colleague it names to everyone (one who took their name off since
 * hears nothing).
 */
async function tellAwarded(deps: OutboxHandlerDeps, message: PendingOutboxMessage): Promise<void> {
  const { userId, month } = message.payload;
  if (typeof userId !== 'string' || userId === '' || typeof month !== 'string') {
    return skip(deps, message, 'no person or month in payload');
  }
  const story = await load(deps, message);
  if (!story || story.status !== 'published' || awardMonthOf(story) !== month) {
    return skip(deps, message, 'story has moved on');
  }
  const award = (await deps.awards.get(story.tenantId, month))?.value;
  if (award?.story.id !== story.id) {
    return skip(deps, message, 'story is no longer the story of the month');
  }
  const featured = publicFeatured(story).find((person) => person.id === userId);
  const role = userId === story.authorId ? 'author' : featured ? 'featured' : null;
  if (!role) return skip(deps, message, 'person is neither the author nor featured publicly');
  const person = await deps.users.get(story.tenantId, userId);
  const locale = person?.locale ?? story.locale;
  await sendToPerson(
    deps,
    {
      tenantId: story.tenantId,
      userId,
      displayName:
        person?.displayName ??
        (role === 'author' ? story.authorName : (featured?.displayName ?? '')),
    },
    () =>
      cardMessage(
        awardNoticeCard(
          { story, month, role, ...(award.citation ? { citation: award.citation } : {}) },
          locale,
        ),
      ),
    role === 'author' ? award.awardedBy.id : story.authorId,
  );
}

/**
 * Sends one featured colleague (`payload.userId`) the notice about the story, in their language,
 * while `current` holds for it and the story still names them (edited since, or the author
 * featuring themselves: nothing). Someone still asked to confirm gets the asking notice.
 */
async function tellFeatured(
  deps: OutboxHandlerDeps,
  message: PendingOutboxMessage,
  current: (story: Story) => boolean,
  state: 'published' | 'ask',
): Promise<void> {
  const userId = message.payload.userId;
  if (typeof userId !== 'string' || userId === '') {
    return skip(deps, message, 'no featured colleague in payload');
  }
  const story = await load(deps, message);
  if (!story || !current(story)) return skip(deps, message, 'story has moved on');
  const featured = story.featured.find((p) => p.id === userId);
  if (!featured || userId === story.authorId) {
    return skip(deps, message, 'person is not featured in the story');
  }
  if (state === 'ask' && !featured.awaiting) {
    return skip(deps, message, 'person has answered already');
  }
  const person = await deps.users.get(story.tenantId, userId);
  const locale = person?.locale ?? story.locale;
  await sendToPerson(
    deps,
    { tenantId: story.tenantId, userId, displayName: person?.displayName ?? featured.displayName },
    () =>
      cardMessage(
        featuredNoticeCard({ story, state: featured.awaiting ? 'ask' : 'published' }, locale),
      ),
    story.authorId,
  );
}

async function load(deps: OutboxHandlerDeps, message: PendingOutboxMessage): Promise<Story | null> {
  return (await deps.stories.get(message.ref))?.value ?? null;
}

function skip(deps: OutboxHandlerDeps, message: PendingOutboxMessage, reason: string): void {
  deps.logger.info({ kind: message.kind, id: message.id, ...message.ref }, `outbox: ${reason}`);
}

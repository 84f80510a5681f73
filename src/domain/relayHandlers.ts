import type { OutboxHandler } from './outboxRelay.js';
import type {
  AwardStore,
  OutboxKind,
  PendingOutboxMessage,
  PostedCards,
  StoryRepository,
} from './ports.js';
import type { StoryPersonalData } from './erasurePorts.js';
import type { InlineProjections } from './inlineProjections.js';
import { projectStoryHandler, type Projections } from './projections.js';
import type { Story } from './story.js';
import { followAward } from './useCases/awards.js';
import { purgeStoryHandler } from './useCases/erasure.js';

/**
 * The kinds the domain carries out itself; the others are the adapters': the bot's side effects
 * in Teams and the API's webhook deliveries.
 */
type DomainKinds = 'story.project' | 'story.purge';

/**
 * A handler handed the story its message is about, as read once for the whole message (null:
 * the story is gone), so that the handlers one message runs do not each read it again.
 */
export type StoryOutboxHandler = (
  message: PendingOutboxMessage,
  story: Story | null,
) => Promise<void>;

/** The adapters' handlers: every kind but the domain's own; `cards.refresh` is handed the story. */
export type AdapterHandlers = Readonly<
  Record<Exclude<OutboxKind, DomainKinds | 'cards.refresh'>, OutboxHandler>
> & { readonly 'cards.refresh': StoryOutboxHandler };

/** What the domain's own handlers read and write. */
export type RelayHandlerDeps = Projections & {
  readonly stories: StoryRepository;
  /** The inline projections of this instance's commits, which `story.project` need not repair. */
  readonly inlineProjections?: InlineProjections;
  readonly personalData: StoryPersonalData;
  readonly postedCards: PostedCards;
  readonly awards: AwardStore;
};

/**
 * The outbox relay's table of handlers, one per kind: the adapters' (the bot's side effects in
 * Teams, the webhook deliveries), and the domain's own — the projections' repair, the purge of a deleted story, and the copy of a story
 * its month's award holds, kept in line after its posted cards (`cards.refresh`).
 */
export function relayHandlers(
  adapters: AdapterHandlers,
  deps: RelayHandlerDeps,
): Readonly<Record<OutboxKind, OutboxHandler>> {
  return {
    ...adapters,
    'story.project': projectStoryHandler(deps),
    'story.purge': purgeStoryHandler(deps),
    // The posted cards and the award's copy follow the same story: it is read once for both.
    'cards.refresh': async (message) => {
      const story = (await deps.stories.get(message.ref))?.value ?? null;
      await adapters['cards.refresh'](message, story);
      await followAward(deps, story);
    },
  };
}

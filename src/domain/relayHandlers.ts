import type { OutboxHandler } from './outboxRelay.js';
import type { AwardStore, OutboxKind, PostedCards, StoryRepository } from './ports.js';
import type { StoryPersonalData } from './erasurePorts.js';
import type { InlineProjections } from './inlineProjections.js';
import { projectStoryHandler, type Projections } from './projections.js';
import { followAwardHandler } from './useCases/awards.js';
import { purgeStoryHandler } from './useCases/erasure.js';

/**
 * The kinds the domain carries out itself; the others are the adapters': the bot's side effects
 * in Teams and the API's webhook deliveries.
 */
type DomainKinds = 'story.project' | 'story.purge';

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
  adapters: Readonly<Record<Exclude<OutboxKind, DomainKinds>, OutboxHandler>>,
  deps: RelayHandlerDeps,
): Readonly<Record<OutboxKind, OutboxHandler>> {
  const followAward = followAwardHandler(deps);
  return {
    ...adapters,
    'story.project': projectStoryHandler(deps),
    'story.purge': purgeStoryHandler(deps),
    'cards.refresh': async (message) => {
      await adapters['cards.refresh'](message);
      await followAward(message);
    },
  };
}

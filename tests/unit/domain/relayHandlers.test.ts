import { describe, expect, it } from 'vitest';
import {
  OUTBOX_KINDS,
  createAwardsService,
  relayHandlers,
  type OutboxKind,
  type PendingOutboxMessage,
  type Story,
} from '../../../src/domain/index.js';
import { fakeAwards } from '../../support/erasureFakes.js';
import { buildActor, buildStory, buildUser } from '../../support/factories.js';
import {
  fakePostedCards,
  fakeProjections,
  fakeSettings,
  fakeStories,
  fixedClock,
  sequentialIds,
} from '../../support/fakes.js';

/** The relay's table of handlers: what the domain adds to the adapters' side effects. */

const editor = buildActor(buildUser({ id: 'editor-1', roles: ['editor'] }));

function refreshOf(story: Story): PendingOutboxMessage {
  return {
    id: 'm-1',
    kind: 'cards.refresh',
    createdAt: new Date(),
    payload: {},
    ref: { tenantId: story.tenantId, storyId: story.id },
    attempts: 0,
    nextAttemptAt: new Date(),
    etag: '',
  };
}

describe('relayHandlers', () => {
  it('reads the story of a cards.refresh once for the posted cards and the award copy', async () => {
    const publishedAt = new Date('2026-10-05T10:00:00Z');
    const winner = buildStory({
      id: 'w',
      status: 'published',
      publishedAt,
      updatedAt: publishedAt,
    });
    const stories = fakeStories();
    await stories.commit({ story: winner, expectedEtag: null, audit: [], outbox: [] });
    const awards = fakeAwards();
    const clock = fixedClock(new Date('2026-11-02T09:00:00Z'));
    const deps = {
      ...fakeProjections(),
      stories,
      personalData: stories,
      postedCards: fakePostedCards(),
      awards,
    };
    await createAwardsService({
      ...deps,
      settings: fakeSettings(),
      clock,
      ids: sequentialIds('ev'),
      onCommitted: () => undefined,
    }).chooseWinner(editor, '2026-10', { storyId: 'w' });

    // A vote since: the story moved on, and its cards and the award's copy follow it.
    const held = await stories.get(refreshOf(winner).ref);
    if (!held) throw new Error('the winner is stored');
    const voted = {
      ...held.value,
      voteCount: held.value.voteCount + 1,
      revision: held.value.revision + 1,
    };
    await stories.commit({ story: voted, expectedEtag: held.etag, audit: [], outbox: [] });
    let reads = 0;
    const counted = {
      ...stories,
      get: (...args: Parameters<typeof stories.get>) => {
        reads++;
        return stories.get(...args);
      },
    };
    const shown: (Story | null)[] = [];
    const adapters = Object.fromEntries(
      (Object.keys(OUTBOX_KINDS) as OutboxKind[]).map((kind) => [kind, async () => undefined]),
    ) as unknown as Parameters<typeof relayHandlers>[0];
    const handlers = relayHandlers(
      {
        ...adapters,
        'cards.refresh': async (_message, story) => {
          shown.push(story);
        },
      },
      { ...deps, stories: counted },
    );

    await handlers['cards.refresh'](refreshOf(voted));

    expect(shown.map((story) => story?.voteCount)).toEqual([voted.voteCount]);
    expect((await awards.get(voted.tenantId, '2026-10'))?.value.story.voteCount).toBe(
      voted.voteCount,
    );
    expect(reads).toBe(1);
  });
});

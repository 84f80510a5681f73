import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import { RestError } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { DomainError, type StoryChange, type StoryDeps } from '../../../src/domain/index.js';
import { voteStory } from '../../../src/domain/useCases/voteStory.js';
import type { AdditionalPolicy } from '../../../src/storage/callCounter.js';
import { useTestStorage } from '../../support/azurite.js';
import { buildActor, buildStory, buildUser } from '../../support/factories.js';
import { fixedClock, sequentialIds, silentLogger } from '../../support/fakes.js';

const T0 = new Date('2026-11-02T09:00:00.123Z');
const tenantId = 'tenant-a';
const storage = useTestStorage();
let n = 0;

/** A new story id per test, so tests in this file never touch each other's partitions. */
function freshStory(overrides: Parameters<typeof buildStory>[0] = {}) {
  return buildStory({ tenantId, id: `story-${++n}`, createdAt: T0, updatedAt: T0, ...overrides });
}

function create(story = freshStory()): StoryChange {
  return {
    story,
    expectedEtag: null,
    audit: [
      {
        id: `audit-${story.id}`,
        at: T0,
        actorId: story.authorId,
        actorName: story.authorName,
        action: 'submitted',
        surface: 'tab',
      },
    ],
    outbox: [
      { id: `out-${story.id}-1`, kind: 'approval.requested', createdAt: T0, payload: { a: 'x' } },
    ],
  };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

/**
 * Loses the answer of the next entity-group transaction after storage has applied it, as a reset
 * connection or a timed-out attempt does; the SDK's retry policy then sends it again.
 */
let loseNextBatchAnswer = false;
const answerLost: AdditionalPolicy['policy'] = {
  name: 'loseAnAnswer',
  async sendRequest(request, next) {
    const response = await next(request);
    if (loseNextBatchAnswer && request.url.includes('$batch')) {
      loseNextBatchAnswer = false;
      throw new RestError('The connection was reset.', { code: 'ECONNRESET', request });
    }
    return response;
  },
};
const flaky = useTestStorage({
  additionalPolicies: [{ policy: answerLost, position: 'perRetry' }],
});

describe('TableStoryRepository', () => {
  it('creates a story and reads every field back with its ETag', async () => {
    const story = freshStory({
      customerQuote: 'Thank you!',
      sourceUrl: 'https://example.com/post',
      featured: [
        { id: 'u1', displayName: 'Äiti Ö' },
        { id: 'u2', displayName: "O'Brien" },
      ],
    });
    const saved = await storage.stories.commit(create(story));
    expect(saved.etag).toMatch(/datetime/);
    const read = await storage.stories.get({ tenantId, storyId: story.id });
    expect(read?.value).toEqual(story);
    expect(read?.etag).toBe(saved.etag);
  });

  it('returns null for a story that does not exist, and hides it from other tenants', async () => {
    const story = freshStory();
    await storage.stories.commit(create(story));
    expect(await storage.stories.get({ tenantId, storyId: 'nope' })).toBeNull();
    expect(await storage.stories.get({ tenantId: 'tenant-b', storyId: story.id })).toBeNull();
  });

  it('refuses a second create of the same story as a conflict', async () => {
    const story = freshStory();
    await storage.stories.commit(create(story));
    const again = { ...create(story), audit: [] };
    await expectCode(storage.stories.commit(again), 'conflict');
  });

  it('answers a create whose first answer was lost with the story it stored, not a conflict', async () => {
    const story = freshStory();
    loseNextBatchAnswer = true;
    const saved = await flaky.stories.commit(create(story));
    expect(loseNextBatchAnswer).toBe(false);
    expect(saved.value).toEqual(story);
    const read = await flaky.stories.get({ tenantId, storyId: story.id });
    expect(read?.value).toEqual(story);
    expect(read?.etag).toBe(saved.etag);
    expect(await flaky.stories.audit({ tenantId, storyId: story.id })).toHaveLength(1);
    // A second, separate create of the same story is still refused.
    await expectCode(flaky.stories.commit({ ...create(story), audit: [] }), 'conflict');
  });

  it('updates with the ETag it read and refuses a stale ETag', async () => {
    const story = freshStory();
    const first = await storage.stories.commit(create(story));
    const approved = { ...story, status: 'published' as const, publishedAt: T0, decidedBy: 'm' };
    const second = await storage.stories.commit({
      story: approved,
      expectedEtag: first.etag,
      audit: [],
      outbox: [],
    });
    expect(second.etag).not.toBe(first.etag);
    expect((await storage.stories.get({ tenantId, storyId: story.id }))?.value).toEqual(approved);

    await expectCode(
      storage.stories.commit({
        story: { ...story, title: 'late' },
        expectedEtag: first.etag,
        audit: [],
        outbox: [],
      }),
      'conflict',
    );
    expect((await storage.stories.get({ tenantId, storyId: story.id }))?.value.title).toBe(
      story.title,
    );
  });

  it('keeps the audit trail in time order', async () => {
    const story = freshStory();
    const author = {
      actorId: story.authorId,
      actorName: story.authorName,
      surface: 'card' as const,
    };
    // One change writes several events at the same instant; their ids sort the other way round,
    // so only the position within the change can keep 'submitted' before 'routed'.
    const first = await storage.stories.commit({
      ...create(story),
      audit: [
        { id: 'z-submitted', at: T0, action: 'submitted', ...author },
        {
          id: 'a-routed',
          at: T0,
          action: 'routed',
          ...author,
          detail: { stage: 1, approvers: ['m', 'n'] },
        },
      ],
    });
    const later = new Date(T0.getTime() + 60_000);
    await storage.stories.commit({
      story: { ...story, status: 'rejected', updatedAt: later },
      expectedEtag: first.etag,
      audit: [
        {
          id: 'a2',
          at: later,
          actorId: 'm',
          action: 'rejected',
          comment: 'Not a story.',
          actorName: 'Manager M',
          surface: 'tab',
        },
      ],
      outbox: [],
    });
    const audit = await storage.stories.audit({ tenantId, storyId: story.id });
    expect(audit.map((e) => e.action)).toEqual(['submitted', 'routed', 'rejected']);
    expect(audit[1]).toEqual({
      id: 'a-routed',
      at: T0,
      action: 'routed',
      ...author,
      detail: { stage: 1, approvers: ['m', 'n'] },
    });
    expect(audit[2]).toEqual({
      id: 'a2',
      at: later,
      actorId: 'm',
      action: 'rejected',
      comment: 'Not a story.',
      actorName: 'Manager M',
      surface: 'tab',
    });
  });

  it('counts a vote once: a second vote is already_voted and changes nothing', async () => {
    const story = freshStory({ status: 'published', publishedAt: T0 });
    const created = await storage.stories.commit(create(story));
    const ref = { tenantId, storyId: story.id };
    const voted = await storage.stories.commit({
      story: { ...story, voteCount: 1 },
      expectedEtag: created.etag,
      audit: [],
      reaction: { kind: 'vote', personId: 'voter-1', at: T0 },
      outbox: [{ id: `o-${story.id}-v1`, kind: 'story.project', createdAt: T0, payload: {} }],
    });
    expect((await storage.stories.reactionOf(ref, 'vote', 'voter-1')) !== null).toBe(true);
    expect((await storage.stories.reactionOf(ref, 'vote', 'voter-2')) !== null).toBe(false);

    // Same voter again, with a fresh ETag: only the vote row can fail, and it takes the rest along.
    await expectCode(
      storage.stories.commit({
        story: { ...story, voteCount: 2 },
        expectedEtag: voted.etag,
        audit: [],
        reaction: { kind: 'vote', personId: 'voter-1', at: T0 },
        outbox: [{ id: `o-${story.id}-v2`, kind: 'story.project', createdAt: T0, payload: {} }],
      }),
      'already_voted',
    );
    const after = await storage.stories.get(ref);
    expect(after?.value.voteCount).toBe(1);
    expect(after?.etag).toBe(voted.etag);
    const outboxIds = (await storage.outbox.pending(ref, T0)).map((m) => m.id);
    expect(outboxIds).not.toContain(`o-${story.id}-v2`);
  });

  it('stores nothing of a failed commit (stale ETag with audit, outbox and vote)', async () => {
    const story = freshStory({ status: 'published', publishedAt: T0 });
    const created = await storage.stories.commit(create(story));
    const ref = { tenantId, storyId: story.id };
    await storage.stories.commit({ story, expectedEtag: created.etag, audit: [], outbox: [] });
    await expectCode(
      storage.stories.commit({
        story: { ...story, voteCount: 1 },
        expectedEtag: created.etag,
        audit: [
          { id: 'never', at: T0, actorId: 'x', action: 'archived', actorName: 'x', surface: 'tab' },
        ],
        reaction: { kind: 'vote', personId: 'voter-9', at: T0 },
        outbox: [{ id: `o-${story.id}-never`, kind: 'story.project', createdAt: T0, payload: {} }],
      }),
      'conflict',
    );
    expect((await storage.stories.reactionOf(ref, 'vote', 'voter-9')) !== null).toBe(false);
    expect((await storage.stories.audit(ref)).map((e) => e.id)).not.toContain('never');
    expect((await storage.outbox.pending(ref, T0)).map((m) => m.id)).not.toContain(
      `o-${story.id}-never`,
    );
  });

  it('lets exactly one of ten concurrent commits from the same read win', async () => {
    const story = freshStory({ status: 'published', publishedAt: T0 });
    const created = await storage.stories.commit(create(story));
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        storage.stories.commit({
          story: { ...story, voteCount: 1 },
          expectedEtag: created.etag,
          audit: [],
          reaction: { kind: 'vote', personId: `racer-${i}`, at: T0 },
          outbox: [],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe('conflict');
    }
    const ref = { tenantId, storyId: story.id };
    expect((await storage.stories.get(ref))?.value.voteCount).toBe(1);
    const voters = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        storage.stories.reactionOf(ref, 'vote', `racer-${i}`).then((r) => r !== null),
      ),
    );
    expect(voters.filter(Boolean)).toHaveLength(1);
  });

  it('loses and doubles no vote when ten people vote at once through voteStory', async () => {
    const story = freshStory({ status: 'published', publishedAt: T0 });
    await storage.stories.commit(create(story));
    const deps: StoryDeps = {
      ...storage,
      clock: fixedClock(T0),
      ids: sequentialIds(`vote-${story.id}`),
      logger: silentLogger,
      onCommitted: () => {},
      directory: createDemoDirectory({ users: storage.users, groups: {} }),
      configAdmins: [],
    };
    const voters = Array.from({ length: 10 }, (_, i) =>
      buildActor(buildUser({ tenantId, id: `colleague-${i}` })),
    );
    const first = await Promise.allSettled(voters.map((v) => voteStory(deps, v, story.id)));
    // retryOnConflict gives up after a few lost races; a refused vote is a clear conflict and
    // the voter may vote again — nothing half-done is left behind.
    for (const r of first) {
      if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe('conflict');
    }
    const ref = { tenantId, storyId: story.id };
    const counted = (await storage.stories.get(ref))?.value.voteCount;
    const rows = await Promise.all(
      voters.map((v) => storage.stories.reactionOf(ref, 'vote', v.userId).then((r) => r !== null)),
    );
    expect(counted).toBe(rows.filter(Boolean).length);
    expect(counted).toBe(first.filter((r) => r.status === 'fulfilled').length);

    for (const [i, r] of first.entries()) {
      if (r.status === 'rejected') await voteStory(deps, voters[i]!, story.id);
    }
    expect((await storage.stories.get(ref))?.value.voteCount).toBe(10);
    await expectCode(voteStory(deps, voters[0]!, story.id), 'already_voted');
    expect((await storage.stories.get(ref))?.value.voteCount).toBe(10);
  });

  it('rejects ids that cannot be part of a key', async () => {
    for (const storyId of ['a/b', 'a\\b', 'a#b', 'a?b', 'a|b', 'a\u0001b', '']) {
      await expectCode(storage.stories.get({ tenantId, storyId }), 'validation');
    }
    await expectCode(storage.stories.get({ tenantId: 'x|y', storyId: 'z' }), 'validation');
  });
});

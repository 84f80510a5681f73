import { describe, expect, it } from 'vitest';
import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import {
  DomainError,
  type Actor,
  type ReactionKind,
  type StoryChange,
  type StoryDeps,
} from '../../../src/domain/index.js';
import {
  myReactions,
  reactToStory,
  takeBackReaction,
} from '../../../src/domain/useCases/reactions.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import { useTestStorage } from '../../support/azurite.js';
import { buildActor, buildStory, buildUser } from '../../support/factories.js';
import { fixedClock, sequentialIds, silentLogger } from '../../support/fakes.js';

/** Reactions (votes and "I learned from this") on real Azurite: rows and counts stay equal. */

const T0 = new Date('2026-11-02T09:00:00.123Z');
const tenantId = 'tenant-reactions';
const counter = createCallCounter();
const storage = useTestStorage({
  additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
});
let n = 0;

/** A new published story per test, so tests never touch each other's partitions. */
async function publishedStory() {
  const story = buildStory({
    tenantId,
    id: `reacted-${++n}`,
    status: 'published',
    publishedAt: T0,
    createdAt: T0,
    updatedAt: T0,
  });
  const saved = await storage.stories.commit({
    story,
    expectedEtag: null,
    audit: [],
    outbox: [],
  });
  const ref = { tenantId, storyId: story.id };
  const deps: StoryDeps = {
    ...storage,
    clock: fixedClock(T0),
    ids: sequentialIds(`r-${story.id}`),
    logger: silentLogger,
    onCommitted: () => {},
    directory: createDemoDirectory({ users: storage.users, groups: {} }),
    configAdmins: [],
  };
  return { story: saved.value, etag: saved.etag, ref, deps };
}

const colleagues = (count: number, prefix: string): Actor[] =>
  Array.from({ length: count }, (_, i) =>
    buildActor(buildUser({ tenantId, id: `${prefix}-${i}` })),
  );

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

describe('reactions in the story partition', () => {
  it('writes a learned row with the count in one transaction; a second is already_reacted', async () => {
    const { story, etag, ref } = await publishedStory();
    const change: StoryChange = {
      story: { ...story, learnedCount: 1, revision: story.revision + 1 },
      expectedEtag: etag,
      audit: [],
      outbox: [],
      reaction: { kind: 'learned', personId: 'p-1', at: T0 },
    };
    const saved = await storage.stories.commit(change);
    expect((await storage.stories.get(ref))?.value.learnedCount).toBe(1);
    expect(await storage.stories.reactionOf(ref, 'learned', 'p-1')).toEqual({
      kind: 'learned',
      personId: 'p-1',
      at: T0,
    });
    // The vote is a row of its own: the same person's vote is still to be cast.
    expect(await storage.stories.reactionOf(ref, 'vote', 'p-1')).toBeNull();
    await expectCode(
      storage.stories.commit({
        ...change,
        story: { ...saved.value, learnedCount: 2, revision: saved.value.revision + 1 },
        expectedEtag: saved.etag,
      }),
      'already_reacted',
    );
    expect((await storage.stories.get(ref))?.value.learnedCount).toBe(1);
  });

  it('takes a learned row back with the count; a row already gone is a conflict', async () => {
    const { deps, ref, story } = await publishedStory();
    const [person] = colleagues(1, `back-${story.id}`);
    await reactToStory(deps, person!, story.id, 'learned');
    const read = (await storage.stories.get(ref))!;
    const change: StoryChange = {
      story: { ...read.value, learnedCount: 0, revision: read.value.revision + 1 },
      expectedEtag: read.etag,
      audit: [],
      outbox: [],
      takeBack: { kind: 'learned', personId: person!.userId },
    };
    const saved = await storage.stories.commit(change);
    expect(saved.value.learnedCount).toBe(0);
    expect(await storage.stories.reactionOf(ref, 'learned', person!.userId)).toBeNull();
    await expectCode(
      storage.stories.commit({
        ...change,
        story: { ...saved.value, revision: saved.value.revision + 1 },
        expectedEtag: saved.etag,
      }),
      'conflict',
    );
    await expectCode(takeBackReaction(deps, person!, story.id, 'learned'), 'not_reacted');
    await expectCode(takeBackReaction(deps, person!, story.id, 'vote'), 'not_voted');
  });

  it('tells the caller which stories they voted for and learned from', async () => {
    const a = await publishedStory();
    const b = await publishedStory();
    const [me, other] = colleagues(2, `mine-${a.story.id}`);
    await reactToStory(a.deps, me!, a.story.id, 'vote');
    await reactToStory(a.deps, me!, a.story.id, 'learned');
    await reactToStory(b.deps, me!, b.story.id, 'learned');
    await reactToStory(b.deps, other!, b.story.id, 'vote');
    expect(await myReactions(a.deps, me!, [a.story.id, b.story.id, 'nowhere'])).toEqual([
      { storyId: a.story.id, voted: true, learned: true },
      { storyId: b.story.id, voted: false, learned: true },
      { storyId: 'nowhere', voted: false, learned: false },
    ]);
  });

  it('answers for a page of 30 stories with one query and a read per reaction it may have', async () => {
    const page = [];
    for (let i = 0; i < 30; i++) page.push(await publishedStory());
    const [a, b, c] = page;
    const deps = a!.deps;
    const [me, other] = colleagues(2, `page-${a!.story.id}`);
    await reactToStory(deps, me!, a!.story.id, 'vote');
    await reactToStory(deps, me!, b!.story.id, 'learned');
    await reactToStory(deps, me!, c!.story.id, 'vote');
    await takeBackReaction(deps, me!, c!.story.id, 'vote');
    for (const { story } of page.slice(0, 10)) await reactToStory(deps, other!, story.id, 'vote');
    const ids = page.map(({ story }) => story.id);

    counter.reset();
    const mine = await myReactions(deps, me!, ids);
    const calls = counter.calls;
    expect(mine.filter((r) => r.voted || r.learned)).toEqual([
      { storyId: a!.story.id, voted: true, learned: false },
      { storyId: b!.story.id, voted: false, learned: true },
    ]);
    expect(mine.map((r) => r.storyId)).toEqual(ids);
    // The person index names a, b and c (a vote taken back leaves its row): three reads beside
    // the query, not two for each of the 30 stories.
    expect(calls).toBeLessThanOrEqual(4);

    counter.reset();
    const [newcomer] = colleagues(1, `newcomer-${a!.story.id}`);
    expect((await myReactions(deps, newcomer!, ids)).some((r) => r.voted || r.learned)).toBe(false);
    expect(counter.calls).toBe(1);
  });

  it.each<ReactionKind>(['learned', 'vote'])(
    'loses and doubles no %s when people react and take back at once',
    async (kind) => {
      const { deps, ref, story } = await publishedStory();
      const count = async () => {
        const s = (await storage.stories.get(ref))!.value;
        return kind === 'vote' ? s.voteCount : s.learnedCount;
      };
      const rowsOf = async (people: readonly Actor[]) =>
        (
          await Promise.all(people.map((p) => storage.stories.reactionOf(ref, kind, p.userId)))
        ).filter((row) => row !== null).length;
      const leaving = colleagues(6, `leaving-${kind}-${story.id}`);
      const joining = colleagues(6, `joining-${kind}-${story.id}`);
      for (const p of leaving) await reactToStory(deps, p, story.id, kind);
      expect(await count()).toBe(leaving.length);

      // Everyone at once, and each of the joining twice: the second of a pair is a duplicate.
      const jobs = [
        ...leaving.map((p) => () => takeBackReaction(deps, p, story.id, kind)),
        ...joining.map((p) => () => reactToStory(deps, p, story.id, kind)),
        ...joining.map((p) => () => reactToStory(deps, p, story.id, kind)),
      ];
      const results = await Promise.allSettled(jobs.map((job) => job()));
      for (const r of results) {
        if (r.status === 'rejected') {
          // A lost race past the retries is a clear conflict; a duplicate is refused as such.
          expect(['conflict', 'already_voted', 'already_reacted']).toContain(
            (r.reason as DomainError).code,
          );
        }
      }
      // Whatever was acknowledged, the count is the number of rows: nothing lost or doubled.
      const all = [...leaving, ...joining];
      expect(await count()).toBe(await rowsOf(all));

      // Finish what a conflict refused, as the people would by trying again.
      for (const p of leaving) {
        if (await storage.stories.reactionOf(ref, kind, p.userId)) {
          await takeBackReaction(deps, p, story.id, kind);
        }
      }
      for (const p of joining) {
        if (!(await storage.stories.reactionOf(ref, kind, p.userId))) {
          await reactToStory(deps, p, story.id, kind);
        }
      }
      expect(await rowsOf(leaving)).toBe(0);
      expect(await rowsOf(joining)).toBe(joining.length);
      expect(await count()).toBe(joining.length);
      const other = kind === 'vote' ? 'learnedCount' : 'voteCount';
      expect((await storage.stories.get(ref))!.value[other]).toBe(0);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import {
  DomainError,
  type Actor,
  type Story,
  type StoryDeps,
  type StoryRef,
  type StoryRepository,
} from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { voteStory } from '../../../src/domain/useCases/voteStory.js';
import { rememberStoryVersions } from '../../../src/storage/storyVersionMemory.js';
import { useTestStorage } from '../../support/azurite.js';
import { buildActor, buildStory, buildUser } from '../../support/factories.js';
import { fixedClock, sequentialIds, silentLogger } from '../../support/fakes.js';

/**
 * A change judged on the version of a story an instance remembers (`rememberStoryVersions`),
 * on real Azurite, with two instances over the same tables: whatever the other instance did
 * meanwhile, a vote or a decision is accepted or refused exactly as on a fresh read.
 */

const T0 = new Date('2026-11-02T09:00:00.123Z');
const tenantId = 'tenant-remembered';
const storage = useTestStorage();
let n = 0;

const person = (id: string): Actor =>
  buildActor(buildUser({ tenantId, id, displayName: `Person ${id}` }));

/** One instance: its own memory over the shared tables, counting the story reads it makes. */
function instance(name: string) {
  const reads = { count: 0 };
  const counted: StoryRepository = {
    ...storage.stories,
    get: (ref: StoryRef) => {
      reads.count++;
      return storage.stories.get(ref);
    },
  };
  const stories = rememberStoryVersions(counted, { ttlMs: 60_000 });
  const deps: StoryDeps = {
    ...storage,
    stories,
    clock: fixedClock(T0),
    ids: sequentialIds(`${name}-${++n}`),
    logger: silentLogger,
    onCommitted: () => {},
    directory: createDemoDirectory({ users: storage.users, groups: {} }),
    configAdmins: [],
  };
  return { deps, stories, reads };
}

/** A new story, published unless `pending`, committed through `through` (which remembers it). */
async function published(
  through: StoryRepository,
  overrides: Partial<Story> = {},
  pending = false,
) {
  const built = buildStory({
    tenantId,
    id: `remembered-${++n}`,
    status: 'published',
    publishedAt: T0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
  const { publishedAt: _publishedAt, ...unpublished } = built;
  const story: Story = pending ? { ...unpublished, status: 'pending' } : built;
  await through.commit({ story, expectedEtag: null, audit: [], outbox: [] });
  return { tenantId, storyId: story.id };
}

/** Commits `change(story)` on the stored version, as another instance's use case would. */
async function changeThrough(
  stories: StoryRepository,
  ref: StoryRef,
  change: (story: Story) => Story,
) {
  const current = await stories.get(ref);
  if (!current) throw new Error('no story');
  const next = { ...change(current.value), revision: current.value.revision + 1 };
  await stories.commit({ story: next, expectedEtag: current.etag, audit: [], outbox: [] });
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

describe('changes judged on a remembered version', () => {
  it('a vote on a story this instance just committed does not read it first', async () => {
    const a = instance('a');
    const ref = await published(a.stories);
    a.reads.count = 0;
    const story = await voteStory(a.deps, person('voter-1'), ref.storyId);
    expect(story.voteCount).toBe(1);
    expect(a.reads.count).toBe(0);
    // The vote's own commit is remembered: the next voter does not read it either.
    expect((await voteStory(a.deps, person('voter-2'), ref.storyId)).voteCount).toBe(2);
    expect(a.reads.count).toBe(0);
  });

  it('refuses a vote on a story another instance took off the wall since', async () => {
    const a = instance('a');
    const b = instance('b');
    const ref = await published(a.stories);
    await changeThrough(b.stories, ref, (s) => ({ ...s, status: 'archived' }));
    await expectCode(voteStory(a.deps, person('voter-1'), ref.storyId), 'not_found');
    expect((await storage.stories.get(ref))?.value.voteCount).toBe(0);
    expect(await storage.stories.reactionOf(ref, 'vote', 'voter-1')).toBeNull();
  });

  it('refuses a vote on a story another instance erased since', async () => {
    const a = instance('a');
    const b = instance('b');
    const ref = await published(a.stories);
    const stored = await b.stories.get(ref);
    await storage.personalData.deleteStory(ref, stored!.etag, []);
    await expectCode(voteStory(a.deps, person('voter-1'), ref.storyId), 'not_found');
    expect(await storage.stories.reactionOf(ref, 'vote', 'voter-1')).toBeNull();
  });

  it('refuses a vote by a colleague another instance has since named in the story', async () => {
    const a = instance('a');
    const b = instance('b');
    const ref = await published(a.stories, { featured: [] });
    await changeThrough(b.stories, ref, (s) => ({
      ...s,
      featured: [{ id: 'named-later', displayName: 'Named Later' }],
    }));
    await expectCode(voteStory(a.deps, person('named-later'), ref.storyId), 'self_vote');
    expect(await storage.stories.reactionOf(ref, 'vote', 'named-later')).toBeNull();
  });

  it('accepts a vote its remembered copy would refuse, once storage says the story is published', async () => {
    const a = instance('a');
    const b = instance('b');
    const ref = await published(a.stories, {}, true);
    await changeThrough(b.stories, ref, (s) => ({ ...s, status: 'published', publishedAt: T0 }));
    const story = await voteStory(a.deps, person('voter-1'), ref.storyId);
    expect(story.voteCount).toBe(1);
    expect((await storage.stories.get(ref))?.value.voteCount).toBe(1);
  });

  it('counts each person once when two instances take their votes at the same time', async () => {
    const a = instance('a');
    const b = instance('b');
    const ref = await published(a.stories);
    await b.stories.get(ref);
    const voter = person('voter-twice');
    const outcomes = await Promise.allSettled([
      voteStory(a.deps, voter, ref.storyId),
      voteStory(b.deps, voter, ref.storyId),
      voteStory(a.deps, person('voter-other'), ref.storyId),
    ]);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'already_voted' });
    // No lost write: both people's votes are counted, and the count is the number of rows.
    expect((await storage.stories.get(ref))?.value.voteCount).toBe(2);
  });

  it('a decision on a story another instance decided since is judged on the stored story', async () => {
    const a = instance('a');
    const b = instance('b');
    const approver = person('approver-1');
    const ref = await published(a.stories, {}, true);
    const pending = (await a.stories.get(ref))!.value;
    const waiting = pending.approval.stage.slots[0]?.userId ?? approver.userId;
    await changeThrough(b.stories, ref, (s) => ({ ...s, status: 'rejected' }));
    await expectCode(
      decideStory(a.deps, person(waiting), ref.storyId, 'approve'),
      'illegal_transition',
    );
    expect((await storage.stories.get(ref))?.value.status).toBe('rejected');
  });
});

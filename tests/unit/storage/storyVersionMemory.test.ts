import { describe, expect, it } from 'vitest';
import type { Story, StoryRepository, Versioned } from '../../../src/domain/index.js';
import { rememberStoryVersions } from '../../../src/storage/storyVersionMemory.js';
import { buildStory } from '../../support/factories.js';
import { fakeStories } from '../../support/fakes.js';

const story = buildStory({ status: 'published', voteCount: 0 });
const ref = { tenantId: story.tenantId, storyId: story.id };

function setUp(options: { maxEntries?: number } = {}) {
  let clock = 0;
  const inner = fakeStories();
  const stories = rememberStoryVersions(inner, {
    ttlMs: 1_000,
    now: () => clock,
    ...options,
  });
  return { inner, stories, advance: (ms: number) => (clock += ms) };
}

const voted = (saved: Versioned<Story>): Story => ({
  ...saved.value,
  voteCount: saved.value.voteCount + 1,
  revision: saved.value.revision + 1,
});

describe('rememberStoryVersions', () => {
  it('offers the version committed or read here, until its time is up', async () => {
    const { stories, advance } = setUp();
    expect(stories.recent?.(ref)).toBeNull();
    const saved = await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    expect(stories.recent?.(ref)).toEqual(saved);
    advance(999);
    expect(stories.recent?.(ref)).toEqual(saved);
    advance(1);
    expect(stories.recent?.(ref)).toBeNull();
    await stories.get(ref);
    expect(stories.recent?.(ref)?.etag).toBe(saved.etag);
  });

  it('keeps the newer revision when a slow read answers after a commit', async () => {
    const inner = fakeStories();
    const first = await inner.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    let release = () => {};
    const gate = new Promise<void>((done) => (release = done));
    let slow = true;
    const gated: StoryRepository = {
      ...inner,
      get: async (r) => {
        const held = slow;
        const found = await inner.get(r);
        if (held) await gate;
        return found;
      },
    };
    const stories = rememberStoryVersions(gated, { ttlMs: 1_000 });
    // A read of the first version starts, and answers only after the next commit.
    const read = stories.get(ref);
    slow = false;
    const next = await stories.commit({
      story: voted(first),
      expectedEtag: first.etag,
      audit: [],
      outbox: [],
    });
    release();
    expect((await read)?.etag).toBe(first.etag);
    expect(stories.recent?.(ref)).toEqual(next);
  });

  it('forgets a story whose commit was refused, and one that is gone', async () => {
    const { inner, stories } = setUp();
    const saved = await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    // Changed elsewhere: the remembered ETag is stale and the write is refused.
    await inner.commit({ story: voted(saved), expectedEtag: saved.etag, audit: [], outbox: [] });
    await expect(
      stories.commit({ story: voted(saved), expectedEtag: saved.etag, audit: [], outbox: [] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(stories.recent?.(ref)).toBeNull();

    const fresh = await stories.get(ref);
    expect(stories.recent?.(ref)).toEqual(fresh);
    await inner.deleteStory(ref, fresh!.etag, []);
    expect(await stories.get(ref)).toBeNull();
    expect(stories.recent?.(ref)).toBeNull();
  });

  it('remembers at most maxEntries stories, forgetting the oldest', async () => {
    const { stories } = setUp({ maxEntries: 2 });
    const refs = [];
    for (const id of ['s-1', 's-2', 's-3']) {
      await stories.commit({ story: { ...story, id }, expectedEtag: null, audit: [], outbox: [] });
      refs.push({ tenantId: story.tenantId, storyId: id });
    }
    expect(refs.map((r) => stories.recent?.(r) !== null)).toEqual([false, true, true]);
  });

  it('is not there at all with a time-to-live of 0', () => {
    const inner = fakeStories();
    expect(rememberStoryVersions(inner, { ttlMs: 0 })).toBe(inner);
  });
});

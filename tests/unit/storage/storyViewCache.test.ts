import { describe, expect, it } from 'vitest';
import type { StoryRepository } from '../../../src/domain/index.js';
import { cacheStoryViews } from '../../../src/storage/storyViewCache.js';
import { buildStory } from '../../support/factories.js';
import { fakeStories } from '../../support/fakes.js';

const story = buildStory({ status: 'published', voteCount: 0 });
const ref = { tenantId: story.tenantId, storyId: story.id };

async function setUp() {
  let clock = 0;
  const inner = fakeStories();
  await inner.commit({ story, expectedEtag: null, audit: [], outbox: [] });
  let reads = 0;
  const counted: StoryRepository = {
    ...inner,
    get: (r) => {
      reads++;
      return inner.get(r);
    },
  };
  const cached = cacheStoryViews(counted, inner, { ttlMs: 2_000, now: () => clock });
  return { inner, ...cached, reads: () => reads, advance: (ms: number) => (clock += ms) };
}

describe('cacheStoryViews', () => {
  it('shows a story from one read to everyone who opens it within the time-to-live', async () => {
    const { stories, reads, advance } = await setUp();
    const views = await Promise.all(Array.from({ length: 20 }, () => stories.getForView(ref)));
    expect(views.every((view) => view?.value.id === story.id)).toBe(true);
    advance(1_999);
    await stories.getForView(ref);
    expect(reads()).toBe(1);
    advance(1);
    await stories.getForView(ref);
    expect(reads()).toBe(2);
  });

  it('shows a change committed through this instance at once', async () => {
    const { stories } = await setUp();
    const held = await stories.getForView(ref);
    await stories.commit({
      story: { ...story, voteCount: 1, revision: story.revision + 1 },
      expectedEtag: held?.etag ?? null,
      audit: [],
      outbox: [],
    });
    expect((await stories.getForView(ref))?.value.voteCount).toBe(1);
  });

  it('shows a change made through another instance within the time-to-live', async () => {
    const { inner, stories, advance } = await setUp();
    const held = await stories.getForView(ref);
    await inner.commit({
      story: { ...story, voteCount: 1, revision: story.revision + 1 },
      expectedEtag: held?.etag ?? null,
      audit: [],
      outbox: [],
    });
    expect((await stories.getForView(ref))?.value.voteCount).toBe(0);
    advance(2_000);
    expect((await stories.getForView(ref))?.value.voteCount).toBe(1);
  });

  it('stops showing a story erasure deleted through this instance at once', async () => {
    const { stories, personalData } = await setUp();
    const held = await stories.getForView(ref);
    await personalData.deleteStory(ref, held?.etag ?? '', []);
    expect(await stories.getForView(ref)).toBeNull();
  });

  it('always reads storage for `get` (what a change decides on)', async () => {
    const { stories, reads } = await setUp();
    await stories.getForView(ref);
    await stories.get(ref);
    await stories.get(ref);
    expect(reads()).toBe(3);
  });
});

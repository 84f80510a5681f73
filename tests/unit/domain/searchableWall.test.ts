import { describe, expect, it } from 'vitest';
import {
  DomainError,
  projectStoryHandler,
  searchableWall,
  trySyncProjections,
  type SearchIndex,
  type Story,
  type WallSnapshots,
} from '../../../src/domain/index.js';
import { createEmbeddedSearchIndex } from '../../../src/search/embeddedSearchIndex.js';
import { buildStory, recordingLogger } from '../../support/factories.js';
import { fakeProjections, fakeStories, fakeWall } from '../../support/fakes.js';

const published = (overrides: Partial<Story>) =>
  buildStory({ status: 'published', publishedAt: new Date(Date.UTC(2026, 3, 1)), ...overrides });

/** The wall's own snapshots of the hits, as the table adapter reads them by key. */
function snapshotsOf(inner: ReturnType<typeof fakeWall>): WallSnapshots {
  return {
    read: async (tenant, hits) =>
      hits.map(
        (hit) => inner.entries().find((s) => s.tenantId === tenant && s.id === hit.storyId) ?? null,
      ),
  };
}

async function setUp(stories: readonly Story[], build = true) {
  const inner = fakeWall();
  const search = createEmbeddedSearchIndex();
  const wall = searchableWall({
    wall: inner,
    search,
    snapshots: snapshotsOf(inner),
    logger: recordingLogger(),
  });
  for (const story of stories) await wall.upsert(story);
  if (build) await search.build((async function* () {})());
  return { wall, inner, search };
}

const tenantId = buildStory().tenantId;

describe('the wall with a search index', () => {
  it('scans, as before, until the index is ready', async () => {
    const { wall } = await setUp([published({ id: 'a', title: 'Asiakas kiitti' })], false);
    // The scan matches the text as typed only: the inflected form is not found.
    expect((await wall.page({ tenantId, limit: 10, q: 'asiakkaalle' })).items).toEqual([]);
    expect((await wall.page({ tenantId, limit: 10, q: 'asiakas' })).items.map((s) => s.id)).toEqual(
      ['a'],
    );
  });

  it('answers from the index once ready: inflected words, relevance, filters, exact counts', async () => {
    const { wall } = await setUp([
      published({ id: 'body', title: 'Kiitos', situation: 'Asiakas soitti illalla.' }),
      published({ id: 'title', title: 'Asiakas sai avaimet', team: 'Myymälä' }),
      published({ id: 'other', title: 'Varasto laskettiin' }),
    ]);
    const page = await wall.page({ tenantId, limit: 10, q: 'asiakkaalle' });
    expect(page.items.map((s) => s.id)).toEqual(['title', 'body']);
    expect(page.nextCursor).toBeNull();
    const filtered = await wall.page({ tenantId, limit: 10, q: 'asiakkaan', team: 'myymälä' });
    expect(filtered.items.map((s) => s.id)).toEqual(['title']);
    expect(await wall.count({ tenantId, q: 'asiakkaat' })).toEqual({ total: 2, exact: true });
  });

  it('pages with its own cursor, and refuses a malformed one', async () => {
    const { wall } = await setUp(
      [1, 2, 3].map((n) =>
        published({ id: `s${n}`, title: 'Rain', publishedAt: new Date(Date.UTC(2026, 0, n)) }),
      ),
    );
    const first = await wall.page({ tenantId, limit: 2, q: 'rain', sort: 'newest' });
    expect(first.items.map((s) => s.id)).toEqual(['s3', 's2']);
    expect(first.nextCursor).toMatch(/^s\./);
    const second = await wall.page({
      tenantId,
      limit: 2,
      q: 'rain',
      sort: 'newest',
      cursor: first.nextCursor ?? '',
    });
    expect(second).toEqual({ items: [expect.objectContaining({ id: 's1' })], nextCursor: null });
    await expect(
      wall.page({ tenantId, limit: 2, q: 'rain', cursor: 's.x' }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('shows only what the wall shows now, even while the index lags a change', async () => {
    const story = published({ id: 'a', title: 'Secret plan' });
    const { wall, inner } = await setUp([story]);
    // Archived and taken off the wall; the index has not heard yet.
    await inner.remove({ ...story, status: 'archived', revision: 2 });
    expect((await wall.page({ tenantId, limit: 10, q: 'secret' })).items).toEqual([]);
  });

  it('feeds the index with every write of the wall: an archived story is found no more', async () => {
    const story = published({ id: 'a', title: 'Frozen pipe' });
    const { wall, inner } = await setUp([story]);
    expect((await wall.page({ tenantId, limit: 10, q: 'pipes' })).items).toHaveLength(1);
    const archived = { ...story, status: 'archived' as const, revision: 2 };
    await wall.remove(archived);
    expect(inner.entries()).toEqual([]);
    expect(await wall.count({ tenantId, q: 'pipes' })).toEqual({ total: 0, exact: true });
  });

  it('writes the wall even when the index fails, and reports the failure for the outbox', async () => {
    const inner = fakeWall();
    const failing: SearchIndex = {
      ready: () => true,
      put: () => Promise.reject(new Error('index down')),
      remove: () => Promise.resolve(),
      search: () => Promise.resolve({ hits: [], total: 0 }),
    };
    const logger = recordingLogger();
    const wall = searchableWall({
      wall: inner,
      search: failing,
      snapshots: snapshotsOf(inner),
      logger,
    });
    await expect(wall.upsert(published({ id: 'a' }))).rejects.toThrow('index down');
    expect(inner.entries().map((s) => s.id)).toEqual(['a']);
    expect(logger.entries.map((e) => e.message)).toEqual(['search index write failed']);
  });

  it('keeps paging by scan with a cursor the scan made', async () => {
    const { wall, inner } = await setUp([
      published({ id: 'a', title: 'Rain' }),
      published({ id: 'b', title: 'Rain' }),
    ]);
    const scanned = await inner.page({ tenantId, limit: 1, q: 'rain' });
    const next = await wall.page({
      tenantId,
      limit: 1,
      q: 'rain',
      cursor: scanned.nextCursor ?? '',
    });
    expect(next.items).toHaveLength(1);
    expect(next.items[0]?.id).not.toBe(scanned.items[0]?.id);
  });

  it('is repaired by the outbox: a failed inline write is done again by story.project', async () => {
    const story = published({ id: 'a', title: 'Sairaala sai varaosan' });
    const search = createEmbeddedSearchIndex();
    await search.build((async function* () {})());
    let down = true;
    const flaky = {
      ...search,
      put: (s: Story) => (down ? Promise.reject(new Error('index down')) : search.put(s)),
    };
    const stories = fakeStories();
    await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    const logger = recordingLogger();
    const inner = fakeWall();
    const wall = searchableWall({
      wall: inner,
      search: flaky,
      snapshots: snapshotsOf(inner),
      logger,
    });
    const projections = fakeProjections({ wall });
    // Inline after the commit: the index is down, so only logged.
    await trySyncProjections({ ...projections, logger }, story);
    expect((await wall.page({ tenantId, limit: 10, q: 'sairaalaan' })).items).toEqual([]);
    down = false;
    await projectStoryHandler({ ...projections, stories })({
      id: 'm1',
      kind: 'story.project',
      createdAt: new Date(0),
      payload: {},
      ref: { tenantId, storyId: 'a' },
      attempts: 1,
      nextAttemptAt: new Date(0),
      etag: '1',
    });
    const found = await wall.page({ tenantId, limit: 10, q: 'sairaalaan' });
    expect(found.items.map((s) => s.id)).toEqual(['a']);
  });
});

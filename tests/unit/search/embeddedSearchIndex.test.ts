import { describe, expect, it } from 'vitest';
import type { SearchQuery, Story } from '../../../src/domain/index.js';
import { createEmbeddedSearchIndex } from '../../../src/search/embeddedSearchIndex.js';
import { buildStory } from '../../support/factories.js';
import { LABELLED_QUERIES, recallAt5, searchCorpus } from '../../support/searchCorpus.js';

const TENANT = 'tenant-a';

function query(text: string, overrides: Partial<SearchQuery> = {}): SearchQuery {
  return { tenantId: TENANT, text, order: 'relevance', offset: 0, limit: 10, ...overrides };
}

async function indexOf(stories: readonly Story[]) {
  const index = createEmbeddedSearchIndex();
  await index.build(
    (async function* () {
      yield* stories;
    })(),
  );
  return index;
}

describe('the embedded search index', () => {
  it('finds the labelled answers among the first five hits (recall@5 ≥ 0.9)', async () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(20);
    const index = await indexOf(searchCorpus({ tenantId: TENANT }));
    const { recall, misses } = await recallAt5(async (q) =>
      (await index.search(query(q))).hits.map((hit) => hit.storyId),
    );
    console.info(`search recall@5 = ${recall.toFixed(3)}; missed: ${misses.join(', ') || 'none'}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds "asiakas" by "asiakkaalle" and "customer" by "customers"', async () => {
    const index = await indexOf([
      buildStory({ id: 'fi', status: 'published', publishedAt: new Date(0), title: 'Asiakas' }),
      buildStory({ id: 'en', status: 'published', publishedAt: new Date(0), title: 'A customer' }),
    ]);
    expect(
      (await index.search(query('asiakkaalle', { tenantId: buildStory().tenantId }))).hits.map(
        (hit) => hit.storyId,
      ),
    ).toEqual(['fi']);
    expect(
      (await index.search(query('customers', { tenantId: buildStory().tenantId }))).hits.map(
        (hit) => hit.storyId,
      ),
    ).toEqual(['en']);
  });

  it('needs every word of the query, and ranks a title match first', async () => {
    const t = buildStory().tenantId;
    const index = await indexOf([
      buildStory({
        id: 'body',
        status: 'published',
        publishedAt: new Date(2),
        title: 'Other',
        situation: 'a frozen pipe',
      }),
      buildStory({
        id: 'title',
        status: 'published',
        publishedAt: new Date(1),
        title: 'The frozen pipe',
      }),
      buildStory({
        id: 'half',
        status: 'published',
        publishedAt: new Date(3),
        title: 'A pipe',
        situation: '',
      }),
    ]);
    expect(
      (await index.search(query('frozen pipes', { tenantId: t }))).hits.map((hit) => hit.storyId),
    ).toEqual(['title', 'body']);
  });

  it('combines the filters with the text and counts every match', async () => {
    const t = buildStory().tenantId;
    const march = new Date(Date.UTC(2026, 2, 15));
    const april = new Date(Date.UTC(2026, 3, 15));
    const base = { status: 'published' as const, title: 'Snow on the road' };
    const index = await indexOf([
      buildStory({
        ...base,
        id: 'a',
        publishedAt: march,
        team: 'Logistics',
        accountName: 'Acme Oy',
      }),
      buildStory({
        ...base,
        id: 'b',
        publishedAt: april,
        team: 'logistics ',
        category: 'quick-thinking',
      }),
      buildStory({ ...base, id: 'c', publishedAt: april, team: 'Sales', locale: 'fi' }),
    ]);
    const ids = async (overrides: Partial<SearchQuery>) =>
      [
        ...(await index.search(query('snow', { tenantId: t, ...overrides }))).hits.map(
          (hit) => hit.storyId,
        ),
      ].sort();
    expect(await ids({})).toEqual(['a', 'b', 'c']);
    expect(await ids({ team: 'LOGISTICS' })).toEqual(['a', 'b']);
    expect(await ids({ month: '2026-04' })).toEqual(['b', 'c']);
    expect(await ids({ account: ' acme oy' })).toEqual(['a']);
    expect(await ids({ category: 'quick-thinking' })).toEqual(['b']);
    expect(await ids({ language: 'fi' })).toEqual(['c']);
    expect(await ids({ month: '2026-04', team: 'Logistics' })).toEqual(['b']);
    expect((await index.search(query('snow', { tenantId: 'other' }))).total).toBe(0);
    const counted = await index.search(query('snow', { tenantId: t, limit: 0 }));
    expect(counted).toEqual({ hits: [], total: 3 });
  });

  it('pages by offset, newest or most voted first when asked', async () => {
    const t = buildStory().tenantId;
    const index = await indexOf(
      [1, 2, 3, 4].map((n) =>
        buildStory({
          id: `s${n}`,
          status: 'published',
          publishedAt: new Date(n * 1000),
          title: 'Rain',
          voteCount: n % 3,
        }),
      ),
    );
    const newest = await index.search(query('rain', { tenantId: t, order: 'newest', limit: 3 }));
    expect(newest.hits.map((hit) => hit.storyId)).toEqual(['s4', 's3', 's2']);
    expect(newest.total).toBe(4);
    const rest = await index.search(query('rain', { tenantId: t, order: 'newest', offset: 3 }));
    expect(rest.hits.map((hit) => hit.storyId)).toEqual(['s1']);
    const voted = await index.search(query('rain', { tenantId: t, order: 'votes' }));
    expect(voted.hits.map((hit) => hit.storyId)).toEqual(['s2', 's4', 's1', 's3']);
  });

  it('keeps the newest revision, whatever order writes land in', async () => {
    const t = buildStory().tenantId;
    const index = createEmbeddedSearchIndex();
    const v1 = buildStory({
      id: 's',
      status: 'published',
      publishedAt: new Date(0),
      title: 'Old words',
      revision: 1,
    });
    const v2 = { ...v1, title: 'New words', revision: 2 };
    const archived = { ...v2, status: 'archived' as const, revision: 3 };
    await index.put(v2);
    await index.put(v1);
    expect((await index.search(query('old', { tenantId: t }))).total).toBe(0);
    expect(
      (await index.search(query('new', { tenantId: t }))).hits.map((hit) => hit.storyId),
    ).toEqual(['s']);
    await index.remove(archived);
    // A late write of an earlier revision does not bring an archived story back.
    await index.put(v2);
    expect((await index.search(query('new', { tenantId: t }))).total).toBe(0);
    await index.remove(v1);
    await index.put({ ...v2, revision: 4, title: 'Restored words' });
    expect(
      (await index.search(query('restored', { tenantId: t }))).hits.map((hit) => hit.storyId),
    ).toEqual(['s']);
  });

  it('indexes no names: neither the author nor featured colleagues', async () => {
    const t = buildStory().tenantId;
    const index = await indexOf([
      buildStory({
        status: 'published',
        publishedAt: new Date(0),
        authorName: 'Zacharias Writer',
        featured: [{ id: 'u1', displayName: 'Quentin Awaiting', awaiting: true }],
      }),
    ]);
    expect((await index.search(query('Zacharias', { tenantId: t }))).total).toBe(0);
    expect((await index.search(query('Quentin', { tenantId: t }))).total).toBe(0);
  });

  it('is ready only once its build has finished, and counts what it built', async () => {
    const index = createEmbeddedSearchIndex();
    expect(index.ready()).toBe(false);
    const stories = searchCorpus({ tenantId: TENANT });
    await expect(
      index.build(
        (async function* () {
          yield* stories;
          yield buildStory({ id: 'draft' });
        })(),
      ),
    ).resolves.toBe(stories.length + 1);
    expect(index.ready()).toBe(true);
    expect((await index.search(query('draft'))).total).toBe(0);
  });
});

describe('the embedded search index at scale', () => {
  it('never answers with another tenant’s stories, even for the same words', async () => {
    const index = await indexOf([
      ...searchCorpus({ tenantId: 'tenant-a' }),
      ...searchCorpus({ tenantId: 'tenant-b' }).map((s) => ({ ...s, id: `b-${s.id}` })),
    ]);
    for (const { q } of LABELLED_QUERIES) {
      const found = await index.search(query(q, { tenantId: 'tenant-a', limit: 50 }));
      expect(found.hits.every((hit) => !hit.storyId.startsWith('b-'))).toBe(true);
    }
    expect((await index.search(query('asiakkaalle', { tenantId: 'tenant-c' }))).total).toBe(0);
  });

  it('stays right after most of its stories were replaced or removed (compaction)', async () => {
    const t = buildStory().tenantId;
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000);
    const stories = Array.from({ length: 1_500 }, (_, n) =>
      buildStory({
        id: `s${n}`,
        status: 'published',
        publishedAt: at(n),
        title: n % 2 === 0 ? 'Lumi tiellä' : 'Snow on the road',
        revision: 1,
      }),
    );
    const index = await indexOf(stories);
    for (const story of stories.slice(0, 1_200)) {
      await index.remove({ ...story, status: 'archived', revision: 2 });
    }
    for (const story of stories.slice(1_200, 1_300)) {
      await index.put({ ...story, title: 'Jäinen silta', revision: 3 });
    }
    expect(index.size()).toBe(300);
    expect((await index.search(query('lumi', { tenantId: t }))).total).toBe(100);
    expect((await index.search(query('snow', { tenantId: t }))).total).toBe(100);
    const bridge = await index.search(query('sillalla', { tenantId: t, order: 'newest' }));
    expect(bridge.total).toBe(100);
    expect(bridge.hits.slice(0, 2).map((hit) => hit.storyId)).toEqual(['s1299', 's1298']);
    expect(bridge.hits[0]?.publishedAt).toEqual(at(1299));
    // A removed story comes back only with a newer revision.
    await index.put(stories[0] as Story);
    expect((await index.search(query('lumi', { tenantId: t }))).total).toBe(100);
    await index.put({ ...(stories[0] as Story), revision: 4 });
    expect((await index.search(query('lumi', { tenantId: t }))).total).toBe(101);
  });

  it('keeps the window of a large match exactly as a full sort would', async () => {
    const t = buildStory().tenantId;
    const stories = Array.from({ length: 400 }, (_, n) =>
      buildStory({
        id: `s${String(n).padStart(3, '0')}`,
        status: 'published',
        publishedAt: new Date(Date.UTC(2026, 0, 1) + (n % 97) * 60_000),
        title: 'Rain',
        voteCount: n % 13,
      }),
    );
    const index = await indexOf(stories);
    const all = await index.search(query('rain', { tenantId: t, order: 'votes', limit: 400 }));
    const window = await index.search(
      query('rain', { tenantId: t, order: 'votes', offset: 30, limit: 30 }),
    );
    expect(window.hits).toEqual(all.hits.slice(30, 60));
    expect(window.total).toBe(400);
  });
});

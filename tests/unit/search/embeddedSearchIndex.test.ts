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
    const { recall, misses } = await recallAt5(
      async (q) => (await index.search(query(q))).storyIds,
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
      (await index.search(query('asiakkaalle', { tenantId: buildStory().tenantId }))).storyIds,
    ).toEqual(['fi']);
    expect(
      (await index.search(query('customers', { tenantId: buildStory().tenantId }))).storyIds,
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
    expect((await index.search(query('frozen pipes', { tenantId: t }))).storyIds).toEqual([
      'title',
      'body',
    ]);
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
      [...(await index.search(query('snow', { tenantId: t, ...overrides }))).storyIds].sort();
    expect(await ids({})).toEqual(['a', 'b', 'c']);
    expect(await ids({ team: 'LOGISTICS' })).toEqual(['a', 'b']);
    expect(await ids({ month: '2026-04' })).toEqual(['b', 'c']);
    expect(await ids({ account: ' acme oy' })).toEqual(['a']);
    expect(await ids({ category: 'quick-thinking' })).toEqual(['b']);
    expect(await ids({ language: 'fi' })).toEqual(['c']);
    expect(await ids({ month: '2026-04', team: 'Logistics' })).toEqual(['b']);
    expect((await index.search(query('snow', { tenantId: 'other' }))).total).toBe(0);
    const counted = await index.search(query('snow', { tenantId: t, limit: 0 }));
    expect(counted).toEqual({ storyIds: [], total: 3 });
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
    expect(newest).toEqual({ storyIds: ['s4', 's3', 's2'], total: 4 });
    const rest = await index.search(query('rain', { tenantId: t, order: 'newest', offset: 3 }));
    expect(rest.storyIds).toEqual(['s1']);
    const voted = await index.search(query('rain', { tenantId: t, order: 'votes' }));
    expect(voted.storyIds).toEqual(['s2', 's4', 's1', 's3']);
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
    expect((await index.search(query('new', { tenantId: t }))).storyIds).toEqual(['s']);
    await index.remove(archived);
    // A late write of an earlier revision does not bring an archived story back.
    await index.put(v2);
    expect((await index.search(query('new', { tenantId: t }))).total).toBe(0);
    await index.remove(v1);
    await index.put({ ...v2, revision: 4, title: 'Restored words' });
    expect((await index.search(query('restored', { tenantId: t }))).storyIds).toEqual(['s']);
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

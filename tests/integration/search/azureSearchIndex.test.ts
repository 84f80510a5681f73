import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type SearchQuery, type Story } from '../../../src/domain/index.js';
import {
  createAzureSearchIndex,
  documentKey,
  type AzureSearchIndex,
} from '../../../src/search/azureSearchIndex.js';
import { buildStory } from '../../support/factories.js';
import { searchCorpus } from '../../support/searchCorpus.js';
import {
  parseFilter,
  startSearchServiceStub,
  type SearchServiceStub,
} from '../../support/searchServiceStub.js';

/**
 * The Azure AI Search adapter through its real client (`@azure/search-documents`) against a
 * loopback stub of the service's REST API: the index it defines, the documents it sends, the
 * filters it writes (the tenant's always), and how the answers map back.
 */
const KEY = 'test-admin-key';
let stub: SearchServiceStub;
let index: AzureSearchIndex;

beforeEach(async () => {
  stub = await startSearchServiceStub(KEY);
  index = createAzureSearchIndex({
    endpoint: stub.url,
    indexName: 'stories',
    credential: { key: KEY },
  });
});
afterEach(async () => {
  await stub.close();
});

const query = (tenantId: string, text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  tenantId,
  text,
  order: 'relevance',
  offset: 0,
  limit: 10,
  ...extra,
});

async function* each(stories: readonly Story[]) {
  yield* stories;
}

const searches = () => stub.requests.filter((r) => r.path.endsWith('/docs/search.post.search'));
const uploads = () => stub.requests.filter((r) => r.path.endsWith('/docs/search.index'));

describe('the Azure AI Search index', () => {
  it('defines the index at start with Finnish and English analyzers, and fills a new one from the wall', async () => {
    const stories = searchCorpus({ tenantId: 'tenant-a' });
    const draft = buildStory({ id: 'draft', tenantId: 'tenant-a' });
    expect(index.ready()).toBe(false);
    expect(await index.start(() => each([...stories, draft]))).toBe(stories.length);
    expect(index.ready()).toBe(true);

    const definition = stub.indexes.get('stories') as {
      fields: {
        name: string;
        analyzer?: string;
        key?: boolean;
        filterable?: boolean;
        searchable?: boolean;
      }[];
      defaultScoringProfile: string;
    };
    const field = (name: string) => definition.fields.find((f) => f.name === name);
    expect(field('key')?.key).toBe(true);
    expect(field('title_fi')?.analyzer).toBe('fi.microsoft');
    expect(field('body_fi')?.analyzer).toBe('fi.microsoft');
    expect(field('title_en')?.analyzer).toBe('en.microsoft');
    expect(field('body_en')?.analyzer).toBe('en.microsoft');
    expect(field('tenantId')).toMatchObject({ filterable: true, searchable: false });
    expect(definition.defaultScoringProfile).toBe('story');
    // No field for people's names.
    expect(
      definition.fields.map((f) => f.name).filter((n) => /author|featured|name/i.test(n)),
    ).toEqual([]);

    expect(stub.documents.size).toBe(stories.length);
    const [first] = stories;
    expect(stub.documents.get(documentKey('tenant-a', first?.id ?? ''))).toMatchObject({
      tenantId: 'tenant-a',
      storyId: first?.id,
      removed: false,
      title_fi: first?.title,
      title_en: first?.title,
      revision: first?.revision,
    });
    expect(uploads().every((r) => r.apiKey === KEY)).toBe(true);

    // An index that exists is brought up to date, not filled again.
    const again = createAzureSearchIndex({
      endpoint: stub.url,
      indexName: 'stories',
      credential: { key: KEY },
    });
    const before = uploads().length;
    expect(await again.start(() => each(stories))).toBe(0);
    expect(uploads().length).toBe(before);
    expect(stub.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
  });

  it('sends the words with no operator of the reader, every filter escaped, and maps the hits back', async () => {
    await index.start(() => each([]));
    const at = new Date(Date.UTC(2026, 3, 2, 10));
    const story = buildStory({
      id: 'quote',
      tenantId: "o'tenant",
      status: 'published',
      publishedAt: at,
      title: 'Snow on the road',
      team: "O'Brien and Sons",
      accountName: " O'Hara Oy ",
      category: "it's-care",
      locale: 'en',
    });
    await index.put(story);

    const found = await index.search(
      query("o'tenant", 'snow" -road OR (*', {
        team: "o'brien AND SONS",
        account: "o'hara oy",
        category: "it's-care",
        month: '2026-04',
        language: 'en',
      }),
    );
    expect(found).toEqual({ hits: [{ storyId: 'quote', publishedAt: at }], total: 1 });

    const [sent] = searches();
    expect(sent?.apiKey).toBe(KEY);
    expect(sent?.body).toMatchObject({
      search: '+snow +(road OR road*)',
      queryType: 'full',
      searchMode: 'all',
      count: true,
      skip: 0,
      top: 10,
      select: 'storyId,publishedAt',
    });
    expect(sent?.body?.['orderby']).toBeUndefined();
    const filter = String(sent?.body?.['filter']);
    expect(filter.startsWith("tenantId eq 'o''tenant' and removed eq false")).toBe(true);
    expect(parseFilter(filter)).toEqual([
      ['tenantId', "o'tenant"],
      ['removed', false],
      ['teamKey', "o'brien and sons"],
      ['category', "it's-care"],
      ['month', '2026-04'],
      ['account', "o'hara oy"],
      ['language', 'en'],
    ]);
    // Text with no word in it is no search at all.
    expect(await index.search(query("o'tenant", '" * -'))).toEqual({ hits: [], total: 0 });
    expect(searches()).toHaveLength(1);
  });

  it('never answers with another tenant’s stories: the tenant is in every search’s filter', async () => {
    const a = searchCorpus({ tenantId: 'tenant-a' });
    const b = searchCorpus({ tenantId: 'tenant-b' }).map((s) => ({ ...s, id: `b-${s.id}` }));
    await index.start(() => each([...a, ...b]));
    for (const text of ['lasku', 'invoice', 'sairaala', 'customer', 'toimitus']) {
      const found = await index.search(query('tenant-a', text, { limit: 50 }));
      expect(found.total).toBeGreaterThan(0);
      expect(found.hits.every((hit) => !hit.storyId.startsWith('b-'))).toBe(true);
    }
    expect((await index.search(query('tenant-c', 'lasku'))).total).toBe(0);
    expect(searches().length).toBe(6);
    for (const request of searches()) {
      expect(parseFilter(String(request.body?.['filter']))[0]?.[0]).toBe('tenantId');
    }
  });

  it('orders newest or most voted first and pages, as the service is asked to', async () => {
    const rain = [1, 2, 3, 4].map((n) =>
      buildStory({
        id: `s${n}`,
        status: 'published',
        publishedAt: new Date(Date.UTC(2026, 0, n)),
        title: 'Rain',
        voteCount: n % 3,
      }),
    );
    const t = rain[0]?.tenantId ?? '';
    await index.start(() => each(rain));
    const newest = await index.search(query(t, 'rain', { order: 'newest', offset: 1, limit: 2 }));
    expect(newest.hits.map((h) => h.storyId)).toEqual(['s3', 's2']);
    expect(newest.total).toBe(4);
    const voted = await index.search(query(t, 'rain', { order: 'votes', limit: 0 }));
    expect(voted).toEqual({ hits: [], total: 4 });
    expect(searches().map((r) => [r.body?.['orderby'], r.body?.['skip'], r.body?.['top']])).toEqual(
      [
        ['publishedAt desc', 1, 2],
        ['voteCount desc,publishedAt desc', 0, 0],
      ],
    );
  });

  it('keeps the newest revision: a late write stays out, a removal leaves a tombstone', async () => {
    await index.start(() => each([]));
    const v1 = buildStory({
      id: 's',
      status: 'published',
      publishedAt: new Date(0),
      title: 'Old words',
      revision: 1,
    });
    const v2 = { ...v1, title: 'New words', revision: 2 };
    const t = v1.tenantId;
    await index.put(v2);
    await index.put(v1);
    expect(uploads()).toHaveLength(1);
    expect((await index.search(query(t, 'old'))).total).toBe(0);
    expect((await index.search(query(t, 'new'))).hits.map((h) => h.storyId)).toEqual(['s']);
    await index.remove({ ...v2, status: 'archived', revision: 3 });
    expect(stub.documents.get(documentKey(t, 's'))).toMatchObject({
      removed: true,
      revision: 3,
      title_en: '',
    });
    await index.put(v2);
    expect((await index.search(query(t, 'new'))).total).toBe(0);
    await index.put({ ...v2, title: 'Restored words', revision: 4 });
    expect((await index.search(query(t, 'restored'))).hits.map((h) => h.storyId)).toEqual(['s']);
  });

  it('answers unavailable when the service fails, and refuses a wrong key', async () => {
    await index.start(() => each([]));
    const hasty = createAzureSearchIndex({
      endpoint: stub.url,
      indexName: 'stories',
      credential: { key: KEY },
      deadlineMs: 500,
    });
    stub.failNext(100);
    await expect(hasty.search(query('t', 'rain'))).rejects.toMatchObject({ code: 'unavailable' });
    stub.failNext(0);
    const wrong = createAzureSearchIndex({
      endpoint: stub.url,
      indexName: 'stories',
      credential: { key: 'nope' },
    });
    const failure = await wrong.search(query('t', 'rain')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(stub.requests.at(-1)?.apiKey).toBe('nope');
  });
});

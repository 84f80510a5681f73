import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../src/domain/index.js';
import { createEmbeddedSearchIndex } from '../../../src/search/embeddedSearchIndex.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage, uniqueTablePrefix } from '../../support/azurite.js';
import { searchCorpus } from '../../support/searchCorpus.js';

/**
 * The embedded search index is built at start-up from the wall table: every story on the wall,
 * of every tenant, read in one pass (`wallStories`), the wall's meta rows skipped.
 */
let storage: TableStorage;

beforeAll(async () => {
  storage = await testStorage();
  const stories = [
    ...searchCorpus({ tenantId: 'tenant-a' }),
    ...searchCorpus({ tenantId: 'tenant-b' }).slice(0, 3),
  ];
  await Promise.all(stories.map((story) => storage.wall.upsert(story)));
  // Archived: taken off the wall, so not indexed.
  const [gone] = searchCorpus({ tenantId: 'tenant-b' }).slice(3);
  if (!gone) throw new Error('corpus too small');
  await storage.wall.upsert(gone);
  await storage.wall.remove({ ...gone, status: 'archived', revision: gone.revision + 1 });
  // As at every start: the migration leaves its marker row in the wall table.
  await storage.migrate();
});
afterAll(async () => {
  await storage.dropTables();
});

const query = (tenantId: string, text: string): SearchQuery => ({
  tenantId,
  text,
  order: 'relevance',
  offset: 0,
  limit: 10,
});

describe('building the embedded index from the wall table', () => {
  it('indexes every story on the wall, of every tenant, and no other row, and is ready after', async () => {
    const index = createEmbeddedSearchIndex();
    expect(await index.build(storage.wallStories())).toBe(searchCorpus().length + 3);
    expect(index.ready()).toBe(true);
    expect(
      (await index.search(query('tenant-a', 'laskuissa'))).hits.map((hit) => hit.storyId)[0],
    ).toBe('fi-invoice');
    const b = await index.search(query('tenant-b', 'toimituksen'));
    expect(b.hits.map((hit) => hit.storyId)).toEqual(['fi-delivery']);
    expect((await index.search(query('tenant-b', 'sopimuksesta'))).total).toBe(1);
    expect((await index.search(query('tenant-b', 'koulutuksessa'))).total).toBe(0);
  });
});

describe("reading search hits from the wall's snapshots", () => {
  it('reads each hit by key, in the order asked, and null for one not on the wall', async () => {
    const [first, second] = searchCorpus({ tenantId: 'tenant-a' });
    const [, , , gone] = searchCorpus({ tenantId: 'tenant-b' });
    if (!first?.publishedAt || !second?.publishedAt || !gone?.publishedAt) {
      throw new Error('corpus too small');
    }
    const hit = (storyId: string, publishedAt: Date) => ({ storyId, publishedAt });
    const read = await storage.wallSnapshots.read('tenant-a', [
      hit(second.id, second.publishedAt),
      hit(first.id, first.publishedAt),
      hit('missing', first.publishedAt),
    ]);
    expect(read.map((story) => story?.id ?? null)).toEqual([second.id, first.id, null]);
    expect(read[0]).toMatchObject({ tenantId: 'tenant-a', title: second.title });
    // The archived story of tenant-b, and tenant-a's story asked for as tenant-b: both absent.
    expect(
      await storage.wallSnapshots.read('tenant-b', [
        hit(gone.id, gone.publishedAt),
        hit('fi-training', first.publishedAt),
      ]),
    ).toEqual([null, null]);
  });
});

describe('a page of the build that fails', () => {
  it('is read again from where the pass stood, so a slow or lost page does not end the build', async () => {
    // A page read that ran past its deadline, once, on the wall table's second page: the pass
    // must resume from the first page's continuation, not end (leaving search to the scan) and
    // not start over (indexing the first page twice is harmless, but at 100,000 stories slow).
    let wallQueries = 0;
    const prefix = uniqueTablePrefix();
    const flaky = await testStorage({
      tablePrefix: prefix,
      additionalPolicies: [
        {
          position: 'perCall',
          policy: {
            name: 'lose-second-wall-page',
            sendRequest: (request, next) => {
              const url = new URL(request.url);
              if (request.method === 'GET' && url.pathname.endsWith(`/${prefix}wall()`)) {
                wallQueries += 1;
                if (wallQueries === 2) {
                  const error = new Error('The operation was aborted.');
                  error.name = 'AbortError';
                  return Promise.reject(error);
                }
              }
              return next(request);
            },
          },
        },
      ],
    });
    try {
      const stories = searchCorpus({ tenantId: 'tenant-c' });
      await Promise.all(stories.map((story) => flaky.wall.upsert(story)));
      const seen: string[] = [];
      for await (const story of flaky.wallStories({ pageSize: 5 })) seen.push(story.id);
      expect(wallQueries).toBeGreaterThan(2);
      expect(seen.sort()).toEqual(stories.map((story) => story.id).sort());
    } finally {
      await flaky.dropTables();
    }
  });
});

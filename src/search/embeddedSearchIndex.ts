import type { SearchIndex, SearchQuery, SearchResult } from '../domain/ports.js';
import { searchableText } from '../domain/search.js';
import type { Story } from '../domain/story.js';
import { teamKey } from '../domain/teams.js';
import { InvertedIndex, type IndexedDoc, type QueryWord } from './invertedIndex.js';
import { stems, terms, words } from './textAnalysis.js';

interface Tenant {
  readonly index: InvertedIndex;
  /**
   * The revision seen of each story, indexed or removed (so a late write stays out), packed as
   * `revision × 2 + 1` when indexed and `revision × 2` when removed: a number, not an object.
   */
  readonly revisions: Map<string, number>;
}

/** The embedded index, plus its start-up build from the wall's stored snapshots. */
export interface EmbeddedSearchIndex extends SearchIndex {
  /**
   * Indexes every published story `source` yields (the wall table, read once), yielding to other
   * work between batches; `ready()` is true once it has finished. Writes meanwhile are kept in
   * order by revision, so a story changed during the build ends up as its newest revision.
   */
  build(source: AsyncIterable<Story>): Promise<number>;
  /** Stories indexed, of every tenant. */
  size(): number;
}

/** Stories indexed between two turns of the event loop while building. */
const BUILD_BATCH = 500;

/**
 * The search port in memory: one compact inverted index per tenant (`invertedIndex.ts`, BM25 over
 * Finnish and English stems from `textAnalysis.ts`), so a tenant's words never weigh in another's
 * ranking and no search can reach another tenant's stories. For the local default and a single
 * instance: each instance holds its own copy, fed by its own writes (docs/adr/0009-search-port.md).
 */
export function createEmbeddedSearchIndex(): EmbeddedSearchIndex {
  const tenants = new Map<string, Tenant>();
  let ready = false;

  const tenantOf = (tenantId: string): Tenant => {
    let tenant = tenants.get(tenantId);
    if (!tenant) {
      tenant = { index: new InvertedIndex(), revisions: new Map() };
      tenants.set(tenantId, tenant);
    }
    return tenant;
  };

  function put(story: Story): void {
    if (story.status !== 'published' || !story.publishedAt) return;
    const tenant = tenantOf(story.tenantId);
    const held = tenant.revisions.get(story.id);
    if (held !== undefined && Math.floor(held / 2) >= story.revision) return;
    tenant.index.put(documentOf(story, story.publishedAt));
    tenant.revisions.set(story.id, story.revision * 2 + 1);
  }

  function remove(story: Story): void {
    const tenant = tenantOf(story.tenantId);
    const held = tenant.revisions.get(story.id);
    if (held !== undefined && Math.floor(held / 2) > story.revision) return;
    tenant.index.delete(story.id);
    tenant.revisions.set(story.id, story.revision * 2);
  }

  return {
    ready: () => ready,

    put(story) {
      put(story);
      return Promise.resolve();
    },

    remove(story) {
      remove(story);
      return Promise.resolve();
    },

    search(query) {
      return Promise.resolve(searchIn(tenants.get(query.tenantId), query));
    },

    size: () => [...tenants.values()].reduce((sum, tenant) => sum + tenant.index.size, 0),

    async build(source) {
      let count = 0;
      for await (const story of source) {
        put(story);
        if (++count % BUILD_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      ready = true;
      return count;
    },
  };
}

function documentOf(story: Story, publishedAt: Date): IndexedDoc {
  const text = searchableText(story);
  return {
    id: story.id,
    title: terms(text.title),
    body: terms(text.body),
    team: terms(text.team),
    teamKey: teamKey(story.team),
    category: story.category,
    month: publishedAt.toISOString().slice(0, 7),
    account: story.accountName !== undefined ? story.accountName.trim().toLowerCase() : null,
    language: story.locale,
    publishedAt: publishedAt.getTime(),
    voteCount: story.voteCount,
  };
}

/**
 * Every word of the query must match (in any field), each through either of its stems; the last
 * word also matches as a prefix, so a search typed so far finds what it is heading for.
 */
export function queryWords(text: string): QueryWord[] {
  const list = words(text);
  return list.map((word, index) => ({
    terms: stems(word),
    prefixes: index === list.length - 1 && word.length >= 3 ? stems(word) : [],
  }));
}

function searchIn(tenant: Tenant | undefined, query: SearchQuery): SearchResult {
  const list = queryWords(query.text);
  if (!tenant || list.length === 0) return { hits: [], total: 0 };
  const { hits, total } = tenant.index.search(
    list,
    {
      ...(query.team !== undefined ? { teamKey: teamKey(query.team) } : {}),
      ...(query.category !== undefined ? { category: query.category } : {}),
      ...(query.month !== undefined ? { month: query.month } : {}),
      ...(query.account !== undefined ? { account: query.account.trim().toLowerCase() } : {}),
      ...(query.language !== undefined ? { language: query.language } : {}),
    },
    query.order,
    query.offset,
    query.limit,
  );
  return {
    hits: hits.map((hit) => ({ storyId: hit.id, publishedAt: new Date(hit.publishedAt) })),
    total,
  };
}

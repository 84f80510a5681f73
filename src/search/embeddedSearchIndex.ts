import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch';
import type { SearchIndex, SearchQuery, SearchResult } from '../domain/ports.js';
import { searchableText } from '../domain/search.js';
import type { Story } from '../domain/story.js';
import { teamKey } from '../domain/teams.js';
import { stems, terms, words } from './textAnalysis.js';

/** The filter and order fields kept beside each indexed story. */
interface Stored {
  readonly teamKey: string;
  readonly category: string;
  /** `YYYY-MM`, UTC, as the wall's month filter. */
  readonly month: string;
  /** The account, trimmed and lower-cased (the wall matches it without regard to case). */
  readonly account: string | null;
  readonly language: string;
  readonly publishedAt: number;
  readonly voteCount: number;
}

interface Doc extends Stored {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly team: string;
}

interface Tenant {
  readonly engine: MiniSearch<Doc>;
  /** The revision indexed of each story, and of each removed one (so a late write stays out). */
  readonly revisions: Map<string, { revision: number; indexed: boolean }>;
}

/** The embedded index, plus its start-up build from the wall's stored snapshots. */
export interface EmbeddedSearchIndex extends SearchIndex {
  /**
   * Indexes every published story `source` yields (the wall table, read once), yielding to other
   * work between batches; `ready()` is true once it has finished. Writes meanwhile are kept in
   * order by revision, so a story changed during the build ends up as its newest revision.
   */
  build(source: AsyncIterable<Story>): Promise<number>;
}

/** Stories indexed between two turns of the event loop while building. */
const BUILD_BATCH = 500;

/**
 * The search port in memory, with MiniSearch (BM25 ranking) over Finnish and English stems
 * (`textAnalysis.ts`): one index per tenant, so a tenant's words never weigh in another's ranking.
 * For the local default and a single instance: each instance holds its own copy, fed by its own
 * writes (docs/adr/0009-search-port.md). Some 3 KB of memory per story; a search runs on the
 * event loop, scoring every match.
 */
export function createEmbeddedSearchIndex(): EmbeddedSearchIndex {
  const tenants = new Map<string, Tenant>();
  let ready = false;

  const tenantOf = (tenantId: string): Tenant => {
    let tenant = tenants.get(tenantId);
    if (!tenant) {
      tenant = {
        engine: new MiniSearch<Doc>({
          fields: ['title', 'body', 'team'],
          storeFields: [
            'teamKey',
            'category',
            'month',
            'account',
            'language',
            'publishedAt',
            'voteCount',
          ],
          // Stories and queries are split and stemmed by `terms` / `stems`, never by MiniSearch.
          tokenize: (text) => [text],
          processTerm: (text) => terms(text),
        }),
        revisions: new Map(),
      };
      tenants.set(tenantId, tenant);
    }
    return tenant;
  };

  function put(story: Story): void {
    if (story.status !== 'published' || !story.publishedAt) return;
    const tenant = tenantOf(story.tenantId);
    const held = tenant.revisions.get(story.id);
    if (held && held.revision >= story.revision) return;
    const doc = documentOf(story, story.publishedAt);
    if (held?.indexed) tenant.engine.replace(doc);
    else tenant.engine.add(doc);
    tenant.revisions.set(story.id, { revision: story.revision, indexed: true });
  }

  function remove(story: Story): void {
    const tenant = tenantOf(story.tenantId);
    const held = tenant.revisions.get(story.id);
    if (held && held.revision > story.revision) return;
    if (held?.indexed) tenant.engine.discard(story.id);
    tenant.revisions.set(story.id, { revision: story.revision, indexed: false });
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

function documentOf(story: Story, publishedAt: Date): Doc {
  const text = searchableText(story);
  return {
    id: story.id,
    ...text,
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
function queryOf(text: string): Query | null {
  const list = words(text);
  if (list.length === 0) return null;
  return {
    combineWith: 'AND',
    queries: list.map((word, index): Query => ({
      combineWith: 'OR',
      queries: stems(word),
      prefix: index === list.length - 1 && word.length >= 3,
    })),
  };
}

function searchIn(tenant: Tenant | undefined, query: SearchQuery): SearchResult {
  const tree = queryOf(query.text);
  if (!tenant || !tree) return { storyIds: [], total: 0 };
  const team = query.team !== undefined ? teamKey(query.team) : undefined;
  const account = query.account?.trim().toLowerCase();
  const hits = tenant.engine.search(tree, {
    // The query's terms are stems already.
    processTerm: (term) => term,
    boost: { title: 3, team: 1.5 },
    filter: (hit) => {
      const stored = hit as MiniResult & Stored;
      return (
        (team === undefined || stored.teamKey === team) &&
        (query.category === undefined || stored.category === query.category) &&
        (query.month === undefined || stored.month === query.month) &&
        (account === undefined || stored.account === account) &&
        (query.language === undefined || stored.language === query.language)
      );
    },
  }) as (MiniResult & Stored)[];
  const ordered = hits.sort(ORDERS[query.order]);
  return {
    storyIds: ordered.slice(query.offset, query.offset + query.limit).map((hit) => String(hit.id)),
    total: ordered.length,
  };
}

type Hit = MiniResult & Stored;
const newest = (a: Hit, b: Hit) => b.publishedAt - a.publishedAt;
/** Each order ends with the newest first, so equal hits keep a stable order between pages. */
const ORDERS: Record<SearchQuery['order'], (a: Hit, b: Hit) => number> = {
  relevance: (a, b) => b.score - a.score || newest(a, b),
  newest,
  votes: (a, b) => b.voteCount - a.voteCount || newest(a, b),
};

import { DomainError } from './errors.js';
import type {
  Logger,
  SearchIndex,
  SearchOrder,
  WallIndex,
  WallPage,
  WallQuery,
  WallSnapshots,
} from './ports.js';
import type { Story } from './story.js';

/**
 * The texts of a story that text search matches: what every reader of the wall sees of it, the
 * same fields the wall's scan has always matched. People's names — the author, featured
 * colleagues (one still asked to confirm is shown to few), reporters, approvers — are never
 * indexed, so an erased person or a name awaiting consent cannot be found through search.
 */
export function searchableText(story: Story): {
  readonly title: string;
  readonly body: string;
  readonly team: string;
} {
  return {
    title: story.title,
    body: [story.situation, story.action, story.outcome, story.lesson].join('\n'),
    team: story.team,
  };
}

/** Marks a cursor made by the search, apart from the wall's own (base64url, never a dot). */
const CURSOR_PREFIX = 's.';
/** Hits a search may page through: past it, a cursor is refused. */
const MAX_OFFSET = 10_000;

/**
 * The wall, with its text search (`q`) answered by `search` once the index is ready: the matching
 * stories in order of relevance (or newest or most voted first when `sort` asks), every filter
 * combined, counted exactly. Until the index is ready — and for a cursor the scan made — the
 * inner wall's scan answers, as before the index existed. Writes go to both, so the search index
 * is fed wherever the wall is: inline after a commit and by the outbox's `story.project`.
 *
 * The hits of a page are read from the wall's own snapshots by key, together (`WallSnapshots`),
 * and one the wall no longer holds is left out, so a page never shows what the wall would not,
 * even while the index lags a change.
 */
export function searchableWall(deps: {
  readonly wall: WallIndex;
  readonly search: SearchIndex;
  readonly snapshots: WallSnapshots;
  readonly logger: Logger;
}): WallIndex {
  const { wall, search, snapshots, logger } = deps;
  const usesIndex = (query: { q?: string; cursor?: string }): query is { q: string } =>
    (query.q?.trim() ?? '') !== '' &&
    search.ready() &&
    (query.cursor === undefined || query.cursor.startsWith(CURSOR_PREFIX));

  async function searchPage(query: WallQuery & { q: string }): Promise<WallPage> {
    const offset = query.cursor !== undefined ? decodeSearchCursor(query.cursor) : 0;
    const { tenantId, limit, cursor: _cursor, sort, q, ...filters } = query;
    const order: SearchOrder = sort ?? 'relevance';
    const result = await search.search({
      ...filters,
      tenantId,
      text: q,
      order,
      offset,
      limit,
    });
    const found = result.hits.length > 0 ? await snapshots.read(tenantId, result.hits) : [];
    const next = offset + result.hits.length;
    return {
      items: found.flatMap((story) =>
        story && story.tenantId === tenantId && story.status === 'published' ? [story] : [],
      ),
      nextCursor:
        result.hits.length > 0 && next < result.total && next <= MAX_OFFSET
          ? `${CURSOR_PREFIX}${next}`
          : null,
    };
  }

  // Both writes are attempted; a failure of either is rethrown, so the outbox retries the pair.
  async function both(wallWrite: Promise<void>, searchWrite: Promise<void>): Promise<void> {
    const [first, second] = await Promise.allSettled([wallWrite, searchWrite]);
    if (second.status === 'rejected') {
      logger.warn({ err: second.reason as unknown }, 'search index write failed');
    }
    for (const outcome of [first, second]) {
      if (outcome.status === 'rejected') throw outcome.reason;
    }
  }

  return {
    upsert: (story, hint) => both(wall.upsert(story, hint), search.put(story)),
    remove: (story) => both(wall.remove(story), search.remove(story)),
    page(query) {
      return usesIndex(query) ? searchPage({ ...query, q: query.q }) : wall.page(query);
    },
    cachedPage: (query) => (usesIndex(query) ? undefined : wall.cachedPage?.(query)),
    async count(filters) {
      if (!usesIndex(filters)) return wall.count(filters);
      const { q, ...rest } = filters;
      const { total } = await search.search({
        ...rest,
        text: q,
        order: 'relevance',
        offset: 0,
        limit: 0,
      });
      return { total, exact: true };
    },
  };
}

function decodeSearchCursor(cursor: string): number {
  const digits = cursor.slice(CURSOR_PREFIX.length);
  const offset = /^\d{1,6}$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isInteger(offset) || offset > MAX_OFFSET) {
    throw new DomainError('validation', 'Invalid cursor.', { field: 'cursor' });
  }
  return offset;
}

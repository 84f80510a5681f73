import { odata, type TableClient } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import {
  WALL_PAGE_MAX,
  type WallFilters,
  type WallIndex,
  type WallPage,
  type WallQuery,
  type WallSnapshots,
} from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import type { Row } from './entityFields.js';
import { invertedTime, isMonthKey, joinKey, keyPart, monthOf } from './keys.js';
import { removeUnlessNewer, writeIfNewer } from './projectionWrites.js';
import { createRowVersionMemory } from './rowVersionMemory.js';
import { teamKey } from '../domain/teams.js';
import { accountKeyOf, storyColumns, storyFromRow } from './storyColumns.js';
import { guard, orIfNotFound } from './tableErrors.js';
import { decodeWallCursor, encodeWallCursor, type WallPosition } from './wallCursor.js';
import {
  countWall,
  decodeRankCursor,
  encodeRankCursor,
  rankWall,
  ttlMemo,
  type Ranking,
  type WallScan,
} from './wallRanking.js';

/** Bounds on the work of one page request; past them a partial page and a cursor are returned. */
const MAX_CALLS = 8;
const MAX_SCANNED = 500;
/** Rows fetched per call while text-searching in the app (only matches are returned). */
const SEARCH_PAGE = 100;
const META_ROW = 'months';
const MONTH_COLUMN = /^m(\d{6})$/;

export interface WallIndexOptions {
  /**
   * How long a tenant's list of months is reused before its meta row is read again; 0 (the
   * default) reads it for every first page. A month this instance records joins the list at
   * once; one first recorded by another instance shows within this time.
   */
  readonly monthsCacheMs?: number;
  /**
   * How long the most-voted ranking of a tenant and filter, and the count of the stories a
   * filter matches, are reused; 0 (the default) reads them every time. This instance's own
   * writes to the tenant's wall drop them at once; another instance's show within this time. A
   * count that reached its bound ("20,000+") is reused `BOUNDED_COUNT_HOLD` times as long.
   */
  readonly rankCacheMs?: number;
  /**
   * How long the version of a wall row this instance wrote or read is offered to its next write,
   * which then goes to storage on that ETag without reading the row first (`writeIfNewer`); 0
   * (the default) reads before every write.
   */
  readonly versionMemoryMs?: number;
}

/**
 * How many times as long as an exact count a count that reached its bound is reused: it reads as
 * "20,000+" until thousands of stories go, while reading it again scans 20,000 rows.
 */
const BOUNDED_COUNT_HOLD = 20;

/**
 * The wall in table `<prefix>wall`: one partition per tenant and publish month, RowKey = inverted
 * publish time + story id, so a partition query returns newest first. Each row is a full story
 * snapshot, so a page is one query. Row `<tenant>|meta`/`months` lists the months that have
 * stories (column `m<YYYYMM>`), read with one point read when a page must find the next month
 * (or taken from a short-lived cache, see `monthsCacheMs`).
 */
export function createTableWallIndex(
  client: TableClient,
  options: WallIndexOptions = {},
): WallIndex {
  // Months this process has already recorded in the meta row; it only saves a redundant write.
  const recorded = new Set<string>();
  const cacheMs = options.monthsCacheMs ?? 0;
  // The list changes once a month per tenant (a first story of a new month), while every first
  // page needs it: a point read that would cost as much as the page's own query on Azurite.
  const cachedMonths = new Map<string, { months: string[]; until: number }>();
  // Bumped when this instance records a month: a read of the list that overlapped the write
  // may have missed it, so it is not cached.
  const generations = new Map<string, number>();
  const versions = createRowVersionMemory({ ttlMs: options.versionMemoryMs ?? 0 });
  const rankMs = options.rankCacheMs ?? 0;
  const rankings = ttlMemo<Ranking>(rankMs);
  const counts = ttlMemo<{ total: number; exact: boolean }>(rankMs, {
    ttlOf: (count) => (count.exact ? rankMs : rankMs * BOUNDED_COUNT_HOLD),
  });
  const dropRanked = (tenantId: string, counted = true) => {
    rankings.drop(`${tenantId}\n`);
    if (counted) counts.drop(`${tenantId}\n`);
  };
  /**
   * A story new on the wall: the whole wall's count, which every opening of the tab asks for,
   * goes up by one instead of being read again (at 100,000 stories a count reads 20,000 rows,
   * and a busy morning publishes a story every few seconds); filtered counts are read again.
   */
  const countNew = (tenantId: string) => {
    const whole = filterKey(tenantId, { tenantId });
    counts.adjust(whole, (count) => (count.exact ? { ...count, total: count.total + 1 } : count));
    rankings.drop(`${tenantId}\n`);
    counts.drop(`${tenantId}\n`, whole);
  };

  /** The OData clauses of the filters the service applies (all but the text search). */
  function serverFilters(query: WallFilters): string[] {
    return [
      // Rows written before `teamKey` existed match their exact name until `migrate` keys them.
      ...(query.team !== undefined
        ? [odata`(teamKey eq ${teamKey(query.team)} or team eq ${query.team})`]
        : []),
      ...(query.category !== undefined ? [odata`category eq ${query.category}`] : []),
      ...(query.account !== undefined ? [odata`accountKey eq ${accountKeyOf(query.account)}`] : []),
      ...(query.language !== undefined ? [odata`locale eq ${query.language}`] : []),
    ];
  }

  /** What a ranking or a count reads: the one month asked for, or every month, newest first. */
  async function scanOf(tenantId: string, query: WallFilters): Promise<WallScan> {
    const needle = query.q?.trim().toLowerCase() || undefined;
    const chosen = query.month !== undefined ? [monthParam(query.month)] : undefined;
    return {
      tenantId,
      months: chosen ?? (await months(tenantId)).months,
      filters: serverFilters(query),
      ...(needle ? { needle } : {}),
    };
  }

  /** The cache key of a tenant's filter: every filter, in a fixed order. */
  function filterKey(tenantId: string, query: WallFilters): string {
    const { team, category, month, q, account, language } = query;
    return `${tenantId}\n${JSON.stringify([
      team !== undefined ? teamKey(team) : null,
      category ?? null,
      month ?? null,
      q?.trim().toLowerCase() || null,
      account !== undefined ? accountKeyOf(account) : null,
      language ?? null,
    ])}`;
  }

  /**
   * A page of the most-voted wall: the ranking (cached) sliced at the cursor's offset, then the
   * page's rows read by key, in parallel. A story gone from the wall since the ranking is skipped.
   */
  async function rankedPage(tenantId: string, query: WallQuery): Promise<WallPage> {
    const offset = query.cursor !== undefined ? decodeRankCursor(tenantId, query.cursor) : 0;
    const ranking = await rankings.get(filterKey(tenantId, query), async () =>
      rankWall(client, await scanOf(tenantId, query)),
    );
    const slice = ranking.entries.slice(offset, offset + query.limit);
    const rows = await Promise.all(
      slice.map((entry) =>
        orIfNotFound(
          'wall.ranked',
          () => client.getEntity<Row>(entry.partitionKey, entry.rowKey),
          null,
        ),
      ),
    );
    const next = offset + slice.length;
    return {
      items: rows.flatMap((row) => (row ? [storyFromRow(row)] : [])),
      nextCursor: next < ranking.entries.length ? encodeRankCursor(tenantId, next) : null,
    };
  }

  async function recordMonth(tenantId: string, month: string): Promise<void> {
    const key = joinKey(tenantId, month);
    if (!recorded.has(key)) {
      await client.upsertEntity(
        { partitionKey: joinKey(tenantId, 'meta'), rowKey: META_ROW, [`m${month}`]: true },
        'Merge',
      );
      if (recorded.size > 10_000) recorded.clear();
      recorded.add(key);
      generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
    }
    const cached = cachedMonths.get(tenantId);
    if (cached && !cached.months.includes(month)) {
      cached.months = [...cached.months, month].sort().reverse();
    }
  }

  /** The months with stories, newest first; `read` says whether storage was asked. */
  async function months(tenantId: string): Promise<{ months: string[]; read: boolean }> {
    const now = performance.now();
    const cached = cachedMonths.get(tenantId);
    if (cached && cached.until > now) return { months: [...cached.months], read: false };
    const generation = generations.get(tenantId) ?? 0;
    const row = await orIfNotFound(
      'wall.months',
      () => client.getEntity<Row>(joinKey(tenantId, 'meta'), META_ROW),
      null,
    );
    const found = Object.keys(row ?? {}).flatMap((name) => MONTH_COLUMN.exec(name)?.[1] ?? []);
    const sorted = found.filter(isMonthKey).sort().reverse();
    if (cacheMs > 0 && (generations.get(tenantId) ?? 0) === generation) {
      if (cachedMonths.size > 10_000) cachedMonths.clear();
      cachedMonths.set(tenantId, { months: [...sorted], until: now + cacheMs });
    }
    return { months: sorted, read: true };
  }

  async function fetch(
    tenantId: string,
    position: WallPosition,
    size: number,
    filters: string[],
  ): Promise<{ rows: Row[]; token: string | undefined }> {
    const clauses = [odata`PartitionKey eq ${joinKey(tenantId, position.month)}`];
    if (position.after !== undefined) clauses.push(odata`RowKey gt ${position.after}`);
    const filter = [...clauses, ...filters].join(' and ');
    return guard('wall.page', async () => {
      const pages = client.listEntities<Row>({ queryOptions: { filter } }).byPage({
        maxPageSize: size,
        ...(position.token !== undefined ? { continuationToken: position.token } : {}),
      });
      const result = await pages.next();
      if (result.done) return { rows: [], token: undefined };
      return { rows: result.value, token: result.value.continuationToken };
    });
  }

  return {
    async upsert(story, hint) {
      const keys = wallKeys(story);
      const month = monthOf(publishedAtOf(story));
      // A projection, ordered by revision: idempotent, and the outbox repeats it after a failure.
      // The month is recorded even when the row is skipped, in case an earlier attempt wrote the
      // row but failed to record its month.
      // A vote changes the rankings but no count: the counts are kept unless the story is new
      // on the wall or a column a filter reads changed (the row read before the write says).
      const columns = storyColumns(story);
      let change = 'counted' as 'new' | 'counted' | 'uncounted';
      try {
        await guard('wall.upsert', async () => {
          const [outcome] = await Promise.all([
            writeIfNewer(client, 'wall.upsert', keys, columns, story.revision, {
              wholeRow: true,
              memory: versions,
              likelyAbsent: hint?.newOnWall === true,
            }),
            recordMonth(story.tenantId, month),
          ]);
          change = !outcome.written
            ? 'uncounted'
            : !outcome.before
              ? 'new'
              : countedColumnsChanged(outcome.before, columns)
                ? 'counted'
                : 'uncounted';
        });
      } finally {
        if (change === 'new') countNew(story.tenantId);
        else dropRanked(story.tenantId, change === 'counted');
      }
    },

    async remove(story) {
      if (!story.publishedAt) return;
      try {
        await removeUnlessNewer(client, 'wall.remove', wallKeys(story), story.revision, versions);
      } finally {
        dropRanked(story.tenantId);
      }
    },

    async count(query) {
      const tenantId = keyPart(query.tenantId, 'tenantId');
      return counts.get(filterKey(tenantId, query), async () =>
        countWall(client, await scanOf(tenantId, query)),
      );
    },

    async page(query) {
      const tenantId = keyPart(query.tenantId, 'tenantId');
      if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > WALL_PAGE_MAX) {
        throw new DomainError('validation', 'Invalid page size.', { field: 'limit' });
      }
      if (query.sort === 'votes') return rankedPage(tenantId, query);
      const limit = query.limit;
      const onlyMonth = query.month !== undefined ? monthParam(query.month) : undefined;
      const needle = query.q?.trim().toLowerCase() || undefined;
      const filters = serverFilters(query);

      let calls = 0;
      let scanned = 0;
      // Months older than the current one, newest first; read from the meta row when needed.
      let older: string[] | undefined;
      const nextMonth = async (month: string): Promise<string | undefined> => {
        if (onlyMonth) return undefined;
        if (older === undefined) {
          const list = await months(tenantId);
          if (list.read) calls++;
          older = list.months.filter((m) => m < month);
        }
        return older.shift();
      };

      let position: WallPosition;
      if (query.cursor !== undefined) {
        position = decodeWallCursor(tenantId, query.cursor);
        if (onlyMonth && position.month !== onlyMonth) {
          throw new DomainError('validation', 'Invalid cursor.', { field: 'cursor' });
        }
      } else if (onlyMonth) {
        position = { month: onlyMonth };
      } else {
        const first = await nextMonth('999999');
        if (!first) return { items: [], nextCursor: null };
        position = { month: first };
      }

      const items: Story[] = [];
      const result = (next: WallPosition | null): WallPage => ({
        items,
        nextCursor: next ? encodeWallCursor(tenantId, next) : null,
      });
      for (;;) {
        if (calls >= MAX_CALLS || scanned >= MAX_SCANNED) return result(position);
        const size = needle ? Math.min(SEARCH_PAGE, MAX_SCANNED - scanned) : limit - items.length;
        const { rows, token } = await fetch(tenantId, position, size, filters);
        calls++;
        let last: Row | undefined;
        let index = 0;
        for (; index < rows.length && items.length < limit; index++) {
          const row = rows[index] as Row;
          scanned++;
          last = row;
          const story = storyFromRow(row);
          if (!needle || matches(story, needle)) items.push(story);
        }
        if (index < rows.length || token !== undefined) {
          // More in this month: continue after the last row looked at, or (no row seen) from the
          // service's token for the same query.
          position = last
            ? { month: position.month, after: String(last.rowKey) }
            : { ...position, ...(token !== undefined ? { token } : {}) };
          if (items.length === limit) return result(position);
          continue;
        }
        const month = await nextMonth(position.month);
        if (!month) return result(null);
        position = { month };
        if (items.length === limit) return result(position);
      }
    },
  };
}

/** Tries of one page of `allWallStories` before the pass gives up, and the pause after each. */
const PAGE_TRIES = 5;
const PAGE_RETRY_MS = 1_000;

/**
 * Every story on the wall, of every tenant, in no particular order: one pass over the wall table
 * (the meta rows and the migrations' marker skipped), a page of up to 1,000 rows per call, for
 * building a search index at start-up. Each call has the storage deadline; a page that fails (a
 * busy account, a page that ran past its deadline) is read again from the previous page's
 * continuation, up to five tries, so one slow page neither ends the build nor starts it over. After
 * that the pass ends with the domain error.
 */
export async function* allWallStories(
  client: TableClient,
  pageSize = 1_000,
): AsyncGenerator<Story> {
  let token: string | undefined;
  for (;;) {
    const page = await readPage(client, pageSize, token);
    for (const row of page) {
      // Partitions from `~` on hold the table's own rows (the migrations' marker), not stories.
      if (!String(row.partitionKey).startsWith('~')) yield storyFromRow(row);
    }
    token = page.continuationToken;
    if (token === undefined) return;
  }
}

async function readPage(
  client: TableClient,
  pageSize: number,
  token: string | undefined,
): Promise<Row[] & { continuationToken?: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await guard('wall.all', () =>
        client
          .listEntities<Row>({ queryOptions: { filter: odata`RowKey ne ${META_ROW}` } })
          .byPage({
            maxPageSize: pageSize,
            ...(token !== undefined ? { continuationToken: token } : {}),
          })
          .next(),
      );
      return result.done ? [] : result.value;
    } catch (error) {
      if (attempt >= PAGE_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAGE_RETRY_MS * attempt));
    }
  }
}

/**
 * The wall's snapshots of search hits, read by key: the hit's publish time gives its partition and
 * row, so each is a point read — the cheapest read Table Storage has, and one no other request
 * waits behind — sent together, not one after another. A story gone from the wall (or moved by a
 * changed publish time) reads as null.
 */
export function createWallSnapshots(client: TableClient): WallSnapshots {
  return {
    read(tenantId, hits) {
      const tenant = keyPart(tenantId, 'tenantId');
      return Promise.all(
        hits.map(async (hit) => {
          const row = await orIfNotFound(
            'wall.snapshot',
            () =>
              client.getEntity<Row>(
                joinKey(tenant, monthOf(hit.publishedAt)),
                joinKey(invertedTime(hit.publishedAt), keyPart(hit.storyId, 'storyId')),
              ),
            null,
          );
          return row ? storyFromRow(row) : null;
        }),
      );
    },
  };
}

/** Columns no count reads: a change of these alone (a vote, "I learned from this") keeps counts. */
const UNCOUNTED = new Set(['voteCount', 'learnedCount', 'revision', 'updatedAt']);
/** The service's own properties of a row read back, not the story's columns. */
const SYSTEM = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp']);

/**
 * Whether a wall row written over `before` may change what a count of the wall holds: a new
 * row, or any column a filter or the text search reads (everything but the counters).
 */
function countedColumnsChanged(before: Row | null, columns: Record<string, unknown>): boolean {
  if (!before) return true;
  const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : value);
  const names = new Set([
    ...Object.keys(columns),
    ...Object.keys(before).filter((name) => !SYSTEM.has(name) && !name.startsWith('odata')),
  ]);
  for (const name of names) {
    if (UNCOUNTED.has(name)) continue;
    if (comparable(before[name]) !== comparable(columns[name])) return true;
  }
  return false;
}

function publishedAtOf(story: Story): Date {
  if (!story.publishedAt) throw new Error(`Story ${story.id} has no publishedAt for the wall.`);
  return story.publishedAt;
}

/**
 * The wall row of a published story, exactly as `upsert` writes it: for bulk loads (a benchmark's
 * seed) that write many rows in entity-group transactions. The month still has to be recorded,
 * which one `upsert` of a story of that month does.
 */
export function wallEntity(story: Story): Record<string, unknown> & {
  partitionKey: string;
  rowKey: string;
} {
  return { ...storyColumns(story), ...wallKeys(story) };
}

/**
 * The cursor of the wall's page (newest first, unfiltered) that goes on right after `story`, a
 * story on the wall: its month, from the row after its own — the cursor `page` gives a page that
 * ends on that story. The wall's page cache makes it when a story it puts on a full page moves
 * the page's last story to the next page.
 */
export function wallCursorAfter(story: Story): string {
  return encodeWallCursor(keyPart(story.tenantId, 'tenantId'), {
    month: monthOf(publishedAtOf(story)),
    after: wallKeys(story).rowKey,
  });
}

function wallKeys(story: Story): { partitionKey: string; rowKey: string } {
  const publishedAt = publishedAtOf(story);
  return {
    partitionKey: joinKey(keyPart(story.tenantId, 'tenantId'), monthOf(publishedAt)),
    rowKey: joinKey(invertedTime(publishedAt), keyPart(story.id, 'storyId')),
  };
}

/** `YYYY-MM` → `YYYYMM`. */
function monthParam(value: string): string {
  const month = value.replace('-', '');
  if (!/^\d{4}-\d{2}$/.test(value) || !isMonthKey(month)) {
    throw new DomainError('validation', 'Use YYYY-MM for the month.', { field: 'month' });
  }
  return month;
}

function matches(story: Story, needle: string): boolean {
  return [story.title, story.situation, story.action, story.outcome, story.lesson, story.team].some(
    (text) => text.toLowerCase().includes(needle),
  );
}

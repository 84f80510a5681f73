import { odata, type TableClient } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import { WALL_COUNT_MAX, WALL_RANKED_MAX, type WallCount } from '../domain/ports.js';
import type { Row } from './entityFields.js';
import { joinKey } from './keys.js';
import { guard } from './tableErrors.js';

/**
 * The two wall reads that look at more than one page: most voted first (`sort=votes`) and the
 * count of the stories a filter matches. Both read only the columns they need from the month
 * partitions, newest month first, and stop at a bound (see docs/adr/0008-most-voted-wall.md), so
 * neither grows with the wall's history; both are cached by the caller for a few seconds.
 */

/** The texts a search matches, as `tableWallIndex`'s search reads them. */
export const SEARCHED_COLUMNS = ['title', 'situation', 'action', 'outcome', 'lesson', 'team'];
/** Rows per round trip: the service's most. */
const PAGE = 1_000;

/** One story of the ranking: where its wall row is, and its votes. */
export interface RankedEntry {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly votes: number;
}

export interface Ranking {
  readonly entries: readonly RankedEntry[];
}

/** What a ranking or a count reads: the months, newest first, the filters, a text to find. */
export interface WallScan {
  readonly tenantId: string;
  /** `YYYYMM`, newest first. */
  readonly months: readonly string[];
  /** OData clauses of the filters the service applies. */
  readonly filters: readonly string[];
  /** Lower-case text a story must contain; matched here, as the service cannot. */
  readonly needle?: string;
}

/**
 * Visits the wall rows matching `scan`, newest first, selecting `columns` (plus the text columns
 * when searching), until `visit` returns false or `maxRows` rows were read. Returns whether every
 * row was read.
 */
async function scanWall(
  client: TableClient,
  scan: WallScan,
  columns: readonly string[],
  maxRows: number,
  visit: (row: Row, partitionKey: string) => void,
): Promise<boolean> {
  const select = scan.needle ? [...columns, ...SEARCHED_COLUMNS] : [...columns];
  let read = 0;
  for (const month of scan.months) {
    const partitionKey = joinKey(scan.tenantId, month);
    const filter = [odata`PartitionKey eq ${partitionKey}`, ...scan.filters].join(' and ');
    const complete = await guard('wall.scan', async () => {
      const pages = client
        .listEntities<Row>({ queryOptions: { filter, select } })
        .byPage({ maxPageSize: Math.min(PAGE, maxRows) });
      for await (const page of pages) {
        for (const row of page) {
          if (read >= maxRows) return false;
          read++;
          if (!scan.needle || matchesColumns(row, scan.needle)) visit(row, partitionKey);
        }
      }
      return true;
    });
    if (!complete) return false;
  }
  return true;
}

/**
 * The newest `WALL_RANKED_MAX` wall rows matching `scan`, most votes first and newest first on a
 * tie (the RowKey is the inverted publish time, so the smaller is the newer).
 */
export async function rankWall(client: TableClient, scan: WallScan): Promise<Ranking> {
  const entries: RankedEntry[] = [];
  await scanWall(client, scan, ['RowKey', 'voteCount'], WALL_RANKED_MAX, (row, partitionKey) => {
    const votes = typeof row['voteCount'] === 'number' ? row['voteCount'] : 0;
    entries.push({ partitionKey, rowKey: String(row.rowKey), votes });
  });
  entries.sort((a, b) => b.votes - a.votes || (a.rowKey < b.rowKey ? -1 : 1));
  return { entries };
}

/** How many wall rows match `scan`, reading at most `WALL_COUNT_MAX` rows of one column. */
export async function countWall(client: TableClient, scan: WallScan): Promise<WallCount> {
  let total = 0;
  const exact = await scanWall(client, scan, ['RowKey'], WALL_COUNT_MAX, () => {
    total++;
  });
  return { total, exact };
}

function matchesColumns(row: Row, needle: string): boolean {
  return SEARCHED_COLUMNS.some((column) => {
    const value = row[column];
    return typeof value === 'string' && value.toLowerCase().includes(needle);
  });
}

interface RankCursorJson {
  v: 2;
  tenant: string;
  offset: number;
}

/** The cursor of a page of the most-voted wall: its place in the ranking, bound to the tenant. */
export function encodeRankCursor(tenantId: string, offset: number): string {
  const json: RankCursorJson = { v: 2, tenant: tenantId, offset };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/** The offset in a cursor made by `encodeRankCursor` for the same tenant; else a validation error. */
export function decodeRankCursor(tenantId: string, cursor: string): number {
  const invalid = () => new DomainError('validation', 'Invalid cursor.', { field: 'cursor' });
  if (cursor.length === 0 || cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid();
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid();
  const { v, tenant, offset, ...rest } = value as Record<string, unknown>;
  if (
    v !== 2 ||
    tenant !== tenantId ||
    Object.keys(rest).length > 0 ||
    typeof offset !== 'number' ||
    !Number.isInteger(offset) ||
    offset < 1 ||
    offset > WALL_RANKED_MAX
  ) {
    throw invalid();
  }
  return offset;
}

interface MemoEntry<T> {
  value: Promise<T>;
  until: number;
  /** The value once its read has succeeded. */
  settled?: T;
  /** A read that will replace this entry is under way. */
  refreshing?: boolean;
}

/**
 * A per-instance memo of promises for `ttlMs` (0: none): concurrent asks for the same key share
 * one read, and a failed read is not kept. For one more `ttlMs` after that, an expired value is
 * still answered at once while one read replaces it in the background, so nobody waits for a
 * count or a ranking that only grew older (what this instance changes itself is dropped, and
 * waited for). At most `maxEntries` keys; past it the expired go, then all. `ttlOf` may hold a
 * value that will not change soon longer than `ttlMs` (a count past its bound: "20,000+").
 */
export function ttlMemo<T>(
  ttlMs: number,
  {
    maxEntries = 1_000,
    now = () => performance.now(),
    ttlOf = () => ttlMs,
  }: {
    readonly maxEntries?: number;
    readonly now?: () => number;
    readonly ttlOf?: (value: T) => number;
  } = {},
) {
  const entries = new Map<string, MemoEntry<T>>();
  /** Reads `key` again behind the expired `stale`, which is answered meanwhile. */
  const refresh = (key: string, stale: MemoEntry<T>, load: () => Promise<T>) => {
    stale.refreshing = true;
    load().then(
      (value) => {
        if (entries.get(key) !== stale) return;
        entries.set(key, {
          value: Promise.resolve(value),
          until: now() + ttlOf(value),
          settled: value,
        });
      },
      () => {
        // Tried again by the next ask; past the grace the next ask waits for its own read.
        if (entries.get(key) === stale) stale.refreshing = false;
      },
    );
  };
  return {
    async get(key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs <= 0) return load();
      const at = now();
      const hit = entries.get(key);
      if (hit && hit.until > at) return hit.value;
      if (hit?.settled !== undefined && at < hit.until + ttlMs) {
        if (!hit.refreshing) refresh(key, hit, load);
        return hit.settled;
      }
      if (entries.size >= maxEntries) {
        for (const [old, entry] of entries) if (entry.until + ttlMs <= at) entries.delete(old);
        if (entries.size >= maxEntries) entries.clear();
      }
      const entry: MemoEntry<T> = { value: load(), until: at + ttlMs };
      entries.set(key, entry);
      try {
        const value = await entry.value;
        if (entries.get(key) === entry) {
          entry.settled = value;
          entry.until = at + ttlOf(value);
        }
        return value;
      } catch (error) {
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      }
    },
    /**
     * Forgets every key starting with `prefix` (a tenant's, after this instance wrote its wall),
     * but `keep`.
     */
    drop(prefix: string, keep?: string): void {
      for (const key of entries.keys())
        if (key.startsWith(prefix) && key !== keep) entries.delete(key);
    },
    /**
     * Replaces the value held under `key` by `change(value)`, keeping its time, when a read has
     * settled it; a read still under way may or may not have seen what changed, so it is dropped.
     */
    adjust(key: string, change: (value: T) => T): void {
      const entry = entries.get(key);
      if (!entry) return;
      if (entry.settled === undefined) {
        entries.delete(key);
        return;
      }
      const value = change(entry.settled);
      entries.set(key, { value: Promise.resolve(value), until: entry.until, settled: value });
    },
  };
}

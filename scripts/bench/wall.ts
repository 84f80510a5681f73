import { odata, type TableClient } from '@azure/data-tables';
import type { WallPageDto } from '../../src/shared/dto.js';
import type { AppProcess, Counts } from './appProcess.js';
import { expectJson, requestJson } from './http.js';
import { summarize, type Summary } from './stats.js';

export const PAGE_SIZE = 30;

export interface AB {
  readonly raw: Summary;
  readonly api: Summary;
  readonly ratioP50: number;
}

export interface WallAB {
  /** The first page, as every visitor of the tab asks for it (the app's wall cache applies). */
  readonly first: AB;
  /**
   * The third page, from the second page's cursor: never cached (the wall's cache holds the first
   * page and the second), so the app's own work on every call.
   */
  readonly next: AB;
  /** `GET /api/me` in the same rounds: the HTTP round trip and sign-in, no storage. */
  readonly httpFloor: Summary;
}

/**
 * The raw side: what the SDK alone costs for one page of the partition — the same query the
 * wall index sends (`PartitionKey eq …`, and `RowKey gt …` after a cursor; page size 30),
 * entities deserialized. Returns the time and the last RowKey (where the next page starts).
 */
export async function rawPage(
  wallTable: TableClient,
  partitionKey: string,
  after?: string,
): Promise<{ ms: number; lastRowKey: string }> {
  const filter =
    after === undefined
      ? odata`PartitionKey eq ${partitionKey}`
      : odata`PartitionKey eq ${partitionKey} and RowKey gt ${after}`;
  const started = performance.now();
  const pages = wallTable.listEntities({ queryOptions: { filter } }).byPage({
    maxPageSize: PAGE_SIZE,
  });
  const page = await pages.next();
  const ms = performance.now() - started;
  if (page.done || page.value.length !== PAGE_SIZE) throw new Error('raw page: not 30 rows');
  return { ms, lastRowKey: String(page.value[PAGE_SIZE - 1]?.rowKey) };
}

/** The app side: `GET /api/stories?limit=30` over loopback HTTP, body parsed. */
export async function apiPage(app: Pick<AppProcess, 'url'>, cursor?: string) {
  const query = `limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const response = await expectJson(`${app.url}/api/stories?${query}`, 200);
  const page = response.body as WallPageDto;
  if (page.items.length !== PAGE_SIZE) throw new Error('api page: not 30 stories');
  return { ms: response.ms, page };
}

/**
 * The cursor of the wall's third page, the first one its cache never holds: the cache holds the
 * first page, and serves the second from a run held with it (`cacheWallPages`).
 */
export async function uncachedCursor(app: Pick<AppProcess, 'url'>): Promise<string> {
  const second = (await apiPage(app)).page.nextCursor;
  if (!second) throw new Error('api page: no cursor after the first page');
  const third = (await apiPage(app, second)).page.nextCursor;
  if (!third) throw new Error('api page: no cursor after the second page');
  return third;
}

/**
 * Interleaved A/B, for the first page and for the third (`uncachedCursor`): after a warm-up, each
 * round runs a raw and an API request of each, the order alternating from round to round, so
 * drift of a noisy machine hits both sides alike. Both third pages start at the same row.
 */
export async function measureWallAB(
  wallTable: TableClient,
  partitionKey: string,
  app: Pick<AppProcess, 'url'>,
  rounds: number,
  warmup: number,
): Promise<WallAB> {
  const { lastRowKey: firstLast } = await rawPage(wallTable, partitionKey);
  const { lastRowKey: after } = await rawPage(wallTable, partitionKey, firstLast);
  const cursor = await uncachedCursor(app);
  const pairs = {
    first: { raw: [] as number[], api: [] as number[] },
    next: { raw: [] as number[], api: [] as number[] },
  };
  const me: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const steps = [
      async () => pairs.first.raw.push((await rawPage(wallTable, partitionKey)).ms),
      async () => pairs.first.api.push((await apiPage(app)).ms),
      async () => pairs.next.raw.push((await rawPage(wallTable, partitionKey, after)).ms),
      async () => pairs.next.api.push((await apiPage(app, cursor)).ms),
      async () => me.push((await requestJson(`${app.url}/api/me`)).ms),
    ];
    if (i % 2 === 1) steps.reverse();
    for (const step of steps) await step();
  }
  const ab = (side: { raw: number[]; api: number[] }): AB => {
    const raw = summarize(side.raw.slice(warmup));
    const api = summarize(side.api.slice(warmup));
    return { raw, api, ratioP50: Math.round((api.p50 / raw.p50) * 1000) / 1000 };
  };
  return { first: ab(pairs.first), next: ab(pairs.next), httpFloor: summarize(me.slice(warmup)) };
}

export interface PageCounts {
  /** The first request for the wall after the server's caches expired (or were never filled). */
  readonly firstPageCold: Counts;
  /** The first page again, right after. */
  readonly firstPageWarm: Counts;
  /** The second page, from the first page's cursor: the read of the run after the first page. */
  readonly nextPage: Counts;
  /** The cursor of the third page, which the cache never holds (`uncachedCursor`). */
  readonly uncachedCursor: string;
}

/**
 * Storage calls and entities read by one page, counted by the app's own storage pipeline
 * policy. The sign-in lookup is warmed first (`/api/me`, no wall work), so the counts are the
 * page's alone; the auth cache's own cost is one point read per person per minute.
 */
export async function countPages(app: AppProcess): Promise<PageCounts> {
  await expectJson(`${app.url}/api/me`, 200);
  const measure = async (cursor?: string) => {
    await app.resetCounts();
    const { page } = await apiPage(app, cursor);
    return { counts: await app.readCounts(), page };
  };
  const cold = await measure();
  const warm = await measure();
  const cursor = cold.page.nextCursor;
  if (!cursor) throw new Error('api page: no cursor after the first page');
  const next = await measure(cursor);
  const third = next.page.nextCursor;
  if (!third) throw new Error('api page: no cursor after the second page');
  return {
    firstPageCold: cold.counts,
    firstPageWarm: warm.counts,
    nextPage: next.counts,
    uncachedCursor: third,
  };
}

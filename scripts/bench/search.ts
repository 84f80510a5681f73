import type { Story } from '../../src/domain/index.js';
import type { WallPageDto } from '../../src/shared/dto.js';
import type { TableStorage } from '../../src/storage/tableStorage.js';
import { LABELLED_QUERIES, recallAt5, searchCorpus } from '../../tests/support/searchCorpus.js';
import type { AppProcess } from './appProcess.js';
import { expectJson } from './http.js';
import type { Row } from './report.js';
import { round, summarize, type Summary } from './stats.js';
import { PAGE_SIZE, uncachedCursor } from './wall.js';

/**
 * Text search at one size of the wall (issue 11): the app's embedded index rebuilt from the wall
 * table the seed wrote behind its back (the same build as at start-up), then, through
 * `GET /api/stories?q=…`, recall@5 of the labelled set, storage calls per search page, and search
 * p50 interleaved with the wall's third page (the first one its cache never holds).
 */
export interface SearchAtSize {
  readonly stored: number;
  /** The rebuild: stories read from the wall table, time, heap the index holds per story. */
  readonly build: { stories: number; seconds: number; bytesPerStory: number };
  readonly search: Summary;
  /** The searches of words most seeded stories share (thousands of matches each). */
  readonly commonSearch: Summary;
  readonly wallNext: Summary;
  /** Search p50 ÷ the wall's third (uncached) page p50, same rounds. */
  readonly ratioP50: number;
  readonly storageCallsPerSearch: number;
  readonly recallAt5: number;
  readonly misses: string[];
}

/**
 * Words that many of the seeded (demo) stories share, inflected as people type them: each
 * matches thousands of stories at the large size, so the index has to rank many matches.
 */
const COMMON_QUERIES = [
  'asiakkaan',
  'customers',
  'vieraalle',
  'guests',
  'kiitti',
  'seminaarissa',
  'flights',
  'lasku',
];

/**
 * The labelled set's stories (`tests/support/searchCorpus.ts`) on the benchmark tenant's wall,
 * written as publishing writes them (`wall.upsert`). Dated three years back and a day apart, so
 * they sit in months of their own past every month the wall's pages read, and the wall's figures
 * are untouched.
 */
export async function seedLabelled(
  storage: TableStorage,
  tenantId: string,
  now: Date,
): Promise<number> {
  const start = Date.UTC(now.getUTCFullYear() - 3, now.getUTCMonth(), 1, 12);
  const stories = searchCorpus({ tenantId }).map((story, index): Story => {
    const at = new Date(start + index * 86_400_000);
    return { ...story, publishedAt: at, createdAt: at, updatedAt: at };
  });
  await Promise.all(stories.map((story) => storage.wall.upsert(story)));
  return stories.length;
}

const searchUrl = (app: Pick<AppProcess, 'url'>, q: string, limit = PAGE_SIZE) =>
  `${app.url}/api/stories?limit=${limit}&q=${encodeURIComponent(q)}`;

/** Measures search at the wall's current size; see `SearchAtSize`. */
export async function measureSearch(
  app: AppProcess,
  stored: number,
  rounds: number,
  warmup: number,
): Promise<SearchAtSize> {
  const built = await app.rebuildSearch();

  const cursor = await uncachedCursor(app);
  const wallNextUrl = `${app.url}/api/stories?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(cursor)}`;

  const { recall, misses } = await recallAt5(async (q) => {
    const page = (await expectJson(searchUrl(app, q, 5), 200)).body as WallPageDto;
    return page.items.map((story) => story.id);
  });

  await app.resetCounts();
  const counted = (await expectJson(searchUrl(app, COMMON_QUERIES[0] ?? 'asiakas'), 200))
    .body as WallPageDto;
  const calls = (await app.readCounts()).calls;
  if (counted.items.length !== PAGE_SIZE) {
    throw new Error(`search: "${COMMON_QUERIES[0]}" found ${counted.items.length} stories`);
  }

  const queries = [...LABELLED_QUERIES.map((labelled) => labelled.q), ...COMMON_QUERIES];
  const common = new Set(COMMON_QUERIES);
  const samples = { search: [] as number[], common: [] as number[], wall: [] as number[] };
  for (let i = 0; i < warmup + rounds; i++) {
    const q = queries[i % queries.length] ?? '';
    const measured = i >= warmup;
    const steps = [
      async () => {
        const { ms } = await expectJson(searchUrl(app, q), 200);
        if (!measured) return;
        samples.search.push(ms);
        if (common.has(q)) samples.common.push(ms);
      },
      async () => {
        const { ms } = await expectJson(wallNextUrl, 200);
        if (measured) samples.wall.push(ms);
      },
    ];
    if (i % 2 === 1) steps.reverse();
    for (const step of steps) await step();
  }
  const search = summarize(samples.search);
  const wallNext = summarize(samples.wall);
  return {
    stored,
    build: {
      stories: built.stories,
      seconds: round(built.ms / 1000, 1),
      bytesPerStory: Math.round(built.heapBytes / Math.max(1, built.stories)),
    },
    search,
    commonSearch: summarize(samples.common),
    wallNext,
    ratioP50: round(search.p50 / wallNext.p50, 3),
    storageCallsPerSearch: calls,
    recallAt5: round(recall, 3),
    misses,
  };
}

/** Search at both sizes, when the search part ran. */
export interface SearchMeasured {
  readonly small: SearchAtSize;
  readonly large: SearchAtSize;
}

const flatness = (m: SearchMeasured) => round(m.large.ratioP50 / m.small.ratioP50, 3);
const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** The printed rows of search: the three targets of issue 11 and what explains them. */
export function searchRows(m: SearchMeasured | undefined): Row[] {
  if (!m) return [];
  const size = (s: SearchAtSize, target: boolean): Row[] => {
    const at = `@${k(s.stored)}`;
    return [
      {
        name: `search.p50Ms ${at}`,
        value: s.search.p50,
        unit: 'ms',
        note:
          `GET /api/stories?q=, 36 queries in turn; p95 ${s.search.p95}, n=${s.search.n}; ` +
          `common words p50 ${s.commonSearch.p50}, p95 ${s.commonSearch.p95}`,
      },
      {
        name: `search.ratioToWallP50 ${at}`,
        value: s.ratioP50,
        unit: '',
        ...(target ? { limit: 2 } : {}),
        note: `÷ the wall's uncached third page p50 ${s.wallNext.p50} ms, same rounds`,
      },
      {
        name: `search.storageCallsPerPage ${at}`,
        value: s.storageCallsPerSearch,
        unit: '',
        note: `a page of ${PAGE_SIZE} hits: one point read each, sent together`,
      },
      {
        name: `search.buildSeconds ${at}`,
        value: s.build.seconds,
        unit: 's',
        note: `${s.build.stories} stories read from the wall table; ${s.build.bytesPerStory} B of heap a story`,
      },
      {
        name: `search.recallAt5 ${at}`,
        value: s.recallAt5,
        unit: '',
        note: `missed: ${s.misses.join(', ') || 'none'}`,
      },
    ];
  };
  return [
    ...size(m.small, false),
    ...size(m.large, true),
    {
      name: 'search.flatness',
      value: flatness(m),
      unit: '',
      limit: 1.5,
      note: `ratio @${k(m.large.stored)} ÷ @${k(m.small.stored)}`,
    },
    {
      name: 'search.recallAt5',
      value: m.large.recallAt5,
      unit: '',
      atLeast: 0.9,
      note: `@${k(m.large.stored)}; labelled set of ${LABELLED_QUERIES.length} queries, Finnish and English`,
    },
  ];
}

/** `search` in bench/results.json. */
export function searchResults(m: SearchMeasured | undefined) {
  if (!m) return null;
  return {
    ratioToWallP50: m.large.ratioP50,
    flatness: flatness(m),
    recallAt5: m.large.recallAt5,
    p50Ms: m.large.search.p50,
    buildSeconds: m.large.build.seconds,
    bytesPerStory: m.large.build.bytesPerStory,
    storageCallsPerPage: m.large.storageCallsPerSearch,
    labelledQueries: LABELLED_QUERIES.length,
    commonQueries: COMMON_QUERIES,
    bySize: [m.small, m.large],
  };
}

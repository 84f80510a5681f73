import { cpus } from 'node:os';
import { cardActionResults, cardActionRows } from './cardRows.js';
import type { CardActionResult } from './cards.js';
import type { LoadResult } from './load.js';
import { morningResults, morningRows, type MorningResult } from './morning.js';
import type { Row, TargetResult } from './report.js';
import { round, type Summary } from './stats.js';
import { searchResults, searchRows, type SearchMeasured } from './search.js';
import type { firstStories, TabBundle } from './tab.js';
import type { PageCounts, WallAB } from './wall.js';
import { BENCH_FLOOR_ROUTE, type WallWire } from './wallWire.js';

/** The trivial route of the throughput ratio: sign-in from the user cache, no storage call. */
export const TRIVIAL_ROUTE = '/api/me';

/** Everything measured at one size of the wall. */
export interface SizeResult {
  readonly stored: number;
  readonly inPagePartition: number;
  readonly seedSeconds: number;
  readonly ab: WallAB;
  readonly pages: PageCounts;
  readonly storageCallsPerPage: number;
  readonly entitiesReadPerPage: number;
  readonly wallLoad: LoadResult;
  readonly nextPageLoad: LoadResult;
  readonly trivialLoad: LoadResult;
  readonly rpsRatio: number;
  /** The first page as the tab gets it: bytes on the wire, and req/s against its bytes' floor. */
  readonly wire: WallWire;
}

/** What the run measured; a part left out of `BENCH_PARTS` is undefined. */
export interface Measured {
  readonly small: SizeResult | undefined;
  readonly large: SizeResult | undefined;
  readonly search: SearchMeasured | undefined;
  readonly invoke: CardActionResult | undefined;
  readonly vote: CardActionResult | undefined;
  readonly submit: { summary: Summary; storageCallsEach: number } | undefined;
  readonly memory: { rssMb: number; peakRssMb: number };
  readonly azuriteMb: number;
  readonly bundle: TabBundle | undefined;
  readonly morning: MorningResult | undefined;
  /** The tab's first stories and the framework-free floor page, visited interleaved. */
  readonly paint: Awaited<ReturnType<typeof firstStories>> | undefined;
}

/** The wall's two sizes, when the wall part ran. */
type Sized = Measured & { small: SizeResult; large: SizeResult };
const sized = (m: Measured): m is Sized => m.small !== undefined && m.large !== undefined;

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** The app's peak resident memory: VmHWM, or the highest sample under autocannon. */
function rssMbPeak(m: Measured): number {
  const sampled = [m.small, m.large].flatMap((s) =>
    s
      ? [s.wallLoad, s.nextPageLoad, s.trivialLoad, s.wire.wallLoad, s.wire.floorLoad].map(
          (l) => l.rssMbPeak,
        )
      : [],
  );
  return Math.round(Math.max(m.memory.peakRssMb, ...sampled));
}

function flatness(m: Sized, page: 'first' | 'next'): number {
  return round(m.large.ab[page].ratioP50 / m.small.ab[page].ratioP50, 3);
}

/** The printed table: every figure, targets checked where the issue sets one. */
export function tableRows(m: Measured): Row[] {
  const size = (s: SizeResult): Row[] => {
    const at = `@${k(s.stored)}`;
    const { first, next } = s.ab;
    const counts = (pick: (c: { calls: number; entitiesRead: number }) => number) =>
      `cold ${pick(s.pages.firstPageCold)}, warm ${pick(s.pages.firstPageWarm)}, ` +
      `next ${pick(s.pages.nextPage)}`;
    return [
      {
        name: `wall.rawP50Ms ${at}`,
        value: first.raw.p50,
        unit: 'ms',
        note: `SDK query, ${s.inPagePartition} in partition; p95 ${first.raw.p95}, n=${first.raw.n}`,
      },
      {
        name: `wall.apiP50Ms ${at}`,
        value: first.api.p50,
        unit: 'ms',
        note: `GET /api/stories?limit=30; p95 ${first.api.p95}, n=${first.api.n}`,
      },
      { name: `wall.ratioP50 ${at}`, value: first.ratioP50, unit: '', limit: 1.3 },
      {
        name: `wall.nextPageRatioP50 ${at}`,
        value: next.ratioP50,
        unit: '',
        limit: 1.2,
        note: `third page (uncached): api ${next.api.p50} ÷ raw ${next.raw.p50} ms; ${TRIVIAL_ROUTE} ${s.ab.httpFloor.p50} ms`,
      },
      {
        name: `wall.storageCallsPerPage ${at}`,
        value: s.storageCallsPerPage,
        unit: '',
        limit: 2,
        note: counts((c) => c.calls),
      },
      {
        name: `wall.entitiesReadPerPage ${at}`,
        value: s.entitiesReadPerPage,
        unit: '',
        limit: 60,
        note: counts((c) => c.entitiesRead),
      },
      {
        name: `wall.rps ${at}`,
        value: s.wallLoad.rps,
        unit: 'req/s',
        note: `third page (uncached) ${s.nextPageLoad.rps} req/s`,
      },
      {
        name: `wall.rpsRatio ${at}`,
        value: s.rpsRatio,
        unit: '',
        note: `vs ${TRIVIAL_ROUTE} ${s.trivialLoad.rps} req/s`,
      },
      {
        name: `wall.rpsRatioBytesFloor ${at}`,
        value: s.wire.rpsRatioBytesFloor,
        unit: '',
        atLeast: 0.6,
        note: `tab's headers: ${s.wire.wallLoad.rps} ÷ ${BENCH_FLOOR_ROUTE} ${s.wire.floorLoad.rps} req/s`,
      },
      {
        name: `wall.cpuRatioBytesFloor ${at}`,
        value: s.wire.cpuRatioBytesFloor,
        unit: '',
        note: `app CPU per answer, same rounds: ${BENCH_FLOOR_ROUTE} ${s.wire.cpuUsPerAnswer.floor} ÷ wall ${s.wire.cpuUsPerAnswer.wall} µs`,
      },
      {
        name: `wall.bytesFirstPage ${at}`,
        value: s.wire.bytesFirstPage,
        unit: 'B',
        note: `${s.wire.coding}; ${s.wire.identityBytes} B uncompressed; 304 on its tag: ${s.wire.notModified ? 'yes' : 'NO'}`,
      },
    ];
  };
  const wall = (m: Sized): Row[] => [
    ...size(m.small),
    ...size(m.large),
    {
      name: 'wall.flatness',
      value: flatness(m, 'first'),
      unit: '',
      limit: 1.25,
      note: `ratio @${k(m.large.stored)} ÷ @${k(m.small.stored)}; third page ${flatness(m, 'next')}`,
    },
  ];
  const cards = (
    invoke: NonNullable<Measured['invoke']>,
    submit: NonNullable<Measured['submit']>,
    vote: Measured['vote'],
  ): Row[] => [
    {
      name: 'invoke.p95Ms',
      value: invoke.app.p95,
      unit: 'ms',
      limit: 100,
      note: `approve, p50 ${invoke.app.p50}, n=${invoke.app.n}, ${invoke.storageCallsEach} storage calls`,
    },
    {
      name: 'invoke.floorP95Ms',
      value: invoke.floor.p95,
      unit: 'ms',
      note: `do-nothing handler, p50 ${invoke.floor.p50}`,
    },
    ...(vote ? cardActionRows(invoke, vote) : []),
    {
      name: 'submit.p95Ms',
      value: submit.summary.p95,
      unit: 'ms',
      note: `POST /api/stories, p50 ${submit.summary.p50}, n=${submit.summary.n}, ${submit.storageCallsEach} storage calls`,
    },
  ];
  const tab = (bundle: TabBundle, paint: NonNullable<Measured['paint']>): Row[] => [
    {
      name: 'tab.initialJsGzipKb',
      value: bundle.initialJsGzipKb,
      unit: 'KB',
      limit: 180,
      note: `${bundle.files.length} files`,
    },
    {
      name: 'tab.firstStoriesMs',
      value: paint.p50Ms,
      unit: 'ms',
      limit: 1500,
      note:
        `median of ${paint.runsMs.join(', ')}` +
        (paint.warmupFailures.length
          ? `; unmeasured first visits failed ${paint.warmupFailures.length}×`
          : ''),
    },
    {
      name: 'tab.firstStoriesFloorMs',
      value: paint.floor.p50Ms,
      unit: 'ms',
      note: `no framework, same first page; median of ${paint.floor.runsMs.join(', ')}`,
    },
    {
      name: 'tab.firstStoriesRatio',
      value: paint.ratioP50,
      unit: '',
      limit: 2.5,
      note: 'tab ÷ floor page, medians, interleaved visits',
    },
  ];
  return [
    // `BENCH_SIZES=small`: the small wall's rows alone.
    ...(sized(m) ? wall(m) : m.small ? size(m.small) : []),
    ...searchRows(m.search),
    ...(m.invoke && m.submit ? cards(m.invoke, m.submit, m.vote) : []),
    {
      name: 'memory.rssMbPeak',
      value: rssMbPeak(m),
      unit: 'MB',
      note: `app process; Azurite ${m.azuriteMb} MB`,
    },
    ...(m.bundle && m.paint ? tab(m.bundle, m.paint) : []),
    ...(m.morning ? morningRows(m.morning) : []),
  ];
}

/** bench/results.json. */
export function buildResults(
  m: Measured & {
    settings: object;
    parts: string[];
    quick: boolean;
    durationSeconds: number;
    olderMonths: number;
    targets: TargetResult[];
  },
) {
  const wall = (m: Sized) => {
    const { small, large } = m;
    return {
      rawP50Ms: large.ab.first.raw.p50,
      apiP50Ms: large.ab.first.api.p50,
      ratioP50: large.ab.first.ratioP50,
      flatness: flatness(m, 'first'),
      nextPageRatioP50: large.ab.next.ratioP50,
      nextPageFlatness: flatness(m, 'next'),
      storageCallsPerPage: Math.max(small.storageCallsPerPage, large.storageCallsPerPage),
      entitiesReadPerPage: Math.max(small.entitiesReadPerPage, large.entitiesReadPerPage),
      rps: large.wallLoad.rps,
      rpsRatio: large.rpsRatio,
      rpsRatioBytesFloor: Math.min(small.wire.rpsRatioBytesFloor, large.wire.rpsRatioBytesFloor),
      cpuRatioBytesFloor: Math.min(small.wire.cpuRatioBytesFloor, large.wire.cpuRatioBytesFloor),
      bytesFirstPage: large.wire.bytesFirstPage,
      nextPageRatioP50Max: Math.max(small.ab.next.ratioP50, large.ab.next.ratioP50),
      bySize: [small, large],
    };
  };
  const { small, large } = m;
  return {
    meta: {
      date: new Date().toISOString(),
      durationSeconds: m.durationSeconds,
      quick: m.quick,
      parts: m.parts,
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      storage: 'Azurite table service, in memory (--inMemoryPersistence), own process',
      settings: m.settings,
      sizes: {
        small: small && { stored: small.stored, inPagePartition: small.inPagePartition },
        large: large && {
          stored: large.stored,
          inPagePartition: large.inPagePartition,
          olderMonths: m.olderMonths,
        },
        note:
          'Azurite checks every new row against each row of its partition (a linear scan per ' +
          'insert), so filling one partition costs O(n²): 60,000 rows took about 8 minutes ' +
          'here. The large size keeps `settings.partition` stories in the month the page ' +
          `reads and the rest in ${m.olderMonths} older months of the same tenant, so the wall ` +
          'table holds `settings.stored` (Azurite filters the whole table on every query).',
      },
      trivialRoute: `${TRIVIAL_ROUTE} (sign-in from the user cache, no storage call)`,
      wallCache:
        'The app serves the unfiltered first page from memory for 2 s, and the page after it ' +
        'from a run of the stories that follow, held with it (each updated in place or dropped ' +
        'at once when this instance changes the wall); later pages are never cached.',
    },
    wall: sized(m) ? wall(m) : m.small ? { bySize: [m.small] } : null,
    search: searchResults(m.search),
    invoke: m.invoke
      ? {
          p95Ms: m.invoke.app.p95,
          floorP95Ms: m.invoke.floor.p95,
          ...cardActionResults(m.invoke),
        }
      : null,
    vote: m.vote ? cardActionResults(m.vote) : null,
    submit: m.submit
      ? {
          p95Ms: m.submit.summary.p95,
          storageCallsEach: m.submit.storageCallsEach,
          ...m.submit.summary,
        }
      : null,
    memory: {
      rssMbPeak: rssMbPeak(m),
      appPeakRssMb: round(m.memory.peakRssMb, 0),
      azuriteRssMb: m.azuriteMb,
    },
    tab:
      m.bundle && m.paint
        ? {
            initialJsGzipKb: m.bundle.initialJsGzipKb,
            initialFiles: m.bundle.files,
            firstStoriesMs: m.paint.p50Ms,
            firstStoriesRunsMs: m.paint.runsMs,
            firstStoriesPhasesMs: m.paint.phasesMs,
            firstStoriesFloorMs: m.paint.floor.p50Ms,
            firstStoriesFloorRunsMs: m.paint.floor.runsMs,
            firstStoriesFloorPhasesMs: m.paint.floor.phasesMs,
            warmupFailures: m.paint.warmupFailures,
            firstStoriesRatio: m.paint.ratioP50,
          }
        : null,
    load: m.morning ? morningResults(m.morning) : null,
    targets: m.targets,
  };
}

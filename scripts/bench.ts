/**
 * `npm run bench`: the app measured against the floor of what it stands on, in one run, as ratios
 * (issue 4; method and latest figures in docs/PERFORMANCE.md). Starts its own in-memory Azurite,
 * the app in a process of its own, a mock Bot Connector and headless Chromium; seeds the wall
 * with batch transactions; writes bench/results.json and prints a table with pass/miss per target.
 * Exits 1 when a target is missed.
 *
 * Settings (environment, all optional): BENCH_SMALL (1000), BENCH_PARTITION (30000),
 * BENCH_STORED (100000), BENCH_QUICK=1 (small sizes and few samples, to try the script),
 * BENCH_PARTS (a comma list of the parts to run, of `PARTS`; default all: the wall is seeded
 * either way), BENCH_PEOPLE (3000, the morning's people), BENCH_MORNING_AT (`small`, the
 * default, or `large`: the wall the morning runs on), BENCH_CPU_PROF=1 (the app process writes
 * V8 CPU profiles to a temporary folder it names), BENCH_SIZES (`small`: only the 1,000-story wall,
 * never seeded to the large size; default both).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TableClient } from '@azure/data-tables';
import { DEMO_TENANT_ID, demoUsers } from '../src/demo/demoUsers.js';
import { startEmbeddedAzurite } from '../src/storage/embeddedAzurite.js';
import { createTableStorage } from '../src/storage/tableStorage.js';
import { startMockConnector } from '../tests/support/mockConnector.js';
import { startAppProcess, type AppProcess } from './bench/appProcess.js';
import { measureInvoke, measureSubmit, measureVote } from './bench/cards.js';
import { closeHttp, expectJson } from './bench/http.js';
import { runMorning } from './bench/morning.js';
import { load } from './bench/load.js';
import { azuriteRssMb, storageQuiet } from './bench/processes.js';
import { checkTargets, formatTable } from './bench/report.js';
import {
  buildResults,
  tableRows,
  TRIVIAL_ROUTE,
  type Measured,
  type SizeResult,
} from './bench/results.js';
import { measureSearch, seedLabelled } from './bench/search.js';
import { monthPlans, seedWall, type MonthPlan } from './bench/seed.js';
import { round } from './bench/stats.js';
import { buildTab, firstStories, writeFloorPage, type TabBundle } from './bench/tab.js';
import { countPages, measureWallAB } from './bench/wall.js';
import { measureWallWire } from './bench/wallWire.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const quick = env['BENCH_QUICK'] === '1';
/** What a run can measure; `BENCH_PARTS` picks some. */
const PARTS = ['wall', 'search', 'cards', 'tab', 'morning'] as const;
type Part = (typeof PARTS)[number];
const parts = partsToRun(env['BENCH_PARTS']);
const settings = {
  small: Number(env['BENCH_SMALL'] ?? (quick ? 300 : 1_000)),
  /** Stories in the month partition a first page reads, at the large size. */
  partition: Number(env['BENCH_PARTITION'] ?? (quick ? 2_000 : 30_000)),
  /** Stories in the wall table at the large size; past `partition`, in older months. */
  stored: Number(env['BENCH_STORED'] ?? (quick ? 5_000 : 100_000)),
  olderMonthCapacity: 10_000,
  abRounds: quick ? 60 : 250,
  abWarmup: quick ? 10 : 30,
  loadSeconds: quick ? 3 : 6,
  loadConnections: 10,
  cardSamples: quick ? 40 : 200,
  cardWarmup: quick ? 5 : 20,
  tabRuns: quick ? 3 : 7,
  /** The 3,000-person morning (scripts/bench/morning.ts). */
  morningPeople: Number(env['BENCH_PEOPLE'] ?? (quick ? 300 : 3_000)),
  morningSeconds: quick ? 10 : 60,
  morningBaselinePeople: quick ? 40 : 200,
  /**
   * The wall the morning runs on: `small` (the default; a 3,000-person company's wall after a
   * year or two) or `large` (100,000 stories, where Azurite, not the app, is the limit; see
   * docs/PERFORMANCE.md).
   */
  morningAt: env['BENCH_MORNING_AT'] === 'large' ? ('large' as const) : ('small' as const),
  /** `BENCH_SIZES=small`: the parts run on the small wall only (the large one is not seeded). */
  smallOnly: env['BENCH_SIZES'] === 'small',
};

function partsToRun(list: string | undefined): ReadonlySet<Part> {
  if (!list?.trim()) return new Set(PARTS);
  const asked = list.split(',').map((part) => part.trim());
  const unknown = asked.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_PARTS: unknown ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`,
    );
  }
  return new Set(asked as Part[]);
}

const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const log = (message: string) =>
  console.error(`[bench ${elapsed().toFixed(0).padStart(3)} s] ${message}`);

/** Counts, A/B and load at one size of the wall. */
async function measureSize(
  app: AppProcess,
  wallTable: TableClient,
  page: MonthPlan,
  size: Pick<SizeResult, 'stored' | 'inPagePartition' | 'seedSeconds'>,
): Promise<SizeResult> {
  const label = `${size.stored} stored`;
  log(`${label} (${size.inPagePartition} in the page's partition): storage calls per page`);
  const pages = await countPages(app);
  log(`${label}: wall A/B, first and third (uncached) page, ${settings.abRounds} rounds`);
  const ab = await measureWallAB(
    wallTable,
    page.partitionKey,
    app,
    settings.abRounds,
    settings.abWarmup,
  );
  log(`${label}: autocannon on ${TRIVIAL_ROUTE}, the wall and its third (uncached) page`);
  const run = (route: string) => load(app, route, settings.loadSeconds, settings.loadConnections);
  const trivialLoad = await run(TRIVIAL_ROUTE);
  const wallLoad = await run('/api/stories?limit=30');
  const nextPageLoad = await run(
    `/api/stories?limit=30&cursor=${encodeURIComponent(pages.uncachedCursor)}`,
  );
  log(`${label}: the first page on the wire, and autocannon on it and its bytes' floor route`);
  const wire = await measureWallWire(app, settings.loadSeconds, settings.loadConnections);
  const all = [pages.firstPageCold, pages.firstPageWarm, pages.nextPage];
  return {
    ...size,
    ab,
    pages,
    storageCallsPerPage: Math.max(...all.map((c) => c.calls)),
    entitiesReadPerPage: Math.max(...all.map((c) => c.entitiesRead)),
    wallLoad,
    nextPageLoad,
    trivialLoad,
    rpsRatio: round(wallLoad.rps / trivialLoad.rps, 3),
    wire,
  };
}

/** Month capacities: the page's month first, then older months of up to 10,000 stories. */
function layout(): number[] {
  const older = Math.max(0, settings.stored - settings.partition);
  const months = Math.ceil(older / settings.olderMonthCapacity);
  return [
    Math.min(settings.partition, settings.stored),
    ...Array.from({ length: months }, (_, k) =>
      Math.min(settings.olderMonthCapacity, older - k * settings.olderMonthCapacity),
    ),
  ];
}

async function main(): Promise<number> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'storywall-bench-'));
  const cleanups: Array<() => Promise<unknown>> = [
    () => rm(workDir, { recursive: true, force: true }),
  ];
  try {
    log(`parts: ${[...parts].join(', ')}`);
    let bundle: TabBundle | undefined;
    if (parts.has('tab')) {
      log('building the tab (Vite)');
      bundle = await buildTab(repoRoot, path.join(workDir, 'dist/tab'));
      await writeFloorPage(path.join(workDir, 'dist/tab'));
    }

    log('starting Azurite (in memory), the mock Bot Connector and the app');
    const azurite = await startEmbeddedAzurite({ inMemory: true });
    cleanups.push(() => azurite.stop());
    const connector = await startMockConnector();
    cleanups.push(() => connector.close());
    const profileDir =
      env['BENCH_CPU_PROF'] === '1'
        ? path.join(tmpdir(), `storywall-bench-prof-${Date.now()}`)
        : '';
    if (profileDir) {
      await mkdir(profileDir, { recursive: true });
      log(`CPU profiles of the app process go to ${profileDir}`);
    }
    const app = await startAppProcess(
      {
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX: 'bench',
        SEED_DEMO: 'false',
        AUTH_MODE: 'local',
        LOCAL_TENANT_ID: DEMO_TENANT_ID,
        OUTBOX_SWEEP_SECONDS: '0',
        LOG_LEVEL: 'warn',
        // The per-person write limit (60 a minute) would refuse the benchmark's own submits.
        WRITES_PER_MINUTE: '100000',
        BOT_SERVICE_URL: connector.serviceUrl,
        BENCH_ROOT: workDir,
      },
      profileDir || undefined,
    );
    cleanups.push(() => app.stop());

    const storage = createTableStorage({
      connectionString: azurite.connectionString,
      tablePrefix: 'bench',
      allowInsecureConnection: true,
    });
    const wallTable = TableClient.fromConnectionString(azurite.connectionString, 'benchwall', {
      allowInsecureConnection: true,
    });
    for (const user of demoUsers(DEMO_TENANT_ID)) await storage.users.upsert(user);
    const capacities = layout();
    const [page, ...olderPlans] = monthPlans(DEMO_TENANT_ID, new Date(), capacities) as [
      MonthPlan,
      ...MonthPlan[],
    ];
    const partition = capacities[0] ?? 0;

    log(`seeding ${settings.small} stories into month ${page.month}`);
    let seedStart = performance.now();
    await seedWall(wallTable, storage, page, 0, settings.small);
    if (parts.has('search')) await seedLabelled(storage, DEMO_TENANT_ID, new Date());
    const small = parts.has('wall')
      ? await measureSize(app, wallTable, page, {
          stored: settings.small,
          inPagePartition: settings.small,
          seedSeconds: round((performance.now() - seedStart) / 1000, 1),
        })
      : undefined;
    const searchAt = (stored: number) => {
      log(
        `${stored} stored: search index rebuilt, recall@5, search and the third (uncached) page interleaved`,
      );
      return measureSearch(app, stored, settings.abRounds, settings.abWarmup);
    };
    const searchSmall = parts.has('search') ? await searchAt(settings.small) : undefined;

    let morning: Measured['morning'];
    const runMorningAt = async (stored: number) => {
      if (!parts.has('morning')) return;
      morning = await runMorning(
        app,
        storage,
        {
          people: settings.morningPeople,
          seconds: settings.morningSeconds,
          baselinePeople: settings.morningBaselinePeople,
          tenantId: DEMO_TENANT_ID,
          stored,
        },
        log,
      );
    };
    if (settings.morningAt === 'small') await runMorningAt(settings.small);

    // The large wall is for every part but a morning on the small one: not seeded when unread.
    const needsLarge =
      !settings.smallOnly &&
      (['wall', 'search', 'cards', 'tab'].some((part) => parts.has(part as Part)) ||
        (parts.has('morning') && settings.morningAt === 'large'));
    if (needsLarge) {
      log(`seeding to ${partition} stories in month ${page.month}`);
      seedStart = performance.now();
      await seedWall(wallTable, storage, page, settings.small, partition);
      for (const [k, plan] of olderPlans.entries()) {
        log(`seeding ${capacities[k + 1]} stories into month ${plan.month}`);
        await seedWall(wallTable, storage, plan, 0, capacities[k + 1] ?? 0);
      }
    }
    const large =
      parts.has('wall') && needsLarge
        ? await measureSize(app, wallTable, page, {
            stored: settings.stored,
            inPagePartition: partition,
            seedSeconds: round((performance.now() - seedStart) / 1000, 1),
          })
        : undefined;
    const searchLarge = parts.has('search') ? await searchAt(settings.stored) : undefined;
    const search =
      searchSmall && searchLarge ? { small: searchSmall, large: searchLarge } : undefined;

    // Before the card actions: run after them on the large wall, a first visit timed out when
    // Azurite's storage calls went past their deadline, and the figure would measure that. Right
    // after the large wall's seed and load the app and Azurite may still be busy for seconds (their
    // collectors over heaps of 100,000 stories): the visits start once the app's health check,
    // a storage read through the app, answers promptly again.
    let paint: Measured['paint'];
    if (parts.has('tab')) {
      const waited = await storageQuiet(() => expectJson(`${app.url}/healthz`, 200));
      log(`tab: storage answered promptly after ${waited} s`);
      log(
        `tab: first stories in headless Chromium, ${settings.tabRuns} fresh visits of the tab and of its floor page, interleaved`,
      );
      paint = await firstStories(app.url, settings.tabRuns);
    }

    let submit: Awaited<ReturnType<typeof measureSubmit>> | undefined;
    let invoke: Measured['invoke'];
    let vote: Measured['vote'];
    if (parts.has('cards')) {
      const stories = settings.cardWarmup + settings.cardSamples;
      log(`submit: ${stories} stories through POST /api/stories`);
      submit = await measureSubmit(app, settings.cardSamples, settings.cardWarmup);
      log(`invoke: ${stories} approvals, each interleaved with the floor bot`);
      invoke = await measureInvoke(app, connector.serviceUrl, submit.storyIds, settings.cardWarmup);
      log(`vote: ${stories} votes from the channel card, each interleaved with the floor bot`);
      vote = await measureVote(app, connector.serviceUrl, submit.storyIds, settings.cardWarmup);
    }
    const memory = app.memory();
    const azuriteMb = azuriteRssMb();

    if (settings.morningAt === 'large') await runMorningAt(settings.stored);

    const measured = {
      small,
      large,
      search,
      invoke,
      vote,
      submit,
      memory,
      azuriteMb,
      bundle,
      paint,
      morning,
    };
    const rows = tableRows(measured);
    const targets = checkTargets(rows);
    const results = buildResults({
      settings,
      parts: [...parts],
      quick,
      durationSeconds: round(elapsed(), 0),
      olderMonths: olderPlans.length,
      ...measured,
      targets,
    });
    await mkdir(path.join(repoRoot, 'bench'), { recursive: true });
    await writeFile(
      path.join(repoRoot, 'bench/results.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );

    const when = results.meta.date;
    console.log(`\nStory Wall benchmark, ${when}: ${cpus().length} cores, ${process.version}\n`);
    console.log(formatTable(rows));
    const missed = targets.filter((t) => !t.pass);
    console.log(
      `\n${targets.length - missed.length}/${targets.length} targets met` +
        (missed.length ? `; missed: ${missed.map((t) => t.name).join(', ')}` : '') +
        '. Written to bench/results.json.',
    );
    return missed.length === 0 ? 0 : 1;
  } finally {
    log('stopping');
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    closeHttp();
    log('done');
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);

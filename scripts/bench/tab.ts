import { spawn } from 'node:child_process';
import path from 'node:path';
import { measureInitialBundle } from '../../tests/e2e/initialBundle.js';
import { launchBrowser } from '../../tests/support/browser.js';
import { percentile, round } from './stats.js';

/** `FIRST_STORIES_MARK` of src/tab/components/Wall/Wall.tsx (importing it would load the tab). */
const FIRST_STORIES_MARK = 'storywall:first-stories';

export interface TabBundle {
  readonly initialJsGzipKb: number;
  readonly files: { file: string; gzipKb: number }[];
}

/**
 * Builds the tab with the project's Vite config into `outDir` (not `dist/tab`, which a running
 * `npm start` may be serving) and measures the JavaScript needed before the first paint: the
 * entry chunk and, transitively, its static imports (lazy dialogs excluded).
 */
export async function buildTab(repoRoot: string, outDir: string): Promise<TabBundle> {
  await run(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(repoRoot, 'vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    repoRoot,
  );
  const bundle = measureInitialBundle(outDir);
  return {
    initialJsGzipKb: round(bundle.gzipBytes / 1024, 1),
    files: bundle.files
      .map((f) => ({ file: f.file, gzipKb: round(f.gzipBytes / 1024, 1) }))
      .sort((a, b) => b.gzipKb - a.gzipKb),
  };
}

/**
 * Opens the tab `runs` times in headless Chromium, each in a fresh browser context (empty cache
 * and storage, as a first visit), and reads the tab's own User Timing mark for the first story
 * cards on screen (milliseconds since navigation start).
 */
export async function firstStories(url: string, runs: number) {
  const browser = await launchBrowser();
  const times: number[] = [];
  const phases: Phases[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light' });
      try {
        const page = await context.newPage();
        await page.goto(url);
        await page.getByTestId('story-card').first().waitFor({ timeout: 15_000 });
        const ms = await page.evaluate(
          (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? -1,
          FIRST_STORIES_MARK,
        );
        if (ms <= 0) throw new Error('the tab set no first-stories mark');
        times.push(round(ms, 0));
        phases.push(await page.evaluate(readPhases));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const median = (pick: (p: Phases) => number) => round(percentile(phases.map(pick), 50), 0);
  return {
    p50Ms: round(percentile(times, 50), 0),
    maxMs: Math.max(...times),
    runsMs: times,
    /** Medians, in ms since navigation start: where the time to the first stories goes. */
    phasesMs: {
      htmlLoaded: median((p) => p.htmlLoaded),
      scriptsLoaded: median((p) => p.scriptsLoaded),
      domContentLoaded: median((p) => p.domContentLoaded),
      wallRequestStart: median((p) => p.wallRequestStart),
      wallResponseEnd: median((p) => p.wallResponseEnd),
      firstContentfulPaint: median((p) => p.firstContentfulPaint),
    },
  };
}

interface Phases {
  htmlLoaded: number;
  scriptsLoaded: number;
  domContentLoaded: number;
  wallRequestStart: number;
  wallResponseEnd: number;
  firstContentfulPaint: number;
}

/** Runs in the page: navigation and resource timings of the first visit. */
function readPhases(): Phases {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  // The initial scripts (entry and modulepreloads), not the lazy chunks of dialogs.
  const scripts = resources.filter(
    (r) => r.name.endsWith('.js') && r.startTime < nav.domContentLoadedEventStart,
  );
  const wall = resources.find((r) => r.name.includes('/api/stories'));
  return {
    htmlLoaded: nav.responseEnd,
    scriptsLoaded: Math.max(0, ...scripts.map((r) => r.responseEnd)),
    domContentLoaded: nav.domContentLoadedEventEnd,
    wallRequestStart: wall?.startTime ?? -1,
    wallResponseEnd: wall?.responseEnd ?? -1,
    firstContentfulPaint:
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  };
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args[1] ?? command} exited with ${code}`)),
    );
  });
}

import type { WallPage } from '../domain/ports.js';
import type { Story } from '../domain/story.js';

/**
 * Where a story just written to the wall goes on the pages the wall's cache holds
 * (`cacheWallPages`): a first page (`placed`) and the run of stories after it (`placedInRun`,
 * docs/adr/0015), each as a read of the wall would show it, or null when only a read can tell.
 */

/**
 * The stories right after a first page held, newest first and with nothing between them: the
 * second page as read, and the stories the first page has pushed on since (`carry`), so a reader
 * who loads more from a cursor of a first page of a few seconds ago is served from it too.
 */
export interface Run {
  /** The story the run goes on right after (a first page's last), and its publish time. */
  readonly afterId: string;
  readonly after: number;
  readonly items: readonly Story[];
  /** The cursor that goes on after the run's last story; null where the wall ends. */
  readonly end: string | null;
  /** Until when it is served: the time of its read, kept through every change put on it. */
  readonly until: number;
}

/** Stories a run holds at most: past it, the oldest go (a read gives them again). */
const RUN_MAX = 120;

/**
 * The page `entry` holds once `story`, just written to the wall, is on it as a read of the wall
 * would show it: `entry.page` itself when it does not change, null
 * when that cannot be told without a read. The wall is newest first by publish time, so:
 * - a story the page shows, at the same time (a vote, a count), is replaced there by the newer
 *   of the two snapshots; one shown at another time has moved (null);
 * - a story older than the last one of a full page with a cursor leaves the page as it is: the
 *   cursor goes on right after that last story, so the next page shows it;
 * - any other story goes in at its place; a page past its size gives up its last story and gets
 *   the cursor that goes on right after its new last one (`cursorAfter`), so the story given up
 *   opens the next page. A page the read ended short of its size with a cursor (its bounds were
 *   reached), and a story published at the very millisecond of one the page shows (the wall
 *   orders those by id), are not placed (null).
 */
export function placed(
  entry: { readonly page: WallPage; readonly limit: number },
  story: Story,
  cursorAfter: ((story: Story) => string) | undefined,
): WallPage | null {
  const published = story.status === 'published' ? story.publishedAt?.getTime() : undefined;
  if (published === undefined) return null;
  const { page, limit } = entry;
  const { items } = page;
  const at = items.findIndex((item) => item.id === story.id);
  const shown = items[at];
  if (shown) {
    if (shown.publishedAt?.getTime() !== published) return null;
    if (shown.revision >= story.revision) return page;
    return { ...page, items: items.map((item, i) => (i === at ? snapshotOf(story) : item)) };
  }
  const times = items.map((item) => item.publishedAt?.getTime() ?? Number.NaN);
  if (times.some((time) => Number.isNaN(time) || time === published)) return null;
  const full = items.length >= limit;
  if (page.nextCursor !== null) {
    if (!full) return null;
    if (published < (times.at(-1) ?? Number.NaN)) return page;
  }
  const older = times.findIndex((time) => time < published);
  const next = [...items];
  next.splice(older < 0 ? items.length : older, 0, snapshotOf(story));
  if (next.length <= limit) return { ...page, items: next };
  const kept = next.slice(0, limit);
  const last = kept.at(-1);
  if (!cursorAfter || !last) return null;
  return { ...page, items: kept, nextCursor: cursorAfter(last) };
}

/** The story as the wall holds it: without its reports, which name the reporters. */
function snapshotOf(story: Story): Story {
  const { reports: _reports, ...snapshot } = story;
  return snapshot;
}

/**
 * The page of `limit` stories after `afterId` in `run`, as a read would give it; null when the
 * run does not hold it whole (the story is not in it, or the run ends before the page does).
 */
export function slice(
  run: Run,
  afterId: string,
  limit: number,
  cursorAfter: ((story: Story) => string) | undefined,
): WallPage | null {
  const start = run.afterId === afterId ? 0 : run.items.findIndex((s) => s.id === afterId) + 1;
  if (start === 0 && run.afterId !== afterId) return null;
  const items = run.items.slice(start, start + limit);
  const last = items.at(-1);
  if (start + limit < run.items.length) {
    return cursorAfter && last ? { items, nextCursor: cursorAfter(last) } : null;
  }
  if (start + limit === run.items.length) return { items, nextCursor: run.end };
  return run.end === null ? { items, nextCursor: null } : null;
}

/**
 * The run once `story`, just written to the wall, is in it as a read would show it: `run` itself
 * when it does not change, null when that cannot be told without a read. As `placed`: a story it
 * shows at the same time is replaced by the newer snapshot, one at another time has moved; a
 * story newer than the one the run goes on after is not in it (the story it goes on after is
 * itself on the first page); one older than its last goes past its end cursor; any other goes in
 * at its place. A story at the very millisecond of one the run shows or goes on after: null.
 */
export function placedInRun(
  run: Run,
  story: Story,
  cursorAfter: ((story: Story) => string) | undefined,
): Run | null {
  const published = story.status === 'published' ? story.publishedAt?.getTime() : undefined;
  if (published === undefined) return null;
  const at = run.items.findIndex((item) => item.id === story.id);
  const shown = run.items[at];
  if (shown) {
    if (shown.publishedAt?.getTime() !== published) return null;
    if (shown.revision >= story.revision) return run;
    return { ...run, items: run.items.map((item, i) => (i === at ? snapshotOf(story) : item)) };
  }
  if (story.id === run.afterId) return published === run.after ? run : null;
  if (published === run.after) return null;
  if (published > run.after) return run;
  const times = run.items.map((item) => item.publishedAt?.getTime() ?? Number.NaN);
  if (times.some((time) => Number.isNaN(time) || time === published)) return null;
  const last = times.at(-1);
  if (run.end !== null && (last === undefined || published < last)) return run;
  const older = times.findIndex((time) => time < published);
  const items = [...run.items];
  items.splice(older < 0 ? items.length : older, 0, snapshotOf(story));
  return trimmed({ ...run, items }, cursorAfter);
}

/** A run past `RUN_MAX` stories without its oldest, its end cursor after its new last. */
export function trimmed(run: Run, cursorAfter: ((story: Story) => string) | undefined): Run | null {
  if (run.items.length <= RUN_MAX) return run;
  const items = run.items.slice(0, RUN_MAX);
  const last = items.at(-1);
  return cursorAfter && last ? { ...run, items, end: cursorAfter(last) } : null;
}

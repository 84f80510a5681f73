import type { StartFilters } from '../api/tabApi.js';

/** What the first page's request ended with: the status and body, or a transport failure. */
export type EarlyAnswer =
  | { ok: true; status: number; text: string }
  | { ok: false; status: number; text: string }
  | { ok: false; status: 0; failure: 'network' | 'timeout' };

/** The wall's first page asked for by the tab's first script, and for whom. */
export interface EarlyWall {
  devUserId: string | undefined;
  filters: StartFilters;
  answer: Promise<EarlyAnswer>;
  /** The app has taken the answer over (it asks itself for anything else). */
  taken: boolean;
  /** The first script's cards, while they are on screen (the app's root is hidden meanwhile). */
  shown: HTMLElement | undefined;
  /** The app has painted: from then on the first script draws nothing. */
  appPainted: boolean;
}

/**
 * Kept on the window, not in a module: the first script (`firstPage.ts`, a classic script of its
 * own) and the app are two builds, and share nothing but this.
 */
const KEY = Symbol.for('storywall.earlyWall');
type Holder = Record<typeof KEY, EarlyWall | undefined>;
const holder = globalThis as unknown as Holder;

export function earlyWall(): EarlyWall | undefined {
  return holder[KEY];
}

export function setEarlyWall(early: EarlyWall): void {
  holder[KEY] = early;
}

/** Name of the performance mark set when the first stories are on screen (by either). */
export const FIRST_STORIES_MARK = 'storywall:first-stories';

/** The first stories are on screen: the mark, once, by whichever drew them first. */
export function markFirstStories(): void {
  if (performance.getEntriesByName(FIRST_STORIES_MARK).length === 0) {
    performance.mark(FIRST_STORIES_MARK);
  }
}

/** The app has made its first commit: the first script draws nothing after this. */
export function appMounted(): void {
  const early = earlyWall();
  if (early) early.appPainted = true;
}

/** The element the app renders into. */
export const ROOT_ID = 'root';

/**
 * The app's wall is on screen (its first cards, or its empty, loading-failed or loading state
 * when the first script showed no cards): the first script's cards leave and the app's root is
 * shown, in the same frame. Called from a layout effect, so no frame shows both or neither.
 * Nothing to do when the first script drew nothing.
 */
export function handOverToApp(): void {
  const early = earlyWall();
  if (!early) return;
  early.appPainted = true;
  const shown = early.shown;
  if (!shown) return;
  early.shown = undefined;
  shown.remove();
  const root = document.getElementById(ROOT_ID);
  if (root) root.hidden = false;
}

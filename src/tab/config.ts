/**
 * The tab's settings: the one file that reads `import.meta.env`. Everything has a default that
 * works when the tab is served by the app itself (same origin), so a plain build needs no `.env`.
 */

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export interface TabConfig {
  /** Prefix of every API call; empty means the page's own origin. */
  apiBaseUrl: string;
  /** How long one API call may take before it fails with `timeout`. */
  requestTimeoutMs: number;
  /**
   * How long to wait for `app.initialize()`: it rejects at once in a top-level window but hangs
   * for a minute in a foreign iframe, so a short race decides between Teams and browser mode.
   */
  hostInitTimeoutMs: number;
  /** Debounce of the wall's text filters. */
  filterDebounceMs: number;
  /** Stories per wall page. */
  pageSize: number;
}

const env = import.meta.env;

export const config: TabConfig = {
  apiBaseUrl: typeof env['VITE_API_BASE_URL'] === 'string' ? env['VITE_API_BASE_URL'] : '',
  requestTimeoutMs: positiveInt(env['VITE_REQUEST_TIMEOUT_MS'] as string | undefined, 15_000),
  hostInitTimeoutMs: positiveInt(env['VITE_HOST_INIT_TIMEOUT_MS'] as string | undefined, 1_500),
  filterDebounceMs: 300,
  pageSize: 30,
};

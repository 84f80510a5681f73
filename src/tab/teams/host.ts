import type { app, authentication } from '@microsoft/teams-js';
import { collectionIdOfSubPage } from '../route.js';

export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where the tab runs and how the host wants it to look. */
export interface HostInfo {
  inTeams: boolean;
  theme: HostTheme;
  /** The host's locale (Teams context) or the browser's, e.g. `fi-FI`. */
  locale: string;
  /** A story to open first: Teams' `subPageId` of a deep link, or `?story=` in a browser. */
  initialStoryId?: string;
  /** A collection to open first: Teams' `subPageId` of a deep link (`collection:<id>`). */
  initialCollectionId?: string;
  /** In Teams: the app and the tab, for deep links that open the tab at a collection. */
  deepLink?: { appId: string; pageId: string };
}

/** What the tab needs from the host after start-up. */
export interface Host extends HostInfo {
  /** Calls `handler` whenever the host (or, in a browser, the OS) switches theme. */
  onThemeChange: (handler: (theme: HostTheme) => void) => () => void;
  /** Teams SSO token for the API; only in Teams. */
  getAuthToken: () => Promise<string>;
  /** Tells Teams the first paint is done (no-op in a browser). */
  notifyLoaded: () => void;
}

/** The part of `@microsoft/teams-js` the tab uses; tests pass a stub. */
export interface TeamsSdk {
  app: Pick<
    typeof app,
    | 'initialize'
    | 'getContext'
    | 'registerOnThemeChangeHandler'
    | 'notifyAppLoaded'
    | 'notifySuccess'
  >;
  authentication: Pick<typeof authentication, 'getAuthToken'>;
}

/** The browser surroundings the fallback reads; tests pass a stub. */
export interface BrowserEnv {
  language: string;
  search: string;
  prefersDark?: MediaQueryList | undefined;
}

export interface DetectHostOptions {
  timeoutMs: number;
  sdk?: TeamsSdk;
  browser?: BrowserEnv;
}

/** Maps Teams' theme names (also `glass` and unknown future ones) onto the three we style. */
export function toHostTheme(theme: string | undefined): HostTheme {
  if (theme === 'dark' || theme === 'contrast') return theme;
  return 'default';
}

/** Resolves `promise`, or rejects after `ms` — `app.initialize()` may never settle. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * teams-js is a chunk of its own, loaded when the host is asked for: outside a frame the wall
 * paints before it arrives (see `mayBeTeamsFrame`). Named members only, so the chunk keeps what
 * the tab uses.
 */
export function loadTeamsSdk(): Promise<TeamsSdk> {
  return import('@microsoft/teams-js').then(({ app, authentication }) => ({ app, authentication }));
}

/**
 * Whether Teams can be this window's host: teams-js talks to Teams through the parent frame (web
 * and desktop), the opener (its pop-ups) or the mobile clients' `nativeInterface`. A top-level
 * window with none of them is a plain browser, which `app.initialize()` confirms by rejecting at
 * once; the wall paints in browser mode without waiting for that answer.
 */
export function mayBeTeamsFrame(win: Window = window): boolean {
  return win.parent !== win || win.opener != null || 'nativeInterface' in win;
}

export function defaultBrowserEnv(): BrowserEnv {
  return {
    language: navigator.language,
    search: window.location.search,
    prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)'),
  };
}

function storyIdFrom(value: string | null | undefined): string | undefined {
  return value && /^[A-Za-z0-9-]{1,64}$/.test(value) ? value : undefined;
}

/** The host of a plain browser (local mode's demo setup): its theme, language and `?story=`. */
export function browserHost(env: BrowserEnv = defaultBrowserEnv()): Host {
  const initialStoryId = storyIdFrom(new URLSearchParams(env.search).get('story'));
  return {
    inTeams: false,
    theme: env.prefersDark?.matches ? 'dark' : 'default',
    locale: env.language,
    ...(initialStoryId ? { initialStoryId } : {}),
    onThemeChange(handler) {
      const query = env.prefersDark;
      if (!query) return () => undefined;
      const listener = (event: MediaQueryListEvent) => handler(event.matches ? 'dark' : 'default');
      query.addEventListener('change', listener);
      return () => query.removeEventListener('change', listener);
    },
    getAuthToken: () => Promise.reject(new Error('Not in Teams')),
    notifyLoaded: () => undefined,
  };
}

/**
 * Finds out whether the tab runs inside Teams. `app.initialize()` rejects at once in a top-level
 * window and hangs in a foreign iframe, so it races a short timeout; losing the race means a
 * plain browser, which is local mode's demo setup.
 */
export async function detectHost(options: DetectHostOptions): Promise<Host> {
  const env = options.browser ?? defaultBrowserEnv();
  try {
    const sdk = options.sdk ?? (await loadTeamsSdk());
    await withTimeout(sdk.app.initialize(), options.timeoutMs);
    const context = await withTimeout(sdk.app.getContext(), options.timeoutMs);
    const handlers = new Set<(theme: HostTheme) => void>();
    // teams-js keeps one handler; fan it out so the tab can subscribe and unsubscribe freely.
    sdk.app.registerOnThemeChangeHandler((theme) => {
      for (const handler of handlers) handler(toHostTheme(theme));
    });
    const initialStoryId = storyIdFrom(context.page.subPageId);
    const initialCollectionId = collectionIdOfSubPage(context.page.subPageId);
    const appId = context.app.appId?.toString();
    return {
      inTeams: true,
      theme: toHostTheme(context.app.theme),
      locale: context.app.locale || env.language,
      ...(initialStoryId ? { initialStoryId } : {}),
      ...(initialCollectionId ? { initialCollectionId } : {}),
      ...(appId && context.page.id ? { deepLink: { appId, pageId: context.page.id } } : {}),
      onThemeChange(handler) {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      getAuthToken: () => sdk.authentication.getAuthToken(),
      notifyLoaded() {
        sdk.app.notifyAppLoaded();
        // Only matters when the manifest asks for a loading indicator; never worth an error.
        sdk.app.notifySuccess().catch(() => undefined);
      },
    };
  } catch {
    return browserHost(env);
  }
}

import { describe, expect, it, vi } from 'vitest';
import {
  detectHost,
  mayBeTeamsFrame,
  toHostTheme,
  type TeamsSdk,
} from '../../../src/tab/teams/host.js';

// The real teams-js fetches a list of valid domains from a CDN on import; unit tests stay offline
// (vi.mock is hoisted above the imports).
vi.mock('@microsoft/teams-js', () => ({ app: {}, authentication: {} }));

function fakeSdk(
  initialize: () => Promise<void>,
  theme = 'dark',
  locale = 'fi-FI',
  subPageId = 'story-42',
) {
  let themeHandler: ((theme: string) => void) | undefined;
  const sdk = {
    app: {
      initialize,
      getContext: async () => ({
        app: { theme, locale, appId: { toString: () => 'app-1' } },
        page: { id: 'wall', subPageId },
      }),
      registerOnThemeChangeHandler: (handler: (theme: string) => void) => {
        themeHandler = handler;
      },
      notifyAppLoaded: vi.fn(),
      notifySuccess: vi.fn(async () => ({})),
    },
    authentication: { getAuthToken: async () => 'sso-token' },
  } as unknown as TeamsSdk;
  return { sdk, changeTheme: (value: string) => themeHandler?.(value) };
}

const browser = { language: 'en-GB', search: '?story=demo-001', prefersDark: undefined };

describe('detectHost', () => {
  it('falls back to browser mode when app.initialize never settles', async () => {
    const { sdk } = fakeSdk(() => new Promise<void>(() => undefined));
    const started = Date.now();
    const host = await detectHost({ timeoutMs: 30, sdk, browser });

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(host.inTeams).toBe(false);
    expect(host.theme).toBe('default');
    expect(host.locale).toBe('en-GB');
    expect(host.initialStoryId).toBe('demo-001');
    await expect(host.getAuthToken()).rejects.toThrow();
  });

  it('reads a collection from a deep link, and what a link back to the tab needs', async () => {
    const { sdk } = fakeSdk(() => Promise.resolve(), 'default', 'en-US', 'collection:c-1');
    const host = await detectHost({ timeoutMs: 100, sdk, browser });
    expect(host.initialCollectionId).toBe('c-1');
    expect(host.initialStoryId).toBeUndefined();
    expect(host.deepLink).toEqual({ appId: 'app-1', pageId: 'wall' });
  });

  it('falls back at once when app.initialize rejects (a top-level window)', async () => {
    const { sdk } = fakeSdk(() => Promise.reject(new Error('No parent window')));
    const host = await detectHost({ timeoutMs: 10_000, sdk, browser });
    expect(host.inTeams).toBe(false);
  });

  it('reads theme, locale and deep link from the Teams context', async () => {
    const { sdk, changeTheme } = fakeSdk(() => Promise.resolve(), 'dark', 'fi-FI');
    const host = await detectHost({ timeoutMs: 100, sdk, browser });

    expect(host).toMatchObject({
      inTeams: true,
      theme: 'dark',
      locale: 'fi-FI',
      initialStoryId: 'story-42',
    });
    expect(await host.getAuthToken()).toBe('sso-token');

    const seen: string[] = [];
    const stop = host.onThemeChange((theme) => seen.push(theme));
    changeTheme('contrast');
    stop();
    changeTheme('default');
    expect(seen).toEqual(['contrast']);
  });

  it('ignores a deep link that is not a story id', async () => {
    const host = await detectHost({
      timeoutMs: 10,
      sdk: fakeSdk(() => Promise.reject(new Error('x'))).sdk,
      browser: { ...browser, search: '?story=<script>' },
    });
    expect(host.initialStoryId).toBeUndefined();
  });
});

describe('toHostTheme', () => {
  it('maps Teams themes onto the three the tab styles', () => {
    expect(toHostTheme('dark')).toBe('dark');
    expect(toHostTheme('contrast')).toBe('contrast');
    expect(toHostTheme('default')).toBe('default');
    expect(toHostTheme('glass')).toBe('default');
    expect(toHostTheme(undefined)).toBe('default');
  });
});

describe('mayBeTeamsFrame', () => {
  /** A window as far as the check looks: its parent, its opener and the mobile bridge. */
  function fakeWindow(parts: { framed?: boolean; opener?: object; native?: boolean }): Window {
    const win: Record<string, unknown> = { opener: parts.opener ?? null };
    win['parent'] = parts.framed ? {} : win;
    if (parts.native) win['nativeInterface'] = {};
    return win as unknown as Window;
  }

  it('says no only for a top-level window with no opener and no Teams mobile bridge', () => {
    expect(mayBeTeamsFrame(fakeWindow({}))).toBe(false);
    expect(mayBeTeamsFrame(fakeWindow({ framed: true }))).toBe(true);
    expect(mayBeTeamsFrame(fakeWindow({ opener: {} }))).toBe(true);
    expect(mayBeTeamsFrame(fakeWindow({ native: true }))).toBe(true);
  });
});

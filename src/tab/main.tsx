import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { takeEarlyWall } from './api/earlyWall.js';
import { startEarlyWall } from './early/request.js';
import { createTabApi, prefetchWall } from './api/tabApi.js';
import { loadDevUser } from './auth/devUserStore.js';
import { parseTabQuery, type TabQuery } from './channelTab.js';
import { App } from './components/App/App.js';
import { prefetchLaterParts } from './components/App/lazyViews.js';
import { config } from './config.js';
import { createI18n, languageFor } from './i18n.js';
import { pageFor } from './route.js';
import { browserHost, detectHost, mayBeTeamsFrame, type Host } from './teams/host.js';

function rootElement(): HTMLElement {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  return container;
}

/**
 * Renders the wall for `host`: its API client and first page (the one the first script already
 * asked for, when it was asked for the same person and filters), and its language's strings.
 */
async function renderWall(root: Root, host: Host, query: TabQuery): Promise<void> {
  const devUserId = host.inTeams ? undefined : loadDevUser();
  const filters = { team: query.team, category: query.category };
  const api = createTabApi(host, devUserId);
  const firstPage =
    (host.inTeams ? undefined : takeEarlyWall(api, devUserId, filters)) ??
    prefetchWall(api, filters);

  const language = languageFor(host);
  const i18n = await createI18n(language);
  document.documentElement.lang = language;

  root.render(
    <StrictMode>
      <App
        key={host.inTeams ? 'teams' : 'browser'}
        host={host}
        i18n={i18n}
        initial={{ devUserId, api: firstPage.api, firstPage, query }}
      />
    </StrictMode>,
  );
}

/** Resolves when the browser has a moment to spare after the first paint. */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function') {
      window.requestIdleCallback(() => resolve(), { timeout: 2_000 });
    } else {
      setTimeout(resolve, 100);
    }
  });
}

/**
 * Start-up of the wall. The host (Teams or a plain browser) decides the theme, the language and
 * how the API calls authenticate. In a frame (or a Teams mobile client) the wall waits for
 * teams-js to say which; in a top-level window, which Teams cannot host, it paints in browser
 * mode at once with the first page the first script asked for, and teams-js still has the last
 * word after the first paint: were it to find Teams after all, the wall starts over as a Teams
 * tab.
 */
async function startWall(): Promise<void> {
  startEarlyWall();
  const query = parseTabQuery(window.location.search);
  const root = createRoot(rootElement());
  if (mayBeTeamsFrame()) {
    await renderWall(root, await detectHost({ timeoutMs: config.hostInitTimeoutMs }), query);
  } else {
    await renderWall(root, browserHost(), query);
    await afterFirstPaint();
    const host = await detectHost({ timeoutMs: config.hostInitTimeoutMs });
    if (host.inTeams) await renderWall(root, host, query);
  }
  await afterFirstPaint();
  await prefetchLaterParts();
}

/** The channel tab's configuration page: its own chunk, so the wall's first load pays nothing. */
async function startConfig(): Promise<void> {
  const { startConfigPage } = await import('./startConfigPage.js');
  await startConfigPage(rootElement());
}

if (pageFor(window.location.pathname) === 'config') void startConfig();
else void startWall();

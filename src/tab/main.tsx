import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTabApi, prefetchWall } from './api/tabApi.js';
import { loadDevUser } from './auth/devUserStore.js';
import { parseTabQuery } from './channelTab.js';
import { App } from './components/App/App.js';
import { config } from './config.js';
import { createI18n, languageFor } from './i18n.js';
import { pageFor } from './route.js';
import { detectHost } from './teams/host.js';

function rootElement(): HTMLElement {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  return container;
}

/**
 * Start-up of the wall: find the host (Teams or a plain browser) first, because it decides the
 * theme, the language and how the API calls authenticate; ask for the first stories; then render.
 */
async function startWall(): Promise<void> {
  const query = parseTabQuery(window.location.search);
  const host = await detectHost({ timeoutMs: config.hostInitTimeoutMs });
  const devUserId = host.inTeams ? undefined : loadDevUser();
  const api = createTabApi(host, devUserId);
  const firstPage = prefetchWall(api, { team: query.team, category: query.category });

  const language = languageFor(host);
  const i18n = await createI18n(language);
  document.documentElement.lang = language;

  createRoot(rootElement()).render(
    <StrictMode>
      <App host={host} i18n={i18n} initial={{ devUserId, api, firstPage, query }} />
    </StrictMode>,
  );
}

/** The channel tab's configuration page: its own chunk, so the wall's first load pays nothing. */
async function startConfig(): Promise<void> {
  const { startConfigPage } = await import('./startConfigPage.js');
  await startConfigPage(rootElement());
}

if (pageFor(window.location.pathname) === 'config') void startConfig();
else void startWall();

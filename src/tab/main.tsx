import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTabApi, prefetchWall } from './api/tabApi.js';
import { loadDevUser } from './auth/devUserStore.js';
import { App } from './components/App/App.js';
import { config } from './config.js';
import { createI18n, loadLanguageChoice, resolveLanguage } from './i18n.js';
import { detectHost } from './teams/host.js';

/**
 * Start-up: find the host (Teams or a plain browser) first, because it decides the theme, the
 * language and how the API calls authenticate; ask for the first stories; then render.
 */
async function start(): Promise<void> {
  const host = await detectHost({ timeoutMs: config.hostInitTimeoutMs });
  const devUserId = host.inTeams ? undefined : loadDevUser();
  const api = createTabApi(host, devUserId);
  const firstPage = prefetchWall(api);

  // Inside Teams the Teams locale decides; in a browser the switcher's choice wins.
  const language = host.inTeams
    ? resolveLanguage(host.locale)
    : resolveLanguage(loadLanguageChoice(), host.locale);
  const i18n = await createI18n(language);
  document.documentElement.lang = language;

  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <App host={host} i18n={i18n} initial={{ devUserId, api, firstPage }} />
    </StrictMode>,
  );
}

void start();

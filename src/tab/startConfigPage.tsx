import { FluentProvider } from '@fluentui/react-components';
import type { i18n as I18n } from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ConfigPage } from './components/ConfigPage/ConfigPage.js';
import { config } from './config.js';
import { useHostTheme } from './hooks/useHostTheme.js';
import { createI18n, languageFor } from './i18n.js';
import { detectHost, type Host } from './teams/host.js';
import { setUpTab, type TabSetup } from './teams/tabConfig.js';

interface ConfigRootProps {
  host: Host;
  setup: TabSetup | undefined;
  i18n: I18n;
}

function ConfigRoot({ host, setup, i18n }: ConfigRootProps) {
  const theme = useHostTheme(host);
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={theme.theme} data-theme={theme.name}>
        <ConfigPage host={host} setup={setup} />
      </FluentProvider>
    </I18nextProvider>
  );
}

/**
 * Start-up of the configuration page (`/config`), loaded only on that path. Like the wall it
 * waits for the host first: teams-js must be initialised before `pages.config` may be used, and
 * the host decides the theme and the language. It asks the API for nothing.
 */
export async function startConfigPage(container: HTMLElement): Promise<void> {
  const host = await detectHost({ timeoutMs: config.hostInitTimeoutMs });
  const language = languageFor(host);
  const i18n = await createI18n(language);
  document.documentElement.lang = language;
  const setup = host.inTeams
    ? setUpTab({
        origin: window.location.origin,
        displayName: i18n.t('app.title'),
        failureReason: i18n.t('config.saveFailed'),
      })
    : undefined;
  createRoot(container).render(
    <StrictMode>
      <ConfigRoot host={host} setup={setup} i18n={i18n} />
    </StrictMode>,
  );
}

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { MeDto } from '../../src/shared/dto.js';
import type { ApiClient } from '../../src/tab/api/client.js';
import { AppContext } from '../../src/tab/appContext.js';
import { createI18n } from '../../src/tab/i18n.js';

/** What a component test gives the tab: the API (usually a few methods) and who is signed in. */
export interface TabContext {
  api?: Partial<ApiClient>;
  me?: MeDto;
}

/**
 * Renders one component of the tab the way the app does (Fluent theme, English strings, the app
 * context), with only the API methods the test supplies; any other call fails the test loudly.
 */
export async function renderTab(ui: ReactElement, context: TabContext = {}): Promise<RenderResult> {
  const i18n = await createI18n('en');
  const api = new Proxy(context.api ?? {}, {
    get(target, key) {
      const method = (target as Record<string | symbol, unknown>)[key];
      if (method === undefined) throw new Error(`The test gave no api.${String(key)}`);
      return method;
    },
  }) as ApiClient;
  return render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <AppContext.Provider value={{ api, me: context.me, language: 'en', inTeams: false }}>
          {ui}
        </AppContext.Provider>
      </FluentProvider>
    </I18nextProvider>,
  );
}

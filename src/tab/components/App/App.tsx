import { FluentProvider } from '@fluentui/react-components';
import type { i18n as I18n } from 'i18next';
import {
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { I18nextProvider } from 'react-i18next';
import type { LocaleDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { createTabApi, type WallPrefetch } from '../../api/tabApi.js';
import { saveDevUser } from '../../auth/devUserStore.js';
import { appMounted } from '../../early/handOver.js';
import type { TabQuery } from '../../channelTab.js';
import { loadLanguage, resolveLanguage, saveLanguageChoice } from '../../i18n.js';
import { useHostTheme } from '../../hooks/useHostTheme.js';
import { NotifyContext, type Notice } from '../../hooks/useNotify.js';
import type { Host } from '../../teams/host.js';
import { useAppStyles } from './App.styles.js';
import { AppShell } from './AppShell.js';
import { AppBoundary } from './Failure.js';
import { loadNotifications } from './lazyViews.js';
import type { QueuedNotice } from './Notifications.js';

const Notifications = lazy(() => loadNotifications().then((m) => ({ default: m.Notifications })));

export interface AppProps {
  host: Host;
  i18n: I18n;
  /**
   * What start-up already made: the API client for the remembered user and its first page, and
   * what the page's URL asks for (a channel tab's default filter).
   */
  initial: {
    devUserId: string | undefined;
    api: ApiClient;
    firstPage: WallPrefetch;
    query: TabQuery;
  };
}

/**
 * The providers: Fluent theme that follows the host, i18n, toasts, and an API client that
 * authenticates as Teams says (SSO token) or, in a browser, as the picked demo user.
 */
export function App({ host, i18n, initial }: AppProps) {
  const styles = useAppStyles();
  const theme = useHostTheme(host);
  const [language, setLanguage] = useState<LocaleDto>(resolveLanguage(i18n.language));
  const [devUserId, setDevUserId] = useState<string | undefined>(initial.devUserId);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  // From the first commit on, the tab's first script draws nothing (src/tab/early).
  useLayoutEffect(() => appMounted(), []);

  const changeLanguage = useCallback(
    (locale: LocaleDto) => {
      saveLanguageChoice(locale);
      setLanguage(locale);
      // The strings of a language not yet used are a chunk of their own; switch once they are in.
      loadLanguage(i18n, locale)
        .then(() => i18n.changeLanguage(locale))
        .catch(() => setLanguage(resolveLanguage(i18n.language)));
    },
    [i18n],
  );

  // Notices wait here until the lazily loaded Toaster has shown them.
  const [notices, setNotices] = useState<QueuedNotice[]>([]);
  const [toasterWanted, setToasterWanted] = useState(false);
  const nextNoticeId = useRef(0);
  const notify = useCallback((notice: Notice) => {
    const id = nextNoticeId.current++;
    setToasterWanted(true);
    setNotices((queue) => [...queue, { ...notice, id }]);
  }, []);
  const dropShown = useCallback((ids: number[]) => {
    setNotices((queue) => queue.filter((notice) => !ids.includes(notice.id)));
  }, []);

  const changeDevUser = useCallback((id: string | undefined) => {
    saveDevUser(id);
    setDevUserId(id);
  }, []);

  const api = useMemo(
    () => (devUserId === initial.devUserId ? initial.api : createTabApi(host, devUserId)),
    [host, devUserId, initial],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={theme.theme} data-theme={theme.name}>
        <AppBoundary>
          <div className={styles.page}>
            <NotifyContext.Provider value={notify}>
              <AppShell
                key={devUserId ?? 'default'}
                api={api}
                host={host}
                language={language}
                devUserId={devUserId}
                firstPage={initial.firstPage}
                query={initial.query}
                onLanguageChange={changeLanguage}
                onDevUserChange={changeDevUser}
              />
            </NotifyContext.Provider>
          </div>
          {toasterWanted ? (
            <Suspense fallback={null}>
              <Notifications queue={notices} onShown={dropShown} />
            </Suspense>
          ) : null}
        </AppBoundary>
      </FluentProvider>
    </I18nextProvider>
  );
}

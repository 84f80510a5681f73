import { Caption1, Spinner, mergeClasses } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { LocaleDto, MeDto, StoryDto } from '../../../shared/dto.js';
import { ApiError, type ApiClient } from '../../api/client.js';
import type { WallPrefetch } from '../../api/tabApi.js';
import { AppContext, type AppContextValue } from '../../appContext.js';
import type { TabQuery } from '../../channelTab.js';
import { returnFocusFromDialogs } from '../../dialogFocus.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import {
  TAB_VIEWS,
  collectionIdFor,
  collectionPath,
  teamsCollectionLink,
  viewFor,
  type TabView,
} from '../../route.js';
import type { Host } from '../../teams/host.js';
import { Wall } from '../Wall/Wall.js';
import { useAppStyles } from './App.styles.js';
import { AppToolbar } from './AppToolbar.js';
import { ViewBoundary } from './Failure.js';
import {
  Approvals,
  Awards,
  Collections,
  HallOfFame,
  Insights,
  loadStoryDetail,
  Moderation,
  MyStories,
  Settings,
  StoryDetail,
  StoryForm,
} from './lazyViews.js';
import { useApprovalsVisible } from './useApprovalsVisible.js';
import { useViewAddress } from './useViewAddress.js';

// Shown only in a month with a story of the month; it asks for the award itself.
const AwardBanner = lazy(() =>
  import('../AwardBanner/AwardBanner.js').then((m) => ({ default: m.AwardBanner })),
);
// Only when start-up fails.
const StartError = lazy(() => import('./StartError.js').then((m) => ({ default: m.StartError })));

export interface AppShellProps {
  api: ApiClient;
  host: Host;
  language: LocaleDto;
  devUserId: string | undefined;
  /** The first wall page, already on its way. */
  firstPage: WallPrefetch;
  /** From the page's URL: the wall's starting filters, and whether it is a channel tab. */
  query: TabQuery;
  onLanguageChange: (locale: LocaleDto) => void;
  onDevUserChange: (id: string | undefined) => void;
}

type OpenDialog =
  | { kind: 'none' }
  | { kind: 'form' }
  | { kind: Exclude<TabView, 'collections'> }
  | { kind: 'collections'; id?: string }
  | { kind: 'story'; id: string; story?: StoryDto };

function isView(kind: OpenDialog['kind']): kind is TabView {
  return (TAB_VIEWS as readonly string[]).includes(kind);
}

/** What the page opens with: a deep-linked story, or the view its address names (`/settings`). */
function initialDialog(host: Host): OpenDialog {
  if (host.initialStoryId) return { kind: 'story', id: host.initialStoryId };
  if (host.initialCollectionId) return { kind: 'collections', id: host.initialCollectionId };
  const view = viewFor(window.location.pathname);
  if (view === 'collections') {
    const id = collectionIdFor(window.location.pathname);
    return id ? { kind: view, id } : { kind: view };
  }
  return view ? { kind: view } : { kind: 'none' };
}

/**
 * The header, the wall, and the dialogs opened from them. Who the user is (`/api/me`) loads in
 * parallel with the first wall page, so the first stories are not held up by it.
 */
export function AppShell(props: AppShellProps) {
  const { api, host, language, devUserId, firstPage, query, onLanguageChange, onDevUserChange } =
    props;
  const styles = useAppStyles();
  const t = useT();
  const readMe = useCallback(
    async (signal: AbortSignal): Promise<MeDto | null> => {
      try {
        return await api.me(signal);
      } catch (error) {
        // A remembered demo user that no longer exists: fall back to the server's default
        // (null: the shell, keyed by the user, starts over for them).
        if (devUserId && error instanceof ApiError && error.status === 401) {
          onDevUserChange(undefined);
          return null;
        }
        throw error;
      }
    },
    [api, devUserId, onDevUserChange],
  );
  const { load: me, reload: reloadMe } = useLoad(readMe);
  const [dialog, setDialog] = useState<OpenDialog>(() => initialDialog(host));
  const [wallVersion, setWallVersion] = useState(0);
  const [awardVersion, setAwardVersion] = useState(0);

  // Every dialog below gives focus back to the control that opened it.
  useEffect(() => returnFocusFromDialogs(document), []);

  const current = me.state === 'ready' ? (me.value ?? undefined) : undefined;
  useEffect(() => {
    if (current) host.notifyLoaded();
  }, [current, host]);

  const showApprovals = useApprovalsVisible(api, current);
  useViewAddress(
    isView(dialog.kind) ? dialog.kind : undefined,
    dialog.kind === 'collections' && dialog.id ? collectionPath(dialog.id) : undefined,
  );

  const context = useMemo<AppContextValue>(
    () => ({ api, me: current, language, inTeams: host.inTeams }),
    [api, current, language, host.inTeams],
  );

  const close = () => setDialog({ kind: 'none' });
  const openStory = (story: StoryDto) => {
    void loadStoryDetail();
    setDialog({ kind: 'story', id: story.id, story });
  };
  // In Teams a deep link opens the tab at the collection; in a browser its address does.
  const collectionLink = (id: string) =>
    host.deepLink
      ? teamsCollectionLink(host.deepLink.appId, host.deepLink.pageId, id)
      : `${window.location.origin}${collectionPath(id)}`;

  return (
    <AppContext.Provider value={context}>
      <header className={styles.header}>
        <div className={mergeClasses(styles.headerInner, query.channel && styles.headerCompact)}>
          <div className={styles.brand}>
            <h1 className={styles.title}>{t('app.title')}</h1>
            {/* A channel tab already sits under Teams' own tab bar: the tagline is the spare line. */}
            {query.channel ? null : (
              <Caption1 className={styles.tagline}>{t('app.tagline')}</Caption1>
            )}
          </div>
          <AppToolbar
            devUserId={devUserId}
            showApprovals={showApprovals}
            onLanguageChange={onLanguageChange}
            onDevUserChange={onDevUserChange}
            onOpen={(target) => setDialog({ kind: target })}
          />
        </div>
      </header>

      <main className={styles.main}>
        {me.state === 'error' ? (
          <Suspense fallback={null}>
            <StartError
              error={me.error}
              className={styles.notice}
              onRetry={() => {
                // The one retry on the page: it starts over both who the user is and the wall.
                reloadMe();
                setWallVersion((n) => n + 1);
              }}
            />
          </Suspense>
        ) : null}
        <Suspense fallback={null}>
          <AwardBanner reloadKey={awardVersion} onOpen={openStory} />
        </Suspense>
        <Wall
          reloadKey={wallVersion}
          prefetched={firstPage}
          initialFilters={query}
          onOpen={openStory}
          errorShownAbove={me.state === 'error'}
        />
      </main>

      <ViewBoundary resetKeys={[dialog]} onClose={close}>
        <Suspense
          fallback={
            <div className={styles.pending}>
              <Spinner />
            </div>
          }
        >
          {dialog.kind === 'form' ? <StoryForm onClose={close} /> : null}
          {dialog.kind === 'approvals' ? (
            <Approvals
              onClose={close}
              onDecided={(_, decision) => {
                if (decision === 'approve') setWallVersion((n) => n + 1);
              }}
            />
          ) : null}
          {dialog.kind === 'mine' ? (
            <MyStories
              onClose={close}
              onChanged={(story) => {
                // Archiving takes a story off the wall; the other changes never touch it.
                if (story.status === 'archived') setWallVersion((n) => n + 1);
              }}
            />
          ) : null}
          {dialog.kind === 'insights' ? <Insights onClose={close} /> : null}
          {dialog.kind === 'awards' ? (
            <Awards onClose={close} onChosen={() => setAwardVersion((n) => n + 1)} />
          ) : null}
          {dialog.kind === 'collections' ? (
            <Collections
              collectionId={dialog.id}
              onNavigate={(id) =>
                setDialog(id ? { kind: 'collections', id } : { kind: 'collections' })
              }
              onClose={close}
              linkTo={collectionLink}
            />
          ) : null}
          {dialog.kind === 'hallOfFame' ? <HallOfFame onClose={close} onOpen={openStory} /> : null}
          {dialog.kind === 'settings' ? <Settings onClose={close} /> : null}
          {dialog.kind === 'moderation' ? (
            // Hiding, restoring, correcting and archiving all change what the wall shows.
            <Moderation onClose={close} onChanged={() => setWallVersion((n) => n + 1)} />
          ) : null}
          {dialog.kind === 'story' ? (
            <StoryDetail
              storyId={dialog.id}
              initial={dialog.story}
              onClose={close}
              onChanged={() => setWallVersion((n) => n + 1)}
            />
          ) : null}
        </Suspense>
      </ViewBoundary>
    </AppContext.Provider>
  );
}

import { Button } from '@fluentui/react-components';
import { Suspense, lazy, useCallback } from 'react';
import type { DevUserDto, LocaleDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useLoad } from '../../hooks/useLoad.js';
import type { MessageKey } from '../../i18n.js';
import { useT } from '../../hooks/useT.js';
import type { TabView } from '../../route.js';
import { useAppStyles } from './App.styles.js';
import {
  loadApprovals,
  loadAwards,
  loadCollections,
  loadHallOfFame,
  loadInsights,
  loadModeration,
  loadMyStories,
  loadSettings,
  loadStoryForm,
} from './lazyViews.js';

// Browser mode only (inside Teams, Teams decides both): the dropdowns come in their own chunks.
const LanguageSwitch = lazy(() =>
  import('../LanguageSwitch/LanguageSwitch.js').then((m) => ({ default: m.LanguageSwitch })),
);
const UserSwitcher = lazy(() =>
  import('../UserSwitcher/UserSwitcher.js').then((m) => ({ default: m.UserSwitcher })),
);

/** What a button of the toolbar opens: a view, or the story form. */
export type ToolbarTarget = TabView | 'form';

/** Who sees a button: everyone signed in, or only those the view is for. */
type Audience = 'everyone' | 'approvers' | 'editors' | 'admins';

/** A button of the toolbar: what it opens, its label and test id, who sees it, and its chunk. */
type ToolbarButton = [ToolbarTarget, MessageKey, string, Audience, () => Promise<unknown>];

/** In the order they stand; each fetches its view's chunk on hover or focus, before the click. */
const BUTTONS: readonly ToolbarButton[] = [
  ['mine', 'app.myStories', 'my-stories-open', 'everyone', loadMyStories],
  ['approvals', 'app.approvals', 'approvals-open', 'approvers', loadApprovals],
  ['insights', 'app.insights', 'insights-open', 'editors', loadInsights],
  ['moderation', 'app.moderation', 'moderation-open', 'editors', loadModeration],
  ['settings', 'app.settings', 'settings-open', 'admins', loadSettings],
  ['awards', 'app.awards', 'awards-open', 'everyone', loadAwards],
  ['collections', 'app.collections', 'collections-open', 'everyone', loadCollections],
  ['hallOfFame', 'app.hallOfFame', 'hall-of-fame-open', 'everyone', loadHallOfFame],
  ['form', 'app.share', 'share-story', 'everyone', loadStoryForm],
];

export interface AppToolbarProps {
  devUserId: string | undefined;
  /** The header offers "Approvals" (see `useApprovalsVisible`). */
  showApprovals: boolean;
  onLanguageChange: (locale: LocaleDto) => void;
  onDevUserChange: (id: string | undefined) => void;
  onOpen: (target: ToolbarTarget) => void;
}

const NO_DEV_USERS: DevUserDto[] = [];

/**
 * The header's toolbar: in a browser the language and (local mode) the demo user, then a button
 * per view the user may open, and "Share a story". Each waits for who the user is.
 */
export function AppToolbar(props: AppToolbarProps) {
  const { devUserId, showApprovals, onLanguageChange, onDevUserChange, onOpen } = props;
  const styles = useAppStyles();
  const t = useT();
  const { api, me, language, inTeams } = useAppContext();
  // 404 in entra mode: then there is simply no switcher.
  const readDevUsers = useCallback((signal: AbortSignal) => api.devUsers(signal), [api]);
  const devUsersLoad = useLoad(inTeams ? null : readDevUsers).load;
  const devUsers = devUsersLoad.state === 'ready' ? devUsersLoad.value.items : NO_DEV_USERS;
  const localMode = !inTeams && me?.authMode === 'local' && devUsers.length > 0;

  const isAdmin = me?.roles.includes('admin') ?? false;
  const seesInsights = (me?.roles.includes('editor') ?? false) || isAdmin;
  const sees: Record<Audience, boolean> = {
    everyone: true,
    approvers: showApprovals,
    editors: seesInsights,
    admins: isAdmin,
  };

  return (
    <div className={styles.actions} role="toolbar" aria-label={t('app.actions')}>
      <Suspense fallback={null}>
        {localMode && me ? (
          <UserSwitcher
            users={devUsers}
            currentId={devUserId ?? me.id}
            onChange={onDevUserChange}
          />
        ) : null}
        {inTeams ? null : <LanguageSwitch value={language} onChange={onLanguageChange} />}
      </Suspense>
      {BUTTONS.filter(([, , , audience]) => sees[audience]).map(
        ([target, label, testId, , load]) => (
          <Button
            key={target}
            appearance={target === 'form' ? 'primary' : 'secondary'}
            disabled={!me}
            onPointerEnter={() => void load()}
            onFocus={() => void load()}
            onClick={() => onOpen(target)}
            data-testid={testId}
          >
            {t(label)}
          </Button>
        ),
      )}
    </div>
  );
}

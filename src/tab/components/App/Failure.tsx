import { Button, mergeClasses } from '@fluentui/react-components';
import {
  useEffect,
  useId,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useT } from '../../hooks/useT.js';
import { useAppStyles } from './App.styles.js';

/**
 * What the tab shows instead of a part that failed, rather than React's blank page. The usual
 * cause is a chunk that cannot be fetched: Story Wall was updated while the tab stayed open (a
 * Teams tab may stay open for days) and the old version's files are gone. A reload fixes that,
 * so it is the first button, and the message says why. Only the main bundle's parts are used
 * here (Button, styles, strings): the other chunks may be the ones that are gone.
 */

/** Reloads the page: the one way to the new version's files. */
const reload = () => window.location.reload();

export interface ViewBoundaryProps {
  /** Changing it forgets the failure, e.g. when another view opens. */
  resetKeys: unknown[];
  /** Closes the view that failed. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * Around a view that opens over the wall (a story, a dialog): if the view cannot be fetched or
 * drawn, a small modal says so over the wall, which stays as it was. Escape or Close closes the
 * view; focus then goes back to what opened it (`returnFocusFromDialogs`).
 */
export function ViewBoundary({ resetKeys, onClose, children }: ViewBoundaryProps) {
  return (
    <ErrorBoundary resetKeys={resetKeys} fallback={<ViewFailed onClose={onClose} />}>
      {children}
    </ErrorBoundary>
  );
}

function ViewFailed({ onClose }: { onClose: () => void }) {
  const t = useT();
  const styles = useAppStyles();
  const titleId = useId();
  const hintId = useId();
  const surface = useRef<HTMLDivElement>(null);
  // The first button, Reload.
  useEffect(() => surface.current?.querySelector('button')?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };
  // Tab goes round the two buttons: a focus stop before and after them hands focus to the far
  // end, so the wall behind is out of reach while this is open. (Fluent's own focus trap would
  // pull its modal code into the first load.)
  const wrapTo = (end: 'first' | 'last') => (event: FocusEvent<HTMLElement>) => {
    const buttons = event.currentTarget.parentElement?.querySelectorAll('button');
    buttons?.[end === 'first' ? 0 : buttons.length - 1]?.focus();
  };
  return (
    <div className={styles.pending}>
      <div
        ref={surface}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={hintId}
        className={styles.failure}
        onKeyDown={onKeyDown}
        data-testid="view-failed"
      >
        <span className={styles.focusStop} tabIndex={0} aria-hidden onFocus={wrapTo('last')} />
        <h2 id={titleId} className={styles.failureTitle}>
          {t('app.viewFailed')}
        </h2>
        <p id={hintId} className={styles.failureHint}>
          {t('app.updatedHint')}
        </p>
        <div className={styles.failureActions}>
          <Button appearance="primary" onClick={reload}>
            {t('app.reload')}
          </Button>
          <Button onClick={onClose}>{t('app.close')}</Button>
        </div>
        <span className={styles.focusStop} tabIndex={0} aria-hidden onFocus={wrapTo('first')} />
      </div>
    </div>
  );
}

/** Around the whole tab: what failed outside any view stops the tab with a message and a reload. */
export function AppBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={<AppStopped />}>{children}</ErrorBoundary>;
}

function AppStopped() {
  const t = useT();
  const styles = useAppStyles();
  const titleId = useId();
  return (
    <div className={styles.page}>
      <div className={styles.main}>
        <div
          role="alert"
          aria-labelledby={titleId}
          className={mergeClasses(styles.failure, styles.failureStopped)}
          data-testid="app-stopped"
        >
          <h2 id={titleId} className={styles.failureTitle}>
            {t('app.stopped')}
          </h2>
          <p className={styles.failureHint}>{t('app.updatedHint')}</p>
          <div className={styles.failureActions}>
            <Button appearance="primary" onClick={reload}>
              {t('app.reload')}
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PersonDto, StoryDto } from '../../../shared/dto.js';
import type { Decision } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, isAbort } from '../../errors.js';
import { useNotify } from '../../hooks/useNotify.js';
import { ApprovalItem } from './ApprovalItem.js';
import { useApprovalsStyles } from './Approvals.styles.js';
import { useT } from '../../hooks/useT.js';

export interface ApprovalsProps {
  onClose: () => void;
  /** After a decision: an approval changes the wall. */
  onDecided: (story: StoryDto, decision: Decision) => void;
}

type Queue =
  { state: 'loading' } | { state: 'ready'; items: StoryDto[] } | { state: 'error'; error: unknown };

/** The approver's queue: pending stories routed to me, each decided in place. */
export function Approvals({ onClose, onDecided }: ApprovalsProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api } = useAppContext();
  const notify = useNotify();
  const [queue, setQueue] = useState<Queue>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setQueue({ state: 'loading' });
    api.approvals(abort.signal).then(
      (list) => setQueue({ state: 'ready', items: list.items }),
      (error: unknown) => {
        if (!isAbort(error)) setQueue({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, attempt]);

  function decided(story: StoryDto, decision: Decision) {
    setQueue((previous) =>
      previous.state === 'ready'
        ? { state: 'ready', items: previous.items.filter((item) => item.id !== story.id) }
        : previous,
    );
    notify({ title: t(`approvals.decided.${decision}`), intent: 'success' });
    onDecided(story, decision);
  }

  function reassigned(story: StoryDto, approver: PersonDto) {
    setQueue((previous) =>
      previous.state === 'ready'
        ? { state: 'ready', items: previous.items.filter((item) => item.id !== story.id) }
        : previous,
    );
    notify({ title: t('approvals.reassigned', { name: approver.displayName }), intent: 'success' });
  }

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="approvals">
        <DialogBody>
          <DialogTitle>{t('approvals.heading')}</DialogTitle>
          <DialogContent>
            {queue.state === 'loading' ? (
              <Spinner label={t('approvals.loading')} />
            ) : queue.state === 'error' ? (
              <MessageBar intent="error">
                <MessageBarBody>
                  {t('approvals.error')} {t(errorKey(queue.error))}
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => setAttempt((n) => n + 1)}>{t('app.retry')}</Button>
                </MessageBarActions>
              </MessageBar>
            ) : queue.items.length === 0 ? (
              <p className={styles.empty} data-testid="approvals-empty">
                {t('approvals.empty')}
              </p>
            ) : (
              <ul className={styles.list} aria-label={t('approvals.heading')}>
                {queue.items.map((story) => (
                  <ApprovalItem
                    key={story.id}
                    story={story}
                    onDecided={decided}
                    onReassigned={reassigned}
                  />
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose} data-testid="approvals-close">
              {t('approvals.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

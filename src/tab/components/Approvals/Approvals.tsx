import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Switch,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonDto, StoryDto } from '../../../shared/dto.js';
import type { Decision } from '../../../shared/inputs.js';
import type { ApprovalsScope } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { DelegationDialog } from '../Delegation/DelegationDialog.js';
import { ApprovalItem } from './ApprovalItem.js';
import { useApprovalsStyles } from './Approvals.styles.js';
import { BulkApproveBar } from './BulkApproveBar.js';
import { useApprovalsQueue } from './useApprovalsQueue.js';

export interface ApprovalsProps {
  onClose: () => void;
  /** After a decision: an approval changes the wall. */
  onDecided: (story: StoryDto, decision: Decision) => void;
}

/**
 * The approver's inbox: pending stories routed to me (or, for an admin, every pending story),
 * each decided in place or several approved together; and "I'm away" to hand my approvals on.
 */
export function Approvals({ onClose, onDecided }: ApprovalsProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const notify = useNotify();
  const [scope, setScope] = useState<ApprovalsScope>('mine');
  const { queue, remove, retry } = useApprovalsQueue(api, scope);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [away, setAway] = useState(false);
  const isAdmin = me?.roles.includes('admin') ?? false;
  // Closing "I'm away" (a dialog over this one) puts focus back on its button.
  const restoreFocus = useRestoreFocusTarget();

  function leave(ids: readonly string[]) {
    remove(ids);
    setSelected((previous) => new Set([...previous].filter((id) => !ids.includes(id))));
  }

  function decided(story: StoryDto, decision: Decision) {
    leave([story.id]);
    // An approval in an earlier stage (or of one of several in an "all" stage) does not publish.
    const advanced = decision === 'approve' && story.status === 'pending';
    notify({
      title: advanced ? t('approvals.advanced') : t(`approvals.decided.${decision}`),
      intent: 'success',
    });
    onDecided(story, decision);
  }

  function reassigned(story: StoryDto, approver: PersonDto) {
    leave([story.id]);
    notify({ title: t('approvals.reassigned', { name: approver.displayName }), intent: 'success' });
  }

  function bulkApproved(stories: StoryDto[]) {
    leave(stories.map((story) => story.id));
    for (const story of stories) onDecided(story, 'approve');
  }

  function toggle(story: StoryDto, on: boolean) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(story.id);
      else next.delete(story.id);
      return next;
    });
  }

  const heading = scope === 'all' ? t('approvals.headingAll') : t('approvals.heading');

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="approvals" data-scope={scope}>
        <DialogBody>
          <DialogTitle>{heading}</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.toolbar}>
              {isAdmin ? (
                <Switch
                  checked={scope === 'all'}
                  label={t('approvals.scopeAll')}
                  onChange={(_, data) => {
                    setSelected(new Set());
                    setScope(data.checked ? 'all' : 'mine');
                  }}
                  data-testid="approvals-scope"
                />
              ) : (
                <span />
              )}
              <Button
                {...restoreFocus}
                appearance="secondary"
                aria-haspopup="dialog"
                onClick={() => setAway(true)}
                data-testid="delegation-open"
              >
                {t('delegation.open')}
              </Button>
            </div>
            {queue.state === 'loading' ? (
              <Spinner label={t('approvals.loading')} data-testid="approvals-loading" />
            ) : queue.state === 'error' ? (
              <LoadError
                message="approvals.error"
                error={queue.error}
                onRetry={retry}
                testId="approvals-error"
              />
            ) : queue.items.length === 0 ? (
              <p className={styles.empty} data-testid="approvals-empty">
                {scope === 'all' ? t('approvals.emptyAll') : t('approvals.empty')}
              </p>
            ) : (
              <>
                <BulkApproveBar
                  items={queue.items}
                  selected={selected}
                  onSelectAll={(all) =>
                    setSelected(new Set(all ? queue.items.map((story) => story.id) : []))
                  }
                  onApproved={bulkApproved}
                />
                <ul className={styles.list} aria-label={heading}>
                  {queue.items.map((story) => (
                    <ApprovalItem
                      key={story.id}
                      story={story}
                      now={queue.loadedAt}
                      selected={selected.has(story.id)}
                      onSelectedChange={(on) => toggle(story, on)}
                      onDecided={decided}
                      onReassigned={reassigned}
                    />
                  ))}
                </ul>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose} data-testid="approvals-close">
              {t('approvals.close')}
            </Button>
          </DialogActions>
        </DialogBody>
        {away ? <DelegationDialog onClose={() => setAway(false)} /> : null}
      </DialogSurface>
    </Dialog>
  );
}

import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey } from '../../errors.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { useApprovalsStyles } from './Approvals.styles.js';

export interface BulkApproveBarProps {
  /** Every story in the list, for "select all". */
  items: readonly StoryDto[];
  selected: ReadonlySet<string>;
  onSelectAll: (all: boolean) => void;
  /** After the run: the stories approved (they leave the list). */
  onApproved: (stories: StoryDto[]) => void;
}

interface Failure {
  title: string;
  error: unknown;
}

/**
 * "Select all" and "Approve selected", after a confirmation. Each story is approved with its
 * own request, one after another, so one that someone else decided meanwhile fails alone and is
 * named afterwards; the rest go through.
 */
export function BulkApproveBar({ items, selected, onSelectAll, onApproved }: BulkApproveBarProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api } = useAppContext();
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  // Closing the confirmation puts focus back on "Approve selected".
  const restoreFocus = useRestoreFocusTarget();
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<Failure[]>([]);
  const chosen = items.filter((story) => selected.has(story.id));
  const count = chosen.length;
  const allChecked = count === 0 ? false : count === items.length ? true : 'mixed';

  async function approveAll() {
    setBusy(true);
    const approved: StoryDto[] = [];
    const failed: Failure[] = [];
    for (const story of chosen) {
      try {
        approved.push(await api.decide(story.id, { decision: 'approve' }));
      } catch (error) {
        failed.push({ title: story.title, error });
      }
    }
    setBusy(false);
    setConfirming(false);
    setFailures(failed);
    if (approved.length > 0) {
      notify({ title: t('approvals.bulk.done', { count: approved.length }), intent: 'success' });
      onApproved(approved);
    }
  }

  return (
    <>
      <div className={styles.toolbarGroup}>
        <Checkbox
          checked={allChecked}
          disabled={busy}
          label={t('approvals.bulk.selectAll')}
          onChange={(_, data) => onSelectAll(data.checked === true)}
          data-testid="approvals-select-all"
        />
        <Button
          {...restoreFocus}
          appearance="primary"
          disabled={count === 0 || busy}
          icon={busy ? <Spinner size="tiny" /> : null}
          onClick={() => setConfirming(true)}
          data-testid="approvals-bulk-approve"
        >
          {t('approvals.bulk.approve', { count })}
        </Button>
      </div>
      {failures.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="approvals-bulk-error">
          <MessageBarBody>
            {t('approvals.bulk.failed', { count: failures.length })}
            <ul className={styles.failures}>
              {failures.map((failure, index) => (
                <li key={index}>
                  {t('approvals.bulk.failure', {
                    title: failure.title,
                    reason: t(errorKey(failure.error)),
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('approvals.bulk.confirmTitle', { count })}
          body={t('approvals.bulk.confirmBody', { count })}
          confirmLabel={t('approvals.bulk.confirm', { count })}
          cancelLabel={t('approvals.bulk.cancel')}
          busy={busy}
          onConfirm={() => void approveAll()}
          onCancel={() => setConfirming(false)}
          testId="confirm-bulk-approve"
        />
      ) : null}
    </>
  );
}

import { Caption1 } from '@fluentui/react-components';
import type { ApprovalDto, ApprovalSlotDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useKnownPeople } from '../../hooks/useKnownPeople.js';
import { useT } from '../../hooks/useT.js';
import { RelativeTime } from '../RelativeTime/RelativeTime.js';
import { useApprovalsStyles } from './Approvals.styles.js';

export interface ApprovalProgressProps {
  approval: ApprovalDto;
  /** The instant the queue was loaded: "waiting since" is measured from it. */
  now: number;
}

/**
 * Where a story is in its approval: "Stage 1 of 2", who has approved so far in this stage, who
 * it still waits for (and for whom they stand in), and since when.
 */
export function ApprovalProgress({ approval, now }: ApprovalProgressProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const names = useKnownPeople(api);
  const list = (slots: ApprovalSlotDto[]) =>
    new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(
      slots.map((slot) => {
        const standIn = slot.onBehalfOf ? names.get(slot.onBehalfOf) : undefined;
        return standIn
          ? t('approvals.progress.onBehalfOf', { name: slot.displayName, of: standIn })
          : slot.displayName;
      }),
    );
  const approved = approval.approvers.filter((slot) => slot.approvedAt !== undefined);
  const waiting = approval.approvers.filter((slot) => slot.approvedAt === undefined);

  return (
    <dl className={styles.progress} data-testid="approval-progress">
      <div className={styles.progressRow}>
        <dt className={styles.progressTerm}>{t('approvals.progress.stage')}</dt>
        <dd className={styles.progressValue} data-testid="approval-stage">
          {t('approvals.progress.stageOf', { stage: approval.stage, stages: approval.stages })}
          {waiting.length + approved.length > 1 ? (
            <Caption1 className={styles.progressNote}>
              {t(`approvals.progress.mode.${approval.mode}`)}
            </Caption1>
          ) : null}
        </dd>
      </div>
      {approved.length > 0 ? (
        <div className={styles.progressRow}>
          <dt className={styles.progressTerm}>{t('approvals.progress.approved')}</dt>
          <dd className={styles.progressValue} data-testid="approval-approved">
            {list(approved)}
          </dd>
        </div>
      ) : null}
      <div className={styles.progressRow}>
        <dt className={styles.progressTerm}>{t('approvals.progress.waitingFor')}</dt>
        <dd className={styles.progressValue} data-testid="approval-waiting">
          {waiting.length > 0 ? list(waiting) : t('approvals.progress.nobody')}
        </dd>
      </div>
      <div className={styles.progressRow}>
        <dt className={styles.progressTerm}>{t('approvals.progress.since')}</dt>
        <dd className={styles.progressValue}>
          <RelativeTime at={approval.waitingSince} now={now} />
        </dd>
      </div>
      {approval.fallback ? (
        <div className={styles.progressRow}>
          <dt className={styles.progressTerm}>{t('approvals.progress.fallback')}</dt>
          <dd className={styles.progressValue}>
            {t(`history.fallbackReason.${approval.fallback}`)}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

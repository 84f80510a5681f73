import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  useId,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import { LIMITS, type PersonDto, type StoryDto } from '../../../shared/dto.js';
import type { Decision } from '../../../shared/inputs.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDate } from '../../format.js';
import { StoryContent } from '../StoryCard/StoryContent.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { useApprovalsStyles } from './Approvals.styles.js';
import { ApprovalProgress } from './ApprovalProgress.js';
import { ReassignDialog } from './ReassignDialog.js';
import { useT } from '../../hooks/useT.js';

export interface ApprovalItemProps {
  story: StoryDto;
  /** When the list was loaded: "waiting since" is measured from it. */
  now: number;
  /** Chosen for "Approve selected". */
  selected: boolean;
  onSelectedChange: (selected: boolean) => void;
  onDecided: (story: StoryDto, decision: Decision) => void;
  /** After "Reassign": the story went to `approver` and leaves this queue. */
  onReassigned: (story: StoryDto, approver: PersonDto) => void;
}

/** The decisions that need a word to the author: what to change, or why not. */
const NEEDS_REASON: ReadonlySet<Decision> = new Set<Decision>(['changes', 'reject']);

/**
 * One pending story: where it is in its approval, Approve / Request changes / Reject with a
 * comment to the author (a reason is required for the last two), or Reassign to hand it on.
 */
export function ApprovalItem({
  story,
  now,
  selected,
  onSelectedChange,
  onDecided,
  onReassigned,
}: ApprovalItemProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const titleId = useId('approval-title');
  // Cancelling "Reassign" puts focus back on its button.
  const restoreFocus = useRestoreFocusTarget();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<Decision | undefined>();
  const [commentError, setCommentError] = useState<Decision | undefined>();
  const [error, setError] = useState<ErrorKey | undefined>();
  const [reassigning, setReassigning] = useState(false);

  async function decide(decision: Decision) {
    const text = comment.trim();
    if (NEEDS_REASON.has(decision) && text === '') {
      setCommentError(decision);
      document.getElementById(`${titleId}-comment`)?.focus();
      return;
    }
    setBusy(decision);
    setError(undefined);
    try {
      const decided = await api.decide(story.id, {
        decision,
        ...(text ? { comment: text } : {}),
      });
      onDecided(decided, decision);
    } catch (failure) {
      setBusy(undefined);
      setError(errorKey(failure));
    }
  }

  const button = (decision: Decision, label: string, appearance: 'primary' | 'secondary') => (
    <Button
      appearance={appearance}
      disabled={busy !== undefined}
      icon={busy === decision ? <Spinner size="tiny" /> : null}
      aria-describedby={titleId}
      onClick={() => void decide(decision)}
      data-testid={`decision-${decision}`}
    >
      {label}
    </Button>
  );

  return (
    <li className={styles.item} data-testid="approval-item">
      <article className={styles.article} aria-labelledby={titleId}>
        <div className={styles.itemHeader}>
          <Checkbox
            checked={selected}
            disabled={busy !== undefined}
            aria-label={t('approvals.bulk.select', { title: story.title })}
            onChange={(_, data) => onSelectedChange(data.checked === true)}
            data-testid="approval-select"
          />
          <div className={styles.headerText}>
            <h3 id={titleId} className={styles.title} data-testid="approval-title">
              {story.title}
            </h3>
            <StoryMeta story={story}>
              <Caption1>
                {t('approvals.submittedBy', {
                  name: story.author.displayName,
                  date: formatDate(story.createdAt, language),
                })}
              </Caption1>
            </StoryMeta>
          </div>
        </div>
        <ApprovalProgress approval={story.approval} now={now} />
        <StoryContent story={story} clamped={false} />
        {error ? (
          <MessageBar intent="error">
            <MessageBarBody>{t(error)}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Field
          label={t('approvals.comment')}
          hint={t('approvals.commentHint')}
          validationState={commentError ? 'error' : 'none'}
          validationMessage={
            commentError === 'reject'
              ? t('approvals.reasonRequired')
              : commentError
                ? t('approvals.commentRequired')
                : null
          }
        >
          <Textarea
            id={`${titleId}-comment`}
            value={comment}
            maxLength={LIMITS.comment.max}
            resize="vertical"
            onChange={(_, data) => {
              setComment(data.value);
              if (data.value.trim() !== '') setCommentError(undefined);
            }}
            data-testid="decision-comment"
          />
        </Field>
        <div className={styles.actions}>
          {button('approve', t('approvals.approve'), 'primary')}
          {button('changes', t('approvals.changes'), 'secondary')}
          {button('reject', t('approvals.reject'), 'secondary')}
          <Button
            {...restoreFocus}
            appearance="subtle"
            disabled={busy !== undefined}
            aria-describedby={titleId}
            aria-haspopup="dialog"
            onClick={() => setReassigning(true)}
            data-testid="reassign-open"
          >
            {t('approvals.reassign')}
          </Button>
        </div>
        {reassigning ? (
          <ReassignDialog
            story={story}
            onClose={() => setReassigning(false)}
            onReassigned={onReassigned}
          />
        ) : null}
      </article>
    </li>
  );
}

import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import { LIMITS, type PersonDto, type StoryDto } from '../../../shared/dto.js';
import type { Decision } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDate } from '../../format.js';
import { StoryContent } from '../StoryCard/StoryContent.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { useApprovalsStyles } from './Approvals.styles.js';
import { ReassignDialog } from './ReassignDialog.js';
import { useT } from '../../hooks/useT.js';

export interface ApprovalItemProps {
  story: StoryDto;
  onDecided: (story: StoryDto, decision: Decision) => void;
  /** After "Reassign": the story went to `approver` and leaves this queue. */
  onReassigned: (story: StoryDto, approver: PersonDto) => void;
}

/**
 * One pending story with Approve / Request changes / Reject and a comment to the author, or
 * Reassign to hand it to someone else.
 */
export function ApprovalItem({ story, onDecided, onReassigned }: ApprovalItemProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const titleId = useId('approval-title');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<Decision | undefined>();
  const [commentError, setCommentError] = useState(false);
  const [error, setError] = useState<ErrorKey | undefined>();
  const [reassigning, setReassigning] = useState(false);

  async function decide(decision: Decision) {
    const text = comment.trim();
    if (decision === 'changes' && text === '') {
      setCommentError(true);
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
        <div className={styles.header}>
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
          validationMessage={commentError ? t('approvals.commentRequired') : null}
        >
          <Textarea
            id={`${titleId}-comment`}
            value={comment}
            maxLength={LIMITS.comment.max}
            resize="vertical"
            onChange={(_, data) => {
              setComment(data.value);
              if (data.value.trim() !== '') setCommentError(false);
            }}
            data-testid="decision-comment"
          />
        </Field>
        <div className={styles.actions}>
          {button('approve', t('approvals.approve'), 'primary')}
          {button('changes', t('approvals.changes'), 'secondary')}
          {button('reject', t('approvals.reject'), 'secondary')}
          <Button
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

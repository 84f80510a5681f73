import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ModerationItemDto, StoryDto } from '../../../shared/dto.js';
import type { ModerationAction } from '../../../shared/inputs.js';
import { useAppContext } from '../../appContext.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useStoryAction } from '../../hooks/useStoryAction.js';
import { useT } from '../../hooks/useT.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { StoryOpenLink } from '../StoryOpenLink/StoryOpenLink.js';
import { CorrectionDialog } from './CorrectionDialog.js';
import { actionsFor } from './moderationModel.js';
import { useModerationStyles } from './Moderation.styles.js';

export interface ModerationEntryProps {
  item: ModerationItemDto;
  /** Called with the story the API returned after an action. */
  onChanged: (story: StoryDto) => void;
  /** Opens the whole story with its history. */
  onOpen: (story: StoryDto) => void;
  onPrepareOpen: () => void;
}

/** One story of the moderation queue: what it is, its open reports, and the editor's actions. */
export function ModerationEntry({ item, onChanged, onOpen, onPrepareOpen }: ModerationEntryProps) {
  const styles = useModerationStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const notify = useNotify();
  const titleId = useId('moderation-title');
  const { story, reports } = item;
  const [editing, setEditing] = useState(false);
  const { confirm, setConfirm, busy, error, run } = useStoryAction<
    ModerationAction,
    'moderation.changedMeanwhile'
  >('moderation.changedMeanwhile');
  const actions = actionsFor(story);

  function act(action: ModerationAction) {
    return run(
      () => api.moderate(story.id, action),
      (changed) => {
        notify({ title: t(`moderation.done.${action}`), intent: 'success' });
        onChanged(changed);
      },
    );
  }

  function corrected(changed: StoryDto) {
    setEditing(false);
    notify({ title: t('moderation.done.edit'), intent: 'success' });
    onChanged(changed);
  }

  return (
    <li
      className={styles.item}
      data-testid="moderation-item"
      data-story-id={story.id}
      data-status={story.status}
    >
      <article className={styles.article} aria-labelledby={titleId}>
        <div className={styles.header}>
          <h4 id={titleId} className={styles.title} data-testid="moderation-title">
            {story.title}
          </h4>
          {story.status === 'hidden' ? (
            <StatusBadge status={story.status} data-testid="moderation-status" />
          ) : (
            <Caption1 data-testid="moderation-count">
              {t('moderation.reports', { count: item.reportCount })}
            </Caption1>
          )}
        </div>
        <StoryMeta story={story}>
          <Caption1>{t('moderation.by', { name: story.author.displayName })}</Caption1>
          {story.status === 'hidden' ? (
            <Caption1>
              <time dateTime={story.updatedAt}>
                {t('moderation.hiddenOn', { date: formatDate(story.updatedAt, language) })}
              </time>
            </Caption1>
          ) : null}
          <StoryOpenLink
            story={story}
            titleId={titleId}
            label={t('moderation.open')}
            onOpen={onOpen}
            onPrepareOpen={onPrepareOpen}
            data-testid="moderation-open-story"
          />
        </StoryMeta>

        <p className={styles.excerpt}>{story.situation}</p>

        {reports.length > 0 ? (
          <ul
            className={styles.reports}
            aria-label={t('moderation.reports', { count: reports.length })}
          >
            {reports.map((report) => (
              <li key={`${report.reporter.id}-${report.at}`} data-testid="moderation-report">
                <span className={styles.reason}>{report.reason}</span>
                <Caption1 className={styles.reporter}>
                  <time dateTime={report.at}>
                    {t('moderation.reportedBy', {
                      name: report.reporter.displayName,
                      date: formatDateTime(report.at, language),
                    })}
                  </time>
                </Caption1>
              </li>
            ))}
          </ul>
        ) : null}

        {error ? (
          <MessageBar intent="error" data-testid="moderation-item-error">
            <MessageBarBody>{t(error)}</MessageBarBody>
          </MessageBar>
        ) : null}

        <div className={styles.actions}>
          {actions.includes('hide') ? (
            <Button
              appearance="primary"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => setConfirm('hide')}
              data-testid="moderation-hide"
            >
              {t('moderation.hide')}
            </Button>
          ) : null}
          {actions.includes('restore') ? (
            <Button
              appearance="primary"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => setConfirm('restore')}
              data-testid="moderation-restore"
            >
              {t('moderation.restore')}
            </Button>
          ) : null}
          {actions.includes('edit') ? (
            <Button
              appearance="secondary"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => setEditing(true)}
              data-testid="moderation-edit"
            >
              {t('moderation.edit')}
            </Button>
          ) : null}
          {actions.includes('dismiss') ? (
            <Button
              appearance="secondary"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => setConfirm('dismiss')}
              data-testid="moderation-dismiss"
            >
              {t('moderation.dismiss')}
            </Button>
          ) : null}
          {busy ? <Spinner size="tiny" /> : null}
        </div>
      </article>

      {confirm ? (
        <ConfirmDialog
          title={t(`moderation.confirm.${confirm}.title`)}
          body={t(`moderation.confirm.${confirm}.body`, { title: story.title })}
          confirmLabel={t(`moderation.confirm.${confirm}.confirm`)}
          cancelLabel={t(`moderation.confirm.${confirm}.cancel`)}
          busy={busy}
          onConfirm={() => void act(confirm)}
          onCancel={() => setConfirm(undefined)}
          testId={`confirm-${confirm}`}
        />
      ) : null}
      {editing ? (
        <CorrectionDialog story={story} onClose={() => setEditing(false)} onSaved={corrected} />
      ) : null}
    </li>
  );
}

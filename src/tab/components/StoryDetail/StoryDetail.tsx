import {
  Avatar,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  useId,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeDto, StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, isAbort, type ErrorKey } from '../../errors.js';
import { formatDate, personName } from '../../format.js';
import { useMyReactions } from '../../hooks/useMyReactions.js';
import { useNotify } from '../../hooks/useNotify.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { ReportDialog } from '../Moderation/ReportDialog.js';
import { StoryContent } from '../StoryCard/StoryContent.js';
import { StoryReactions } from '../StoryReactions/StoryReactions.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { HistoryTimeline } from './HistoryTimeline.js';
import { useStoryDetailStyles } from './StoryDetail.styles.js';
import { useT } from '../../hooks/useT.js';

export interface StoryDetailProps {
  storyId: string;
  /** The story as the wall has it; without it (a deep link) the story is fetched. */
  initial?: StoryDto | undefined;
  onClose: () => void;
  /** After an action here changed the story (an editor archived it): the wall may change. */
  onChanged?: (story: StoryDto) => void;
}

/** The whole story in a dialog: every text unclamped, lesson, praise and featured people. */
export function StoryDetail({ storyId, initial, onClose, onChanged }: StoryDetailProps) {
  const styles = useStoryDetailStyles();
  const t = useT();
  const { api, language, me } = useAppContext();
  const [story, setStory] = useState<StoryDto | undefined>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const notify = useNotify();
  const [dialog, setDialog] = useState<'report' | 'archive' | undefined>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ErrorKey | undefined>();

  useEffect(() => {
    if (initial) return;
    const abort = new AbortController();
    api.story(storyId, abort.signal).then(setStory, (failure: unknown) => {
      if (!isAbort(failure)) setError(failure);
    });
    return () => abort.abort();
  }, [api, storyId, initial]);

  const date = story?.publishedAt ?? story?.createdAt;
  const titleId = useId('story-detail-title');
  const published = story?.status === 'published';
  const reactions = useMyReactions(api, published ? [storyId] : []);
  // Anyone who reads a published story may report it; editors and admins may archive it.
  const mayReport = me !== undefined && story?.status === 'published';
  const mayArchive = (story?.status === 'published' || story?.status === 'hidden') && moderates(me);
  // A colleague the story features decides about their own name, whenever they wish.
  const mine = me ? story?.featured.find((person) => person.id === me.id) : undefined;

  async function answerFeatured(current: StoryDto, answer: 'confirm' | 'remove') {
    setBusy(true);
    setActionError(undefined);
    try {
      const changed =
        answer === 'confirm'
          ? await api.confirmFeatured(current.id)
          : await api.removeFeatured(current.id);
      setStory(changed);
      notify({
        title: t(answer === 'confirm' ? 'story.nameConfirmed' : 'story.nameRemoved'),
        intent: 'success',
      });
      onChanged?.(changed);
    } catch (failure) {
      setActionError(errorKey(failure));
    } finally {
      setBusy(false);
    }
  }

  async function archive(current: StoryDto) {
    setBusy(true);
    setActionError(undefined);
    try {
      const changed = await api.archiveStory(current.id);
      setStory(changed);
      notify({ title: t('moderation.archive.done'), intent: 'success' });
      onChanged?.(changed);
    } catch (failure) {
      setActionError(errorKey(failure));
    } finally {
      setBusy(false);
      setDialog(undefined);
    }
  }

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      {/* The title has the id the reactions point at, so the surface names it itself. */}
      <DialogSurface aria-labelledby={titleId} data-testid="story-detail">
        <DialogBody>
          <DialogTitle id={titleId} className={styles.title}>
            {story ? story.title : t('story.loading')}
          </DialogTitle>
          <DialogContent className={styles.content}>
            {story ? (
              <>
                <StoryMeta story={story}>
                  {story.status !== 'published' ? <StatusBadge status={story.status} /> : null}
                  <Caption1>
                    <time dateTime={date}>{formatDate(date, language)}</time>
                  </Caption1>
                </StoryMeta>
                <StoryContent story={story} clamped={false} />
                <div className={styles.byline}>
                  <span className={styles.author}>
                    <Avatar
                      name={personName(story.author, t)}
                      size={28}
                      color="colorful"
                      aria-hidden
                    />
                    {t('story.sharedBy', { name: personName(story.author, t) })}
                  </span>
                </div>
                {story.status === 'published' ? (
                  <StoryReactions
                    story={story}
                    mine={reactions.get(story.id)}
                    titleId={titleId}
                    onChange={(changed) => {
                      setStory(changed);
                      onChanged?.(changed);
                    }}
                  />
                ) : null}
                {mine?.awaitingConfirmation ? (
                  <MessageBar intent="info" data-testid="story-detail-asked">
                    <MessageBarBody>{t('story.askedToConfirm')}</MessageBarBody>
                  </MessageBar>
                ) : null}
                {actionError ? (
                  <MessageBar intent="error" data-testid="story-detail-error">
                    <MessageBarBody>{t(actionError)}</MessageBarBody>
                  </MessageBar>
                ) : null}
                <HistoryTimeline storyId={story.id} enabled={mayHaveHistory(story, me)} />
              </>
            ) : error ? (
              <MessageBar intent="error">
                <MessageBarBody>{t(errorKey(error))}</MessageBarBody>
              </MessageBar>
            ) : (
              <Spinner label={t('story.loading')} />
            )}
          </DialogContent>
          <DialogActions>
            {story && mine?.awaitingConfirmation ? (
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => void answerFeatured(story, 'confirm')}
                data-testid="story-confirm-name"
              >
                {t('story.confirmMyName')}
              </Button>
            ) : null}
            {story && mine ? (
              <Button
                appearance="secondary"
                disabled={busy}
                onClick={() => void answerFeatured(story, 'remove')}
                data-testid="story-remove-name"
              >
                {t('story.removeMyName')}
              </Button>
            ) : null}
            {mayReport ? (
              <Button
                appearance="secondary"
                disabled={busy}
                onClick={() => setDialog('report')}
                data-testid="story-report"
              >
                {t('moderation.report.button')}
              </Button>
            ) : null}
            {mayArchive ? (
              <Button
                appearance="secondary"
                disabled={busy}
                onClick={() => setDialog('archive')}
                data-testid="story-archive"
              >
                {t('moderation.archive.button')}
              </Button>
            ) : null}
            <Button appearance="secondary" onClick={onClose}>
              {t('story.close')}
            </Button>
          </DialogActions>
        </DialogBody>
        {story && dialog === 'report' ? (
          <ReportDialog
            story={story}
            onClose={() => setDialog(undefined)}
            onReported={() => {
              setDialog(undefined);
              notify({ title: t('moderation.report.sent'), intent: 'success' });
            }}
          />
        ) : null}
        {story && dialog === 'archive' ? (
          <ConfirmDialog
            title={t('moderation.archive.title')}
            body={t('moderation.archive.body', { title: story.title })}
            confirmLabel={t('moderation.archive.confirm')}
            cancelLabel={t('moderation.archive.cancel')}
            busy={busy}
            onConfirm={() => void archive(story)}
            onCancel={() => setDialog(undefined)}
            testId="confirm-archive-story"
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

/** Whether the user is an editor or an admin, who moderate and archive any story. */
function moderates(me: MeDto | undefined): boolean {
  return me?.roles.some((role) => role === 'editor' || role === 'admin') ?? false;
}

/**
 * Whether the user may see the story's history (the server decides; see `canSeeHistory`): its
 * author, its approvers, editors and admins. Anyone holding the approver role is asked too, as
 * an earlier stage may have been theirs; a refusal just leaves the timeline out.
 */
function mayHaveHistory(story: StoryDto, me: MeDto | undefined): boolean {
  if (!me) return false;
  return (
    story.author.id === me.id ||
    story.approval.approvers.some((approver) => approver.id === me.id) ||
    me.roles.some((role) => role === 'approver' || role === 'editor' || role === 'admin')
  );
}

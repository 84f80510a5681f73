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
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeDto, StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, isAbort } from '../../errors.js';
import { formatDate } from '../../format.js';
import { StoryContent } from '../StoryCard/StoryContent.js';
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
}

/** The whole story in a dialog: every text unclamped, lesson, praise and featured people. */
export function StoryDetail({ storyId, initial, onClose }: StoryDetailProps) {
  const styles = useStoryDetailStyles();
  const t = useT();
  const { api, language, me } = useAppContext();
  const [story, setStory] = useState<StoryDto | undefined>(initial);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    if (initial) return;
    const abort = new AbortController();
    api.story(storyId, abort.signal).then(setStory, (failure: unknown) => {
      if (!isAbort(failure)) setError(failure);
    });
    return () => abort.abort();
  }, [api, storyId, initial]);

  const date = story?.publishedAt ?? story?.createdAt;

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface data-testid="story-detail">
        <DialogBody>
          <DialogTitle>{story ? story.title : t('story.loading')}</DialogTitle>
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
                      name={story.author.displayName}
                      size={28}
                      color="colorful"
                      aria-hidden
                    />
                    {t('story.sharedBy', { name: story.author.displayName })}
                  </span>
                  <span className={styles.votes}>
                    {t('story.votes', { count: story.voteCount })}
                  </span>
                </div>
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
            <Button appearance="secondary" onClick={onClose}>
              {t('story.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
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

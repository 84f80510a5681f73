import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  useId,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatDate } from '../../format.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useStoryAction } from '../../hooks/useStoryAction.js';
import { useT } from '../../hooks/useT.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { StoryOpenLink } from '../StoryOpenLink/StoryOpenLink.js';
import { actionsFor, commentLabelFor, type ConfirmedAction } from './myStoriesModel.js';
import { useMyStoriesStyles } from './MyStories.styles.js';

export interface MyStoryItemProps {
  story: StoryDto;
  /** Called with the story the API returned after an action. */
  onChanged: (story: StoryDto) => void;
  /** Opens the form to edit and resubmit the story. */
  onEdit: (story: StoryDto) => void;
  /** Starts loading the form before it is needed (pointer over or focus on "Edit"). */
  onPrepareEdit: () => void;
  /** Opens the whole story with its history (where its approval stands, who decided). */
  onOpen: (story: StoryDto) => void;
  /** Starts loading the story view before it is needed. */
  onPrepareOpen: () => void;
}

/** One of my stories: its status, the approver's comment, and what I can still do with it. */
export function MyStoryItem({
  story,
  onChanged,
  onEdit,
  onPrepareEdit,
  onOpen,
  onPrepareOpen,
}: MyStoryItemProps) {
  const styles = useMyStoriesStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const notify = useNotify();
  const titleId = useId('my-story-title');
  const heading = useRef<HTMLHeadingElement>(null);
  const { confirm, setConfirm, busy, error, run } = useStoryAction<
    ConfirmedAction,
    'myStories.changedMeanwhile'
  >('myStories.changedMeanwhile');

  // An action usually takes away the button that started it: focus goes to the story's heading
  // instead of falling back to the page, so a keyboard user stays in the list.
  const shownStatus = useRef(story.status);
  useEffect(() => {
    if (shownStatus.current === story.status) return;
    shownStatus.current = story.status;
    heading.current?.focus();
  }, [story.status]);

  function act(action: ConfirmedAction) {
    return run(
      () => (action === 'withdraw' ? api.withdrawStory(story.id) : api.archiveStory(story.id)),
      (changed) => {
        notify({ title: t(`myStories.done.${action}`), intent: 'success' });
        onChanged(changed);
      },
      // Someone (the approver) decided first: show the story as it is now.
      () => void api.story(story.id).then(onChanged, () => undefined),
    );
  }

  const commentLabel = commentLabelFor(story);
  const actions = actionsFor(story.status);
  const published = story.status === 'published' || story.status === 'archived';
  const date = published ? (story.publishedAt ?? story.createdAt) : story.createdAt;

  return (
    <li
      // "Show more" puts keyboard focus on the first story it added.
      data-item-id={story.id}
      tabIndex={-1}
      className={styles.item}
      data-testid="my-story"
      data-story-id={story.id}
      data-status={story.status}
    >
      <article className={styles.article} aria-labelledby={titleId}>
        <div className={styles.header}>
          <h3
            id={titleId}
            ref={heading}
            tabIndex={-1}
            className={styles.title}
            data-testid="my-story-title"
          >
            {story.title}
          </h3>
          <StatusBadge status={story.status} data-testid="my-story-status" />
        </div>
        <StoryMeta story={story}>
          <Caption1>
            <time dateTime={date}>
              {t(published ? 'myStories.publishedOn' : 'myStories.sharedOn', {
                date: formatDate(date, language),
              })}
            </time>
          </Caption1>
          <StoryOpenLink
            story={story}
            titleId={titleId}
            label={t('myStories.open')}
            onOpen={onOpen}
            onPrepareOpen={onPrepareOpen}
            data-testid="my-story-open"
          />
        </StoryMeta>

        {commentLabel ? (
          <MessageBar
            intent={story.status === 'changes_requested' ? 'warning' : 'info'}
            layout="multiline"
            data-testid="my-story-comment"
          >
            <MessageBarBody>
              <MessageBarTitle>{t(commentLabel)}</MessageBarTitle>
              <span className={styles.comment}>{story.decisionComment}</span>
            </MessageBarBody>
          </MessageBar>
        ) : null}

        <p className={styles.excerpt}>{story.situation}</p>

        {error ? (
          <MessageBar intent="error" data-testid="my-story-error">
            <MessageBarBody>{t(error)}</MessageBarBody>
          </MessageBar>
        ) : null}

        {actions.length > 0 ? (
          <div className={styles.actions}>
            {actions.includes('resubmit') ? (
              <Button
                appearance="primary"
                disabled={busy}
                aria-describedby={titleId}
                onPointerEnter={onPrepareEdit}
                onFocus={onPrepareEdit}
                onClick={() => onEdit(story)}
                data-testid="my-story-edit"
              >
                {t('myStories.edit')}
              </Button>
            ) : null}
            {actions.includes('withdraw') ? (
              <Button
                appearance="secondary"
                disabled={busy}
                aria-describedby={titleId}
                onClick={() => setConfirm('withdraw')}
                data-testid="my-story-withdraw"
              >
                {t('myStories.withdraw')}
              </Button>
            ) : null}
            {actions.includes('archive') ? (
              <Button
                appearance="secondary"
                disabled={busy}
                aria-describedby={titleId}
                onClick={() => setConfirm('archive')}
                data-testid="my-story-archive"
              >
                {t('myStories.archive')}
              </Button>
            ) : null}
            {busy ? <Spinner size="tiny" /> : null}
          </div>
        ) : null}
      </article>

      {confirm ? (
        <ConfirmDialog
          title={t(`myStories.confirm.${confirm}.title`)}
          body={t(`myStories.confirm.${confirm}.body`, { title: story.title })}
          confirmLabel={t(`myStories.confirm.${confirm}.confirm`)}
          cancelLabel={t(`myStories.confirm.${confirm}.cancel`)}
          busy={busy}
          onConfirm={() => void act(confirm)}
          onCancel={() => setConfirm(undefined)}
          testId={`confirm-${confirm}`}
        />
      ) : null}
    </li>
  );
}

import {
  Avatar,
  Badge,
  Button,
  Caption1,
  Link,
  Spinner,
  Text,
  mergeClasses,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import { CATEGORIES, type StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey } from '../../errors.js';
import { formatDate, personName } from '../../format.js';
import { useStoryCardStyles } from './StoryCard.styles.js';
import { StoryContent } from './StoryContent.js';
import { useT } from '../../hooks/useT.js';

export interface StoryCardProps {
  story: StoryDto;
  /** Called with the story the API returns after a vote. */
  onChange: (story: StoryDto) => void;
  /** Opens the detail view. */
  onOpen: (story: StoryDto) => void;
}

type VoteState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'voted'; messageKey: 'story.thanks' | 'errors.already_voted' }
  | { kind: 'failed'; messageKey: ReturnType<typeof errorKey> };

/** Localized category name; a category the tab does not know is shown as sent. */
export function useCategoryLabel(): (category: string) => string {
  const t = useT();
  return (category) =>
    (CATEGORIES as readonly string[]).includes(category)
      ? t(`category.${category as (typeof CATEGORIES)[number]}`)
      : category;
}

/** One story on the wall, with its vote button. */
export function StoryCard({ story, onChange, onOpen }: StoryCardProps) {
  const styles = useStoryCardStyles();
  const t = useT();
  const { api, me, language } = useAppContext();
  const categoryLabel = useCategoryLabel();
  const titleId = useId('story-title');
  const hintId = useId('vote-hint');
  const voteId = useId('vote');
  const [vote, setVote] = useState<VoteState>({ kind: 'idle' });

  const own = me !== undefined && story.author.id === me.id;
  // No count when the tenant's privacy mode hides it from this reader: the button alone.
  const votes =
    story.voteCount === undefined ? undefined : t('story.votes', { count: story.voteCount });
  const date = story.publishedAt ?? story.createdAt;

  async function castVote() {
    setVote({ kind: 'busy' });
    try {
      onChange(await api.vote(story.id));
      setVote({ kind: 'voted', messageKey: 'story.thanks' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_voted') {
        setVote({ kind: 'voted', messageKey: 'errors.already_voted' });
      } else {
        setVote({ kind: 'failed', messageKey: errorKey(error) });
      }
    }
  }

  const voted = vote.kind === 'voted';
  const message =
    vote.kind === 'voted' || vote.kind === 'failed'
      ? t(vote.messageKey)
      : own
        ? t('story.ownStory')
        : '';

  return (
    <article
      className={styles.card}
      aria-labelledby={titleId}
      data-testid="story-card"
      data-story-id={story.id}
    >
      <div className={styles.meta}>
        <Badge appearance="tint" color="brand" data-testid="story-category">
          {categoryLabel(story.category)}
        </Badge>
        <Badge appearance="outline" color="informative" data-testid="story-team">
          {story.team}
        </Badge>
        <Caption1 as="span" className={styles.date}>
          <time dateTime={date} data-testid="story-date">
            {formatDate(date, language)}
          </time>
        </Caption1>
      </div>

      <h3 id={titleId} className={styles.title} data-testid="story-title">
        {story.title}
      </h3>

      <StoryContent story={story} clamped />

      <Link
        as="button"
        className={styles.readMore}
        aria-describedby={titleId}
        onClick={() => onOpen(story)}
        data-testid="story-open"
      >
        {t('story.readMore')}
      </Link>

      <div className={styles.footer}>
        <div className={styles.author} data-testid="story-author">
          <Avatar name={personName(story.author, t)} size={28} color="colorful" aria-hidden />
          <Caption1>{t('story.sharedBy', { name: personName(story.author, t) })}</Caption1>
        </div>
        <span className={styles.spacer} />
        <Button
          appearance={voted ? 'primary' : 'secondary'}
          size="small"
          disabledFocusable={own || voted}
          disabled={vote.kind === 'busy' || me === undefined}
          id={voteId}
          {...(votes === undefined
            ? { 'aria-labelledby': `${voteId} ${titleId}` }
            : { 'aria-label': t('story.voteLabel', { title: story.title, votes }) })}
          aria-describedby={message ? hintId : undefined}
          icon={vote.kind === 'busy' ? <Spinner size="extra-tiny" /> : null}
          onClick={() => void castVote()}
          data-testid="story-vote"
        >
          {voted ? t('story.voted') : t('story.vote')}
        </Button>
        {votes === undefined ? null : (
          <Text size={200} className={styles.votes} aria-hidden data-testid="story-votes">
            {votes}
          </Text>
        )}
        {message ? (
          <Caption1
            id={hintId}
            role={own ? undefined : 'status'}
            className={mergeClasses(styles.voteMessage, vote.kind === 'failed' && styles.voteError)}
            data-testid="story-vote-message"
          >
            {message}
          </Caption1>
        ) : null}
      </div>
    </article>
  );
}

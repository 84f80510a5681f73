import { Avatar, Badge, Caption1, Link, useId } from '@fluentui/react-components';
import { CATEGORIES, type MyReactionDto, type StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatDate, personName } from '../../format.js';
import { StoryReactions } from '../StoryReactions/StoryReactions.js';
import { useStoryCardStyles } from './StoryCard.styles.js';
import { StoryContent } from './StoryContent.js';
import { useT } from '../../hooks/useT.js';

export interface StoryCardProps {
  story: StoryDto;
  /** The reader's own reactions to it, once the API told them. */
  mine?: MyReactionDto | undefined;
  /** Called with the story the API returns after a reaction. */
  onChange: (story: StoryDto) => void;
  /** Opens the detail view. */
  onOpen: (story: StoryDto) => void;
}

/** Localized category name; a category the tab does not know is shown as sent. */
export function useCategoryLabel(): (category: string) => string {
  const t = useT();
  return (category) =>
    (CATEGORIES as readonly string[]).includes(category)
      ? t(`category.${category as (typeof CATEGORIES)[number]}`)
      : category;
}

/** One story on the wall, with its reactions (vote, "I learned from this"). */
export function StoryCard({ story, mine, onChange, onOpen }: StoryCardProps) {
  const styles = useStoryCardStyles();
  const t = useT();
  const { language } = useAppContext();
  const categoryLabel = useCategoryLabel();
  const titleId = useId('story-title');
  const date = story.publishedAt ?? story.createdAt;

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
        <StoryReactions story={story} mine={mine} titleId={titleId} onChange={onChange} />
      </div>
    </article>
  );
}

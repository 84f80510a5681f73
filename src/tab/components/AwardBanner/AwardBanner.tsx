import { Caption1, Link, useId } from '@fluentui/react-components';
import { TrophyRegular } from '@fluentui/react-icons';
import type { StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatMonth, personName } from '../../format.js';
import { useT } from '../../hooks/useT.js';
import { useAwardBannerStyles } from './AwardBanner.styles.js';
import { useLatestAward } from './useLatestAward.js';

export interface AwardBannerProps {
  /** Changing it asks for the newest winner again (after an editor has chosen one). */
  reloadKey: number;
  /** Opens the story's detail view. */
  onOpen: (story: StoryDto) => void;
}

/**
 * The newest story of the month above the wall (journey 8); nothing until there is a winner. It
 * loads alongside the first wall page and never holds it up.
 */
export function AwardBanner({ reloadKey, onOpen }: AwardBannerProps) {
  const styles = useAwardBannerStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const award = useLatestAward(api, reloadKey);
  const labelId = useId('award-banner-label');
  if (!award) return null;

  const open = () => onOpen(award.story);
  return (
    <section
      className={styles.root}
      aria-labelledby={labelId}
      // The title is the keyboard's way in (a button: Enter and Space); a click anywhere opens too.
      onClick={open}
      data-testid="award-banner"
      data-story-id={award.story.id}
      data-month={award.month}
    >
      <TrophyRegular className={styles.icon} aria-hidden />
      <h2 id={labelId} className={styles.label} data-testid="award-banner-month">
        {t('awards.bannerLabel', { month: formatMonth(award.month, language) })}
      </h2>
      <Link
        as="button"
        className={styles.title}
        onClick={(event) => {
          event.stopPropagation();
          open();
        }}
        data-testid="award-banner-title"
      >
        {award.story.title}
      </Link>
      <Caption1 className={styles.author} data-testid="award-banner-author">
        {t('story.sharedBy', { name: personName(award.story.author, t) })}
      </Caption1>
      {award.citation ? (
        <p className={styles.citation} data-testid="award-banner-citation">
          {t('awards.quoted', { text: award.citation })}
        </p>
      ) : null}
    </section>
  );
}

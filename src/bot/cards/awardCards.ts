import type { Locale, Story } from '../../domain/index.js';
import { authorNameOf, translator } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { citation, featuredLine, lessonBox, toldBy, storyTitle } from './blocks.js';
import { hiddenStoryCard } from './channelStoryCard.js';

export interface AwardCardModel {
  /** The winning story as it is now. */
  readonly story: Story;
  /** `YYYY-MM`, the month it won. */
  readonly month: string;
  /** Why the editors chose it, if they said. */
  readonly citation?: string;
  /**
   * Whether the story is still the month's winner: an editor may choose another story for the
   * month afterwards, and the posted announcement then says so instead of claiming the title.
   */
  readonly current: boolean;
}

/**
 * The story of the month as the company channel sees it (journey 8): the month in the card's
 * language, the story's title, author and lesson, the people it features that everyone may see
 * named, and the editors' citation. The same card is shown to everyone. A story taken down by an
 * editor shows nothing of it; one no longer published (archived) says so.
 */
export function awardChannelCard(model: AwardCardModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { story } = model;
  if (story.status === 'hidden') return hiddenStoryCard(locale);
  const month = monthName(model.month, locale);
  return adaptiveCard([
    textBlock(t(model.current ? 'award.kicker' : 'award.replaced', { month }), {
      weight: 'Bolder',
      color: model.current ? 'Accent' : 'Default',
      isSubtle: !model.current,
    }),
    storyTitle(story),
    toldBy(story, t),
    ...(story.status === 'published'
      ? []
      : [textBlock(t(`status.${story.status}`), { weight: 'Bolder' })]),
    ...featuredLine(story, t),
    ...citation(model.citation, t),
    lessonBox(story.lesson, t),
    textBlock(t('award.thanks'), { isSubtle: true, spacing: 'Medium' }),
  ]);
}

export interface AwardNoticeModel {
  readonly story: Story;
  /** `YYYY-MM`, the month it won. */
  readonly month: string;
  readonly citation?: string;
  /** Who is told: the story's author, or a colleague it features. */
  readonly role: 'author' | 'featured';
}

/**
 * Tells the author, or a colleague the story features, that the story is the story of the month
 * (journey 8), in their own language.
 */
export function awardNoticeCard(model: AwardNoticeModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { story } = model;
  const title = escapeMarkdown(story.title);
  const month = monthName(model.month, locale);
  return adaptiveCard([
    heading(t('award.noticeTitle', { month })),
    textBlock(
      model.role === 'author'
        ? t('award.noticeAuthor', { title, month })
        : t('award.noticeFeatured', {
            title,
            month,
            author: escapeMarkdown(authorNameOf(story, t)),
          }),
    ),
    ...citation(model.citation, t),
    textBlock(t('award.thanks'), { isSubtle: true, spacing: 'Medium' }),
  ]);
}

/** `YYYY-MM` as the card's language names it ("March 2026", "maaliskuu 2026"), month of UTC. */
export function monthName(month: string, locale: Locale): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

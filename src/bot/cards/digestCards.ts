import type {
  DigestPeriod,
  Locale,
  MonthlySummary,
  Story,
  WeeklyDigest,
} from '../../domain/index.js';
import { authorNameOf, translator, type Translate } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import {
  adaptiveCard,
  heading,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';

/**
 * The weekly digest as the company channel sees it: the week's most-voted stories (in privacy
 * mode the newest, without counts), each with its teller, team and lesson. Read-only: a vote is
 * cast on the story's own card or on the wall, so nothing here can be pressed.
 */
export function weeklyDigestCard(digest: WeeklyDigest, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const period = periodText(digest.period, locale);
  return adaptiveCard([
    heading(t('digest.weeklyTitle')),
    textBlock(t(digest.byVotes ? 'digest.weeklyByVotes' : 'digest.weeklyNewest', { period }), {
      isSubtle: true,
      spacing: 'None',
    }),
    ...digest.stories.map((story) => storyItem(story, digest.byVotes, t)),
    ...more(digest.published - digest.stories.length, t),
  ]);
}

/**
 * A team lead's monthly summary, in a personal chat: how many stories their direct reports
 * published in the month, and each (most votes first, or newest in privacy mode) with its votes
 * and lesson. Says why the lead gets it.
 */
export function monthlySummaryCard(summary: MonthlySummary, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const period = periodText(summary.period, locale);
  return adaptiveCard([
    heading(t('digest.monthlyTitle')),
    textBlock(t('digest.monthlyIntro', { count: summary.published, period })),
    ...summary.stories.map((story) => storyItem(story, summary.byVotes, t)),
    ...more(summary.published - summary.stories.length, t),
    textBlock(t('digest.monthlyWhy'), { isSubtle: true, size: 'Small', spacing: 'Large' }),
  ]);
}

function storyItem(story: Story, showVotes: boolean, t: Translate): CardElement {
  const teller = t('digest.toldBy', {
    author: escapeMarkdown(authorNameOf(story, t)),
    team: escapeMarkdown(story.team),
  });
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      textBlock(escapeMarkdown(story.title), { weight: 'Bolder', size: 'Medium' }),
      textBlock(
        showVotes ? `${teller} · ${t('digest.votes', { count: story.voteCount })}` : teller,
        {
          isSubtle: true,
          spacing: 'None',
        },
      ),
      textBlock(t('digest.lesson', { lesson: escapeMarkdown(story.lesson) }), {
        spacing: 'Small',
      }),
    ],
  };
}

function more(count: number, t: Translate): CardElement[] {
  return count > 0 ? [textBlock(t('digest.more', { count }), { spacing: 'Medium' })] : [];
}

/** The period's first and last day in the tenant's time zone, in the card's language. */
function periodText(period: DigestPeriod, locale: Locale): string {
  const dates = new Intl.DateTimeFormat(locale, {
    timeZone: period.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return dates.formatRange(period.from, period.to);
}

import type { Award, Insights, Story, User } from '../domain/index.js';
import type { AwardDto, DevUserDto, InsightsDto, StoryDto } from '../shared/dto.js';

/** The wire form of a story. */
export function presentStory(story: Story): StoryDto {
  return {
    id: story.id,
    title: story.title,
    situation: story.situation,
    action: story.action,
    outcome: story.outcome,
    lesson: story.lesson,
    team: story.team,
    category: story.category,
    featured: story.featured.map((p) => ({ id: p.id, displayName: p.displayName })),
    ...(story.customerQuote ? { customerQuote: story.customerQuote } : {}),
    ...(story.sourceUrl ? { sourceUrl: story.sourceUrl } : {}),
    consent: story.consent,
    locale: story.locale,
    author: { id: story.authorId, displayName: story.authorName },
    status: story.status,
    approverId: story.approverId,
    ...(story.decisionComment ? { decisionComment: story.decisionComment } : {}),
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    ...(story.publishedAt ? { publishedAt: story.publishedAt.toISOString() } : {}),
    voteCount: story.voteCount,
  };
}

/** A person as the user switcher and the people picker show them. */
export function presentUser(user: User): DevUserDto {
  return { id: user.id, displayName: user.displayName, roles: [...user.roles] };
}

/** The wire form of the insight counts. */
export function presentInsights(insights: Insights): InsightsDto {
  return {
    from: insights.from,
    to: insights.to,
    total: insights.total,
    months: insights.months.map(({ month, count }) => ({ month, count })),
    teams: insights.teams.map(({ team, count }) => ({ team, count })),
    categories: insights.categories.map(({ category, count }) => ({ category, count })),
  };
}

/** The wire form of a month's winner. */
export function presentAward(award: Award): AwardDto {
  return {
    month: award.month,
    story: presentStory(award.story),
    awardedBy: { id: award.awardedBy.id, displayName: award.awardedBy.displayName },
    awardedAt: award.awardedAt.toISOString(),
    ...(award.citation !== undefined ? { citation: award.citation } : {}),
  };
}

import type { DigestKind } from './digestSchedule.js';
import { isPseudonym } from './pseudonyms.js';
import type { Story } from './story.js';
import type { DirectoryPerson } from './workflowPorts.js';

/*
 * What the digests say (journeys 5 and 11): pure functions of the stories published in a period.
 * The weekly digest goes to the company channel; the monthly summary goes to each team lead,
 * where a team lead is the directory manager of a story's author: each manager gets the
 * published stories of their direct reports.
 */

/**
 * The scheduler's entries (in place of a story id) of a tenant's digests. Two jobs rather than
 * one: each has its own day and time, so each is booked, claimed, recorded in the history and
 * rescheduled on its own, and changing one schedule leaves the other's booking alone. Not story
 * ids: ids never start with `~`.
 */
export const DIGEST_JOBS: Readonly<Record<DigestKind, string>> = {
  weekly: '~digest.weekly',
  monthly: '~digest.monthly',
};

/** The digest a scheduler entry runs; null for a story or another job. */
export function digestOfJob(storyId: string): DigestKind | null {
  if (storyId === DIGEST_JOBS.weekly) return 'weekly';
  if (storyId === DIGEST_JOBS.monthly) return 'monthly';
  return null;
}

/** Stories in the weekly digest at most. */
export const WEEKLY_DIGEST_MAX = 5;

/** The stories one team lead's summary lists at most; a card must stay small. */
export const MONTHLY_SUMMARY_MAX = 15;

/** What a digest covers: stories published from `from` (inclusive) to `to` (exclusive). */
export interface DigestPeriod {
  readonly from: Date;
  readonly to: Date;
  /** The tenant's digest time zone, in which the period's dates are shown. */
  readonly timeZone: string;
}

/**
 * The weekly digest: the period's most-voted published stories (a tie: the earlier published
 * first), or in privacy mode, where nothing is ranked by votes, the newest, without counts.
 */
export interface WeeklyDigest {
  readonly period: DigestPeriod;
  /** At most `WEEKLY_DIGEST_MAX`, in the order shown. */
  readonly stories: readonly Story[];
  /** How many stories were published in the period, all told. */
  readonly published: number;
  /** Most votes first (and counts shown); false in privacy mode: newest first, no counts. */
  readonly byVotes: boolean;
}

/** One team lead's monthly summary: their direct reports' stories of the period. */
export interface MonthlySummary {
  readonly lead: DirectoryPerson;
  readonly period: DigestPeriod;
  /** At most `MONTHLY_SUMMARY_MAX`, in the order shown. */
  readonly stories: readonly Story[];
  /** How many of the team's stories were published in the period, all told. */
  readonly published: number;
  /** As for the weekly digest. */
  readonly byVotes: boolean;
}

/** Whether the story was published within the period and is still on the wall. */
export function publishedIn(story: Story, period: DigestPeriod): boolean {
  const at = story.publishedAt?.getTime();
  return (
    story.status === 'published' &&
    at !== undefined &&
    at >= period.from.getTime() &&
    at < period.to.getTime()
  );
}

const publishedAt = (story: Story) => story.publishedAt?.getTime() ?? 0;
const byId = (a: Story, b: Story) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Most votes first (a tie: the earlier published), or newest first; always a total order. */
function ordered(stories: readonly Story[], byVotes: boolean): Story[] {
  return [...stories].sort(
    byVotes
      ? (a, b) => b.voteCount - a.voteCount || publishedAt(a) - publishedAt(b) || byId(a, b)
      : (a, b) => publishedAt(b) - publishedAt(a) || byId(a, b),
  );
}

/** The weekly digest of `stories` (any; those of the period are chosen here). */
export function weeklyDigestOf(
  stories: readonly Story[],
  period: DigestPeriod,
  byVotes: boolean,
): WeeklyDigest {
  const inPeriod = stories.filter((story) => publishedIn(story, period));
  return {
    period,
    stories: ordered(inPeriod, byVotes).slice(0, WEEKLY_DIGEST_MAX),
    published: inPeriod.length,
    byVotes,
  };
}

/**
 * The authors whose team lead the monthly summaries need: those of the period's stories, each
 * once; an erased author (kept as a pseudonym) has no manager to ask.
 */
export function authorsOf(stories: readonly Story[], period: DigestPeriod): string[] {
  const ids = stories
    .filter((story) => publishedIn(story, period) && !isPseudonym(story.authorId))
    .map((story) => story.authorId);
  return [...new Set(ids)];
}

/**
 * One summary per team lead: the period's stories of the authors whose manager they are
 * (`managers`: author id → manager, null for none), leads in order of name. An author without
 * a manager is in nobody's summary; nobody gets an empty one.
 */
export function monthlySummariesOf(
  stories: readonly Story[],
  period: DigestPeriod,
  managers: ReadonlyMap<string, DirectoryPerson | null>,
  byVotes: boolean,
): MonthlySummary[] {
  const teams = new Map<string, { lead: DirectoryPerson; stories: Story[] }>();
  for (const story of stories) {
    if (!publishedIn(story, period)) continue;
    const lead = managers.get(story.authorId);
    if (!lead) continue;
    const team = teams.get(lead.id) ?? { lead, stories: [] };
    team.stories.push(story);
    teams.set(lead.id, team);
  }
  return [...teams.values()]
    .sort(
      (a, b) =>
        a.lead.displayName.localeCompare(b.lead.displayName) ||
        (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0),
    )
    .map(({ lead, stories: team }) => ({
      lead,
      period,
      stories: ordered(team, byVotes).slice(0, MONTHLY_SUMMARY_MAX),
      published: team.length,
      byVotes,
    }));
}

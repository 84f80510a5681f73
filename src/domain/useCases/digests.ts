import {
  isDigestRun,
  nextDigestRun,
  previousDigestRun,
  type DigestKind,
} from '../digestSchedule.js';
import {
  authorsOf,
  DIGEST_JOBS,
  monthlySummariesOf,
  publishedIn,
  weeklyDigestOf,
  type DigestPeriod,
  type MonthlySummary,
  type WeeklyDigest,
} from '../digests.js';
import { DomainError } from '../errors.js';
import { DEFAULT_DIGESTS, type DigestSettings, type TenantSettings } from '../policy.js';
import type {
  Clock,
  DigestDelivery,
  Directory,
  DirectoryPerson,
  DueIndex,
  JobHistory,
  JobRun,
  Logger,
  ScheduledJob,
  SettingsStore,
  WallIndex,
} from '../ports.js';
import { ranksByVotes } from '../privacy.js';
import { tenantSettings } from '../roles.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';

/** What the digest runs and the history of scheduled jobs need. */
export interface DigestDeps {
  /**
   * The settings as saved, not a cached copy: a run that read an old schedule would drop an
   * entry booked by a newer one.
   */
  readonly settings: Pick<SettingsStore, 'getTenantSettings' | 'getPublicationChannel'>;
  readonly wall: Pick<WallIndex, 'page'>;
  /** Team leads: the managers of the stories' authors. */
  readonly directory: Pick<Directory, 'manager'>;
  readonly due: Pick<DueIndex, 'put'>;
  readonly history: JobHistory;
  readonly delivery: DigestDelivery;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A job's next run, as the tenant's settings say now. */
export interface UpcomingRun {
  readonly job: ScheduledJob;
  readonly at: Date;
}

/** The tenant's history of scheduled jobs, and when each job that is on runs next. */
export interface ScheduledJobs {
  readonly runs: readonly JobRun[];
  readonly upcoming: readonly UpcomingRun[];
}

const KINDS: readonly DigestKind[] = ['weekly', 'monthly'];
const JOB_OF: Readonly<Record<DigestKind, ScheduledJob>> = {
  weekly: 'digest.weekly',
  monthly: 'digest.monthly',
};
/** Runs the history shows, the most recently scheduled first. */
export const JOB_HISTORY_MAX = 50;
/** Wall pages read for one digest at most (100 stories each): bounds a run's work. */
const MAX_WALL_PAGES = 20;
/** Team leads looked up in the directory at once. */
const DIRECTORY_BATCH = 10;

/** The tenant's digest settings; a document from before digests existed: the defaults (off). */
export function digestsOf(settings: Pick<TenantSettings, 'digests'>): DigestSettings {
  return settings.digests ?? DEFAULT_DIGESTS;
}

/**
 * Books the next run of each digest that is on, from `now`: what saving the settings does. A
 * booking already there is kept (the time index ignores a repeat); one left by an earlier schedule
 * is skipped when it comes due (`runDigest` checks it against the settings).
 */
export async function bookDigests(
  due: Pick<DueIndex, 'put'>,
  tenantId: string,
  digests: DigestSettings,
  now: Date,
): Promise<void> {
  await Promise.all(
    KINDS.filter((kind) => digests[kind].enabled).map((kind) =>
      due.put({ tenantId, storyId: DIGEST_JOBS[kind] }, nextDigestRun(kind, digests, now)),
    ),
  );
}

/**
 * One run of a tenant's digest, for the occurrence `scheduledFor` (the scheduler's entry). An
 * entry the settings no longer hold (the digest turned off, its day, time or zone changed) is
 * skipped. Otherwise it books the next run first, reads what to send — the weekly digest of the
 * week before `scheduledFor`, or one summary per team lead of the month before — and records the
 * run in the history before sending anything: that record is created once per tenant, job and
 * occurrence, so of two instances (or a retry after a crash) only one sends. Then it sends — the
 * weekly digest to the publication channel, each summary to its lead in chat; nothing when the
 * period has no stories — and records how it went. A failure before the record (storage or the
 * directory unavailable) throws, and the scheduler tries again; a failed send is counted, not
 * retried. Returns the run as recorded, or null when there was nothing to run.
 */
export async function runDigest(
  deps: DigestDeps,
  tenantId: string,
  kind: DigestKind,
  scheduledFor: Date,
): Promise<JobRun | null> {
  const { value: settings } = await tenantSettings(deps.settings, tenantId);
  const digests = digestsOf(settings);
  if (!digests[kind].enabled || !isDigestRun(kind, digests, scheduledFor)) {
    deps.logger.info({ tenantId, kind, scheduledFor }, 'digest no longer scheduled; entry dropped');
    return null;
  }
  const now = deps.clock.now();
  const after = new Date(Math.max(now.getTime(), scheduledFor.getTime()));
  await deps.due.put({ tenantId, storyId: DIGEST_JOBS[kind] }, nextDigestRun(kind, digests, after));

  const period: DigestPeriod = {
    from: previousDigestRun(kind, digests, scheduledFor),
    to: scheduledFor,
    timeZone: digests.timeZone,
  };
  const stories = await publishedSince(deps.wall, tenantId, period.from);
  const byVotes = ranksByVotes(settings);
  const started = { tenantId, job: JOB_OF[kind], scheduledFor, startedAt: now } as const;
  const run =
    kind === 'weekly'
      ? await sendWeekly(deps, started, weeklyDigestOf(stories, period, byVotes))
      : await sendMonthly(deps, started, await summaries(deps, tenantId, stories, period, byVotes));
  if (run) {
    deps.logger.info(
      { tenantId, job: run.job, outcome: run.outcome, stories: run.stories },
      'digest run',
    );
  }
  return run;
}

type Started = Pick<JobRun, 'tenantId' | 'job' | 'scheduledFor' | 'startedAt'>;

async function sendWeekly(
  deps: DigestDeps,
  started: Started,
  digest: WeeklyDigest,
): Promise<JobRun | null> {
  const channel =
    digest.stories.length > 0 ? await deps.settings.getPublicationChannel(started.tenantId) : null;
  const run: JobRun = {
    ...started,
    outcome: 'running',
    stories: digest.stories.length,
    recipients: channel ? 1 : 0,
    delivered: 0,
    unreachable: 0,
    failed: 0,
    titles: digest.stories.map((story) => story.title),
  };
  const etag = await deps.history.start(run);
  if (etag === null) return null;
  let ended: JobRun;
  if (digest.stories.length === 0) ended = { ...run, outcome: 'no_stories' };
  else if (!channel) ended = { ...run, outcome: 'no_channel' };
  else {
    try {
      await deps.delivery.toChannel(channel, digest);
      ended = { ...run, outcome: 'sent', delivered: 1 };
    } catch (error) {
      deps.logger.warn({ err: error, tenantId: run.tenantId }, 'weekly digest not posted');
      ended = { ...run, outcome: 'failed', failed: 1 };
    }
  }
  return finish(deps, ended, etag);
}

async function sendMonthly(
  deps: DigestDeps,
  started: Started,
  found: { summaries: MonthlySummary[]; published: number },
): Promise<JobRun | null> {
  const { summaries } = found;
  const run: JobRun = {
    ...started,
    outcome: 'running',
    stories: summaries.reduce((sum, summary) => sum + summary.published, 0),
    recipients: summaries.length,
    delivered: 0,
    unreachable: 0,
    failed: 0,
    titles: [],
  };
  const etag = await deps.history.start(run);
  if (etag === null) return null;
  let delivered = 0;
  let unreachable = 0;
  let failed = 0;
  for (const summary of summaries) {
    try {
      if (await deps.delivery.toLead(run.tenantId, summary)) delivered++;
      else unreachable++;
    } catch (error) {
      deps.logger.warn(
        { err: error, tenantId: run.tenantId, leadId: summary.lead.id },
        'monthly summary not sent',
      );
      failed++;
    }
  }
  const outcome: JobRun['outcome'] =
    found.published === 0
      ? 'no_stories'
      : delivered > 0
        ? 'sent'
        : failed > 0
          ? 'failed'
          : 'unreachable';
  return finish(deps, { ...run, outcome, delivered, unreachable, failed }, etag);
}

async function finish(deps: DigestDeps, run: JobRun, etag: string): Promise<JobRun> {
  const ended: JobRun = { ...run, finishedAt: deps.clock.now() };
  await deps.history.finish(ended, etag);
  return ended;
}

/**
 * Each team lead's summary: the managers of the period's authors, asked of the directory a few
 * at a time. The directory not answering throws (before anything is recorded or sent), so the
 * scheduler runs the summaries again later rather than leaving teams out.
 */
async function summaries(
  deps: DigestDeps,
  tenantId: string,
  stories: readonly Story[],
  period: DigestPeriod,
  byVotes: boolean,
): Promise<{ summaries: MonthlySummary[]; published: number }> {
  const authors = authorsOf(stories, period);
  const managers = new Map<string, DirectoryPerson | null>();
  for (let i = 0; i < authors.length; i += DIRECTORY_BATCH) {
    const batch = authors.slice(i, i + DIRECTORY_BATCH);
    const found = await Promise.all(batch.map((id) => deps.directory.manager(tenantId, id)));
    batch.forEach((id, index) => managers.set(id, found[index] ?? null));
  }
  return {
    summaries: monthlySummariesOf(stories, period, managers, byVotes),
    published: stories.filter((story) => publishedIn(story, period)).length,
  };
}

/**
 * The tenant's published stories from `from` on, newest first: wall pages until one reaches back
 * past `from` (the wall is in order of publication), at most `MAX_WALL_PAGES`.
 */
async function publishedSince(
  wall: Pick<WallIndex, 'page'>,
  tenantId: string,
  from: Date,
): Promise<Story[]> {
  const found: Story[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_WALL_PAGES; page++) {
    const result = await wall.page({
      tenantId,
      limit: 100,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    for (const story of result.items) {
      if ((story.publishedAt?.getTime() ?? 0) < from.getTime()) return found;
      found.push(story);
    }
    if (result.nextCursor === null) break;
    cursor = result.nextCursor;
  }
  return found;
}

/**
 * The tenant's history of scheduled jobs, the most recently scheduled first (at most
 * `JOB_HISTORY_MAX`), and the next run of each digest that is on. Admins only.
 */
export async function listScheduledJobs(deps: DigestDeps, actor: Actor): Promise<ScheduledJobs> {
  if (!hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only admins see the scheduled jobs.');
  }
  const [runs, { value: settings }] = await Promise.all([
    deps.history.list(actor.tenantId, JOB_HISTORY_MAX),
    tenantSettings(deps.settings, actor.tenantId),
  ]);
  const digests = digestsOf(settings);
  const now = deps.clock.now();
  return {
    runs,
    upcoming: KINDS.filter((kind) => digests[kind].enabled).map((kind) => ({
      job: JOB_OF[kind],
      at: nextDigestRun(kind, digests, now),
    })),
  };
}

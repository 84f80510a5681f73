import type { MonthlySummary, WeeklyDigest } from './digests.js';
import type { PublicationChannel } from './ports.js';

/*
 * The ports of a tenant's scheduled jobs (the digests): where their runs are recorded, and how
 * the digests reach people. See `useCases/digests.ts`.
 */

/** A tenant-level job of the scheduler whose runs are recorded. */
export type ScheduledJob = 'digest.weekly' | 'digest.monthly';

/**
 * How a run ended: `running` until it is recorded as ended (a run cut short by a crash stays so);
 * `sent` to the channel, or to at least one team lead; `no_stories` published in the period, so
 * nothing was sent; `no_channel` chosen for the weekly digest; `unreachable`, no team lead the bot
 * can message; `failed`, every send was refused or failed.
 */
export type JobOutcome =
  'running' | 'sent' | 'no_stories' | 'no_channel' | 'unreachable' | 'failed';

/** One run of a scheduled job, as the tenant's history of scheduled jobs keeps it. */
export interface JobRun {
  readonly tenantId: string;
  readonly job: ScheduledJob;
  /** The occurrence of the schedule it ran for; one run per tenant, job and occurrence. */
  readonly scheduledFor: Date;
  readonly startedAt: Date;
  readonly finishedAt?: Date;
  readonly outcome: JobOutcome;
  /** The stories the digest held: the weekly digest's, or every team lead's summary's. */
  readonly stories: number;
  /** Where it was meant to go: 1 (the channel) weekly, the team leads monthly. */
  readonly recipients: number;
  /** Of those, how many it reached. */
  readonly delivered: number;
  /** Team leads the bot cannot message (it has never talked to them, and no Teams is set up). */
  readonly unreachable: number;
  /** Sends refused or failed. */
  readonly failed: number;
  /**
   * What the weekly digest showed, in order: its stories' titles. So that without a channel (local
   * mode) the history still shows what would have been sent.
   */
  readonly titles: readonly string[];
}

/**
 * The history of each tenant's scheduled jobs. `start` is also the guard that a run happens once:
 * a second start of the same tenant, job and occurrence finds it recorded.
 */
export interface JobHistory {
  /**
   * Records a run as started: the storage version of the new record, or null when a run of this
   * tenant, job and occurrence was recorded already (another instance, or an earlier attempt).
   */
  start(run: JobRun): Promise<string | null>;
  /** Records how the run ended, conditionally on the version `start` answered. */
  finish(run: JobRun, etag: string): Promise<void>;
  /** The tenant's runs, the most recently scheduled first, at most `limit`. */
  list(tenantId: string, limit: number): Promise<JobRun[]>;
}

/** How the digests reach people: the bot's cards in Teams. */
export interface DigestDelivery {
  /** Posts the weekly digest in the tenant's publication channel; throws when that fails. */
  toChannel(channel: PublicationChannel, digest: WeeklyDigest): Promise<void>;
  /**
   * Sends a team lead their monthly summary in a personal chat: false when the bot cannot reach
   * them; throws when the send fails.
   */
  toLead(tenantId: string, summary: MonthlySummary): Promise<boolean>;
}

import type { DigestKind } from './digestSchedule.js';
import {
  listScheduledJobs,
  runDigest,
  type DigestDeps,
  type ScheduledJobs,
  type UpcomingRun,
} from './useCases/digests.js';
import type { Actor } from './user.js';

/** The digests and the history of scheduled jobs, bound to their dependencies. */
export function createDigestService(deps: DigestDeps) {
  return {
    /** The scheduler's digest entry of `tenantId`, due at `scheduledFor`; see `runDigest`. */
    run: (tenantId: string, kind: DigestKind, scheduledFor: Date) =>
      runDigest(deps, tenantId, kind, scheduledFor),
    /** The history of scheduled jobs and their next runs (admins). */
    listScheduledJobs: (actor: Actor) => listScheduledJobs(deps, actor),
  };
}

export type DigestService = ReturnType<typeof createDigestService>;
export type { DigestDeps, ScheduledJobs, UpcomingRun };
export { bookDigests, digestsOf, JOB_HISTORY_MAX } from './useCases/digests.js';

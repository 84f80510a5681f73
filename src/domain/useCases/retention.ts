import type { ClosedIndex, DueIndex, Logger, SettingsStore } from '../ports.js';
import { isClosed, RETENTION_JOB } from '../projections.js';
import { tenantSettings } from '../roles.js';
import { deleteStory, type DeletionDeps } from '../storyDeletion.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Closed stories deleted in one run at most; the rest are left to the next run, due at once. */
export const RETENTION_BATCH = 50;
/** Later than any closing time: "the oldest closed story", whenever it closed. */
const END_OF_TIME = new Date('9999-12-31T00:00:00.000Z');

/** What the retention run reads and deletes. */
export type RetentionDeps = DeletionDeps & {
  readonly closed: ClosedIndex;
  readonly due: Pick<DueIndex, 'put'>;
  readonly settings: Pick<SettingsStore, 'getTenantSettings'>;
  readonly logger: Logger;
};

/**
 * The tenant's retention run (the scheduler's `RETENTION_JOB` entry): deletes the rejected and
 * withdrawn stories closed longer ago than the tenant's `deleteClosedAfterDays`, each with its
 * history, votes and posted cards (`deleteStory`), at most `RETENTION_BATCH` in a run, and books
 * the next run — at once when more may be due, otherwise when the oldest one left falls due.
 * With the setting off it does nothing and books nothing: a story closing, or an admin saving the
 * setting, books it again. Published stories are never touched. Returns how many it deleted.
 */
export async function runRetention(deps: RetentionDeps, tenantId: string): Promise<number> {
  const { value } = await tenantSettings(deps.settings, tenantId);
  const days = value.privacy?.deleteClosedAfterDays;
  if (!days) return 0;
  const keepMs = days * DAY_MS;
  const now = deps.clock.now();
  const expired = await deps.closed.closedBefore(
    tenantId,
    new Date(now.getTime() - keepMs),
    RETENTION_BATCH,
  );
  let deleted = 0;
  for (const entry of expired) {
    // Closed states are final, so a story listed here is closed; anything else is kept.
    const outcome = await deleteStory(deps, entry.ref, (story) =>
      isClosed(story) ? 'deleted' : 'kept',
    );
    if (outcome === 'deleted') deleted++;
    await deps.closed.remove(entry);
  }
  const job = { tenantId, storyId: RETENTION_JOB };
  if (expired.length === RETENTION_BATCH) {
    // A millisecond on, so that it is not the entry this run is done with (removed after it).
    await deps.due.put(job, new Date(now.getTime() + 1));
  } else {
    const [oldest] = await deps.closed.closedBefore(tenantId, END_OF_TIME, 1);
    if (oldest) await deps.due.put(job, new Date(oldest.closedAt.getTime() + keepMs));
  }
  if (deleted > 0) {
    deps.logger.info({ tenantId, deleted, days }, 'retention: closed stories deleted');
  }
  return deleted;
}

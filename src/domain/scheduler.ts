import type { Clock, DueIndex, Logger, StoryRef } from './ports.js';
import type { Story } from './story.js';

export interface SchedulerDeps {
  readonly due: DueIndex;
  /**
   * The scheduled work of one story (`runDueWork`), or of a tenant's job (its id in place of the
   * story's), for the entry due at `dueAt`; null when nothing was due after all.
   */
  readonly run: (ref: StoryRef, dueAt: Date) => Promise<Story | null>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a claimed entry is hidden from other instances. */
  readonly leaseMs?: number;
  /** Entries handled per tick. */
  readonly batch?: number;
}

export interface Scheduler {
  /** Handles what is due now; returns how many stories had work done. Never throws. */
  tick(): Promise<number>;
}

/**
 * Finds due reminders, escalations and expiries in the time index (a range read, never a scan),
 * claims each entry with a conditional write so that one instance acts on it, runs the story's
 * due work and forgets the entry. The story's own conditional write is the second guard: if two
 * instances ever both ran it, one would find nothing due. A crash leaves the claim to expire,
 * and the next tick after the lease takes it up again.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const leaseMs = deps.leaseMs ?? 60_000;
  const batch = deps.batch ?? 50;
  let running: Promise<number> | null = null;

  async function once(): Promise<number> {
    let done = 0;
    const now = deps.clock.now();
    for (const entry of await deps.due.due(now, batch)) {
      try {
        const claimed = await deps.due.claim(entry, new Date(now.getTime() + leaseMs));
        if (!claimed) continue;
        if (await deps.run(claimed.ref, claimed.at)) done++;
        await deps.due.done(claimed);
      } catch (error) {
        deps.logger.error({ err: error, ...entry.ref }, 'scheduled work failed; will retry');
      }
    }
    return done;
  }

  return {
    tick() {
      // One tick at a time per instance; a slow tick is not overlapped by the next.
      running ??= once()
        .catch((error: unknown) => {
          deps.logger.error({ err: error }, 'scheduler tick failed');
          return 0;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}

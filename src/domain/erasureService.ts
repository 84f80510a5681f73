import { spend, unlimited, type ActionLimiter } from './rateLimits.js';
import {
  erasePerson,
  purgeStoryHandler,
  resumeErasures,
  type ErasureDeps,
} from './useCases/erasure.js';
import {
  exportPersonalData,
  type ExportedStory,
  type ExportedVote,
  type PersonalDataExport,
} from './useCases/exportPersonalData.js';
import { runRetention } from './useCases/retention.js';
import type { Actor } from './user.js';

/**
 * Erasure and export of a person's data (GDPR articles 17 and 15), and the retention of closed
 * stories, bound to their dependencies; what the API and the scheduler call. Both spend the actor's configuration budget: each reads widely.
 */
export function createErasureService(deps: ErasureDeps, limits: ActionLimiter = unlimited) {
  return {
    erasePerson: async (actor: Actor, personId: string) => {
      await spend(limits, actor, 'config');
      return erasePerson(deps, actor, personId);
    },
    exportPersonalData: async (actor: Actor, personId: string) => {
      await spend(limits, actor, 'config');
      return exportPersonalData(deps, actor, personId);
    },
    /** Carries on erasures cut short (the background tick); never throws. */
    resumeErasures: () => resumeErasures(deps),
    /** The tenant's retention run (the scheduler's `RETENTION_JOB` entry); see `runRetention`. */
    runRetention: (tenantId: string) => runRetention(deps, tenantId),
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;
export type { ErasureDeps, ExportedStory, ExportedVote, PersonalDataExport };
export { purgeStoryHandler };
export { erasureActor, LEGACY_MAX_ROWS, RESUME_AFTER_MS } from './useCases/erasure.js';

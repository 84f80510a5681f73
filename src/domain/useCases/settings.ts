import { DomainError } from '../errors.js';
import type {
  ApprovalPolicy,
  AwardSettings,
  DigestSettings,
  PrivacySettings,
  RoleGrant,
  TenantSettings,
} from '../policy.js';
import type { Clock, DueIndex, SettingsStore, UserDirectory } from '../ports.js';
import { RETENTION_JOB } from '../projections.js';
import { rolesOf, tenantSettings, type RoleDeps } from '../roles.js';
import { bookDigests, digestsOf } from './digests.js';
import { checkTeamList, teamsOf } from '../teams.js';
import { hasRole, type Actor } from '../user.js';

/** What the settings use cases need. */
export interface SettingsDeps extends RoleDeps {
  readonly settings: SettingsStore;
  readonly users: UserDirectory;
  readonly clock: Clock;
  /**
   * The scheduler's time index: a save with a retention period books the tenant's run, and one
   * with a digest on books the digest's next run.
   */
  readonly due: Pick<DueIndex, 'put'>;
  /** Called after a save, e.g. to drop cached roles; must not throw. */
  readonly onSaved?: () => void;
}

/** What an admin saves: the whole document, on the version they read. */
export interface SettingsInput {
  readonly version: number;
  readonly approval: ApprovalPolicy;
  readonly roles: readonly RoleGrant[];
  /**
   * Absent: the privacy settings stay as saved; so does each optional field left out (a client
   * that does not know a setting cannot turn it off).
   */
  readonly privacy?: PrivacyInput;
  /** Absent: the digests stay as saved. */
  readonly digests?: DigestSettings;
  /** Absent: the story of the month's rule stays as saved. */
  readonly awards?: AwardSettings;
  /** Absent: the list of teams stays as saved. */
  readonly teams?: readonly string[];
}

/** The privacy settings as saved: `enabled` always, the others only when changed. */
export interface PrivacyInput {
  readonly enabled: boolean;
  readonly confirmFeatured?: boolean | undefined;
  readonly deleteClosedAfterDays?: number | null | undefined;
}

/** The tenant's settings (admins): as saved, or the defaults before the first save. */
export async function getSettings(deps: SettingsDeps, actor: Actor): Promise<TenantSettings> {
  requireAdmin(actor);
  return (await tenantSettings(deps.settings, actor.tenantId)).value;
}

/**
 * Saves the tenant's settings (admins) as the next version. The input names the version it was
 * edited from; if someone saved in between, DomainError('conflict') — reload and edit again,
 * nothing is merged silently. A save that would leave the saving admin without the admin role is
 * refused, so a tenant cannot lock itself out. Stories already waiting keep the plan they were
 * submitted under; new ones follow this version.
 */
export async function saveSettings(
  deps: SettingsDeps,
  actor: Actor,
  input: SettingsInput,
): Promise<TenantSettings> {
  requireAdmin(actor);
  const current = await tenantSettings(deps.settings, actor.tenantId);
  if (current.value.version !== input.version) {
    throw new DomainError('conflict', 'The settings were changed by someone else; reload them.', {
      version: current.value.version,
    });
  }
  const next: TenantSettings = {
    version: current.value.version + 1,
    approval: input.approval,
    roles: input.roles,
    privacy: mergedPrivacy(current.value.privacy, input.privacy),
    digests: input.digests ?? digestsOf(current.value),
    awards: {
      noRepeatWithinMonths: (input.awards ?? current.value.awards)?.noRepeatWithinMonths ?? null,
    },
    teams: input.teams !== undefined ? checkTeamList(input.teams) : teamsOf(current.value),
    updatedAt: deps.clock.now(),
    updatedBy: actor.userId,
  };
  const self = await deps.users.get(actor.tenantId, actor.userId);
  const after = await rolesOf(
    { ...deps, settings: { getTenantSettings: () => Promise.resolve({ value: next, etag: '' }) } },
    actor.tenantId,
    actor.userId,
    self?.roles ?? [],
  );
  if (!after.includes('admin')) {
    throw new DomainError('validation', 'You would no longer be an admin; keep an admin grant.', {
      field: 'roles',
    });
  }
  await deps.settings.putTenantSettings(actor.tenantId, next, current.etag);
  // Retention on (or its period changed): the run looks at once at what is now due.
  if (next.privacy?.deleteClosedAfterDays) {
    await deps.due.put(
      { tenantId: actor.tenantId, storyId: RETENTION_JOB },
      next.updatedAt ?? deps.clock.now(),
    );
  }
  // Each digest that is on: its next run, by the schedule just saved.
  await bookDigests(deps.due, actor.tenantId, digestsOf(next), next.updatedAt ?? deps.clock.now());
  deps.onSaved?.();
  return next;
}

function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new DomainError('forbidden', 'Only admins see Settings.');
}

function mergedPrivacy(
  saved: PrivacySettings | undefined,
  input: PrivacyInput | undefined,
): PrivacySettings {
  const next = input ?? saved;
  return {
    enabled: next?.enabled === true,
    confirmFeatured: (input?.confirmFeatured ?? saved?.confirmFeatured) === true,
    deleteClosedAfterDays:
      input?.deleteClosedAfterDays !== undefined
        ? input.deleteClosedAfterDays
        : (saved?.deleteClosedAfterDays ?? null),
  };
}

import { isDomainError } from './errors.js';
import { DEFAULT_SETTINGS, type GrantableRole, type TenantSettings } from './policy.js';
import type { Directory, SettingsStore, Versioned } from './ports.js';
import type { Role } from './user.js';

/** What deciding a person's roles reads. */
export interface RoleDeps {
  readonly settings: Pick<SettingsStore, 'getTenantSettings'>;
  readonly directory: Directory;
  /** `ADMIN_USER_IDS`: the first admins, before anyone has saved Settings. */
  readonly configAdmins: readonly string[];
}

/** The members of a granted group that role checks read; the directory caches them. */
export const GROUP_MEMBERS_LIMIT = 5_000;

const ORDER: readonly Role[] = ['employee', 'approver', 'editor', 'admin'];

/** A tenant's settings as saved, or the defaults (version 0, no ETag) before the first save. */
export async function tenantSettings(
  settings: Pick<SettingsStore, 'getTenantSettings'>,
  tenantId: string,
): Promise<Versioned<TenantSettings> | { value: TenantSettings; etag: null }> {
  return (await settings.getTenantSettings(tenantId)) ?? { value: DEFAULT_SETTINGS, etag: null };
}

/**
 * The one rule for who holds which role, for the tab and the bot alike: everyone is an employee;
 * the people named in `ADMIN_USER_IDS` are admins; the person's Entra app roles count; and so do
 * the grants admins made in Settings, to the person or to a group they belong to (a group the
 * directory cannot read just now grants nothing until it can). Never a field edited in storage.
 */
export async function rolesOf(
  deps: RoleDeps,
  tenantId: string,
  userId: string,
  appRoles: readonly Role[],
): Promise<Role[]> {
  const roles = new Set<Role>(['employee', ...appRoles]);
  if (deps.configAdmins.includes(userId)) roles.add('admin');
  const { value } = await tenantSettings(deps.settings, tenantId);
  for (const grant of value.roles) {
    if (roles.has(grant.role)) continue;
    if (
      grant.kind === 'person'
        ? grant.id === userId
        : await inGroup(deps, tenantId, grant.id, userId)
    ) {
      roles.add(grant.role);
    }
  }
  return ORDER.filter((role) => roles.has(role));
}

/**
 * Everyone who holds `role` by configuration or by a grant, for routing to a role: persons first,
 * then group members, each once. People holding it only through an Entra app role are not
 * listed (the directory cannot enumerate them here); grant the role to their group instead.
 */
export async function holdersOf(
  deps: RoleDeps,
  tenantId: string,
  role: GrantableRole,
): Promise<string[]> {
  const ids = new Set<string>(role === 'admin' ? deps.configAdmins : []);
  const { value } = await tenantSettings(deps.settings, tenantId);
  for (const grant of value.roles) {
    if (grant.role !== role) continue;
    if (grant.kind === 'person') {
      ids.add(grant.id);
    } else {
      for (const member of (await deps.directory.groupMembers(tenantId, grant.id, 100)) ?? []) {
        ids.add(member.id);
      }
    }
  }
  return [...ids];
}

async function inGroup(
  deps: RoleDeps,
  tenantId: string,
  groupId: string,
  userId: string,
): Promise<boolean> {
  try {
    const members = await deps.directory.groupMembers(tenantId, groupId, GROUP_MEMBERS_LIMIT);
    return members?.some((m) => m.id === userId) ?? false;
  } catch (error) {
    if (isDomainError(error, 'unavailable')) return false;
    throw error;
  }
}

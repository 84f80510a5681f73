import type { SettingsStore } from '../ports.js';
import { tenantSettings } from '../roles.js';
import { teamsOf } from '../teams.js';
import type { Actor } from '../user.js';

/** What the forms' suggestions read. */
export interface SuggestionDeps {
  /** The tenant's settings document (through the short-lived cache): its list of teams. */
  readonly settings: Pick<SettingsStore, 'getTenantSettings'>;
}

/** The teams the admins keep, in their order, for anyone's story form and wall filter. */
export async function suggestTeams(deps: SuggestionDeps, actor: Actor): Promise<readonly string[]> {
  return teamsOf((await tenantSettings(deps.settings, actor.tenantId)).value);
}

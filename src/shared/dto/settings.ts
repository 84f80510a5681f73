/** The tenant's settings document on the wire, and the team list the forms suggest. */

import type { ApprovalPolicyDto } from './approval.js';
import type { DigestsDto } from './digests.js';
import type { RoleGrantDto } from './people.js';

/**
 * Privacy settings. `enabled` is privacy mode: vote counts only for editors and admins, nothing
 * ranked by votes, no insight per person. Each is off unless an admin turns it on.
 */
export interface PrivacyDto {
  enabled: boolean;
  /** Featured colleagues confirm before the company sees their name. Off unless turned on. */
  confirmFeatured: boolean;
  /** Rejected and withdrawn stories are deleted this many days after closing; null: kept. */
  deleteClosedAfterDays: number | null;
}

/**
 * The story of the month's rule: an author who won cannot win again within this many months of
 * their win (before or after it); null: off.
 */
export interface AwardRulesDto {
  noRepeatWithinMonths: number | null;
}

/**
 * `GET /api/settings` and `PUT /api/settings` (admins): the tenant's settings as one document.
 * A `PUT` sends the `version` it edited; a newer saved version answers 409. A `PUT` without
 * `privacy` leaves privacy mode as it was.
 */
export interface SettingsDto {
  version: number;
  approval: ApprovalPolicyDto;
  roles: RoleGrantDto[];
  privacy: PrivacyDto;
  digests: DigestsDto;
  awards: AwardRulesDto;
  /** The teams admins keep, in their order: suggested in the story forms and the wall's filter. */
  teams: string[];
  updatedAt?: string;
  updatedBy?: string;
}

/** `GET /api/suggestions/teams`: the tenant's list of teams for the forms (everyone signed in). */
export interface TeamSuggestionsDto {
  items: string[];
}

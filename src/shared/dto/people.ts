/**
 * People on the wire: persons, the signed-in user, roles and role grants, the demo users of local
 * mode.
 */

export const ROLES = ['employee', 'approver', 'editor', 'admin'] as const;
export type RoleDto = (typeof ROLES)[number];

export interface PersonDto {
  id: string;
  displayName: string;
}

export interface MeDto {
  id: string;
  tenantId: string;
  displayName: string;
  roles: RoleDto[];
  authMode: 'local' | 'entra';
  /** Whether this person sees how many votes a story has (privacy mode hides them from most). */
  seesVoteCounts: boolean;
  /** Whether the wall may be sorted by votes (`sort=votes`); privacy mode ranks nothing by votes. */
  ranksByVotes: boolean;
}

export interface DevUserDto {
  id: string;
  displayName: string;
  roles: RoleDto[];
}

export interface DevUsersDto {
  items: DevUserDto[];
}

export const GRANTABLE_ROLES = ['approver', 'editor', 'admin'] as const;
export type GrantableRoleDto = (typeof GRANTABLE_ROLES)[number];

/** A role given to a person or to the members of an Entra group. */
export interface RoleGrantDto {
  role: GrantableRoleDto;
  kind: 'person' | 'group';
  id: string;
}

/**
 * `GET /api/suggestions/never-featured`: colleagues never featured in a published story (nor
 * declining it), for the story form's nudge; by name, rotating one place a day.
 */
export interface NeverFeaturedSuggestionsDto {
  items: PersonDto[];
}

/** `GET /api/people?q=`: people of the organisation for pickers. */
export interface PeopleDto {
  items: PersonDto[];
}

/** The header that picks a demo user in local mode; ignored in entra mode. */
export const DEV_USER_HEADER = 'x-dev-user';

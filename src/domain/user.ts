/** What a person may do; a user holds one or more roles. */
export type Role = 'employee' | 'approver' | 'editor' | 'admin';

export type Locale = 'en' | 'fi';

/** A person of a tenant, as the app knows them. `id` is the Entra object id. */
export interface User {
  readonly tenantId: string;
  readonly id: string;
  readonly displayName: string;
  readonly email?: string;
  readonly roles: readonly Role[];
  /** The user's manager, who approves their stories by default. */
  readonly managerId?: string;
  readonly team?: string;
  readonly locale?: Locale;
}

/** The authenticated caller of a use case. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}

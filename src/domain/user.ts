/** What a person may do; a user holds one or more roles. */
export type Role = 'employee' | 'approver' | 'editor' | 'admin';

export type Locale = 'en' | 'fi';

/** A person of a tenant, as the app knows them. `id` is the Entra object id. */
export interface User {
  readonly tenantId: string;
  readonly id: string;
  readonly displayName: string;
  readonly email?: string;
  /**
   * The Entra app roles of the person's last sign-in to the tab (`StoryWall.Admin` and the like),
   * kept so the bot sees them too. Never set by hand: roles are given in Settings (see `roles.ts`).
   */
  readonly roles: readonly Role[];
  /** Local mode's demo people only: their manager. In a tenant the directory says. */
  readonly managerId?: string;
  readonly team?: string;
  readonly locale?: Locale;
}

/** Where an action came from: a card in Teams, the tab, the API, or the app's own scheduler. */
export type Surface = 'card' | 'tab' | 'api' | 'scheduler';

/** The authenticated caller of a use case. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly surface: Surface;
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}

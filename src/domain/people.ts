import { isDomainError } from './errors.js';
import type { Clock, UserDirectory } from './ports.js';
import { rolesOf, type RoleDeps } from './roles.js';
import type { Actor, Locale, Role, Surface, User } from './user.js';
import { plainName } from './text.js';

/** What signing in tells about a person, beyond their ids. */
export interface SignInHints {
  readonly displayName?: string;
  readonly email?: string;
  readonly locale?: Locale;
  /** Entra app roles from the SSO token (the tab); absent where none is seen (the bot). */
  readonly appRoles?: readonly Role[];
}

export interface PeopleDeps extends RoleDeps {
  readonly users: UserDirectory;
  readonly clock: Clock;
  /** How long a resolved person is reused before their roles are read again. */
  readonly ttlMs?: number;
}

/** A known person and their roles now. */
export interface Caller {
  readonly user: User;
  readonly roles: readonly Role[];
}

/**
 * The one way the tab's API and the bot learn who calls and what they may do, so both see the same
 * roles (see `rolesOf`). A person met for the first time is enrolled, named from the directory
 * where it can say (else from the sign-in). The Entra app roles of a tab sign-in are kept with
 * the person, so the bot, whose activities carry no roles, sees them too. Resolved people are
 * reused for a short time; a role change shows within it.
 */
export function createPeople(deps: PeopleDeps) {
  const ttl = deps.ttlMs ?? 60_000;
  const cache = new Map<string, { caller: Caller | null; until: number }>();
  const keyOf = (tenantId: string, userId: string) => `${tenantId}|${userId}`;
  // Lookups under way, by person and what the sign-in said: a person's first requests arrive
  // together (the tab asks for the wall, its count and who they are at once) and share one.
  const resolving = new Map<string, Promise<Caller | null>>();

  /** Forgets one person: what was resolved, and any lookup under way (it may read the old row). */
  function forgetOne(tenantId: string, userId: string): void {
    const key = keyOf(tenantId, userId);
    cache.delete(key);
    for (const lookup of resolving.keys())
      if (lookup.startsWith(`${key}|`)) resolving.delete(lookup);
  }

  async function resolve(
    tenantId: string,
    userId: string,
    hints: SignInHints,
    enrol: boolean,
  ): Promise<Caller | null> {
    let user = await deps.users.get(tenantId, userId);
    if (!user && !enrol) return null;
    if (!user) {
      user = await newcomer(deps, tenantId, userId, hints);
      await deps.users.upsert(user);
    } else {
      let changed = user;
      if (hints.appRoles && !sameRoles(user.roles, hints.appRoles)) {
        changed = { ...changed, roles: [...hints.appRoles] };
      }
      // Enrolled from an event without a name (an install): the id stood in; a real name,
      // from this sign-in or the directory, takes its place as soon as one is known.
      if (isUnnamed(user)) {
        const name =
          plainName(hints.displayName, '') || (await directoryName(deps, tenantId, userId));
        if (name) changed = { ...changed, displayName: name };
      }
      if (changed !== user) {
        user = changed;
        await deps.users.upsert(user);
      }
    }
    return { user, roles: await rolesOf(deps, tenantId, userId, user.roles) };
  }

  return {
    /**
     * The caller `userId` of `tenantId` acting from `surface`; null when unknown and `enrol` is
     * false (local mode's demo people are all known).
     */
    async actorOf(
      tenantId: string,
      userId: string,
      surface: Surface,
      hints: SignInHints = {},
      enrol = true,
    ): Promise<{ actor: Actor; user: User } | null> {
      const now = deps.clock.now().getTime();
      const key = keyOf(tenantId, userId);
      const hit = cache.get(key);
      const fresh =
        hit &&
        hit.until > now &&
        (!hints.appRoles || !hit.caller || sameRoles(hit.caller.user.roles, hints.appRoles)) &&
        // Someone known by id only is looked up again until a name comes, from this activity or
        // the directory, so nothing they do meanwhile (a story told) is credited to the id.
        !(hit.caller && isUnnamed(hit.caller.user));
      let caller: Caller | null;
      if (fresh) caller = hit.caller;
      else {
        const lookup = `${key}|${enrol ? 1 : 0}|${JSON.stringify(hints)}`;
        let shared = resolving.get(lookup);
        if (!shared) {
          shared = resolve(tenantId, userId, hints, enrol);
          const settled = shared.then(
            (resolved) => {
              if (resolving.get(lookup) !== shared) return;
              if (cache.size > 10_000) cache.clear();
              cache.set(key, { caller: resolved, until: now + ttl });
            },
            () => undefined,
          );
          resolving.set(lookup, shared);
          void settled.finally(() => {
            if (resolving.get(lookup) === shared) resolving.delete(lookup);
          });
        }
        caller = await shared;
      }
      if (!caller) return null;
      return {
        user: caller.user,
        actor: {
          tenantId,
          userId,
          displayName: caller.user.displayName,
          roles: caller.roles,
          surface,
        },
      };
    },
    /**
     * The roles of a person already read (a listing of the stored people), as `actorOf` finds
     * them — the row's own app roles, configuration and the tenant's grants — without reading
     * the person again: a list of thousands must not become thousands of reads at once.
     */
    rolesOfStored(user: User): Promise<Role[]> {
      return rolesOf(deps, user.tenantId, user.id, user.roles);
    },
    /**
     * Makes `locale` the person's language for everything the bot sends them (they wrote a
     * command in it); nothing when unknown.
     */
    async setLocale(tenantId: string, userId: string, locale: Locale): Promise<void> {
      const user = await deps.users.get(tenantId, userId);
      if (!user || user.locale === locale) return;
      await deps.users.upsert({ ...user, locale });
      forgetOne(tenantId, userId);
    },
    /**
     * Forgets what was resolved: everyone (an admin changed the role grants), or one person
     * (they were just stored, after being looked up as unknown).
     */
    forget(person?: { readonly tenantId: string; readonly userId: string }): void {
      if (person) forgetOne(person.tenantId, person.userId);
      else {
        cache.clear();
        resolving.clear();
      }
    },
  };
}

export type People = ReturnType<typeof createPeople>;

async function newcomer(
  deps: PeopleDeps,
  tenantId: string,
  userId: string,
  hints: SignInHints,
): Promise<User> {
  let found = null;
  try {
    found = await deps.directory.person(tenantId, userId);
  } catch (error) {
    // Enrolling never waits on the directory: the sign-in's own name will do until next time.
    if (!isDomainError(error, 'unavailable')) throw error;
  }
  const email = found?.mail ?? hints.email;
  const locale = found?.locale ?? hints.locale;
  return {
    tenantId,
    id: userId,
    displayName: plainName(found?.displayName ?? hints.displayName, userId),
    roles: [...(hints.appRoles ?? [])],
    ...(email ? { email } : {}),
    ...(found?.department ? { team: found.department } : {}),
    ...(locale ? { locale } : {}),
  };
}

/** Whether the person is known by id only: met in an event that carried no name. */
function isUnnamed(user: User): boolean {
  return user.displayName === user.id;
}

/** The person's name in the directory; '' when it has none or cannot say now. */
async function directoryName(deps: PeopleDeps, tenantId: string, userId: string): Promise<string> {
  try {
    return plainName((await deps.directory.person(tenantId, userId))?.displayName, '');
  } catch (error) {
    if (isDomainError(error, 'unavailable')) return '';
    throw error;
  }
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

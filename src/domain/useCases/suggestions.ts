import type { Clock, FeaturedPeopleIndex, SettingsStore, UserDirectory } from '../ports.js';
import { APP_ACTOR_ID, isPseudonym } from '../pseudonyms.js';
import { tenantSettings } from '../roles.js';
import { teamKey, teamsOf } from '../teams.js';
import type { Actor, User } from '../user.js';

/** What the forms' suggestions read. */
export interface SuggestionDeps {
  /** The tenant's settings document (through the short-lived cache): its list of teams. */
  readonly settings: Pick<SettingsStore, 'getTenantSettings'>;
  /** The people who use the app: whom the "not yet featured" nudge may name. */
  readonly users: Pick<UserDirectory, 'list'>;
  /** Who was featured already or declined it: never suggested. */
  readonly featuredPeople: Pick<FeaturedPeopleIndex, 'list'>;
  readonly clock: Clock;
}

/** A colleague the story forms may suggest featuring. */
export interface SuggestedPerson {
  readonly id: string;
  readonly displayName: string;
}

/**
 * Rows of the featured-people index read at most: past it (a tenant with more featured people
 * than this), someone featured may be suggested, which only costs a nudge.
 */
export const MAX_FEATURED_READ = 20_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The teams the admins keep, in their order, for anyone's story form and wall filter. */
export async function suggestTeams(
  deps: Pick<SuggestionDeps, 'settings'>,
  actor: Actor,
): Promise<readonly string[]> {
  return teamsOf((await tenantSettings(deps.settings, actor.tenantId)).value);
}

/**
 * Colleagues never featured in a published story, to nudge the author toward them so recognition
 * spreads: the people who use the app, less the actor, everyone featured already or who declined
 * being featured ("Remove my name"), the app itself, erased people (gone from the known people;
 * a pseudonym never is one) and anyone known by id only (no name to show). With `team`, only
 * that team's people, whatever its case.
 *
 * The order is deterministic and rotates: by name (then id), started one place further each UTC
 * day, so every never-featured colleague reaches the front in turn rather than the same first
 * names of the alphabet every time.
 */
export async function suggestNeverFeatured(
  deps: SuggestionDeps,
  actor: Actor,
  query: { readonly team?: string | undefined; readonly limit: number },
): Promise<SuggestedPerson[]> {
  const [people, featured] = await Promise.all([
    deps.users.list(actor.tenantId),
    deps.featuredPeople.list(actor.tenantId, MAX_FEATURED_READ),
  ]);
  const skip = new Set(featured);
  const team = query.team === undefined ? undefined : teamKey(query.team);
  const candidates = people
    .filter((user) => suggestable(user, actor, skip))
    .filter(
      (user) => team === undefined || (user.team !== undefined && teamKey(user.team) === team),
    )
    .sort(byName);
  return rotate(candidates, deps.clock.now())
    .slice(0, Math.max(0, query.limit))
    .map((user) => ({ id: user.id, displayName: user.displayName }));
}

function suggestable(user: User, actor: Actor, skip: ReadonlySet<string>): boolean {
  return (
    user.tenantId === actor.tenantId &&
    user.id !== actor.userId &&
    user.id !== APP_ACTOR_ID &&
    !isPseudonym(user.id) &&
    user.displayName !== user.id &&
    !skip.has(user.id)
  );
}

function byName(a: User, b: User): number {
  return (
    a.displayName.localeCompare(b.displayName, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The list started at the day's place: one further each UTC day, round the end. */
export function rotate<T>(items: readonly T[], now: Date): T[] {
  if (items.length === 0) return [];
  const start = Math.floor(now.getTime() / DAY_MS) % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

import { DEFAULT_SETTINGS, type TenantSettings } from './policy.js';
import type { SettingsStore } from './ports.js';
import { tenantSettings } from './roles.js';
import { hasRole, type Actor } from './user.js';

/**
 * Privacy mode's rules, declared once for the API and the bot (see `PrivacySettings`). Off, the
 * app behaves as it always did; on:
 *
 * - vote counts are shown only to editors and admins, who choose the story of the month; everyone
 *   still votes, and sees whether they have voted;
 * - nothing is ranked by votes: the awards shortlist lists the month's stories newest first;
 * - insight counts nothing per person (it counts per month, team and category only, in either
 *   mode).
 */

type Privacy = Pick<TenantSettings, 'privacy'>;

/** Whether the tenant's admins turned privacy mode on; a document from before it existed: off. */
export function privacyMode(settings: Privacy): boolean {
  return settings.privacy?.enabled === true;
}

/**
 * Whether a view everyone sees alike — the story card in the company channel — may show how many
 * votes a story has.
 */
export function voteCountsPublic(settings: Privacy): boolean {
  return !privacyMode(settings);
}

/** The rule: who sees how many votes a story has. Editors and admins always do. */
export function canSeeVoteCounts(actor: Pick<Actor, 'roles'>, settings: Privacy): boolean {
  return voteCountsPublic(settings) || hasRole(actor, 'editor') || hasRole(actor, 'admin');
}

/** Whether stories may be put in order of their votes (the awards shortlist). */
export function ranksByVotes(settings: Privacy): boolean {
  return !privacyMode(settings);
}

/** `canSeeVoteCounts` for the actor, under their tenant's settings as saved (or the defaults). */
export async function seesVoteCounts(
  deps: { readonly settings: Pick<SettingsStore, 'getTenantSettings'> },
  actor: Actor,
): Promise<boolean> {
  const { value } = await tenantSettings(deps.settings, actor.tenantId);
  return canSeeVoteCounts(actor, value);
}

/**
 * `seesVoteCounts` when the tenant's settings are held fresh in memory (no wait); undefined when
 * they would have to be read.
 */
export function seesVoteCountsNow(
  deps: { readonly settings: Pick<SettingsStore, 'cachedTenantSettings'> },
  actor: Actor,
): boolean | undefined {
  const held = deps.settings.cachedTenantSettings?.(actor.tenantId);
  if (held === undefined) return undefined;
  return canSeeVoteCounts(actor, held?.value ?? DEFAULT_SETTINGS);
}

/**
 * What the actor's wall may show of votes under their tenant's settings: the counts
 * (`canSeeVoteCounts`) and an order by them (`ranksByVotes`).
 */
export async function wallVotes(
  deps: { readonly settings: Pick<SettingsStore, 'getTenantSettings'> },
  actor: Actor,
): Promise<{ seesVoteCounts: boolean; ranksByVotes: boolean }> {
  const { value } = await tenantSettings(deps.settings, actor.tenantId);
  return { seesVoteCounts: canSeeVoteCounts(actor, value), ranksByVotes: ranksByVotes(value) };
}

/** `voteCountsPublic` under the tenant's settings as saved (or the defaults). */
export async function voteCountsPublicIn(
  deps: { readonly settings: Pick<SettingsStore, 'getTenantSettings'> },
  tenantId: string,
): Promise<boolean> {
  const { value } = await tenantSettings(deps.settings, tenantId);
  return voteCountsPublic(value);
}

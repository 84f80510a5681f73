import { DomainError } from './errors.js';
import type { TenantSettings } from './policy.js';

/** The longest team name, in characters (a story's `team` has the same limit). */
export const TEAM_NAME_MAX = 60;
/** How many teams an admin's list holds: it travels whole in the settings document and forms. */
export const TEAMS_MAX = 200;

/**
 * A team name as it is compared: trimmed, in lower case, so "sales" and " Sales" are one team.
 * The wall's team filter stores and queries this key; `src/shared/teams.ts` has the same rule for
 * the wire (tests/unit/domain/teams.test.ts checks they agree).
 */
export function teamKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The tenant's list of teams, in the admins' order; empty before one was saved. */
export function teamsOf(settings: TenantSettings): readonly string[] {
  return settings.teams ?? [];
}

/**
 * The list an admin saves, checked: each name trimmed and 1–`TEAM_NAME_MAX` characters, at most
 * `TEAMS_MAX` names, none twice whatever its case. DomainError('validation') names the problem.
 */
export function checkTeamList(names: readonly string[]): string[] {
  if (names.length > TEAMS_MAX) {
    throw new DomainError('validation', `Keep at most ${TEAMS_MAX} teams.`, { field: 'teams' });
  }
  const seen = new Set<string>();
  return names.map((raw, index) => {
    const name = raw.trim();
    if (name.length === 0 || name.length > TEAM_NAME_MAX) {
      throw new DomainError('validation', `A team's name has 1–${TEAM_NAME_MAX} characters.`, {
        field: `teams.${index}`,
      });
    }
    const key = teamKey(name);
    if (seen.has(key)) {
      throw new DomainError('validation', `"${name}" is on the list twice.`, {
        field: `teams.${index}`,
      });
    }
    seen.add(key);
    return name;
  });
}

/** The list's own spelling of `name` when it is on the list in any case; otherwise undefined. */
export function listedTeam(list: readonly string[], name: string): string | undefined {
  const key = teamKey(name);
  return list.find((team) => teamKey(team) === key);
}

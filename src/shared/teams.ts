/**
 * A team name as it is compared: trimmed, in lower case, so "sales" and " Sales" are one team.
 * The same rule as the domain's `teamKey` (tests/unit/domain/teams.test.ts checks they agree):
 * the shared schema and the tab's Settings use this one, since they cannot import the domain.
 */
export function sameTeamKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The first name of `names` that repeats an earlier one in any case; undefined when none does. */
export function repeatedTeam(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    const key = sameTeamKey(name);
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return undefined;
}

import { describe, expect, it } from 'vitest';
import {
  checkTeamList,
  DEFAULT_SETTINGS,
  DomainError,
  listedTeam,
  teamKey,
  teamsOf,
  TEAM_NAME_MAX,
  TEAMS_MAX,
} from '../../../src/domain/index.js';
import { LIMITS, repeatedTeam, sameTeamKey } from '../../../src/shared/dto.js';
import { teamListSchema } from '../../../src/shared/schemas.js';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the list of teams', () => {
  it('keeps the admins’ order and spelling, trimmed', () => {
    expect(checkTeamList([' Sales ', 'Venue services', 'Myynti'])).toEqual([
      'Sales',
      'Venue services',
      'Myynti',
    ]);
  });

  it('refuses a team twice whatever its case, naming the second', () => {
    const error = refusal(() => checkTeamList(['Sales', 'Logistics', ' sales']));
    expect(error.code).toBe('validation');
    expect(error.details).toEqual({ field: 'teams.2' });
  });

  it('refuses empty and too long names, and too many teams', () => {
    expect(refusal(() => checkTeamList(['Sales', '  '])).details).toEqual({ field: 'teams.1' });
    expect(checkTeamList(['x'.repeat(TEAM_NAME_MAX)])).toHaveLength(1);
    expect(refusal(() => checkTeamList(['x'.repeat(TEAM_NAME_MAX + 1)])).code).toBe('validation');
    const many = Array.from({ length: TEAMS_MAX }, (_, i) => `Team ${i}`);
    expect(checkTeamList(many)).toHaveLength(TEAMS_MAX);
    expect(refusal(() => checkTeamList([...many, 'One more'])).details).toEqual({
      field: 'teams',
    });
  });

  it('finds a listed team in any case, in the list’s own spelling', () => {
    const list = ['Sales', 'Venue services'];
    expect(listedTeam(list, ' venue SERVICES')).toBe('Venue services');
    expect(listedTeam(list, 'Marketing')).toBeUndefined();
  });

  it('is empty for a document saved before the list existed', () => {
    const { teams: _teams, ...older } = DEFAULT_SETTINGS;
    expect(teamsOf(older)).toEqual([]);
    expect(teamsOf({ ...DEFAULT_SETTINGS, teams: ['Sales'] })).toEqual(['Sales']);
  });

  it('compares teams as the wire contract and the tab do, with the same limits', () => {
    for (const name of ['Sales', ' SALES ', 'Myynti ÄÖ', 'ÅLAND', "O'Neill & co"]) {
      expect(sameTeamKey(name)).toBe(teamKey(name));
    }
    expect(repeatedTeam(['Sales', 'Logistics', 'SALES'])).toBe('SALES');
    expect(repeatedTeam(['Sales', 'Logistics'])).toBeUndefined();
    expect(TEAM_NAME_MAX).toBe(LIMITS.team.max);
    expect(TEAMS_MAX).toBe(LIMITS.teams.max);
  });

  it('the shared schema refuses what the rule refuses', () => {
    expect(teamListSchema.parse([' Sales ', 'Logistics'])).toEqual(['Sales', 'Logistics']);
    const twice = teamListSchema.safeParse(['Sales', 'sales']);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual([1]);
    expect(teamListSchema.safeParse(['x'.repeat(61)]).success).toBe(false);
    expect(teamListSchema.safeParse(Array.from({ length: 201 }, (_, i) => `T${i}`)).success).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  SettingsDto,
  StoryDto,
  TeamSuggestionsDto,
  WallPageDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

const { admin, employee, manager } = DEMO_USER_IDS;

function draft(overrides: Record<string, unknown> = {}) {
  return {
    title: 'A spare umbrella for a soaked guest',
    situation: 'A guest arrived soaked from a sudden downpour just before her keynote.',
    action: 'I lent her my own umbrella and found a hair dryer from the staff room.',
    outcome: 'She went on stage on time and thanked the team from the stage.',
    lesson: 'Small, fast kindness is remembered longest.',
    team: 'Venue services',
    category: 'care',
    featured: [],
    consent: true,
    ...overrides,
  };
}

async function publish(api: ReturnType<typeof useTestApp>['api'], team: string): Promise<string> {
  const created = await api.post<StoryDto>('/api/stories', draft({ team }), { user: employee });
  expect(created.status).toBe(201);
  const approved = await api.post<StoryDto>(
    `/api/stories/${created.body.id}/decision`,
    { decision: 'approve' },
    { user: manager },
  );
  expect(approved.body.status).toBe('published');
  return created.body.id;
}

describe('teams', () => {
  const { api } = useTestApp();

  it('the wall filter finds a team whatever its case', async () => {
    const id = await publish(api, 'Sales');
    for (const team of ['Sales', 'sales', 'SALES']) {
      const wall = await api.get<WallPageDto>(`/api/stories?team=${team}`);
      expect(wall.status).toBe(200);
      expect(
        wall.body.items.map((s) => s.id),
        team,
      ).toContain(id);
    }
  });

  async function saveTeams(teams: unknown) {
    const read = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    return api.call<SettingsDto & ApiErrorBody>('PUT', '/api/settings', {
      user: admin,
      body: { version: read.version, approval: read.approval, roles: read.roles, teams },
    });
  }

  it('admins keep a list of teams that everyone’s forms are offered', async () => {
    const none = await api.get<TeamSuggestionsDto>('/api/suggestions/teams', { user: employee });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ items: [] });

    const saved = await saveTeams([' Venue services ', 'Sales', 'Myynti']);
    expect(saved.status).toBe(200);
    expect(saved.body.teams).toEqual(['Venue services', 'Sales', 'Myynti']);

    const offered = await api.get<TeamSuggestionsDto>('/api/suggestions/teams', {
      user: employee,
    });
    expect(offered.body.items).toEqual(['Venue services', 'Sales', 'Myynti']);

    // Saving other settings without `teams` keeps the list.
    const read = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    const other = await api.call<SettingsDto>('PUT', '/api/settings', {
      user: admin,
      body: { version: read.version, approval: read.approval, roles: read.roles },
    });
    expect(other.body.teams).toEqual(['Venue services', 'Sales', 'Myynti']);
  });

  it('refuses a list with a team twice in any case, a long name or too many, storing nothing', async () => {
    const before = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    const twice = await saveTeams(['Sales', 'Logistics', 'SALES']);
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe('validation');
    expect(twice.body.error.fields).toHaveProperty(['teams.2']);
    expect((await saveTeams(['x'.repeat(61)])).status).toBe(400);
    expect((await saveTeams(Array.from({ length: 201 }, (_, i) => `Team ${i}`))).status).toBe(400);
    expect((await saveTeams(['Sales', 42])).status).toBe(400);
    const after = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    expect(after).toEqual(before);
  });

  it('only admins save the list; everyone signed in reads it', async () => {
    const read = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    const byEmployee = await api.call<ApiErrorBody>('PUT', '/api/settings', {
      user: employee,
      body: { version: read.version, approval: read.approval, roles: read.roles, teams: [] },
    });
    expect(byEmployee.status).toBe(403);
    const stranger = await api.get<ApiErrorBody>('/api/suggestions/teams', { user: 'nobody' });
    expect(stranger.status).toBe(401);
  });
});

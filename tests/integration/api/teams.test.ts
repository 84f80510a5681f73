import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

const { employee, manager } = DEMO_USER_IDS;

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
});

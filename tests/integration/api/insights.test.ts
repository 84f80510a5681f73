import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { ApiErrorBody, InsightsDto, StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

/** Journey 11 over HTTP: published stories counted per month, team and category. */

const { employee, manager, editor, admin } = DEMO_USER_IDS;

/** `YYYY-MM` of a date, in UTC, `offset` months away. */
function monthOf(at: Date, offset = 0): string {
  const shifted = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  return shifted.toISOString().slice(0, 7);
}

/** How many of `stories` were published in each month. */
function perMonth(stories: readonly StoryDto[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const story of stories) {
    const month = (story.publishedAt ?? '').slice(0, 7);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return counts;
}

describe('GET /api/insights', () => {
  const { api } = useTestApp();

  const insightsAs = (user: string, query = '') =>
    api.get<InsightsDto & ApiErrorBody>(`/api/insights${query}`, { user });

  it('counts the seeded stories of the last 12 months for an admin, zeros included', async () => {
    const wall = (await api.get<WallPageDto>('/api/stories?limit=50')).body.items;
    expect(wall.length).toBeGreaterThan(0);

    const response = await insightsAs(admin);
    expect(response.status).toBe(200);
    const insights = response.body;
    const now = new Date();
    expect(insights.to).toBe(monthOf(now));
    expect(insights.from).toBe(monthOf(now, -11));
    expect(insights.months).toHaveLength(12);
    expect(insights.total).toBe(wall.length);

    // Every month of the range, oldest first; the demo stories are spread over four months.
    const expected = perMonth(wall);
    expect(insights.months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => monthOf(now, i - 11)),
    );
    for (const { month, count } of insights.months) expect(count).toBe(expected.get(month) ?? 0);
    expect(insights.months.filter((m) => m.count === 0).length).toBeGreaterThan(0);

    // Teams and categories: most first, adding up to the total.
    const sum = (list: { count: number }[]) => list.reduce((n, item) => n + item.count, 0);
    expect(sum(insights.teams)).toBe(insights.total);
    expect(sum(insights.categories)).toBe(insights.total);
    const counts = insights.teams.map((t) => t.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const venue = wall.filter((s) => s.team === 'Venue services').length;
    expect(insights.teams).toContainEqual({ team: 'Venue services', count: venue });
    const care = wall.filter((s) => s.category === 'care').length;
    expect(insights.categories).toContainEqual({ category: 'care', count: care });
  });

  it('answers an editor too, for the range asked', async () => {
    const now = new Date();
    const from = monthOf(now, -2);
    const response = await insightsAs(editor, `?from=${from}&to=${monthOf(now)}`);
    expect(response.status).toBe(200);
    expect(response.body.from).toBe(from);
    expect(response.body.months).toHaveLength(3);
    // A range far in the past: no stories, every month still listed.
    const old = await insightsAs(editor, '?from=2001-01&to=2002-12');
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ total: 0, teams: [], categories: [] });
    expect(old.body.months).toHaveLength(24);
  });

  it('refuses employees and approvers with 403', async () => {
    for (const user of [employee, manager]) {
      const response = await insightsAs(user);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    }
  });

  it('refuses bad ranges with 400 validation', async () => {
    for (const query of [
      '?from=2026-13',
      '?to=2026-1',
      '?from=last-year',
      '?from=2026-05&to=2026-04',
      '?from=2024-01&to=2026-01',
      '?months=6',
      '?from=2026-01&from=2026-02',
    ]) {
      const response = await insightsAs(admin, query);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe('validation');
    }
    // Only `from`, 25 months before the current one: the domain's check of the filled-in range.
    const tooLong = await insightsAs(admin, `?from=${monthOf(new Date(), -24)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toHaveProperty('from');
  });

  it('is an overview: a range already counted shows a new story only after the cache expires', async () => {
    const now = new Date();
    const range = `?from=${monthOf(now)}&to=${monthOf(now)}`;
    const before = (await insightsAs(admin, range)).body.total;

    const told = await api.post<StoryDto>(
      '/api/stories',
      {
        title: 'A spare umbrella for a soaked guest',
        situation: 'A guest arrived soaked from a sudden downpour just before her keynote.',
        action: 'I lent her my own umbrella and found a hair dryer from the staff room.',
        outcome: 'She went on stage on time and thanked the team from the stage.',
        lesson: 'Small, fast kindness is remembered longest.',
        team: 'Insight testers',
        category: 'care',
        featured: [],
        consent: true,
      },
      { user: employee },
    );
    expect(told.status).toBe(201);
    const approved = await api.post<StoryDto>(
      `/api/stories/${told.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(approved.body.status).toBe('published');

    // The same range is served from the 5-minute cache; a range not yet counted sees the story.
    expect((await insightsAs(admin, range)).body.total).toBe(before);
    const fresh = await insightsAs(admin, `?from=${monthOf(now, -1)}&to=${monthOf(now)}`);
    expect(fresh.body.teams).toContainEqual({ team: 'Insight testers', count: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { ApiErrorBody, StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * Limits are per authenticated person and per action (submit, vote, decision, …), whatever the
 * request carries besides: a made-up Authorization header is no fresh budget, and using up one
 * action's budget leaves the others alone. Past the limit: 429 with Retry-After.
 */
const { employee, manager, editor } = DEMO_USER_IDS;
const max = 3;

function draft(n: number) {
  return {
    title: `Rate-limited story ${n}`,
    situation: 'A guest asked for a quiet room to take an urgent call before the session.',
    action: 'We opened the green room for her and brought a glass of water.',
    outcome: 'She made the call in peace and came back to thank the team.',
    lesson: 'Quiet is a service too.',
    team: 'Venue services',
    category: 'care',
    featured: [],
    consent: true,
  };
}

describe('per-person, per-action rate limits', () => {
  const { api } = useTestApp({ env: { WRITES_PER_MINUTE: String(max) } });

  it('a made-up Authorization header does not give the same person a fresh budget', async () => {
    const statuses: number[] = [];
    let last: ApiErrorBody | undefined;
    let retryAfter: string | null = null;
    for (let i = 0; i <= max; i++) {
      const response = await api.post<ApiErrorBody>('/api/stories', draft(i), {
        user: employee,
        headers: { authorization: `Bearer made-up-${i}-${Math.random()}` },
      });
      statuses.push(response.status);
      last = response.body;
      retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(last?.error.code).toBe('rate_limited');
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });

  it('one action’s budget spent leaves the others: the same person still votes', async () => {
    const wall = await api.get<WallPageDto>('/api/stories?limit=10', { user: employee });
    const others = wall.body.items.filter((s) => s.author.id !== employee);
    expect(others.length).toBeGreaterThan(0);
    const vote = await api.post<StoryDto>(`/api/stories/${others[0]?.id}/vote`, undefined, {
      user: employee,
    });
    expect([200, 409]).toContain(vote.status);
  });

  it('each person has their own budget', async () => {
    const response = await api.post<StoryDto>('/api/stories', draft(10), { user: editor });
    expect(response.status).toBe(201);
  });

  it('decisions are limited too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const response = await api.post<ApiErrorBody>(
        '/api/stories/no-such-story/decision',
        { decision: 'approve' },
        { user: manager },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});

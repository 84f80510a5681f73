import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  NeverFeaturedSuggestionsDto,
  StoryDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * The story form's nudge toward colleagues never featured, over HTTP: who it names, who it never
 * names (the caller, the featured, those who declined, the erased), and its checked query.
 */

const { employee, manager, admin, driver } = DEMO_USER_IDS;
const OLLI = '00000000-0000-4000-8000-000000000901';
const PIA = '00000000-0000-4000-8000-000000000902';
const EINO = '00000000-0000-4000-8000-000000000903';
const colleagues = [
  { id: OLLI, displayName: 'Olli Opt-out', team: 'Sales' },
  { id: PIA, displayName: 'Pia Published', team: 'Sales' },
  { id: EINO, displayName: 'Eino Erased', team: 'Logistics' },
];

function draft(featured: string[]) {
  return {
    title: 'A spare umbrella for a soaked guest',
    situation: 'A guest arrived soaked from a sudden downpour just before her keynote.',
    action: 'We lent her an umbrella and found a hair dryer from the staff room.',
    outcome: 'She went on stage on time and thanked the team from the stage.',
    lesson: 'Small, fast kindness is remembered longest.',
    team: 'Venue services',
    category: 'care',
    featured,
    consent: true,
  };
}

describe('GET /api/suggestions/never-featured', () => {
  const { app, api } = useTestApp();

  const suggested = async (user: string, query = 'limit=20') => {
    const response = await api.get<NeverFeaturedSuggestionsDto>(
      `/api/suggestions/never-featured?${query}`,
      { user },
    );
    expect(response.status).toBe(200);
    return response.body.items.map((person) => person.id);
  };
  async function tell(featured: string[]): Promise<StoryDto> {
    const created = await api.post<StoryDto>('/api/stories', draft(featured), { user: employee });
    expect(created.status).toBe(201);
    return created.body;
  }
  async function publish(story: StoryDto): Promise<void> {
    const decided = await api.post<StoryDto>(
      `/api/stories/${story.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(decided.body.status).toBe('published');
  }

  it('names known colleagues never featured, never the caller, by team in any case', async () => {
    for (const person of colleagues) {
      await app.server.storage.users.upsert({ tenantId: DEMO_TENANT_ID, roles: [], ...person });
    }
    const all = await api.get<NeverFeaturedSuggestionsDto>(
      '/api/suggestions/never-featured?limit=20',
      { user: employee },
    );
    expect(all.body.items).toEqual(
      expect.arrayContaining([
        { id: OLLI, displayName: 'Olli Opt-out' },
        { id: PIA, displayName: 'Pia Published' },
      ]),
    );
    expect(all.body.items.map((p) => p.id)).not.toContain(employee);
    // The demo wall names the driver: featured already.
    expect(all.body.items.map((p) => p.id)).not.toContain(driver);
    expect(await suggested(OLLI)).not.toContain(OLLI);
    expect((await suggested(employee, 'team=sALES')).sort()).toEqual([OLLI, PIA]);
    expect(await suggested(employee, 'limit=1')).toHaveLength(1);
    // The default is a handful.
    expect((await suggested(employee, '')).length).toBeLessThanOrEqual(5);
  });

  it('stops naming a colleague once a published story names them', async () => {
    const story = await tell([PIA]);
    // Pending: not featured to anyone yet.
    expect(await suggested(employee)).toContain(PIA);
    await publish(story);
    expect(await suggested(employee)).not.toContain(PIA);
    expect(await suggested(admin)).not.toContain(PIA);
  });

  it('never names someone who took their name off a story', async () => {
    const story = await tell([OLLI]);
    const removed = await api.call<StoryDto>('DELETE', `/api/stories/${story.id}/featured/me`, {
      user: OLLI,
    });
    expect(removed.status).toBe(200);
    await publish(story);
    expect(await suggested(employee)).not.toContain(OLLI);
    expect(await suggested(employee, 'team=Sales')).toEqual([]);
  });

  it('forgets an erased person, their row in the index included', async () => {
    await publish(await tell([EINO]));
    const featured = app.server.storage.featuredPeople;
    expect(await featured.list(DEMO_TENANT_ID, 1000)).toContain(EINO);
    const erased = await api.post(`/api/people/${EINO}/erase`, {}, { user: admin });
    expect(erased.status).toBe(200);
    expect(await featured.list(DEMO_TENANT_ID, 1000)).not.toContain(EINO);
    expect(await suggested(employee)).not.toContain(EINO);
  });

  it.each(['limit=0', 'limit=21', 'limit=two', `team=${'x'.repeat(61)}`, 'sort=name'])(
    'refuses ?%s with a 400',
    async (query) => {
      const response = await api.get<ApiErrorBody>(`/api/suggestions/never-featured?${query}`, {
        user: employee,
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation');
    },
  );

  it('answers only someone signed in', async () => {
    const stranger = await api.get<ApiErrorBody>('/api/suggestions/never-featured', {
      user: 'nobody',
    });
    expect(stranger.status).toBe(401);
  });
});

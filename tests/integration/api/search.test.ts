import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import type { ApiClient } from '../../support/http.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * The wall's text search through the whole app on Azurite: stories published through the service
 * reach the embedded search index (built from the wall at start-up, then fed with every write), an
 * inflected Finnish word finds its story, and an archived story is found no more.
 */

const { employee, manager } = DEMO_USER_IDS;

const draft = (extra: Record<string, unknown>) => ({
  situation: 'Leikkaussalin pumppu hajosi keskellä yötä.',
  action: 'Hain varaosan varastosta ja ajoin sen perille.',
  outcome: 'Leikkaukset jatkuivat aamulla ajallaan.',
  lesson: 'Yöllinen ajomatka voi pelastaa koko päivän.',
  team: 'Huolto',
  category: 'care',
  consent: true,
  locale: 'fi',
  ...extra,
});

async function publish(api: ApiClient, extra: Record<string, unknown>): Promise<StoryDto> {
  const created = await api.post<StoryDto>('/api/stories', draft(extra), { user: employee });
  expect(created.status).toBe(201);
  const decided = await api.post<StoryDto>(
    `/api/stories/${created.body.id}/decision`,
    { decision: 'approve' },
    { user: manager },
  );
  expect(decided.status).toBe(200);
  return decided.body;
}

const search = async (api: ApiClient, q: string) => {
  const answer = await api.get<WallPageDto>(`/api/stories?q=${encodeURIComponent(q)}&total=true`, {
    user: employee,
  });
  expect(answer.status).toBe(200);
  return answer.body;
};

/** Asks until the index is ready and answers (it builds in the background at start-up). */
async function eventually(api: ApiClient, q: string): Promise<WallPageDto> {
  const until = Date.now() + 15_000;
  for (;;) {
    const page = await search(api, q);
    if (page.items.length > 0 || Date.now() > until) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('text search with the embedded index', () => {
  const { api } = useTestApp({ transport: 'inject' });

  it('finds a published story by an inflected word, and an archived one no more', async () => {
    const customer = await publish(api, { title: 'Sairaala sai varaosan yöllä' });
    const other = await publish(api, {
      title: 'Tulostin lainaan naapurista',
      situation: 'Oma tulostin hajosi ennen messuja.',
      action: 'Naapuriosasto lainasi koneensa.',
    });

    const found = await eventually(api, 'sairaalaan');
    expect(found.items.map((s) => s.id)).toEqual([customer.id]);
    expect(found.total).toBe(1);
    // Filters combine with the text.
    expect((await search(api, 'sairaalassa')).items.map((s) => s.id)).toEqual([customer.id]);
    const elsewhere = await api.get<WallPageDto>(`/api/stories?q=sairaalassa&team=Talous`, {
      user: employee,
    });
    expect(elsewhere.body.items).toEqual([]);
    // Ranked by relevance: the story with the word in its title first (demo stories may follow).
    const printer = (await search(api, 'tulostin')).items.map((s) => s.id);
    expect(printer[0]).toBe(other.id);
    expect(printer).not.toContain(customer.id);

    const archived = await api.post(`/api/stories/${customer.id}/archive`, {}, { user: employee });
    expect(archived.status).toBe(200);
    const after = await search(api, 'sairaalaan');
    expect(after.items).toEqual([]);
    expect(after.total).toBe(0);
  });
});

describe('text search with SEARCH=scan', () => {
  const { api } = useTestApp({ transport: 'inject', env: { SEARCH: 'scan' } });

  it('matches the words as typed only, as the wall did before the index', async () => {
    const customer = await publish(api, { title: 'Sairaala kiitti puhelimessa' });
    expect((await search(api, 'sairaalaan')).items).toEqual([]);
    expect((await search(api, 'sairaala kiitti')).items.map((s) => s.id)).toEqual([customer.id]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  ErasureReceiptDto,
  HistoryDto,
  PersonalDataExportDto,
  StoryDto,
  WallPageDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';
import type { StoryDraft } from '../../../src/domain/index.js';
import { buildStoryDraft } from '../../support/factories.js';

/**
 * Journey 12 over HTTP: a person's data exported (GDPR article 15) and erased everywhere
 * (article 17). The person is the demo service colleague, Niklas Palvelu: the demo wall already
 * names him (stories seeded without the person index), and here he also tells a pending and a
 * published story, votes, is featured in a new story, is away with a delegate and has a chat
 * with the bot.
 */

const { employee, manager, admin, driver, service, cloakroom } = DEMO_USER_IDS;
const NAME = 'Niklas Palvelu';
const FORMER = 'A former colleague';

function draft(overrides: Partial<StoryDraft> = {}): StoryDraft {
  return buildStoryDraft({ featured: [], ...overrides });
}

describe('erasure and export of a person’s data', () => {
  const { app, api } = useTestApp();

  async function tell(user: string, overrides: Partial<StoryDraft> = {}): Promise<StoryDto> {
    const created = await api.post<StoryDto>('/api/stories', draft(overrides), { user });
    expect(created.status).toBe(201);
    return created.body;
  }
  async function publish(story: StoryDto): Promise<void> {
    const decided = await api.post(
      '/api/stories/' + story.id + '/decision',
      { decision: 'approve' },
      { user: manager },
    );
    expect(decided.status).toBe(200);
  }
  const erase = (id: string, user: string) =>
    api.call<ErasureReceiptDto & ApiErrorBody>('POST', `/api/people/${id}/erase`, {
      body: {},
      user,
    });
  const exportOf = (id: string, user: string) =>
    api.get<PersonalDataExportDto & ApiErrorBody>(`/api/people/${id}/export`, { user });
  const history = async (id: string) =>
    (await api.get<HistoryDto>(`/api/stories/${id}/history`, { user: admin })).body;

  it('exports each kind, erases each kind with a receipt, and leaves no trace', async () => {
    const pending = await tell(service, { title: 'Niklas pending story' });
    const published = await tell(service, { title: 'Niklas published story' });
    await publish(published);
    const featuring = await tell(driver, { title: 'Niklas helped me', featured: [service] });
    await publish(featuring);
    const voted = await tell(cloakroom, { title: 'A story Niklas liked', featured: [driver] });
    await publish(voted);
    expect(
      (await api.post(`/api/stories/${voted.id}/vote`, undefined, { user: service })).status,
    ).toBe(200);
    const now = Date.now();
    const away = await api.call('PUT', '/api/delegations', {
      user: service,
      body: {
        delegateId: driver,
        from: new Date(now).toISOString(),
        until: new Date(now + 7 * 86_400_000).toISOString(),
      },
    });
    expect(away.status).toBe(200);
    await app.server.storage.conversations.put(
      DEMO_TENANT_ID,
      service,
      JSON.stringify({
        serviceUrl: 'https://smba.example/',
        channelId: 'msteams',
        conversation: { id: 'a:niklas' },
      }),
    );

    // Article 15: his own export holds each kind.
    const before = await exportOf(service, service);
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(before.body.profile).toMatchObject({ id: service, displayName: NAME });
    expect(before.body.botConversation).toBe(true);
    const told = before.body.stories.map((s) => s.story.id);
    expect(told).toEqual(expect.arrayContaining([pending.id, published.id]));
    expect(
      before.body.stories.find((s) => s.story.id === pending.id)?.history.map((e) => e.type),
    ).toContain('submitted');
    expect(before.body.votes.map((v) => v.story.id)).toEqual([voted.id]);
    expect(before.body.featuredIn.map((s) => s.id)).toContain(featuring.id);
    // The seeded wall features him too: found by the query for data from before the index.
    expect(before.body.featuredIn.map((s) => s.id)).toContain('demo-002');
    expect(before.body.delegations).toEqual([
      expect.objectContaining({ userId: service, delegateId: driver }),
    ]);
    expect(before.body.legacySearch.complete).toBe(true);

    // Article 17, by an admin.
    const erased = await erase(service, admin);
    expect(erased.status).toBe(200);
    const receipt = erased.body;
    expect(receipt.personId).toBe(service);
    expect(receipt.pseudonymId).toMatch(/^erased-/);
    expect(receipt.completedAt).toEqual(expect.any(String));
    expect(receipt.erased.storiesDeleted.ids).toEqual([pending.id]);
    expect(receipt.erased.storiesPseudonymised.ids).toEqual(expect.arrayContaining([published.id]));
    expect(receipt.erased.votes).toEqual({ count: 1, ids: [voted.id] });
    expect(receipt.erased.featured.ids).toEqual(expect.arrayContaining([featuring.id, 'demo-002']));
    expect(receipt.erased.delegations.count).toBe(1);
    expect(receipt.erased.user.count).toBe(1);
    expect(receipt.erased.conversation.count).toBe(1);

    // The pending story is gone for everyone.
    for (const user of [admin, manager, employee]) {
      expect((await api.get(`/api/stories/${pending.id}`, { user })).status).toBe(404);
    }
    // The published one stays, told by a former colleague.
    const kept = await api.get<StoryDto>(`/api/stories/${published.id}`, { user: employee });
    expect(kept.status).toBe(200);
    expect(kept.body.author).toEqual({ id: receipt.pseudonymId, displayName: FORMER });
    // His vote is gone, and the count with it.
    const after = (await api.get<StoryDto>(`/api/stories/${voted.id}`, { user: admin })).body;
    expect(after.voteCount).toBe(0);
    const ref = { tenantId: DEMO_TENANT_ID, storyId: voted.id };
    expect((await app.server.storage.stories.reactionOf(ref, 'vote', service)) !== null).toBe(
      false,
    );
    // Nobody features him any more, on the wall either.
    const featured = (await api.get<StoryDto>(`/api/stories/${featuring.id}`, { user: admin }))
      .body;
    expect(featured.featured.map((p) => p.id)).not.toContain(service);
    const wall = await api.get<WallPageDto>('/api/stories?limit=50', { user: employee });
    for (const story of wall.body.items) {
      expect(story.author.id).not.toBe(service);
      expect(story.featured.map((p) => p.id)).not.toContain(service);
      expect(story.featured.map((p) => p.displayName)).not.toContain(NAME);
    }
    // The history of what stays has no trace of his id or name.
    for (const id of [published.id, featuring.id, voted.id, 'demo-002']) {
      const text = JSON.stringify(await history(id));
      expect(text).not.toContain(service);
      expect(text).not.toContain(NAME);
    }
    expect(JSON.stringify(await history(published.id))).toContain(FORMER);

    // What is left to export: nothing.
    const empty = await exportOf(service, admin);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      personId: service,
      profile: null,
      botConversation: false,
      stories: [],
      votes: [],
      featuredIn: [],
      routedTo: [],
      actedOn: [],
      delegations: [],
      roleGrants: [],
    });

    // Asking again answers the same receipt.
    const again = await erase(service, admin);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(receipt);
  });

  it('lets nobody but admins erase or export someone else', async () => {
    const refused = await erase(manager, driver);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await exportOf(manager, driver)).status).toBe(403);
    // The manager is untouched.
    expect((await exportOf(manager, admin)).body.profile?.id).toBe(manager);
    expect((await erase('not a person', admin)).status).toBe(400);
  });

  it('lets a person erase themselves', async () => {
    const mine = await tell(cloakroom, { title: 'My own pending story' });
    const receipt = await erase(cloakroom, cloakroom);
    expect(receipt.status).toBe(200);
    expect(receipt.body.requestedBy).toBe(receipt.body.pseudonymId);
    expect(receipt.body.erased.storiesDeleted.ids).toContain(mine.id);
    expect((await api.get(`/api/stories/${mine.id}`, { user: admin })).status).toBe(404);
    expect((await exportOf(cloakroom, admin)).body.profile).toBeNull();
  });
});

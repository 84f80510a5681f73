import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  ApiKeysDto,
  HistoryDto,
  NewApiKeyDto,
  StoryDto,
  WallPageDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * API keys for server-to-server callers: an admin creates one (shown once, hashed at rest), a
 * caller sends it as a bearer token with the scopes it was given, and a revoked key is refused.
 */

const { employee, manager, admin } = DEMO_USER_IDS;

const story = {
  title: 'Feedback form: the late check-in',
  situation: 'A guest arrived at two in the morning after a cancelled flight, tired and hungry.',
  action: 'The night porter found her a sandwich and carried her bags to the room himself.',
  outcome: 'She wrote on the feedback form that she felt expected, not a bother.',
  lesson: 'The small hours are when care shows most.',
  team: 'Reception',
  category: 'care',
  consent: true,
};

describe('API keys', () => {
  const { api } = useTestApp();

  const create = (name: string, scopes: string[], user: string = admin) =>
    api.post<NewApiKeyDto & ApiErrorBody>('/api/keys', { name, scopes }, { user });
  const asKey = <T>(method: string, path: string, key: string, body?: unknown) =>
    api.call<T & ApiErrorBody>(method, path, {
      headers: { authorization: `Bearer ${key}` },
      ...(body !== undefined ? { body } : {}),
    });

  it('submits a story with a write key; it follows the approval policy and names the key', async () => {
    const created = await create('Customer feedback form', ['stories:write']);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body.key).toMatch(/^swk_[a-z0-9]{16}_[\w-]{43}$/);
    expect(created.body).toMatchObject({
      name: 'Customer feedback form',
      scopes: ['stories:write'],
    });

    const submitted = await asKey<StoryDto>('POST', '/api/stories', created.body.key, story);
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('pending');
    expect(submitted.body.author.displayName).toBe('Customer feedback form');
    // Nobody manages a key: the policy's fallback (the approver role) decides.
    expect(submitted.body.approval.approvers.length).toBeGreaterThan(0);
    const history = await api.get<HistoryDto>(`/api/stories/${submitted.body.id}/history`, {
      user: admin,
    });
    expect(history.body.items.at(-1)).toMatchObject({
      type: 'submitted',
      actor: { displayName: 'Customer feedback form' },
      surface: 'api',
    });

    // Listed with its last use, never with the key.
    const listed = await api.get<ApiKeysDto>('/api/keys', { user: admin });
    const entry = listed.body.items.find((k) => k.id === created.body.id);
    expect(entry?.lastUsedAt).toBeDefined();
    expect(JSON.stringify(listed.body)).not.toContain(
      created.body.key.slice(`swk_${created.body.id}_`.length),
    );
  });

  it('refuses a key without the scope (403), a route keys may not use (403), and a made-up key (401)', async () => {
    const writer = await create('Writer', ['stories:write']);
    expect((await asKey('GET', '/api/stories', writer.body.key)).status).toBe(403);
    const reader = await create('Reader', ['stories:read']);
    const wall = await asKey<WallPageDto>('GET', '/api/stories?limit=5', reader.body.key);
    expect(wall.status).toBe(200);
    expect(wall.body.items.length).toBeGreaterThan(0);
    const one = await asKey<StoryDto>(
      'GET',
      `/api/stories/${wall.body.items[0]!.id}`,
      reader.body.key,
    );
    expect(one.status).toBe(200);
    expect((await asKey('POST', '/api/stories', reader.body.key, story)).status).toBe(403);
    const settings = await asKey<ApiErrorBody>('GET', '/api/settings', reader.body.key);
    expect(settings.status).toBe(403);
    expect(settings.body.error.message).toBe('API keys cannot use this route.');

    const forged = `${reader.body.key.slice(0, -4)}AAAA`;
    expect((await asKey('GET', '/api/stories', forged)).status).toBe(401);
    expect((await asKey('GET', '/api/stories', 'swk_nothing')).status).toBe(401);
  });

  it('never reacts as a person: every reaction route refuses a key, whatever its scopes', async () => {
    const flow = await create('Power Automate', [
      'stories:read',
      'stories:write',
      'webhooks:manage',
    ]);
    const created = await api.post<StoryDto>(
      '/api/stories',
      { ...story, featured: [DEMO_USER_IDS.driver] },
      { user: employee },
    );
    const published = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(published.body.status).toBe('published');
    const id = published.body.id;

    for (const [method, path] of [
      ['POST', `/api/stories/${id}/vote`],
      ['DELETE', `/api/stories/${id}/vote`],
      ['POST', `/api/stories/${id}/learned`],
      ['DELETE', `/api/stories/${id}/learned`],
      ['GET', `/api/me/reactions?stories=${id}`],
    ] as const) {
      const refused = await asKey<ApiErrorBody>(method, path, flow.body.key);
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.message).toBe('API keys cannot use this route.');
    }

    // What a flow may do is read the counts people gave.
    const read = async () =>
      (await asKey<StoryDto>('GET', `/api/stories/${id}`, flow.body.key)).body;
    expect(await read()).toMatchObject({ voteCount: 0, learnedCount: 0 });
    const colleague = DEMO_USER_IDS.service;
    expect((await api.post(`/api/stories/${id}/vote`, {}, { user: colleague })).status).toBe(200);
    expect((await api.post(`/api/stories/${id}/learned`, {}, { user: colleague })).status).toBe(
      200,
    );
    expect(await read()).toMatchObject({ voteCount: 1, learnedCount: 1 });
  });

  it('refuses a revoked key at once', async () => {
    const created = await create('Soon gone', ['stories:read']);
    expect((await asKey('GET', '/api/stories', created.body.key)).status).toBe(200);
    const revoked = await api.call('DELETE', `/api/keys/${created.body.id}`, { user: admin });
    expect(revoked.status).toBe(204);
    expect((await asKey('GET', '/api/stories', created.body.key)).status).toBe(401);
    expect((await api.call('DELETE', `/api/keys/${created.body.id}`, { user: admin })).status).toBe(
      404,
    );
  });

  it('is for admins, and checks what it is given', async () => {
    expect((await create('Mine', ['stories:read'], employee)).status).toBe(403);
    expect((await api.get('/api/keys', { user: manager })).status).toBe(403);
    const bad = await create('', ['stories:delete']);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['name', 'scopes.0']);
    expect((await create('Twice', ['stories:read', 'stories:read'])).status).toBe(400);
    expect((await create('None', [])).status).toBe(400);
    expect((await api.call('DELETE', '/api/keys/NOT-AN-ID', { user: admin })).status).toBe(400);
  });
});

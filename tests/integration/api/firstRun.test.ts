import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiErrorBody, MeDto, SettingsDto, StoryDto } from '../../../src/shared/dto.js';
import { entraEnv, startEntraIssuer, type EntraIssuer } from '../../support/entraIssuer.js';
import { startGraphStub, type GraphStub } from '../../support/graphStub.js';
import type { ApiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/startApp.js';

/**
 * A real tenant's first day, by configuration only (docs/DEPLOY.md, "First run"): Teams SSO
 * tokens, Microsoft Graph as the directory, empty storage, no demo data. The first admin comes from
 * `ADMIN_USER_IDS` or the Entra app role; they grant roles in Settings; the first story is routed
 * without anyone editing a table.
 */

const tenant = '11111111-1111-4111-8111-111111111111';
const clientId = '22222222-2222-4222-8222-222222222222';
const people = {
  configAdmin: 'a0000000-0000-4000-8000-000000000001',
  roleAdmin: 'a0000000-0000-4000-8000-000000000002',
  approver: 'a0000000-0000-4000-8000-000000000003',
  author: 'a0000000-0000-4000-8000-000000000004',
  newcomer: 'a0000000-0000-4000-8000-000000000005',
} as const;

describe('first run in a real tenant (entra + graph, empty storage)', () => {
  let issuer: EntraIssuer;
  let graph: GraphStub;
  let app: TestApp;
  let api: ApiClient;

  const as = (oid: string, name: string, roles?: string[]) =>
    issuer.token({ oid, name, ...(roles ? { roles } : {}) });

  beforeAll(async () => {
    issuer = await startEntraIssuer(tenant, clientId);
    graph = await startGraphStub({
      users: [
        { id: people.configAdmin, displayName: 'Aino Admin' },
        { id: people.roleAdmin, displayName: 'Rolf Role' },
        { id: people.approver, displayName: 'Paula Approver' },
        // Neither the author nor the newcomer has a manager in Entra.
        { id: people.author, displayName: 'Olli Author', preferredLanguage: 'fi-FI' },
        { id: people.newcomer, displayName: 'Nea Newcomer' },
      ],
      // An Entra group with a nested group: its members count transitively.
      groups: { 'g-editors': ['g-editors-fi'], 'g-editors-fi': [people.newcomer] },
    });
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      seed: false,
      env: {
        ...entraEnv(issuer, tenant, clientId),
        DIRECTORY: 'graph',
        GRAPH_BASE_URL: graph.baseUrl,
        ADMIN_USER_IDS: people.configAdmin,
      },
      transport: 'inject',
    });
    api = app.client();
  });
  afterAll(async () => {
    await app?.close();
    await graph?.close();
    await issuer?.close();
  });

  it('before any grant, the first story still finds someone: the admin of the configuration', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft('Before any grant'), {
      token: await as(people.author, 'Olli Author'),
    });
    expect(created.status).toBe(201);
    expect(created.body.approval.fallback).toBe('no_manager');
    expect(created.body.approval.approvers).toEqual([
      expect.objectContaining({ id: people.configAdmin, displayName: 'Aino Admin' }),
    ]);
  });

  it('the admin of ADMIN_USER_IDS and the holder of the Entra app role both manage Settings', async () => {
    const me = await api.get<MeDto>('/api/me', { token: await as(people.configAdmin, 'Aino') });
    expect(me.body.roles).toContain('admin');
    const byRole = await api.get<SettingsDto>('/api/settings', {
      token: await as(people.roleAdmin, 'Rolf Role', ['StoryWall.Admin']),
    });
    expect(byRole.status).toBe(200);
    const plain = await api.get<ApiErrorBody>('/api/settings', {
      token: await as(people.newcomer, 'Nea Newcomer'),
    });
    expect(plain.status).toBe(403);
  });

  it('roles granted in Settings to a person and a group; the approver gets the first story of a person without a manager', async () => {
    const token = await as(people.configAdmin, 'Aino Admin');
    const { version, approval, roles } = (await api.get<SettingsDto>('/api/settings', { token }))
      .body;
    const saved = await api.call<SettingsDto>('PUT', '/api/settings', {
      token,
      body: {
        version,
        approval,
        roles: [
          ...roles,
          { role: 'approver', kind: 'person', id: people.approver },
          { role: 'editor', kind: 'group', id: 'g-editors' },
        ],
      },
    });
    expect(saved.status).toBe(200);

    const approverMe = await api.get<MeDto>('/api/me', {
      token: await as(people.approver, 'Paula Approver'),
    });
    expect(approverMe.body.roles).toContain('approver');
    const editorMe = await api.get<MeDto>('/api/me', {
      token: await as(people.newcomer, 'Nea Newcomer'),
    });
    expect(editorMe.body.roles).toContain('editor');

    const created = await api.post<StoryDto>('/api/stories', draft(), {
      token: await as(people.author, 'Olli Author'),
    });
    expect(created.status).toBe(201);
    expect(created.body.approval.fallback).toBe('no_manager');
    expect(created.body.approval.approvers).toEqual([
      expect.objectContaining({ id: people.approver, displayName: 'Paula Approver' }),
    ]);
    const queue = await api.get<{ items: { id: string }[] }>('/api/approvals', {
      token: await as(people.approver, 'Paula Approver'),
    });
    expect(queue.body.items.map((s) => s.id)).toEqual([created.body.id]);
    // The new grant routes only new stories; the earlier one still waits for the admin.
    const adminQueue = await api.get<{ items: { id: string }[] }>('/api/approvals', { token });
    expect(adminQueue.body.items.map((s) => s.id)).not.toContain(created.body.id);
  });
});

function draft(title = 'The first story of a new tenant') {
  return {
    title,
    situation: 'A customer called late on Friday about a delivery stuck at the border.',
    action: 'I called the customs broker at home and got the papers signed that evening.',
    outcome: 'The goods arrived on Monday morning and the customer renewed for two years.',
    lesson: 'One phone call at the right moment outweighs a week of e-mails.',
    team: 'Logistics',
    category: 'quick-thinking',
    consent: true,
  };
}

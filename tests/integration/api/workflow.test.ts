import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  DelegationDto,
  DelegationsDto,
  HistoryDto,
  PeopleDto,
  SettingsDto,
  StoryDto,
  StoryListDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * The approval workflow over HTTP: an admin sets the policy in Settings (no storage edits), a
 * story follows it stage by stage, delegation stands in for an away approver, and the history
 * tells the author what happened.
 */

const { employee, manager, editor, admin, service, driver } = DEMO_USER_IDS;

function draft(title: string) {
  return {
    title,
    situation: 'A family missed the last shuttle after the concert ended late.',
    action: 'I drove them to the station in the service van and called ahead to hold the train.',
    outcome: 'They made the train and wrote to thank the whole crew the next morning.',
    lesson: 'A late night is where a guest remembers who stayed to help.',
    team: 'Venue services',
    category: 'care',
    featured: [driver],
    consent: true,
  };
}

describe('approval workflow API', () => {
  const { api } = useTestApp();

  const settingsOf = async (user: string) =>
    api.get<SettingsDto & ApiErrorBody>('/api/settings', { user });
  const putSettings = (body: unknown, user = admin) =>
    api.call<SettingsDto & ApiErrorBody>('PUT', '/api/settings', { body, user });
  const decide = (id: string, user: string, decision = 'approve', comment?: string) =>
    api.post<StoryDto & ApiErrorBody>(
      `/api/stories/${id}/decision`,
      { decision, ...(comment ? { comment } : {}) },
      { user },
    );
  const queueOf = async (user: string, scope?: 'all') =>
    (
      await api.get<StoryListDto>(`/api/approvals${scope ? '?scope=all' : ''}`, { user })
    ).body.items.map((s) => s.id);
  const historyOf = async (id: string, user: string) =>
    (await api.get<HistoryDto>(`/api/stories/${id}/history`, { user })).body.items;

  describe('settings', () => {
    it('shows the defaults to admins only: manager first, the approver role as fallback', async () => {
      const current = await settingsOf(admin);
      expect(current.status).toBe(200);
      expect(current.body.approval).toMatchObject({
        stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
        fallback: { kind: 'role', role: 'approver' },
        remindAfter: 'P2D',
        expireAfter: 'P14D',
      });
      expect(current.body.roles).toContainEqual({ role: 'admin', kind: 'person', id: admin });

      const refused = await settingsOf(employee);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    });

    it('refuses a document that is not valid, naming the field, and stores nothing', async () => {
      const before = (await settingsOf(admin)).body;
      const bad = await putSettings({
        ...before,
        updatedAt: undefined,
        updatedBy: undefined,
        approval: { ...before.approval, remindAfter: 'P1Y' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation');
      expect(JSON.stringify(bad.body.error)).toContain('remindAfter');
      expect((await settingsOf(admin)).body.version).toBe(before.version);
    });

    it('refuses an edit from an old version with a conflict', async () => {
      const { version, approval, roles } = (await settingsOf(admin)).body;
      expect((await putSettings({ version, approval, roles })).status).toBe(200);
      const stale = await putSettings({ version, approval, roles });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict');
    });

    it('will not let an admin remove their own admin grant', async () => {
      const { version, approval, roles } = (await settingsOf(admin)).body;
      const without = roles.filter((grant) => !(grant.role === 'admin' && grant.id === admin));
      const refused = await putSettings({ version, approval, roles: without });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/admin/);
      expect((await settingsOf(admin)).body.roles).toContainEqual({
        role: 'admin',
        kind: 'person',
        id: admin,
      });
    });
  });

  it('a two-stage policy set in Settings: the manager, then every named editor; then published', async () => {
    const { version, roles } = (await settingsOf(admin)).body;
    const saved = await putSettings({
      version,
      roles,
      approval: {
        stages: [
          { approvers: { kind: 'manager' }, mode: 'any' },
          { approvers: { kind: 'people', ids: [editor, service] }, mode: 'all' },
        ],
        fallback: { kind: 'role', role: 'approver' },
        remindAfter: 'P1D',
        escalateAfterReminders: 1,
        expireAfter: 'P7D',
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(version + 1);

    const created = await api.post<StoryDto>('/api/stories', draft('Two stages to the wall'), {
      user: employee,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.approval).toMatchObject({ stage: 1, stages: 2, mode: 'any' });
    expect(created.body.approval.approvers.map((a) => a.id)).toEqual([manager]);
    expect(created.body.approval.policyVersion).toBe(version + 1);
    expect(await queueOf(editor)).not.toContain(id);

    // A person not asked in this stage may not decide.
    expect((await decide(id, editor)).status).toBe(403);

    const first = await decide(id, manager);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending', approval: { stage: 2, mode: 'all' } });
    expect(await queueOf(manager)).not.toContain(id);
    expect(await queueOf(editor)).toContain(id);
    expect(await queueOf(service)).toContain(id);

    const second = await decide(id, editor);
    expect(second.body.status).toBe('pending');
    const approvers = second.body.approval.approvers;
    expect(approvers.find((a) => a.id === editor)?.approvedAt).toBeDefined();
    expect(approvers.find((a) => a.id === service)?.approvedAt).toBeUndefined();
    expect(await queueOf(editor)).not.toContain(id);
    expect(await queueOf(service)).toContain(id);

    const last = await decide(id, service);
    expect(last.body.status).toBe('published');
    expect(await queueOf(service)).not.toContain(id);

    // Newest first, as a timeline reads.
    const history = (await historyOf(id, employee)).reverse();
    expect(history.map((event) => event.type)).toEqual([
      'submitted',
      'routed',
      'approved',
      'routed',
      'approved',
      'approved',
      'published',
    ]);
    expect(history[1]?.detail).toMatchObject({ stage: 1, stages: 2 });
    expect(history[3]?.detail).toMatchObject({ stage: 2, stages: 2 });
    expect(history.slice(4, 6).map((event) => event.actor.id)).toEqual([editor, service]);
    const times = history.map((event) => event.at);
    expect([...times].sort()).toEqual(times);
  });

  it('the history is for the people who may see the story', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft('Only for those involved'), {
      user: employee,
    });
    const other = await api.get<ApiErrorBody>(`/api/stories/${created.body.id}/history`, {
      user: service,
    });
    expect([403, 404]).toContain(other.status);
    expect((await historyOf(created.body.id, employee)).length).toBeGreaterThan(0);
  });

  describe('delegation', () => {
    it('while the manager is away, the delegate is asked instead, and the history says so', async () => {
      const from = new Date(Date.now() - 60_000).toISOString();
      const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const set = await api.call<DelegationDto>('PUT', '/api/delegations', {
        body: { delegateId: editor, from, until },
        user: manager,
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ userId: manager, delegateId: editor, setBy: manager });
      const mine = await api.get<DelegationsDto>('/api/delegations', { user: manager });
      expect(mine.body.items.map((d) => d.delegateId)).toEqual([editor]);

      // Back to one stage, so the manager's delegate decides alone.
      const { version, roles } = (await settingsOf(admin)).body;
      await putSettings({
        version,
        roles,
        approval: {
          stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
          fallback: { kind: 'role', role: 'approver' },
        },
      });

      const created = await api.post<StoryDto>('/api/stories', draft('Asked while away'), {
        user: employee,
      });
      const asked = created.body.approval.approvers;
      expect(asked.map((a) => a.id)).toEqual([editor]);
      expect(asked[0]?.onBehalfOf).toBe(manager);
      expect(await queueOf(manager)).not.toContain(created.body.id);
      expect(await queueOf(editor)).toContain(created.body.id);
      const delegated = (await historyOf(created.body.id, employee)).find(
        (event) => event.type === 'delegated',
      );
      expect(delegated?.detail).toMatchObject({ from: 'Mikko Manager', to: 'Eeva Editor' });

      const cleared = await api.call('DELETE', '/api/delegations', { user: manager });
      expect(cleared.status).toBe(204);
      const again = await api.post<StoryDto>('/api/stories', draft('Asked after returning'), {
        user: employee,
      });
      expect(again.body.approval.approvers.map((a) => a.id)).toEqual([manager]);
    });

    it('refuses a window that ends before it starts, and a person setting someone else’s', async () => {
      const now = Date.now();
      const backwards = await api.call<ApiErrorBody>('PUT', '/api/delegations', {
        body: {
          delegateId: editor,
          from: new Date(now).toISOString(),
          until: new Date(now - 1000).toISOString(),
        },
        user: manager,
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.code).toBe('validation');

      const foreign = await api.call<ApiErrorBody>('PUT', '/api/delegations', {
        body: {
          userId: manager,
          delegateId: employee,
          from: new Date(now).toISOString(),
          until: new Date(now + 86_400_000).toISOString(),
        },
        user: employee,
      });
      expect(foreign.status).toBe(403);
      expect(
        (await api.get<DelegationsDto>('/api/delegations', { user: manager })).body.items,
      ).toEqual([]);
    });
  });

  it('an admin may decide in place of the approvers, only with a reason, and the history says so', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft('Decided by the admin'), {
      user: employee,
    });
    const id = created.body.id;
    const bare = await decide(id, admin);
    expect(bare.status).toBe(400);
    expect(bare.body.error.code).toBe('validation');
    expect((await api.get<StoryDto>(`/api/stories/${id}`, { user: employee })).body.status).toBe(
      'pending',
    );

    const decided = await decide(id, admin, 'approve', 'Mikko is on leave; approved for him.');
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('published');
    expect(await queueOf(manager)).not.toContain(id);
    const approved = (await historyOf(id, employee)).find((event) => event.type === 'approved');
    expect(approved?.actor.id).toBe(admin);
    expect(approved?.detail).toMatchObject({
      override: true,
      comment: 'Mikko is on leave; approved for him.',
    });
  });

  it('admins see every pending story; others asking for all are refused', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft('Seen by the admin'), {
      user: employee,
    });
    expect(await queueOf(admin, 'all')).toContain(created.body.id);
    const refused = await api.get<ApiErrorBody>('/api/approvals?scope=all', { user: employee });
    expect(refused.status).toBe(403);
  });

  it('people search finds colleagues by the start of their name, for pickers', async () => {
    const found = await api.get<PeopleDto>('/api/people?q=Mik', { user: employee });
    expect(found.status).toBe(200);
    expect(found.body.items.map((p) => p.id)).toContain(manager);
    expect(found.body.items.map((p) => p.id)).not.toContain(editor);
    const tooLong = await api.get<ApiErrorBody>(`/api/people?q=${'a'.repeat(500)}`, {
      user: employee,
    });
    expect(tooLong.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { HistoryDto, StoryDto, StoryListDto } from '../../../src/shared/dto.js';
import { startGraphStub, type GraphStub } from '../../support/graphStub.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * Submissions routed by Microsoft Graph: the app runs with `DIRECTORY=graph` against a loopback
 * Graph stub, so managers come from the directory, not from stored rows. Graph trouble never
 * loses a story: the policy's fallback (the approver role) decides, and the history says why.
 */

const { employee, manager, editor, admin, service, driver, cloakroom } = DEMO_USER_IDS;

let graph: GraphStub;
beforeAll(async () => {
  graph = await startGraphStub({
    users: [
      // Graph, not the demo rows, decides: here the employee's manager is the service lead.
      { id: employee, displayName: 'Emma Employee', managerId: service, preferredLanguage: 'en' },
      { id: service, displayName: 'Sanna Service Lead', department: 'Venue services' },
      { id: manager, displayName: 'Mikko Manager' },
      { id: editor, displayName: 'Eeva Editor', managerId: admin },
      { id: admin, displayName: 'Aaron Admin' },
      { id: driver, displayName: 'Tomi Kuljettaja' },
      { id: cloakroom, displayName: 'Kaisa Narikka', managerId: manager },
    ],
  });
});
afterAll(async () => {
  await graph.close();
});

function draft(title: string) {
  return {
    title,
    situation: 'A guest lost her passport somewhere between the hall and the taxi rank.',
    action: 'I retraced her route with the security team and found it under a bench.',
    outcome: 'She caught her flight and sent the team a postcard from home.',
    lesson: 'Walking the guest’s own path finds what a search of the building misses.',
    team: 'Venue services',
    category: 'care',
    consent: true,
  };
}

describe('routing through Microsoft Graph (DIRECTORY=graph)', () => {
  const { api } = useTestApp({
    env: {
      DIRECTORY: 'graph',
      get GRAPH_BASE_URL() {
        return graph.baseUrl;
      },
    },
  });

  const submit = (user: string, title: string) =>
    api.post<StoryDto>('/api/stories', draft(title), { user });
  const historyOf = async (id: string, user: string) =>
    (await api.get<HistoryDto>(`/api/stories/${id}/history`, { user })).body.items;
  const routed = async (id: string, user: string) =>
    (await historyOf(id, user)).find((event) => event.type === 'routed');

  it('asks the manager Graph names, with the name Graph gives', async () => {
    const created = await submit(employee, 'Found under a bench');
    expect(created.status).toBe(201);
    expect(created.body.approval.approvers).toEqual([
      expect.objectContaining({ id: service, displayName: 'Sanna Service Lead' }),
    ]);
    expect(created.body.approval.fallback).toBeUndefined();
    expect(graph.requests.some((r) => r.path === `/users/${employee}/manager`)).toBe(true);
    const queue = await api.get<StoryListDto>('/api/approvals', { user: service });
    expect(queue.body.items.map((s) => s.id)).toContain(created.body.id);
  });

  it('a person without a manager: the approver role decides, and the history says why', async () => {
    const created = await submit(driver, 'No manager in the directory');
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending');
    expect(created.body.approval.fallback).toBe('no_manager');
    // The demo grants give the approver role to the manager.
    expect(created.body.approval.approvers.map((a) => a.id)).toEqual([manager]);
    expect((await routed(created.body.id, driver))?.detail).toMatchObject({
      fallback: 'no_manager',
    });
  });

  it('Graph throttling (429 with a long Retry-After) does not lose the story', async () => {
    graph.failNext(`/users/${cloakroom}/manager`, { status: 429, retryAfter: '120' });
    const created = await submit(cloakroom, 'Submitted while Graph throttles');
    expect(created.status).toBe(201);
    expect(created.body.approval.fallback).toBe('directory_unavailable');
    expect(created.body.approval.approvers.map((a) => a.id)).toEqual([manager]);
    expect((await routed(created.body.id, cloakroom))?.detail).toMatchObject({
      fallback: 'directory_unavailable',
    });
  });

  it('a Graph that does not answer does not lose the story either', async () => {
    graph.failNext(`/users/${editor}/manager`, 'stall');
    const created = await submit(editor, 'Submitted while Graph stalls');
    expect(created.status).toBe(201);
    expect(created.body.approval.fallback).toBe('directory_unavailable');
    expect(created.body.approval.approvers.map((a) => a.id)).toEqual([manager]);
  });

  it('a short Retry-After is waited out, and the manager is asked after all', async () => {
    graph.failNext(`/users/${cloakroom}/manager`, { status: 429, retryAfter: '0' });
    const created = await submit(cloakroom, 'Submitted after a short wait');
    expect(created.status).toBe(201);
    expect(created.body.approval.fallback).toBeUndefined();
    expect(created.body.approval.approvers.map((a) => a.id)).toEqual([manager]);
  });
});

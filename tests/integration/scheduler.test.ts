import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { HistoryDto, SettingsDto, StoryDto } from '../../src/shared/dto.js';
import { movableClock } from '../support/fakes.js';
import { apiClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/startApp.js';

/**
 * Reminders, escalation and expiry with two app instances on one storage account, as a scaled-out
 * deployment runs: both schedulers tick at the same moment, and each due thing happens once.
 */

const { employee, manager, admin, driver } = DEMO_USER_IDS;
const HOUR = 3_600_000;

describe('the scheduler on two instances', () => {
  const clock = movableClock();
  const apps: TestApp[] = [];
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    const shared = {
      connectionString: inject('azurite').connectionString,
      clock,
    };
    const env = {
      TABLE_PREFIX: `t${Math.random().toString(36).slice(2, 10)}`,
      SCHEDULER_INTERVAL_SECONDS: '0',
    };
    apps.push(await startTestApp({ ...shared, env }));
    apps.push(await startTestApp({ ...shared, env, seed: false }));
    api = apiClient(apps[0]!.url);

    const { version, roles } = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    const saved = await api.call('PUT', '/api/settings', {
      user: admin,
      body: {
        version,
        roles,
        approval: {
          stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
          fallback: { kind: 'role', role: 'approver' },
          remindAfter: 'PT1H',
          escalateAfterReminders: 1,
          expireAfter: 'PT5H',
        },
      },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** Both instances' schedulers at once; how many stories each did work on. */
  const tickBoth = () => Promise.all(apps.map((app) => app.server.scheduler.tick()));
  const historyOf = async (id: string) =>
    (await api.get<HistoryDto>(`/api/stories/${id}/history`, { user: employee })).body.items;
  const count = async (id: string, type: string) =>
    (await historyOf(id)).filter((event) => event.type === type).length;

  it('reminds once, escalates past the manager to the admin, then gives the story back', async () => {
    const created = await api.post<StoryDto>(
      '/api/stories',
      {
        title: 'A wheelchair at the side door',
        situation: 'A guest in a wheelchair found the main entrance blocked by a delivery.',
        action: 'I opened the side door, cleared the ramp and walked in with her.',
        outcome: 'She reached her seat before the lights went down and thanked us twice.',
        lesson: 'Check the accessible route before every show, not after a complaint.',
        team: 'Venue services',
        category: 'care',
        featured: [driver],
        consent: true,
      },
      { user: employee },
    );
    expect(created.status).toBe(201);
    const id = created.body.id;

    // Nothing is due yet.
    expect(await tickBoth()).toEqual([0, 0]);

    clock.advance(HOUR + 60_000);
    const reminded = await tickBoth();
    expect(reminded[0]! + reminded[1]!).toBe(1);
    expect(await count(id, 'reminded')).toBe(1);
    expect(await tickBoth()).toEqual([0, 0]);
    expect(await count(id, 'reminded')).toBe(1);

    clock.advance(HOUR);
    const escalated = await tickBoth();
    expect(escalated[0]! + escalated[1]!).toBe(1);
    expect(await count(id, 'escalated')).toBe(1);
    // The manager has no manager and holds the fallback role himself: escalation goes past him.
    const story = (await api.get<StoryDto>(`/api/stories/${id}`, { user: employee })).body;
    expect(story.status).toBe('pending');
    expect(story.approval.approvers).toEqual([
      expect.objectContaining({ id: admin, onBehalfOf: manager }),
    ]);

    clock.advance(4 * HOUR);
    const expired = await tickBoth();
    expect(expired[0]! + expired[1]!).toBe(1);
    expect(await count(id, 'expired')).toBe(1);
    // Asked of the instance that gave it back: the other may show the copy it read above for a
    // few seconds more (the story view cache, src/storage/storyViewCache.ts).
    const by = apps[expired[0] === 1 ? 0 : 1]!;
    const back = (await apiClient(by.url).get<StoryDto>(`/api/stories/${id}`, { user: employee }))
      .body;
    expect(back.status).not.toBe('pending');
    expect(back.approval.expired).toBe(true);
    expect(await tickBoth()).toEqual([0, 0]);
  });
});

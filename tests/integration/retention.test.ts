import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  MyStoriesPageDto,
  SettingsDto,
  StoryDto,
} from '../../src/shared/dto.js';
import { movableClock } from '../support/fakes.js';
import { apiClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/startApp.js';

/**
 * The retention setting end to end: an admin sets a period in Settings; the app's own scheduler
 * deletes the rejected and withdrawn stories once it has passed, and keeps every other story.
 */

const { employee, manager, admin } = DEMO_USER_IDS;
const DAY = 24 * 60 * 60 * 1000;

describe('retention of closed stories', () => {
  const clock = movableClock();
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      clock,
      env: {
        TABLE_PREFIX: `t${Math.random().toString(36).slice(2, 10)}`,
        SCHEDULER_INTERVAL_SECONDS: '0',
      },
    });
    api = apiClient(app.url);
  });
  afterAll(async () => {
    await app.close();
  });

  const tell = async (title: string) => {
    const created = await api.post<StoryDto>(
      '/api/stories',
      {
        title,
        situation: 'A guest lost her phone somewhere in the hall during the gala dinner.',
        action: 'I searched the hall with a torch after the guests had left.',
        outcome: 'She had it back at breakfast and wrote to thank the whole team.',
        lesson: 'Looking once more is cheap and worth a lot.',
        team: 'Venue services',
        category: 'care',
        featured: [],
        consent: true,
      },
      { user: employee },
    );
    expect(created.status).toBe(201);
    return created.body;
  };
  const status = async (id: string) =>
    (await api.get<StoryDto & ApiErrorBody>(`/api/stories/${id}`, { user: admin })).status;

  it('deletes them once the period has passed, and nothing else', async () => {
    const read = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    const saved = await api.call<SettingsDto>('PUT', '/api/settings', {
      user: admin,
      body: {
        version: read.version,
        approval: read.approval,
        roles: read.roles,
        privacy: { enabled: false, deleteClosedAfterDays: 30 },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.privacy.deleteClosedAfterDays).toBe(30);

    const rejected = await tell('Rejected by the manager');
    const decided = await api.post(
      `/api/stories/${rejected.id}/decision`,
      { decision: 'reject', comment: 'Not for the wall' },
      { user: manager },
    );
    expect(decided.status).toBe(200);
    const withdrawn = await tell('Withdrawn by its author');
    expect(
      (await api.post(`/api/stories/${withdrawn.id}/withdraw`, {}, { user: employee })).status,
    ).toBe(200);
    const published = await tell('Published for everyone');
    await api.post(
      `/api/stories/${published.id}/decision`,
      { decision: 'approve' },
      {
        user: manager,
      },
    );
    const pending = await tell('Still waiting');

    // 29 days on: the scheduler runs, and everything is still there.
    clock.advance(29 * DAY);
    await app.server.scheduler.tick();
    expect(await status(rejected.id)).toBe(200);

    // 31 days on: the closed ones are gone, from the author's list too; the others stay.
    clock.advance(2 * DAY);
    await app.server.scheduler.tick();
    expect(await status(rejected.id)).toBe(404);
    expect(await status(withdrawn.id)).toBe(404);
    expect(await status(published.id)).toBe(200);
    expect(await status(pending.id)).toBe(200);
    const mine = await api.get<MyStoriesPageDto>('/api/stories/mine?limit=50', { user: employee });
    const titles = mine.body.items.map((s) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['Published for everyone', 'Still waiting']));
    expect(titles).not.toContain('Rejected by the manager');
    expect(titles).not.toContain('Withdrawn by its author');
  });
});

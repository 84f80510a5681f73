import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { ApiErrorBody, StoryDto } from '../../../src/shared/dto.js';
import { apiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/startApp.js';

/**
 * Storage that stops answering (Azurite frozen with SIGSTOP: connections are accepted, nothing
 * comes back). Every storage call has a per-attempt timeout and an overall deadline, so a request
 * answers 503 within a few seconds instead of waiting for storage; and what was answered 201 is
 * stored whole, what was answered 503 is stored whole or not at all (docs/SECURITY.md).
 */
const ATTEMPT_MS = 800;
const DEADLINE_MS = 2_000;
/** A 503 comes within the deadline, plus the little the app does around storage. */
const ANSWER_WITHIN_MS = DEADLINE_MS + 1_500;

const { employee } = DEMO_USER_IDS;

function draft(n: number) {
  return {
    title: `A stalled evening, story ${n}`,
    situation: 'The lights went out in the hall just as the guests sat down for dinner.',
    action: 'We lit the candles from the storeroom and served the cold courses first.',
    outcome: 'The guests called it the most memorable dinner of the conference.',
    lesson: 'Have a plan for the dark, and keep calm.',
    team: 'Venue services',
    category: 'care',
    featured: [],
    consent: true,
  };
}

/**
 * The story as its author reads it after storage is back, if it exists. Just after a resume the
 * backlog of the stall may still answer a read with 503 (as it should): it is read again, for a
 * few seconds at most.
 */
async function readBack(api: ReturnType<typeof apiClient>, title: string) {
  let mine = await readMine(api);
  for (let attempt = 1; mine.status === 503 && attempt < 20; attempt++) {
    await new Promise((done) => setTimeout(done, 250));
    mine = await readMine(api);
  }
  expect(mine.status).toBe(200);
  return mine.body.items.filter((s) => s.title === title);
}

function readMine(api: ReturnType<typeof apiClient>) {
  return api.get<{ items: StoryDto[] }>('/api/stories/mine?limit=50', { user: employee });
}

describe('storage that stalls', () => {
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        STORAGE_ATTEMPT_TIMEOUT_MS: String(ATTEMPT_MS),
        STORAGE_DEADLINE_MS: String(DEADLINE_MS),
      },
    });
    api = apiClient(app.url);
  });
  afterAll(() => app.close());

  it('answers a write 503 within the deadline, and stores it whole or not at all', async () => {
    const warm = await api.post<StoryDto>('/api/stories', draft(0), { user: employee });
    expect(warm.status).toBe(201);

    app.pauseStorage();
    const started = performance.now();
    let answer: Awaited<ReturnType<typeof api.post<ApiErrorBody>>>;
    try {
      answer = await api.post<ApiErrorBody>('/api/stories', draft(1), { user: employee });
    } finally {
      app.resumeStorage();
    }
    const tookMs = performance.now() - started;
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('unavailable');
    expect(answer.headers.get('retry-after')).toBeTruthy();
    expect(tookMs).toBeLessThan(ANSWER_WITHIN_MS);

    const found = await readBack(api, draft(1).title);
    expect(found.length).toBeLessThanOrEqual(1);
    for (const story of found) expect(story).toMatchObject({ ...draft(1), status: 'pending' });
  });

  it('answers a read 503 within the deadline, and the health check says so', async () => {
    app.pauseStorage();
    try {
      const started = performance.now();
      const wall = await api.get<ApiErrorBody>('/api/stories/mine', { user: employee });
      expect(wall.status).toBe(503);
      const health = await api.get('/healthz');
      expect(health.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(2 * ANSWER_WITHIN_MS);
    } finally {
      app.resumeStorage();
    }
    expect((await api.get('/healthz')).status).toBe(200);
  });

  it('keeps every story answered 201 during a burst in which storage stalls', async () => {
    // One submission every 150 ms; storage stalls for a while in the middle of them.
    const answers = Array.from({ length: 14 }, async (_, i) => {
      await new Promise((done) => setTimeout(done, i * 150));
      const started = performance.now();
      const response = await api.post<StoryDto>('/api/stories', draft(100 + i), {
        user: employee,
      });
      return {
        i,
        status: response.status,
        body: response.body,
        tookMs: performance.now() - started,
      };
    });
    await new Promise((done) => setTimeout(done, 400));
    app.pauseStorage();
    await new Promise((done) => setTimeout(done, DEADLINE_MS + 500));
    app.resumeStorage();
    const results = await Promise.all(answers);

    for (const result of results) {
      expect([201, 503], JSON.stringify(result)).toContain(result.status);
      expect(result.tookMs).toBeLessThan(ANSWER_WITHIN_MS + DEADLINE_MS);
    }
    expect(results.some((r) => r.status === 503)).toBe(true);
    expect(results.some((r) => r.status === 201)).toBe(true);
    for (const result of results) {
      const found = await readBack(api, draft(100 + result.i).title);
      if (result.status === 201) expect(found).toHaveLength(1);
      else expect(found.length).toBeLessThanOrEqual(1);
      for (const story of found) expect(story).toMatchObject(draft(100 + result.i));
    }
  });
});

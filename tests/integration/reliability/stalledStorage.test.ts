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
 * The author's list ("My stories") after storage is back. Just after a resume the backlog of the
 * stall may still answer a read with 503 (as it should): it is read again, for a few seconds at
 * most.
 */
async function readBack(api: ReturnType<typeof apiClient>): Promise<StoryDto[]> {
  const mine = await untilAnswered(() =>
    api.get<{ items: StoryDto[] }>('/api/stories/mine?limit=50', { user: employee }),
  );
  expect(mine.status).toBe(200);
  return mine.body.items;
}

/** One story by id, as its author reads it. */
function readStory(api: ReturnType<typeof apiClient>, id: string) {
  return untilAnswered(() => api.get<StoryDto>(`/api/stories/${id}`, { user: employee }));
}

async function untilAnswered<T extends { status: number }>(read: () => Promise<T>): Promise<T> {
  let answer = await read();
  for (let attempt = 1; answer.status === 503 && attempt < 20; attempt++) {
    await new Promise((done) => setTimeout(done, 250));
    answer = await read();
  }
  return answer;
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

    await app.server.relay.sweep();
    const found = (await readBack(api)).filter((s) => s.title === draft(1).title);
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
    // Each story answered 201 is stored whole: read by id, from the story itself.
    const stored = results.filter((result) => result.status === 201);
    for (const result of stored) {
      const read = await readStory(api, result.body.id);
      expect(read.status, JSON.stringify(result)).toBe(200);
      expect(read.body).toMatchObject(draft(100 + result.i));
    }
    // The author's list is a projection: what the stall left undone the outbox repairs, so each
    // appears there once (a message's retry waits its back-off, hence the polling).
    await expect
      .poll(
        async () => {
          await app.server.relay.sweep();
          const mine = await readBack(api);
          return stored.every(
            (result) => mine.filter((s) => s.title === draft(100 + result.i).title).length === 1,
          );
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    const mine = await readBack(api);
    for (const result of results) {
      const found = mine.filter((s) => s.title === draft(100 + result.i).title);
      // Answered 503: not stored, or stored once and whole.
      expect(found.length).toBeLessThanOrEqual(1);
      for (const story of found) expect(story).toMatchObject(draft(100 + result.i));
    }
  });
});

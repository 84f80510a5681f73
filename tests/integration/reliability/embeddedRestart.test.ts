import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { startServer, type RunningServer } from '../../../src/server.js';
import type { ApiErrorBody, StoryDto } from '../../../src/shared/dto.js';
import { apiClient } from '../../support/http.js';
import { repoRoot } from '../../support/paths.js';

/**
 * The local default runs its own Azurite. When the emulator dies while the app runs, the app
 * answers 503 quickly (never hangs, never crashes), `/healthz` says 503, the emulator is started
 * again on the same port and database, and everything stored before is there.
 */
const { employee } = DEMO_USER_IDS;
/** The emulator saves its database every 5 s; what it had not saved dies with it. */
const EMULATOR_SAVES_MS = 5_500;

function draft(title: string) {
  return {
    title,
    situation: 'A delegate lost her badge on the way to the opening keynote of the day.',
    action: 'We printed a new one at the desk and walked her to the hall ourselves.',
    outcome: 'She was in her seat before the lights went down and wrote to thank us.',
    lesson: 'Fix it first, ask questions later.',
    team: 'Registration',
    category: 'care',
    featured: [],
    consent: true,
  };
}

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Timed out waiting until ${what}.`);
}

describe('the embedded Azurite dies while the app runs', () => {
  let dataDir: string;
  let server: RunningServer;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'story-wall-restart-'));
    const config = loadConfig(
      {
        NODE_ENV: 'test',
        PORT: '0',
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        OUTBOX_SWEEP_SECONDS: '0',
        SCHEDULER_INTERVAL_SECONDS: '0',
        LOG_LEVEL: 'silent',
        STORAGE_ATTEMPT_TIMEOUT_MS: '800',
        STORAGE_DEADLINE_MS: '2000',
      },
      repoRoot,
    );
    server = await startServer(config);
    api = apiClient(server.url);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 meanwhile, starts it again, and keeps what was stored', async () => {
    const embedded = server.embeddedStorage;
    expect(embedded).toBeDefined();
    const before = await api.post<StoryDto>('/api/stories', draft('Before the crash'), {
      user: employee,
    });
    expect(before.status).toBe(201);
    await new Promise((done) => setTimeout(done, EMULATOR_SAVES_MS));

    const deadPid = embedded?.pid;
    expect(deadPid).toBeTypeOf('number');
    process.kill(deadPid ?? 0, 'SIGKILL');

    // Down: the health check says so at once (the emulator takes a second to start again).
    expect((await api.get('/healthz')).status).toBe(503);
    // A burst of writes meanwhile, across the restart: each is refused quickly, or stored whole
    // once the emulator is back.
    const burst = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        await new Promise((done) => setTimeout(done, i * 250));
        const started = performance.now();
        const response = await api.post<ApiErrorBody>('/api/stories', draft(`During ${i}`), {
          user: employee,
        });
        return { i, status: response.status, tookMs: performance.now() - started };
      }),
    );
    for (const result of burst) {
      expect([201, 503], JSON.stringify(result)).toContain(result.status);
      expect(result.tookMs).toBeLessThan(4_000);
    }
    // How many are refused depends on how fast the emulator is back (a loaded machine: none).

    await until('the emulator runs again', async () => (embedded?.restarts ?? 0) >= 1);
    expect(embedded?.pid).not.toBe(deadPid);
    await until('the app is healthy again', async () => (await api.get('/healthz')).status === 200);

    const after = await api.post<StoryDto>('/api/stories', draft('After the crash'), {
      user: employee,
    });
    expect(after.status).toBe(201);
    const mine = await api.get<{ items: StoryDto[] }>('/api/stories/mine?limit=50', {
      user: employee,
    });
    const titles = mine.body.items.map((s) => s.title);
    expect(titles).toContain('Before the crash');
    expect(titles).toContain('After the crash');
    for (const result of burst) {
      const stored = mine.body.items.filter((story) => story.title === `During ${result.i}`);
      // Answered 201: there, whole. Answered 503: not there, or there once and whole.
      if (result.status === 201) expect(stored).toHaveLength(1);
      else expect(stored.length).toBeLessThanOrEqual(1);
      for (const story of stored) expect(story).toMatchObject(draft(`During ${result.i}`));
    }
    expect(mine.body.items.find((s) => s.id === before.body.id)).toMatchObject(
      draft('Before the crash'),
    );
  }, 60_000);
});

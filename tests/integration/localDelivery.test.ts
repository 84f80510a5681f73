import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { StoryDto } from '../../src/shared/dto.js';
import { apiClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/startApp.js';

/**
 * Local mode without Teams: a story shared in the tab must not leave an approval card retrying
 * forever against Teams' public endpoint; the approver finds it in the tab.
 */
describe('local mode without a Bot Connector', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ connectionString: inject('azurite').connectionString });
  });
  afterAll(async () => {
    await app.close();
  });

  it('completes the approval message without sending, and the approver sees the story', async () => {
    const api = apiClient(app.url);
    const created = await api.post<StoryDto>('/api/stories', {
      title: 'Shared in the tab only',
      situation: 'A customer called about a delivery that had gone missing.',
      action: 'I drove the parcel to her myself on the way home.',
      outcome: 'She wrote to thank the whole logistics team the next day.',
      lesson: 'Ownership ends at the customer, not at the hand-off.',
      team: 'Logistics',
      category: 'beyond-expectations',
      featured: [],
      consent: true,
    });
    expect(created.status).toBe(201);
    const ref = { tenantId: DEMO_TENANT_ID, storyId: created.body.id };
    await app.server.relay.relay(ref);
    const far = new Date(Date.now() + 24 * 60 * 60 * 1000);
    expect(await app.server.storage.outbox.pending(ref, far)).toEqual([]);
    const queue = await api.get<{ items: StoryDto[] }>('/api/approvals', {
      user: DEMO_USER_IDS.manager,
    });
    expect(queue.body.items.map((s) => s.id)).toContain(created.body.id);
  });
});

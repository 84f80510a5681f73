import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import type { HistoryDto, StoryDto } from '../../../src/shared/dto.js';
import { activityFrom, cardAction } from '../bot/harness.js';
import { apiClient } from '../../support/http.js';
import { startMockConnector, type MockConnector } from '../../support/mockConnector.js';
import { startTestApp, type TestApp } from '../../support/startApp.js';

/**
 * The whole app on a real Azurite, its bot sending to a mock Bot Connector: the same decision
 * pressed many times at once, on cards and in the tab, publishes once, posts once to the channel
 * and is one event in the history; colleagues voting at once are each counted once.
 */
const CHANNEL = '19:general@thread.tacv2';
const person = (id: string) => demoUsers().find((u) => u.id === id)!;
const { employee, manager, admin } = DEMO_USER_IDS;

function draft(title: string) {
  return {
    title,
    situation: 'Two coaches arrived at the venue at once and the car park was already full.',
    action: 'We opened the service yard and guided both drivers in ourselves.',
    outcome: 'The guests were in their seats on time; the organiser wrote to thank us.',
    lesson: 'Know where the spare space is before you need it.',
    team: 'Venue services',
    category: 'care',
    featured: [],
    consent: true,
  };
}

describe('many at once, on the whole app', () => {
  let connector: MockConnector;
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;
  const post = (activity: object) =>
    fetch(new URL('/api/messages', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

  beforeAll(async () => {
    connector = await startMockConnector();
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      env: { BOT_SERVICE_URL: connector.serviceUrl, WRITES_PER_MINUTE: '1000' },
    });
    api = apiClient(app.url);
    // An admin makes the team channel the publication channel, as in Teams.
    const answer = await post(
      activityFrom({ connector }, person(admin), {
        text: '<at>Story Wall</at> post stories here',
        deliveryMode: 'expectReplies',
        conversation: {
          id: `${CHANNEL};messageid=1`,
          conversationType: 'channel',
          isGroup: true,
          tenantId: DEMO_TENANT_ID,
        },
        channelData: {
          tenant: { id: DEMO_TENANT_ID },
          team: { id: '19:team@thread.tacv2' },
          channel: { id: CHANNEL },
        },
        entities: [
          {
            type: 'mention',
            text: '<at>Story Wall</at>',
            mentioned: { id: '28:story-wall-bot', name: 'Story Wall' },
          },
        ],
      }),
    );
    expect(answer.status).toBe(200);
    expect(await app.server.storage.settings.getPublicationChannel(DEMO_TENANT_ID)).not.toBeNull();
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  it('identical approvals at once: one publication, one channel post, one history event', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft('Approved many times'), {
      user: employee,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const ref = { tenantId: DEMO_TENANT_ID, storyId: id };

    // Six presses on the approval card and six in the tab, all at once.
    const fromCards = Array.from({ length: 6 }, () =>
      post(
        cardAction({ connector }, person(manager), 'story.decide', {
          storyId: id,
          decision: 'approve',
        }),
      ).then((r) => r.status),
    );
    const fromTab = Array.from({ length: 6 }, () =>
      api
        .post<StoryDto>(`/api/stories/${id}/decision`, { decision: 'approve' }, { user: manager })
        .then((r) => r.status),
    );
    const statuses = await Promise.all([...fromCards, ...fromTab]);
    expect(statuses.every((s) => s === 200)).toBe(true);

    await app.server.relay.relay(ref);
    await app.server.relay.sweep();
    const story = await api.get<StoryDto>(`/api/stories/${id}`, { user: employee });
    expect(story.body.status).toBe('published');
    const channelPosts = connector
      .activities()
      .filter((a) => a.kind === 'sendActivity' && a.conversationId?.startsWith(CHANNEL))
      .filter((a) => JSON.stringify(a.body).includes('Approved many times'));
    expect(channelPosts).toHaveLength(1);
    const history = await api.get<HistoryDto>(`/api/stories/${id}/history`, { user: employee });
    const types = history.body.items.map((e) => e.type);
    expect(types.filter((t) => t === 'approved')).toHaveLength(1);
    expect(types.filter((t) => t === 'published').length).toBeLessThanOrEqual(1);
  });

  it('colleagues voting at once are each counted once: the count equals the vote rows', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft('Voted at once'), {
      user: employee,
    });
    const id = created.body.id;
    await api.post(`/api/stories/${id}/decision`, { decision: 'approve' }, { user: manager });
    const voters = Object.values(DEMO_USER_IDS).filter((v) => v !== employee);
    // Each colleague presses twice at once.
    const answers = await Promise.all(
      [...voters, ...voters].map((user) =>
        api.post(`/api/stories/${id}/vote`, undefined, { user }).then((r) => r.status),
      ),
    );
    for (const status of answers) expect([200, 409]).toContain(status);
    const ref = { tenantId: DEMO_TENANT_ID, storyId: id };
    const counted = async () => {
      const rows = await Promise.all(
        voters.map((v) =>
          app.server.storage.stories.reactionOf(ref, 'vote', v).then((r) => r !== null),
        ),
      );
      const story = await api.get<StoryDto>(`/api/stories/${id}`, { user: employee });
      return { rows: rows.filter(Boolean).length, count: story.body.voteCount, rowsByVoter: rows };
    };
    const afterBurst = await counted();
    expect(afterBurst.count).toBe(afterBurst.rows);
    // A vote refused as a lost race (409 conflict) may be cast again; none is lost or doubled.
    for (const [i, voted] of afterBurst.rowsByVoter.entries()) {
      if (!voted) {
        const again = await api.post(`/api/stories/${id}/vote`, undefined, { user: voters[i]! });
        expect(again.status).toBe(200);
      }
    }
    const settled = await counted();
    expect(settled.count).toBe(settled.rows);
    expect(settled.count).toBe(voters.length);
  });
});

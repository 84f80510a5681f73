import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { StoryDto, WallPageDto } from '../../src/shared/dto.js';
import { apiClient } from '../support/http.js';
import { startMockConnector, type MockConnector } from '../support/mockConnector.js';
import { startTestApp, type TestApp } from '../support/startApp.js';
import { activityFrom, cardAction, formData, invokeCard, users } from './bot/harness.js';

/**
 * The whole story lifecycle on real parts: the app as `npm start` runs it (real storage, the
 * outbox relay, CloudAdapter), Teams played by HTTP requests and a mock Bot Connector.
 */
describe('story lifecycle through the bot', () => {
  let app: TestApp;
  let connector: MockConnector;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    connector = await startMockConnector();
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      env: { BOT_SERVICE_URL: connector.serviceUrl },
    });
    api = apiClient(app.url);
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  async function send(activity: object) {
    const response = await fetch(new URL('/api/messages', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  it('collects a story in chat, routes it to the manager, and publishes it on approval', async () => {
    const form = await send(
      activityFrom({ connector }, users.employee, {
        text: 'share a story',
        deliveryMode: 'expectReplies',
      }),
    );
    expect(form.status).toBe(200);
    expect(JSON.stringify(form.body)).toContain('story.submit');

    const title = `The borrowed jacket ${Date.now()}`;
    const submitted = await send(
      cardAction({ connector }, users.employee, 'story.submit', formData({ title })),
    );
    expect(submitted.status).toBe(200);
    expect(JSON.stringify(invokeCard(submitted.body))).toContain('Mikko Manager');

    // The approval card reaches the manager through the outbox relay.
    const [approval] = await connector.waitForActivities(1, 10_000);
    expect(connector.conversationsCreated()).toHaveLength(1);
    const card = JSON.stringify(approval?.body.attachments?.[0]?.content);
    expect(card).toContain(title);
    expect(card).toContain('story.decide');

    const pending = await api.get<{ items: StoryDto[] }>('/api/approvals', {
      user: DEMO_USER_IDS.manager,
    });
    const story = pending.body.items.find((s) => s.title === title);
    if (!story) throw new Error('the story is not in the approval queue');
    expect(story.status).toBe('pending');
    const wallBefore = await api.get<WallPageDto>('/api/stories?limit=50');
    expect(wallBefore.body.items.some((s) => s.id === story.id)).toBe(false);

    const decided = await send(
      cardAction({ connector }, users.manager, 'story.decide', {
        storyId: story.id,
        decision: 'approve',
      }),
    );
    expect(decided.status).toBe(200);
    expect(JSON.stringify(invokeCard(decided.body))).not.toContain('story.decide');

    // The card answers once the decision is committed; the wall's projection follows it
    // (docs/adr/0011-card-actions-answer-before-projections.md), so the wall shows it shortly.
    const newestOnWall = async () =>
      (await api.get<WallPageDto>('/api/stories?limit=5')).body.items[0];
    await expect.poll(async () => (await newestOnWall())?.id, { timeout: 5_000 }).toBe(story.id);
    expect(await newestOnWall()).toMatchObject({ id: story.id, title, status: 'published' });

    // The author is told, in chat, and the manager's approval card is updated to the decision.
    const after = await connector.waitForActivities(3, 10_000);
    const update = after.find((a) => a.kind === 'updateActivity');
    expect(update).toMatchObject({
      conversationId: approval?.conversationId,
      activityId: approval?.activityId,
    });
    expect(JSON.stringify(update?.body.attachments?.[0]?.content)).not.toContain('story.decide');
  });
});

import { describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot/index.js';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createPeople, createStoryService } from '../../../src/domain/index.js';
import {
  buildStoryDeps,
  fakeConversations,
  fakePostedCards,
  fakeSettings,
  silentLogger,
} from '../../support/fakes.js';
import {
  activityFrom,
  cardAction,
  cardTexts,
  formData,
  invokeCard,
  startBotHarness,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

const bot = useBotHarness('perFile');

/** The cards of an expectReplies answer. */
function replyCards(body: unknown): CardJson[] {
  const activities = (body as { activities?: { attachments?: { content: CardJson }[] }[] })
    .activities;
  return (activities ?? []).flatMap((a) => (a.attachments ?? []).map((x) => x.content));
}

function replyTexts(body: unknown): string[] {
  const activities = (body as { activities?: { text?: string }[] }).activities ?? [];
  return activities.flatMap((a) => (a.text ? [a.text] : []));
}

describe('chat commands over the real CloudAdapter', () => {
  it('answers "help" with the help card in the HTTP body when replies are expected', async () => {
    const before = bot.connector.calls.length;
    const answer = await bot.post(
      activityFrom(bot, users.employee, { text: 'Help', deliveryMode: 'expectReplies' }),
    );
    expect(answer.status).toBe(200);
    const [card] = replyCards(answer.body);
    expect(card?.type).toBe('AdaptiveCard');
    expect(cardTexts(card).join('\n')).toContain('share a story');
    // Buffered replies are not also sent to the connector.
    expect(bot.connector.calls.length).toBe(before);
    // The conversation reference is kept for proactive messages.
    const stored = JSON.parse(
      (await bot.conversations.get(DEMO_TENANT_ID, DEMO_USER_IDS.employee)) ?? '{}',
    ) as { conversation?: { id?: string }; serviceUrl?: string };
    expect(stored.conversation?.id).toBe(`a:personal-${DEMO_USER_IDS.employee}`);
    expect(stored.serviceUrl).toBe(bot.connector.serviceUrl);
  });

  it('replies through the connector when replies are not expected', async () => {
    const before = bot.connector.activities().length;
    const answer = await bot.post(activityFrom(bot, users.employee, { text: 'what is this?' }));
    expect(answer.status).toBe(200);
    const [reply] = (await bot.connector.waitForActivities(before + 1)).slice(before);
    expect(reply?.conversationId).toBe(`a:personal-${DEMO_USER_IDS.employee}`);
    expect(reply?.body.text).toContain('help');
  });

  it('answers "share a story" with the story form listing colleagues but not the author', async () => {
    const answer = await bot.post(
      activityFrom(bot, users.employee, {
        text: '<at>Story Wall</at> share a story',
        deliveryMode: 'expectReplies',
      }),
    );
    const [card] = replyCards(answer.body);
    const featured = card?.body?.find((e) => e.id === 'featured') as
      { choices: { value: string }[] } | undefined;
    expect(featured?.choices.map((c) => c.value)).toContain(DEMO_USER_IDS.driver);
    expect(featured?.choices.map((c) => c.value)).not.toContain(DEMO_USER_IDS.employee);
    // Team-mates (Customer service) come first.
    expect(featured?.choices.slice(0, 2).map((c) => c.value)).toEqual([
      DEMO_USER_IDS.manager,
      DEMO_USER_IDS.service,
    ]);
    expect(card?.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'story.submit' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'story.check' }),
    ]);
  });

  it('speaks Finnish to a Finnish client', async () => {
    const answer = await bot.post(
      activityFrom(bot, users.driver, {
        text: 'kerro tarina',
        locale: 'fi-FI',
        deliveryMode: 'expectReplies',
      }),
    );
    const [card] = replyCards(answer.body);
    expect(cardTexts(card)[0]).toBe('Kerro tarina');
    const unknown = await bot.post(
      activityFrom(bot, users.driver, {
        text: 'moi',
        locale: 'fi-FI',
        deliveryMode: 'expectReplies',
      }),
    );
    expect(replyTexts(unknown.body)[0]).toContain('En ymmärtänyt');
  });

  it('welcomes a person who adds the bot, and enrols someone it does not know', async () => {
    const newcomer = { id: '00000000-0000-4000-8000-000000000999', displayName: 'Nina Newcomer' };
    const answer = await bot.post(
      activityFrom(bot, newcomer, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:story-wall-bot' }, { id: `29:${newcomer.id}` }],
        deliveryMode: 'expectReplies',
      }),
    );
    const [card] = replyCards(answer.body);
    expect(cardTexts(card)[0]).toBe('Welcome to Story Wall!');
    // A bot activity carries no Entra app roles, so none are kept with the person …
    expect(await bot.store.users.get(DEMO_TENANT_ID, newcomer.id)).toMatchObject({
      displayName: 'Nina Newcomer',
      roles: [],
    });
    // … and, known now (no second enrolment), they act as an employee, as everyone does.
    const known = await createPeople(bot.store.deps).actorOf(
      DEMO_TENANT_ID,
      newcomer.id,
      'card',
      {},
      false,
    );
    expect(known?.actor.roles).toEqual(['employee']);
    expect(await bot.conversations.get(DEMO_TENANT_ID, newcomer.id)).not.toBeNull();
  });
});

describe('the story form action', () => {
  it('returns the form with the invalid fields named and stores nothing', async () => {
    const before = bot.store.stories.all().length;
    const answer = await bot.post(
      cardAction(bot, users.employee, 'story.submit', formData({ title: 'x', category: 'nope' })),
    );
    expect(answer.status).toBe(200);
    const card = invokeCard(answer.body);
    expect(cardTexts(card)).toContain('Please check these fields: Title, Category.');
    expect(card.body?.find((e) => e.id === 'title')).toMatchObject({ value: 'x' });
    expect(bot.store.stories.all().length).toBe(before);
  });

  it('names the fields in the person’s language, Finnish', async () => {
    // Tomi's language is Finnish (the directory's); the client's does not matter.
    const answer = await bot.post(
      cardAction(bot, users.driver, 'story.submit', formData({ lesson: '', featured: '' })),
    );
    expect(cardTexts(invokeCard(answer.body))).toContain('Tarkista nämä kentät: Opetus.');
  });

  it('stores a valid story as pending, routed to the manager, and thanks the author', async () => {
    const answer = await bot.post(cardAction(bot, users.employee, 'story.submit', formData()));
    const card = invokeCard(answer.body);
    expect(cardTexts(card)).toContain(
      '“The borrowed jacket” is now waiting for approval by Mikko Manager.',
    );
    const story = bot.store.stories.all().at(-1);
    expect(story).toMatchObject({
      status: 'pending',
      authorId: DEMO_USER_IDS.employee,
      approval: {
        stage: {
          index: 0,
          slots: [{ userId: DEMO_USER_IDS.manager, displayName: 'Mikko Manager' }],
        },
        asked: [DEMO_USER_IDS.manager],
      },
      featured: [{ id: DEMO_USER_IDS.driver, displayName: 'Tomi Kuljettaja' }],
      consent: true,
      locale: 'en',
    });
    // Routed as the employee's manager, not through the policy's fallback.
    expect(story?.approval.stage.fallback).toBeUndefined();
  });
});

describe('bot authentication', () => {
  it('refuses a request without an Authorization header when an app id is set', async () => {
    const secured = await startBotHarness({
      localMode: false,
      config: { appId: '11111111-2222-4333-8444-555555555555', appPassword: 'not-a-secret' },
    });
    try {
      const answer = await secured.post(
        activityFrom(secured, users.employee, { text: 'help', deliveryMode: 'expectReplies' }),
      );
      expect(answer.status).toBe(401);
      expect(secured.connector.calls).toHaveLength(0);
      expect(await secured.conversations.get(DEMO_TENANT_ID, DEMO_USER_IDS.employee)).toBeNull();
    } finally {
      await secured.close();
    }
  });

  it('will not start outside local mode without an app id', () => {
    const store = buildStoryDeps();
    expect(() =>
      createBot({
        config: { appId: '', appType: 'MultiTenant', serviceUrl: 'https://smba.example/' },
        localMode: false,
        localTenantId: DEMO_TENANT_ID,
        service: createStoryService(store.deps),
        people: createPeople(store.deps),
        stories: store.stories,
        users: store.users,
        conversations: fakeConversations(),
        postedCards: fakePostedCards(),
        settings: fakeSettings(),
        awards: { get: () => Promise.resolve(null) },
        clock: store.clock,
        logger: silentLogger,
      }),
    ).toThrow(/app id/);
  });
});

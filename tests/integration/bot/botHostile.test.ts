import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_VERBS } from '../../../src/bot/cardVerbs.js';
import { createActionLimiter } from '../../../src/rateLimiter.js';
import { DEMO_TENANT_ID } from '../../../src/demo/demoUsers.js';
import {
  activityFrom,
  cardAction,
  cardTexts,
  formData,
  invokeCard,
  startBotHarness,
  users,
  type BotHarness,
} from './harness.js';

/**
 * Bodies that are not activities, sent to `POST /api/messages` by anyone: a client's mistake,
 * answered 400 before any turn runs, and never an error-level log line (anyone could flood the
 * log with them). Both with bot authentication on and in local mode.
 */
const NOT_ACTIVITIES: Record<string, unknown> = {
  'an empty object': {},
  'text without a type': { text: 'help' },
  'a type that is not a string': { type: 42, text: 'help' },
  'an empty type': { type: '', text: 'help' },
  'a message without a conversation': { type: 'message', text: 'help', channelId: 'msteams' },
  'a list': [{ type: 'message' }],
  'a string': 'help',
  null: null,
};

describe.each([
  ['local mode', { localMode: true }],
  [
    'bot authentication on',
    {
      localMode: false,
      config: { appId: '11111111-2222-4333-8444-555555555555', appPassword: 'not-a-secret' },
    },
  ],
] as const)('a body that is not an activity (%s)', (_, options) => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness(options);
  });
  afterAll(() => bot.close());

  it.each(Object.entries(NOT_ACTIVITIES))('%s gets a 400, no error log', async (_, body) => {
    const errorsBefore = bot.logger.entries.filter((e) => e.level === 'error').length;
    const answer = await bot.post(body as object);
    expect(answer.status).toBe(400);
    expect(bot.logger.entries.filter((e) => e.level === 'error')).toHaveLength(errorsBefore);
    expect(bot.connector.calls).toHaveLength(0);
  });
});

/**
 * Card actions spend the same per-person, per-action budgets as the API: past the limit, the
 * form comes back with a friendly notice and nothing is stored; a decision card says so too.
 */
describe('rate limits on cards', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ limits: createActionLimiter(2) });
  });
  afterAll(() => bot.close());

  it('a third story form in a minute gets a notice, and stores nothing', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await bot.post(cardAction(bot, users.employee, 'story.submit', formData()));
      expect(answer.status).toBe(200);
    }
    expect(bot.store.stories.all()).toHaveLength(2);
    const third = await bot.post(cardAction(bot, users.employee, 'story.submit', formData()));
    expect(third.status).toBe(200);
    expect(cardTexts(invokeCard(third.body))).toContain(
      'Too many requests right now. Please try again in a moment.',
    );
    expect(bot.store.stories.all()).toHaveLength(2);
  });

  it('decisions from cards past the limit get a notice on the card', async () => {
    const [story] = bot.store.stories.all();
    const texts: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await bot.post(
        cardAction(bot, users.manager, 'story.decide', {
          storyId: story?.id,
          decision: 'approve',
        }),
      );
      texts.push(cardTexts(invokeCard(answer.body)));
    }
    expect(texts[2]).toEqual(
      expect.arrayContaining(['Liian monta pyyntöä juuri nyt. Yritä hetken kuluttua uudelleen.']),
    );
  });
});

/**
 * The tenants the API accepts (ENTRA_TENANT_ID) are the tenants the bot serves: an activity from
 * any other tenant does nothing — no story, no reply, no conversation kept — and an invoke from
 * one is answered 403.
 */
describe('the tenant allow-list', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ tenantIds: ['99999999-9999-4999-8999-999999999999'] });
  });
  afterAll(() => bot.close());

  it('ignores a message from a tenant that is not allowed', async () => {
    const answer = await bot.post(
      activityFrom(bot, users.employee, { text: 'help', deliveryMode: 'expectReplies' }),
    );
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body ?? '')).not.toContain('Story Wall');
    expect(bot.connector.calls).toHaveLength(0);
    expect(await bot.conversations.get(DEMO_TENANT_ID, users.employee.id)).toBeNull();
  });

  it('refuses a card action from a tenant that is not allowed, storing nothing', async () => {
    const answer = await bot.post(cardAction(bot, users.employee, 'story.submit', formData()));
    expect(answer.status).toBe(403);
    expect(bot.store.stories.all()).toHaveLength(0);
  });
});

describe('the tenant allow-list, with the tenant on it', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ tenantIds: [DEMO_TENANT_ID] });
  });
  afterAll(() => bot.close());

  it('serves an allowed tenant as before', async () => {
    const answer = await bot.post(cardAction(bot, users.employee, 'story.submit', formData()));
    expect(answer.status).toBe(200);
    expect(bot.store.stories.all()).toHaveLength(1);
  });
});

/**
 * A verb no card of the bot emits — from an old card, or forged — is the client's mistake: the
 * invoke is answered 200 with a notice in the person's language, nothing is stored and nothing is
 * logged as an error. Every verb of the table is answered by its own handler instead.
 */
describe('card actions with a verb the bot does not know', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness();
  });
  afterAll(() => bot.close());

  const UNKNOWN_EN = 'This button no longer does anything. Type **help** to see what I can do.';
  const UNKNOWN_FI = 'Tämä painike ei enää tee mitään. Kirjoita **ohje**, niin näet mitä osaan.';

  it.each<[string, unknown]>([
    ['an unknown verb', 'story.delete'],
    ['an empty verb', ''],
    ['a prototype key', '__proto__'],
    ['a verb in the wrong case', 'STORY.SUBMIT'],
    ['a number', 42],
    ['an object', { verb: 'story.submit' }],
    ['a very long verb', 'story.'.repeat(5_000)],
  ])('%s gets the notice in English', async (_, verb) => {
    const errorsBefore = bot.logger.entries.filter((e) => e.level === 'error').length;
    const activity = cardAction(bot, users.employee, 'placeholder', formData());
    const value = activity.value as { action: Record<string, unknown> };
    value.action.verb = verb;
    const answer = await bot.post(activity);
    expect(answer.status).toBe(200);
    expect(cardTexts(invokeCard(answer.body))).toEqual([UNKNOWN_EN]);
    expect(bot.store.stories.all()).toHaveLength(0);
    expect(bot.logger.entries.filter((e) => e.level === 'error')).toHaveLength(errorsBefore);
  });

  it('speaks the English language of an English person, even on a Finnish client', async () => {
    const answer = await bot.post(cardAction(bot, users.employee, 'story.delete', {}, 'fi-FI'));
    expect(answer.status).toBe(200);
    expect(cardTexts(invokeCard(answer.body))).toEqual([UNKNOWN_EN]);
  });

  it('gets the notice in Finnish for a person whose language is Finnish, on any client', async () => {
    // The demo manager's directory language is Finnish.
    const answer = await bot.post(cardAction(bot, users.manager, 'story.delete', {}, 'en-US'));
    expect(cardTexts(invokeCard(answer.body))).toEqual([UNKNOWN_FI]);
  });

  it.each(Object.values(CARD_VERBS))('%s is answered by its own handler', async (verb) => {
    const answer = await bot.post(cardAction(bot, users.employee, verb, { storyId: 'none' }));
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).not.toContain('This button no longer does anything');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from './harness.js';

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

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import type { MonthlySummary, Story, WeeklyDigest } from '../../../src/domain/index.js';
import { buildStory } from '../../support/factories.js';
import { activityFrom, cardTexts, useBotHarness } from './harness.js';

/**
 * The digests as the bot sends them, through the real CloudAdapter to a mock Bot Connector: the
 * weekly digest card in the publication channel, a monthly summary in a team lead's chat.
 */
const bot = useBotHarness('perTest');

const CHANNEL = '19:general@thread.tacv2';
const { manager } = DEMO_USER_IDS;
const mikko = demoUsers().find((u) => u.id === manager)!;

const story = (id: string, title: string, voteCount: number): Story =>
  buildStory({
    id,
    title,
    status: 'published',
    publishedAt: new Date('2026-11-05T10:00:00Z'),
    voteCount,
  });

const period = {
  from: new Date('2026-11-02T07:00:00Z'),
  to: new Date('2026-11-09T07:00:00Z'),
  timeZone: 'Europe/Helsinki',
};

describe('the digests in Teams', () => {
  it('posts the weekly digest card to the channel, in the channel’s language', async () => {
    const reference = {
      serviceUrl: bot.connector.serviceUrl,
      channelId: 'msteams',
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: DEMO_TENANT_ID },
      bot: { id: '28:story-wall-bot', name: 'Story Wall' },
    };
    const digest: WeeklyDigest = {
      period,
      stories: [story('s-1', 'The borrowed jacket', 3), story('s-2', 'A button sewn on', 1)],
      published: 2,
      byVotes: true,
    };
    await bot.digests.toChannel(
      { reference: JSON.stringify(reference), locale: 'fi', setBy: 'admin', setAt: new Date() },
      digest,
    );
    const [posted] = await bot.connector.waitForActivities(1);
    expect(posted).toMatchObject({ kind: 'sendActivity', conversationId: CHANNEL });
    const texts = cardTexts(posted?.body.attachments?.[0]?.content);
    expect(texts).toEqual(
      expect.arrayContaining(['Viikon tarinat', 'The borrowed jacket', 'A button sewn on']),
    );
  });

  it('sends a team lead their summary in chat, opening the chat when there is none', async () => {
    const summary: MonthlySummary = {
      lead: { id: manager, displayName: mikko.displayName },
      period,
      stories: [story('s-1', 'The borrowed jacket', 3)],
      published: 1,
      byVotes: true,
    };
    expect(await bot.digests.toLead(DEMO_TENANT_ID, summary)).toBe(true);
    expect(bot.connector.conversationsCreated()).toHaveLength(1);
    const [sent] = await bot.connector.waitForActivities(1);
    // Mikko's language in the app is Finnish.
    expect(cardTexts(sent?.body.attachments?.[0]?.content)).toEqual(
      expect.arrayContaining(['Tiimisi kuukauden tarinat', 'The borrowed jacket']),
    );

    // A lead who has talked to the bot is reached in that chat.
    bot.connector.reset();
    await bot.post(activityFrom(bot, mikko, { text: 'help', deliveryMode: 'expectReplies' }));
    expect(await bot.digests.toLead(DEMO_TENANT_ID, summary)).toBe(true);
    expect(bot.connector.conversationsCreated()).toHaveLength(0);
    expect(bot.connector.activities()[0]?.conversationId).toBe(`a:personal-${manager}`);
  });

  it('does not reach an erased person', async () => {
    const summary: MonthlySummary = {
      lead: { id: 'erased-0001', displayName: 'erased-0001' },
      period,
      stories: [story('s-1', 'The borrowed jacket', 3)],
      published: 1,
      byVotes: false,
    };
    expect(await bot.digests.toLead(DEMO_TENANT_ID, summary)).toBe(false);
    expect(bot.connector.calls).toEqual([]);
  });
});

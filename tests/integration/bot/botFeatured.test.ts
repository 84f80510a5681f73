import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { Story } from '../../../src/domain/index.js';
import {
  activityFrom,
  cardAction,
  cardTexts,
  formData,
  invokeCard,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

const bot = useBotHarness('perTest');
const ids = DEMO_USER_IDS;
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });

/** The employee tells a story featuring `featured` (comma-separated ids); returns it as stored. */
async function submitStory(featured: string): Promise<Story> {
  const answer = await bot.post(
    cardAction(bot, users.employee, 'story.submit', formData({ featured })),
  );
  invokeCard(answer.body);
  const story = bot.store.stories.all().at(-1);
  if (!story) throw new Error('no story stored');
  return story;
}

async function approve(story: Story): Promise<void> {
  invokeCard(
    (
      await bot.post(
        cardAction(bot, users.manager, 'story.decide', { storyId: story.id, decision: 'approve' }),
      )
    ).body,
  );
}

function attachedCard(activity: { body: { attachments?: { content?: unknown }[] } }): CardJson {
  return (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
}

/** The featured notices the connector received, by the conversation created for each member. */
function featuredNotices() {
  const memberOf = new Map(
    bot.connector
      .conversationsCreated()
      .map((c) => [c.conversationId, (c.body as { members: { id: string }[] }).members[0]?.id]),
  );
  return bot.connector
    .activities()
    .map((a) => ({ to: memberOf.get(a.conversationId), card: attachedCard(a) }))
    .filter(({ card }) => /featured|mainitaan/.test(cardTexts(card)[0] ?? ''));
}

describe('featured colleagues are told when the story is published (journey 5)', () => {
  it('sends each featured colleague a 1:1 card in their language; the author hears once', async () => {
    // The author talked to the bot; the colleagues never did.
    await bot.post(
      activityFrom(bot, users.employee, { text: 'help', deliveryMode: 'expectReplies' }),
    );
    const story = await submitStory(`${ids.driver},${ids.admin},${ids.employee}`);
    await approve(story);
    await bot.relay.relay(ref(story));

    const notices = featuredNotices();
    expect(notices.map((n) => n.to).sort()).toEqual([ids.admin, ids.driver].sort());
    // The driver's directory locale is Finnish, the admin's English.
    const driver = notices.find((n) => n.to === ids.driver)!;
    expect(cardTexts(driver.card)).toEqual([
      'Sinut mainitaan tarinassa!',
      'Emma Employee kertoi tarinan, jossa sinut mainitaan: ”The borrowed jacket”. Se on nyt tarinaseinällä kaikkien opiksi.',
      'Opetus',
      'Small personal gestures are remembered longest.',
      'Kiitos, että ylitit asiakkaan odotukset!',
      'Sinä päätät: voit poistaa nimesi tästä tarinasta milloin tahansa.',
    ]);
    const admin = notices.find((n) => n.to === ids.admin)!;
    expect(cardTexts(admin.card)[0]).toBe('You are featured in a story!');

    // The author (featured too) gets the approval notice only, in their own chat.
    const toAuthor = bot.connector
      .activities()
      .filter((a) => a.conversationId === `a:personal-${ids.employee}`);
    expect(toAuthor.map((a) => cardTexts(attachedCard(a))[1])).toEqual([
      'Your story “The borrowed jacket” was approved and is now on the story wall. Thank you!',
    ]);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });

  it('continues the stored conversation of a colleague who has talked to the bot', async () => {
    await bot.post(
      activityFrom(bot, users.driver, { text: 'apua', deliveryMode: 'expectReplies' }),
    );
    const story = await submitStory(ids.driver);
    await approve(story);
    await bot.relay.relay(ref(story));
    const toDriver = bot.connector
      .activities()
      .filter((a) => a.conversationId === `a:personal-${ids.driver}`);
    expect(toDriver.map((a) => cardTexts(attachedCard(a))[0])).toEqual([
      'Sinut mainitaan tarinassa!',
    ]);
  });

  it('tells nobody when the story is no longer published by the time the message runs', async () => {
    const story = await submitStory(ids.driver);
    await approve(story);
    const current = (await bot.store.stories.get(ref(story)))!;
    await bot.store.stories.commit({
      story: { ...current.value, status: 'archived', revision: current.value.revision + 1 },
      expectedEtag: current.etag,
      audit: [],
      outbox: [],
    });
    await bot.relay.relay(ref(story));
    expect(featuredNotices()).toEqual([]);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
    expect(bot.logger.entries).toContainEqual(
      expect.objectContaining({ message: 'outbox: story is no longer published' }),
    );
  });

  it('tells nobody who is no longer featured in the story', async () => {
    const story = await submitStory(`${ids.driver},${ids.admin}`);
    await approve(story);
    const current = (await bot.store.stories.get(ref(story)))!;
    await bot.store.stories.commit({
      story: {
        ...current.value,
        featured: current.value.featured.filter((p) => p.id !== ids.driver),
        revision: current.value.revision + 1,
      },
      expectedEtag: current.etag,
      audit: [],
      outbox: [],
    });
    await bot.relay.relay(ref(story));
    expect(featuredNotices().map((n) => n.to)).toEqual([ids.admin]);
  });

  it('retries a throttled notice later, and tells each person once', async () => {
    const story = await submitStory(ids.driver);
    await approve(story);
    // The author's notice and the colleague's both open a conversation: both are throttled.
    bot.connector.throttle(3, 2);
    await bot.relay.relay(ref(story));
    expect(bot.store.stories.outboxOf(ref(story)).map((m) => m.kind)).toContain('featured.notify');
    expect(featuredNotices()).toEqual([]);

    bot.store.clock.advance(60_000);
    await bot.relay.relay(ref(story));
    expect(featuredNotices().map((n) => n.to)).toEqual([ids.driver]);
    expect(bot.connector.activities()).toHaveLength(2);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
    for (const created of bot.connector.conversationsCreated()) {
      expect(created.body).toMatchObject({ tenantId: DEMO_TENANT_ID });
    }
  });
});

describe('a featured colleague stays in control of their name', () => {
  it('takes their name off from the notice; the story and its copies no longer name them', async () => {
    const story = await submitStory(`${ids.driver},${ids.admin}`);
    await approve(story);
    await bot.relay.relay(ref(story));
    const notice = featuredNotices().find((n) => n.to === ids.admin)!;
    expect(notice.card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'story.unfeature',
        data: { storyId: story.id },
        title: 'Remove my name',
      }),
    ]);

    const admin = { id: ids.admin, displayName: 'Aaron Admin' };
    const answer = invokeCard(
      (await bot.post(cardAction(bot, admin, 'story.unfeature', { storyId: story.id }))).body,
    );
    expect(cardTexts(answer).join(' ')).toContain('Your name is no longer on');
    expect(answer.actions ?? []).toEqual([]);
    const stored = bot.store.stories.all().find((s) => s.id === story.id)!;
    expect(stored.featured.map((p) => p.id)).toEqual([ids.driver]);
    expect(stored.status).toBe('published');
    // Every posted card is refreshed through the outbox.
    expect(bot.store.stories.outboxOf(ref(story)).map((m) => m.kind)).toContain('cards.refresh');

    // Pressed again: nothing more changes.
    await bot.post(cardAction(bot, admin, 'story.unfeature', { storyId: story.id }));
    expect(bot.store.stories.all().find((s) => s.id === story.id)?.featured).toEqual(
      stored.featured,
    );
  });
});

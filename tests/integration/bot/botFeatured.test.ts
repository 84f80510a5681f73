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
    .filter(({ card }) =>
      /featured|mainitaan|name be shown|nimesi näkyä/.test(cardTexts(card)[0] ?? ''),
    );
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

describe('featured colleagues confirm before they are named (the confirmFeatured setting)', () => {
  async function askFirst(): Promise<void> {
    const held = (await bot.settings.getTenantSettings(DEMO_TENANT_ID))!;
    await bot.settings.putTenantSettings(
      DEMO_TENANT_ID,
      {
        ...held.value,
        version: held.value.version + 1,
        privacy: { enabled: false, confirmFeatured: true },
      },
      held.etag,
    );
  }

  it('asks on submission; Confirm names them on every card, Remove my name declines', async () => {
    await askFirst();
    const story = await submitStory(`${ids.driver},${ids.admin}`);
    expect(story.featured.map((p) => [p.id, p.awaiting])).toEqual([
      [ids.driver, true],
      [ids.admin, true],
    ]);
    await bot.relay.relay(ref(story));
    const asks = featuredNotices();
    expect(asks.map((n) => n.to).sort()).toEqual([ids.admin, ids.driver].sort());
    const toAdmin = asks.find((n) => n.to === ids.admin)!;
    expect(cardTexts(toAdmin.card)[0]).toBe('May your name be shown in a story?');
    expect(toAdmin.card.actions?.map((a) => a.verb)).toEqual([
      'story.confirmFeatured',
      'story.unfeature',
    ]);
    // The approver sees both names, marked as not confirmed yet (in the manager's language).
    const facts = bot.connector
      .activities()
      .map((a) => JSON.stringify(attachedCard(a)))
      .find((json) => json.includes('"verb":"story.decide"'));
    expect(facts).toContain(
      'Tomi Kuljettaja (ei vielä hyväksynyt), Aaron Admin (ei vielä hyväksynyt)',
    );
    // The admin confirms from the card; the driver declines.
    const admin = { id: ids.admin, displayName: 'Aaron Admin' };
    const confirmed = invokeCard(
      (await bot.post(cardAction(bot, admin, 'story.confirmFeatured', { storyId: story.id }))).body,
    );
    expect(cardTexts(confirmed)[1]).toBe(
      'Thank you! Your name is shown on “The borrowed jacket”. You can still take it off at any time.',
    );
    expect(confirmed.actions?.map((a) => a.verb)).toEqual(['story.unfeature']);
    invokeCard(
      (await bot.post(cardAction(bot, users.driver, 'story.unfeature', { storyId: story.id })))
        .body,
    );
    const stored = bot.store.stories.all().find((s) => s.id === story.id)!;
    expect(stored.featured).toEqual([{ id: ids.admin, displayName: 'Aaron Admin' }]);
    expect((await bot.store.stories.audit(ref(story))).map((e) => e.action)).toEqual(
      expect.arrayContaining(['featured_confirmed', 'featured_removed']),
    );
  });

  it('publishes without waiting; the channel card names only those who confirmed', async () => {
    await askFirst();
    const story = await submitStory(`${ids.driver},${ids.admin}`);
    const admin = { id: ids.admin, displayName: 'Aaron Admin' };
    await bot.post(cardAction(bot, admin, 'story.confirmFeatured', { storyId: story.id }));
    await approve(story);
    const published = bot.store.stories.all().find((s) => s.id === story.id)!;
    expect(published.status).toBe('published');
    const { channelStoryCard } = await import('../../../src/bot/cards/channelStoryCard.js');
    const texts = cardTexts(channelStoryCard({ story: published, showVoteCount: true }, 'en'));
    expect(texts).toContain('Featuring Aaron Admin');
    expect(texts.join(' ')).not.toContain('Tomi');
    // At publication the driver, still asked, is asked again; the admin hears it is published.
    await bot.relay.relay(ref(story));
    const latest = featuredNotices().slice(-2);
    expect(
      latest.map((n) => [n.to, cardTexts(n.card)[0]]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ).toEqual(
      [
        [ids.admin, 'You are featured in a story!'],
        [ids.driver, 'Saako nimesi näkyä tarinassa?'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createAwardsService, createStoryService, type Story } from '../../../src/domain/index.js';
import { buildActor, buildUser } from '../../support/factories.js';
import type { RecordedActivity } from '../../support/mockConnector.js';
import {
  activityFrom,
  cardAction,
  cardTexts,
  formData,
  invokeCard,
  demoUser,
  useBotHarness,
  type CardJson,
} from './harness.js';

/**
 * Journey 8 through the real CloudAdapter: an editor chooses the story of the month; the
 * announcement goes to the company channel once, however often the outbox runs, and the author
 * and the featured colleague hear in their own languages; later changes keep the card true.
 */
const bot = useBotHarness('perTest');

const person = demoUser;
const admin = person(DEMO_USER_IDS.admin);
const employee = person(DEMO_USER_IDS.employee);
const manager = person(DEMO_USER_IDS.manager);
const driver = person(DEMO_USER_IDS.driver);
const editor = buildActor(buildUser({ id: 'editor-1', displayName: 'Eeva', roles: ['editor'] }));

const CHANNEL = '19:general@thread.tacv2';
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const attachedCard = (activity: RecordedActivity): CardJson =>
  (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
const inChannel = () => bot.connector.activities().filter((a) => a.conversationId === CHANNEL);

/** An admin makes the team channel the publication channel, mentioning the bot there. */
async function chooseChannel(): Promise<void> {
  const answer = await bot.post(
    activityFrom(bot, admin, {
      text: '<at>Story Wall</at> post stories here',
      deliveryMode: 'expectReplies',
      entities: [
        {
          type: 'mention',
          text: '<at>Story Wall</at>',
          mentioned: { id: '28:story-wall-bot', name: 'Story Wall' },
        },
      ],
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
    }),
  );
  expect(answer.status).toBe(200);
}

/** The employee's story featuring the driver, approved, its outbox run. */
async function publishedStory(): Promise<Story> {
  await bot.post(activityFrom(bot, employee, { text: 'help', deliveryMode: 'expectReplies' }));
  invokeCard((await bot.post(cardAction(bot, employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1)!;
  await createStoryService(bot.store.deps).decideStory(buildActor(manager), story.id, 'approve');
  await bot.relay.relay(ref(story));
  return story;
}

function awards() {
  return createAwardsService({
    awards: bot.awards,
    stories: bot.store.stories,
    wall: bot.store.wall,
    settings: bot.settings,
    clock: bot.store.clock,
    ids: bot.store.deps.ids,
    onCommitted: () => undefined,
  });
}

const month = () => bot.store.clock.now().toISOString().slice(0, 7);

/** The award notes each person received, by the conversation created for them or their chat. */
function awardNotes(): { to: string | undefined; texts: string[] }[] {
  const memberOf = new Map(
    bot.connector
      .conversationsCreated()
      .map((c) => [c.conversationId, (c.body as { members: { id: string }[] }).members[0]?.id]),
  );
  return bot.connector
    .activities()
    .filter((a) => a.conversationId !== CHANNEL)
    .map((a) => ({
      to: memberOf.get(a.conversationId) ?? a.conversationId?.replace('a:personal-', ''),
      texts: cardTexts(attachedCard(a)),
    }))
    .filter(({ texts }) => /Story of the month|Kuukauden tarina/.test(texts[0] ?? ''));
}

describe('the story of the month is announced (journey 8)', () => {
  it('posts one card to the channel even when the relay runs twice, and tells the author and the featured colleague in their languages', async () => {
    await chooseChannel();
    const story = await publishedStory();
    const before = inChannel().length;

    await awards().chooseWinner(editor, month(), { storyId: story.id, citation: 'A *warm* act.' });
    const announce = bot.store.stories
      .outboxOf(ref(story))
      .find((message) => message.kind === 'award.announce')!;
    await bot.relay.relay(ref(story));
    await bot.relay.relay(ref(story));
    // The same message again, as after a crash that lost its completion: no second post.
    await bot.outboxHandlers['award.announce'](announce);

    const posts = inChannel().slice(before);
    expect(posts).toHaveLength(1);
    const card = attachedCard(posts[0]!);
    const monthName = new Intl.DateTimeFormat('en', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(bot.store.clock.now());
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        `Story of the month · ${monthName}`,
        'The borrowed jacket',
        'Told by Emma Employee',
        'Featuring Tomi Kuljettaja',
        '“A \\*warm\\* act.”',
      ]),
    );
    expect(await bot.postedCards.list(ref(story))).toContainEqual(
      expect.objectContaining({ kind: 'award', activityId: posts[0]!.activityId, locale: 'en' }),
    );

    const notes = awardNotes();
    expect(notes.map((n) => n.to).sort()).toEqual([employee.id, driver.id].sort());
    const toDriver = notes.find((n) => n.to === driver.id)!;
    const finnishMonth = new Intl.DateTimeFormat('fi', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(bot.store.clock.now());
    expect(toDriver.texts[0]).toBe(`Kuukauden tarina · ${finnishMonth}`);
    expect(toDriver.texts[1]).toContain('Emma Employee');
    const toAuthor = notes.find((n) => n.to === employee.id)!;
    expect(toAuthor.texts[1]).toContain('Congratulations! Your story “The borrowed jacket”');
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });

  it('keeps the announcement true: a featured colleague who takes their name off leaves it', async () => {
    await chooseChannel();
    const story = await publishedStory();
    await awards().chooseWinner(editor, month(), { storyId: story.id });
    await bot.relay.relay(ref(story));
    const announcement = inChannel().at(-1)!;

    await bot.post(cardAction(bot, driver, 'story.unfeature', { storyId: story.id }));
    await bot.relay.relay(ref(story));

    const updated = bot.connector
      .activities()
      .filter((a) => a.kind === 'updateActivity' && a.activityId === announcement.activityId);
    expect(updated.length).toBeGreaterThan(0);
    const texts = cardTexts(attachedCard(updated.at(-1)!));
    expect(texts[1]).toBe('The borrowed jacket');
    expect(texts.join('\n')).not.toContain('Tomi Kuljettaja');
  });

  it('says so on the card when the editors give the month to another story', async () => {
    await chooseChannel();
    const story = await publishedStory();
    const other = await publishedStory();
    await awards().chooseWinner(editor, month(), { storyId: story.id });
    await bot.relay.relay(ref(story));
    const announcement = inChannel().at(-1)!;

    await awards().chooseWinner(editor, month(), { storyId: other.id });
    await bot.relay.relay(ref(story));
    await bot.relay.relay(ref(other));

    const updated = bot.connector
      .activities()
      .filter((a) => a.kind === 'updateActivity' && a.activityId === announcement.activityId);
    expect(cardTexts(attachedCard(updated.at(-1)!))[0]).toMatch(
      /^Chosen as the story of the month for .*; the editors have since chosen another story\.$/,
    );
    // The new winner is announced with a card of its own.
    expect(
      (await bot.postedCards.list(ref(other))).filter((card) => card.kind === 'award'),
    ).toHaveLength(1);
  });

  it('announces nothing in a channel when none is chosen, but still tells the people', async () => {
    const story = await publishedStory();
    await awards().chooseWinner(editor, month(), { storyId: story.id });
    await bot.relay.relay(ref(story));
    expect(inChannel()).toEqual([]);
    expect(
      awardNotes()
        .map((n) => n.to)
        .sort(),
    ).toEqual([employee.id, driver.id].sort());
    expect(bot.logger.entries).toContainEqual(
      expect.objectContaining({
        message: 'outbox: no publication channel chosen; award not announced',
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createStoryService, type Story } from '../../../src/domain/index.js';
import { buildActor } from '../../support/factories.js';
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
 * Moderation and the cards in Teams: a story an editor hides leaves every posted card at once
 * (the card says so, and shows nothing of the story); restored, the cards show it again.
 */
const bot = useBotHarness('perTest');

const person = demoUser;
const admin = person(DEMO_USER_IDS.admin);
const employee = person(DEMO_USER_IDS.employee);
const manager = person(DEMO_USER_IDS.manager);
const editor = person(DEMO_USER_IDS.editor);
const reader = person(DEMO_USER_IDS.service);

const CHANNEL = '19:general@thread.tacv2';
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const attachedCard = (activity: RecordedActivity): CardJson =>
  (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
const updates = () => bot.connector.activities().filter((a) => a.kind === 'updateActivity');
const inChannel = () => bot.connector.activities().filter((a) => a.conversationId === CHANNEL);

/** An admin mentions the bot in the channel: published stories are posted there. */
async function chooseChannel(): Promise<void> {
  const answer = await bot.post(
    activityFrom(bot, admin, {
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
  expect(bot.settings.channels.get(DEMO_TENANT_ID)).toBeDefined();
}

/**
 * A story told by the employee, its approval card sent to the manager, approved by him and
 * posted to the channel.
 */
async function publishedStory(): Promise<Story> {
  invokeCard((await bot.post(cardAction(bot, employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1)!;
  await bot.relay.relay(ref(story));
  await createStoryService(bot.store.deps).decideStory(buildActor(manager), story.id, 'approve');
  await bot.relay.relay(ref(story));
  return story;
}

describe('a hidden story’s cards', () => {
  it('the channel card shows the story hidden, without its text, and no vote', async () => {
    await chooseChannel();
    const story = await publishedStory();
    const [post] = inChannel();
    expect(cardTexts(attachedCard(post!))).toContain('The borrowed jacket');

    const service = createStoryService(bot.store.deps);
    await service.reportStory(buildActor(reader), story.id, 'It names a customer.');
    const before = updates().length;
    await service.hideStory(buildActor(editor), story.id);
    await bot.relay.relay(ref(story));

    const update = inChannel()
      .filter((a) => a.kind === 'updateActivity')
      .at(-1);
    expect(update?.activityId).toBe(post!.activityId);
    const card = attachedCard(update!);
    expect(cardTexts(card)).toEqual([
      'Hidden by the editors',
      'The editors took this story down. It is not shown while they review it.',
    ]);
    const json = JSON.stringify(card);
    for (const text of [
      story.title,
      story.situation,
      story.lesson,
      'Emma Employee',
      'Tomi Kuljettaja',
      '"title":"Votes"',
    ]) {
      expect(json).not.toContain(text);
    }
    expect(card.actions).toBeUndefined();
    // The manager's approval card, updated too, shows nothing of it either.
    const approval = (await bot.postedCards.list(ref(story))).find((c) => c.kind === 'approval');
    expect(approval).toBeDefined();
    const approvalUpdate = updates()
      .filter((a) => a.activityId === approval!.activityId)
      .at(-1);
    expect(cardTexts(attachedCard(approvalUpdate!))).toEqual([
      'Toimittajat piilottivat tarinan',
      'Toimittajat poistivat tarinan näkyvistä. Se ei näy, kun he tarkistavat sitä.',
    ]);
    const afterHiding = updates().slice(before);
    expect(afterHiding.map((a) => a.activityId).sort()).toEqual(
      [post!.activityId, approval!.activityId].sort(),
    );
    for (const copy of afterHiding) expect(JSON.stringify(copy.body)).not.toContain(story.title);
  });

  it('restored, the channel card shows the story again with its Vote button', async () => {
    await chooseChannel();
    const story = await publishedStory();
    const [post] = inChannel();
    const service = createStoryService(bot.store.deps);
    await service.hideStory(buildActor(editor), story.id);
    await bot.relay.relay(ref(story));
    await service.restoreStory(buildActor(admin), story.id);
    await bot.relay.relay(ref(story));

    const latest = inChannel()
      .filter((a) => a.kind === 'updateActivity')
      .at(-1);
    expect(latest?.activityId).toBe(post!.activityId);
    const card = attachedCard(latest!);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['The borrowed jacket', 'Told by Emma Employee']),
    );
    expect(cardTexts(card)).not.toContain('Hidden by the editors');
    expect(card.actions).toEqual([expect.objectContaining({ verb: 'story.vote' })]);
  });

  it('a vote from the card of a hidden story is refused, and counts nothing', async () => {
    await chooseChannel();
    const story = await publishedStory();
    await createStoryService(bot.store.deps).hideStory(buildActor(editor), story.id);
    const action = cardAction(bot, reader, 'story.vote', { storyId: story.id });
    const answer = await bot.post(action);
    expect(JSON.stringify(answer.body)).not.toContain(story.title);
    expect((await bot.store.stories.get(ref(story)))?.value.voteCount).toBe(0);
  });
});

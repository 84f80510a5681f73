import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createStoryService, type Story, type User } from '../../../src/domain/index.js';
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
 * Journey 5 and 7: an admin chooses the company channel in that channel; published stories are
 * posted there as cards, votes from the card count, and later changes update the card.
 */
const bot = useBotHarness('perTest');

const person = demoUser;
const admin = person(DEMO_USER_IDS.admin);
const employee = person(DEMO_USER_IDS.employee);
const manager = person(DEMO_USER_IDS.manager);
const colleague = person(DEMO_USER_IDS.service);

const CHANNEL = '19:general@thread.tacv2';
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const attachedCard = (activity: RecordedActivity): CardJson =>
  (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
const inChannel = () => bot.connector.activities().filter((a) => a.conversationId === CHANNEL);

/** Fields of an activity written in the team channel, in reply to the post `messageid=1`. */
function channelFields(fields: Record<string, unknown>): Record<string, unknown> {
  return {
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
    ...fields,
  };
}

/** `user` mentions the bot in the channel with `text`; returns the bot's reply texts. */
async function sayInChannel(user: User, text: string, locale = 'en-US'): Promise<string[]> {
  const answer = await bot.post(
    activityFrom(
      bot,
      user,
      channelFields({
        text: `<at>Story Wall</at> ${text}`,
        locale,
        deliveryMode: 'expectReplies',
        entities: [
          {
            type: 'mention',
            text: '<at>Story Wall</at>',
            mentioned: { id: '28:story-wall-bot', name: 'Story Wall' },
          },
        ],
      }),
    ),
  );
  expect(answer.status).toBe(200);
  return ((answer.body as { activities?: { text?: string }[] }).activities ?? []).map(
    (a) => a.text ?? '',
  );
}

/** A story told by the employee and approved by the manager, with its outbox run. */
async function publishedStory(): Promise<Story> {
  invokeCard((await bot.post(cardAction(bot, employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1)!;
  await createStoryService(bot.store.deps).decideStory(buildActor(manager), story.id, 'approve');
  await bot.relay.relay(ref(story));
  return story;
}

/** A vote pressed on the channel card by `user`. */
function voteFromChannel(user: User, storyId: string) {
  const action = cardAction(bot, user, 'story.vote', { storyId });
  return bot.post({ ...action, ...channelFields({}) });
}

describe('the publication channel', () => {
  it('is set by an admin mentioning the bot in the channel, and confirmed', async () => {
    const replies = await sayInChannel(admin, 'post stories here');
    expect(replies).toEqual(['Done: published stories will be posted to this channel.']);
    const channel = bot.settings.channels.get(DEMO_TENANT_ID);
    expect(channel).toMatchObject({ locale: 'en', setBy: DEMO_USER_IDS.admin });
    // The channel itself, not the thread the command was written in.
    expect(JSON.parse(channel!.reference)).toMatchObject({
      conversation: { id: CHANNEL, conversationType: 'channel' },
      serviceUrl: bot.connector.serviceUrl,
    });
  });

  it('understands the Finnish command and answers in Finnish', async () => {
    const replies = await sayInChannel(admin, 'julkaise tarinat täällä', 'fi-FI');
    expect(replies).toEqual(['Valmista: julkaistut tarinat julkaistaan tällä kanavalla.']);
    expect(bot.settings.channels.get(DEMO_TENANT_ID)?.locale).toBe('fi');
  });

  it('cannot be set by someone who is not an admin', async () => {
    const replies = await sayInChannel(employee, 'post stories here');
    expect(replies).toEqual([
      'Sorry, only a Story Wall admin can choose the channel where stories are posted.',
    ]);
    expect(bot.settings.channels.size).toBe(0);
  });

  it('sees the roles the tab sees: an admin granted in Settings may set it', async () => {
    // The colleague's stored row holds no admin role: only the grant makes them one.
    expect(colleague.roles).not.toContain('admin');
    const held = (await bot.settings.getTenantSettings(DEMO_TENANT_ID))!;
    await bot.settings.putTenantSettings(
      DEMO_TENANT_ID,
      {
        ...held.value,
        version: held.value.version + 1,
        roles: [...held.value.roles, { role: 'admin', kind: 'person', id: colleague.id }],
      },
      held.etag,
    );
    expect(await sayInChannel(colleague, 'post stories here')).toEqual([
      'Done: published stories will be posted to this channel.',
    ]);
    expect(bot.settings.channels.get(DEMO_TENANT_ID)).toMatchObject({ setBy: colleague.id });
  });

  it('is not set from a personal chat', async () => {
    const answer = await bot.post(
      activityFrom(bot, admin, { text: 'post stories here', deliveryMode: 'expectReplies' }),
    );
    expect(JSON.stringify(answer.body)).toContain('mention me in that team channel');
    expect(bot.settings.channels.size).toBe(0);
  });
});

describe('published stories in the channel', () => {
  it('posts the story card to the channel on publication and records it', async () => {
    await sayInChannel(admin, 'post stories here');
    const story = await publishedStory();

    const [post] = inChannel();
    expect(post?.kind).toBe('sendActivity');
    const card = attachedCard(post!);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        'The borrowed jacket',
        'Told by Emma Employee',
        'Featuring Tomi Kuljettaja',
        'Small personal gestures are remembered longest.',
      ]),
    );
    expect(card.actions).toEqual([expect.objectContaining({ verb: 'story.vote' })]);
    expect(await bot.postedCards.list(ref(story))).toContainEqual(
      expect.objectContaining({ kind: 'channel', activityId: post!.activityId, locale: 'en' }),
    );
    // Running the outbox again does not post it twice.
    await bot.relay.relay(ref(story));
    expect(inChannel()).toHaveLength(1);
  });

  it('posts nothing when no channel is chosen, and says so in the log', async () => {
    const story = await publishedStory();
    expect(inChannel()).toEqual([]);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
    expect(bot.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'outbox: no publication channel chosen; story not posted',
      }),
    );
  });

  it('counts a vote from the channel card and updates the posted card', async () => {
    await sayInChannel(admin, 'post stories here');
    const story = await publishedStory();
    const [post] = inChannel();

    const answer = invokeCard((await voteFromChannel(colleague, story.id)).body);
    expect(JSON.stringify(answer)).toContain('"title":"Votes","value":"1"');
    expect((await bot.store.stories.get(ref(story)))?.value.voteCount).toBe(1);

    await bot.relay.relay(ref(story));
    const update = inChannel().find((a) => a.kind === 'updateActivity');
    expect(update?.activityId).toBe(post!.activityId);
    expect(JSON.stringify(attachedCard(update!))).toContain('"title":"Votes","value":"1"');
    // A vote changes nothing the approval card shows, so that copy is not updated.
    expect(
      bot.connector.activities().filter((a) => a.kind === 'updateActivity' && a !== update),
    ).toEqual([]);
  });

  it('refuses a second vote and a self-vote with a message only the voter sees', async () => {
    await sayInChannel(admin, 'post stories here');
    const story = await publishedStory();
    await voteFromChannel(colleague, story.id);

    const again = await voteFromChannel(colleague, story.id);
    expect(again.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      // Niklas's language is Finnish.
      value: 'Olet jo äänestänyt tätä tarinaa.',
    });
    const own = await voteFromChannel(employee, story.id);
    expect(own.body).toMatchObject({ value: 'You cannot vote for a story about yourself.' });
    expect((await bot.store.stories.get(ref(story)))?.value.voteCount).toBe(1);
  });

  it('updates the channel card when the story is archived: no more votes', async () => {
    await sayInChannel(admin, 'post stories here');
    const story = await publishedStory();
    const [post] = inChannel();

    await createStoryService(bot.store.deps).archiveStory(buildActor(employee), story.id);
    await bot.relay.relay(ref(story));
    const update = inChannel().find((a) => a.kind === 'updateActivity');
    expect(update?.activityId).toBe(post!.activityId);
    expect(cardTexts(attachedCard(update!))).toContain('Archived');
    expect(attachedCard(update!).actions).toBeUndefined();
  });
});

describe('the channel card in privacy mode', () => {
  /** As an admin would in Settings: privacy mode on or off, as the next version. */
  async function setPrivacy(enabled: boolean): Promise<void> {
    const held = (await bot.settings.getTenantSettings(DEMO_TENANT_ID))!;
    await bot.settings.putTenantSettings(
      DEMO_TENANT_ID,
      { ...held.value, version: held.value.version + 1, privacy: { enabled } },
      held.etag,
    );
  }
  const showsVotes = (card: CardJson) => JSON.stringify(card).includes('"title":"Votes"');

  it('is posted without a vote count; a vote counts and answers without one', async () => {
    await setPrivacy(true);
    await sayInChannel(admin, 'post stories here');
    const story = await publishedStory();
    const [post] = inChannel();
    const card = attachedCard(post!);
    expect(showsVotes(card)).toBe(false);
    expect(JSON.stringify(card)).toContain('"title":"Team"');
    expect(card.actions).toEqual([expect.objectContaining({ verb: 'story.vote' })]);

    const answer = invokeCard((await voteFromChannel(colleague, story.id)).body);
    expect(showsVotes(answer)).toBe(false);
    expect(cardTexts(answer)).toContain('The borrowed jacket');
    expect((await bot.store.stories.get(ref(story)))?.value.voteCount).toBe(1);

    await bot.relay.relay(ref(story));
    const update = inChannel().find((a) => a.kind === 'updateActivity');
    expect(update?.activityId).toBe(post!.activityId);
    expect(showsVotes(attachedCard(update!))).toBe(false);
  });

  it('a card posted with its count loses it on its next refresh once privacy mode is on', async () => {
    await sayInChannel(admin, 'post stories here');
    const story = await publishedStory();
    const [post] = inChannel();
    expect(JSON.stringify(attachedCard(post!))).toContain('"title":"Votes","value":"0"');

    await setPrivacy(true);
    // A vote refreshes the channel cards (only those): the posted one follows the mode now.
    invokeCard((await voteFromChannel(colleague, story.id)).body);
    await bot.relay.relay(ref(story));
    const update = inChannel().find((a) => a.kind === 'updateActivity');
    expect(update?.activityId).toBe(post!.activityId);
    expect(showsVotes(attachedCard(update!))).toBe(false);

    // Turned off again, the next refresh shows the count once more.
    await setPrivacy(false);
    invokeCard((await voteFromChannel(manager, story.id)).body);
    await bot.relay.relay(ref(story));
    const latest = inChannel()
      .filter((a) => a.kind === 'updateActivity')
      .at(-1);
    expect(JSON.stringify(attachedCard(latest!))).toContain('"title":"Votes","value":"2"');
  });
});

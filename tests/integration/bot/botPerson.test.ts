import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../src/bot/i18n.js';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { DomainError, type Story } from '../../../src/domain/index.js';
import {
  activityFrom,
  cardAction,
  cardTexts,
  extensionInvoke,
  formData,
  invokeCard,
  startBotHarness,
  useBotHarness,
  type BotHarness,
  users,
  type CardJson,
} from './harness.js';

/**
 * The bot and the person it talks to: one language per person for every message, card and card
 * answer; a name the bot learns later replaces the id it had to use; one welcome per install; and
 * "my stories".
 */

const bot = useBotHarness('perTest');

function replyCards(body: unknown): CardJson[] {
  const activities = (body as { activities?: { attachments?: { content: CardJson }[] }[] })
    .activities;
  return (activities ?? []).flatMap((a) => (a.attachments ?? []).map((x) => x.content));
}
function replyTexts(body: unknown): string[] {
  const activities = (body as { activities?: { text?: string }[] }).activities ?? [];
  return activities.flatMap((a) => (a.text ? [a.text] : []));
}
const say = (who: typeof users.employee, text: string, locale = 'en-US') =>
  bot.post(activityFrom(bot, who, { text, locale, deliveryMode: 'expectReplies' }));

async function submitStory(): Promise<Story> {
  invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1);
  if (!story) throw new Error('no story stored');
  return story;
}

describe('one language per person', () => {
  it('answers a Finnish approver’s card action in Finnish, from an English client', async () => {
    const story = await submitStory();
    // The manager's language is Finnish; the chat client says en-US (as the Agents Playground
    // always does).
    const answer = await bot.post(
      cardAction(bot, users.manager, 'story.decide', {
        storyId: story.id,
        decision: 'approve',
      }),
    );
    expect(cardTexts(invokeCard(answer.body))).toEqual(
      expect.arrayContaining(['Hyväksytty ja julkaistu']),
    );
  });

  it('takes a Finnish command as the person’s choice of Finnish, until an English one', async () => {
    const finnish = await say(users.employee, 'kerro tarina');
    expect(cardTexts(replyCards(finnish.body)[0])[0]).toBe('Kerro tarina');
    // Remembered: the next message, the card action and the stored person are Finnish too.
    expect(replyTexts((await say(users.employee, 'moi')).body)[0]).toContain('En ymmärtänyt');
    const invalid = await bot.post(
      cardAction(bot, users.employee, 'story.submit', formData({ lesson: '' })),
    );
    expect(cardTexts(invokeCard(invalid.body))).toContain('Tarkista nämä kentät: Opetus.');
    expect((await bot.store.users.get(DEMO_TENANT_ID, DEMO_USER_IDS.employee))?.locale).toBe('fi');

    const english = await say(users.employee, 'share a story');
    expect(cardTexts(replyCards(english.body)[0])[0]).toBe('Share a story');
    expect((await bot.store.users.get(DEMO_TENANT_ID, DEMO_USER_IDS.employee))?.locale).toBe('en');
  });
});

describe('one language per person, in the message extension', () => {
  it('answers a Finnish person’s "Find a story" in Finnish, from an English client', async () => {
    const answer = await bot.post(
      extensionInvoke(
        bot,
        users.manager,
        'composeExtension/query',
        { commandId: 'findStory', parameters: [{ name: 'initialRun', value: 'true' }] },
        'en-US',
      ),
    );
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain(translator('fi')('extension.emptyWall'));
  });
});

describe('a person first met without a name', () => {
  const stranger = { id: '00000000-0000-4000-8000-000000000777', displayName: '' };

  it('is named by the first activity that carries a name', async () => {
    // An install event: Teams (and the Agents Playground) send no sender name.
    await bot.post(
      activityFrom(bot, stranger, {
        type: 'conversationUpdate',
        from: { id: `29:${stranger.id}`, aadObjectId: stranger.id },
        membersAdded: [{ id: '28:story-wall-bot' }],
        deliveryMode: 'expectReplies',
      }),
    );
    expect((await bot.store.users.get(DEMO_TENANT_ID, stranger.id))?.displayName).toBe(stranger.id);

    await say({ ...users.employee, id: stranger.id, displayName: 'Sami Stranger' }, 'help');
    expect((await bot.store.users.get(DEMO_TENANT_ID, stranger.id))?.displayName).toBe(
      'Sami Stranger',
    );
    // A story told now is credited to the name.
    await bot.post(
      cardAction(
        bot,
        { id: stranger.id, displayName: 'Sami Stranger' },
        'story.submit',
        formData({ featured: '' }),
      ),
    );
    expect(bot.store.stories.all().at(-1)?.authorName).toBe('Sami Stranger');
  });
});

describe('the welcome', () => {
  const install = (membersAdded: { id: string }[]) =>
    bot.post(
      activityFrom(bot, users.driver, {
        type: 'conversationUpdate',
        membersAdded,
        deliveryMode: 'expectReplies',
      }),
    );

  it('is sent once per install, not on every conversation update', async () => {
    const first = await install([{ id: '28:story-wall-bot' }]);
    expect(replyCards(first.body)).toHaveLength(1);
    const again = await install([{ id: '28:story-wall-bot' }]);
    expect(replyCards(again.body)).toEqual([]);
    const others = await install([{ id: `29:${DEMO_USER_IDS.service}` }]);
    expect(replyCards(others.body)).toEqual([]);

    // Removed and added again: a new install, welcomed again.
    await bot.post(
      activityFrom(bot, users.driver, {
        type: 'installationUpdate',
        action: 'remove',
        deliveryMode: 'expectReplies',
      }),
    );
    expect(await bot.conversations.get(DEMO_TENANT_ID, DEMO_USER_IDS.driver)).toBeNull();
    const reinstalled = await install([{ id: '28:story-wall-bot' }]);
    // In the person's language (Finnish).
    expect(cardTexts(replyCards(reinstalled.body)[0])[0]).toBe('Tervetuloa Story Walliin!');
  });
});

describe('the welcome of a Teams install', () => {
  it('comes once when Teams sends both an installation update and a conversation update', async () => {
    const event = (fields: Record<string, unknown>) =>
      bot.post(activityFrom(bot, users.employee, { ...fields, deliveryMode: 'expectReplies' }));
    const cards: CardJson[] = [];
    for (let i = 0; i < 2; i++) {
      cards.push(...replyCards((await event({ type: 'installationUpdate', action: 'add' })).body));
      cards.push(
        ...replyCards(
          (
            await event({
              type: 'conversationUpdate',
              membersAdded: [{ id: '28:story-wall-bot' }],
            })
          ).body,
        ),
      );
    }
    expect(cards.map((card) => cardTexts(card)[0])).toEqual(['Welcome to Story Wall!']);
  });
});

describe('"my stories"', () => {
  it('lists the person’s stories with where each one stands', async () => {
    const story = await submitStory();
    const answer = await say(users.employee, 'my stories');
    const [card] = replyCards(answer.body);
    const texts = cardTexts(card);
    expect(texts[0]).toBe('My stories');
    expect(texts).toEqual(expect.arrayContaining([story.title]));
    expect(texts.join('\n')).toContain('Waiting for a decision');
    const finnish = await say(users.driver, 'omat tarinat');
    const texts2 = cardTexts(replyCards(finnish.body)[0]);
    expect(texts2[0]).toBe('Omat tarinat');
    expect(texts2.join('\n')).toContain('Et ole vielä kertonut tarinoita.');
  });
});

/**
 * Someone first met in an install event, when the directory could not say who they are (Graph
 * was down): they are known by their id until a name comes, and the directory's name replaces the
 * id as soon as it can give one — even when the activities that follow carry no name (the Agents
 * Playground sends none), so a story is never credited to an id.
 */
describe('a person first met without a name, named by the directory', () => {
  const newcomer = '00000000-0000-4000-8000-000000000888';
  let directoryUp = false;
  let harness: BotHarness;
  beforeEach(async () => {
    directoryUp = false;
    harness = await startBotHarness({
      directory: (demo) => ({
        ...demo,
        async person(tenantId, userId) {
          if (userId !== newcomer) return demo.person(tenantId, userId);
          if (!directoryUp) throw new DomainError('unavailable', 'Graph is down.');
          return { id: newcomer, displayName: 'Nora Newcomer', department: 'Sales' };
        },
      }),
    });
  });
  afterEach(() => harness.close());

  /** An activity of the newcomer that carries no name. */
  const unnamed = (fields: Record<string, unknown>) =>
    activityFrom(
      harness,
      { id: newcomer, displayName: '' },
      {
        from: { id: `29:${newcomer}`, aadObjectId: newcomer },
        ...fields,
      },
    );

  it.each([
    ['an installation update', { type: 'installationUpdate', action: 'add' }],
    [
      'a conversation update',
      { type: 'conversationUpdate', membersAdded: [{ id: '28:story-wall-bot' }] },
    ],
  ])('after %s, a story told once the directory answers has their name', async (_, event) => {
    await harness.post(unnamed({ ...event, deliveryMode: 'expectReplies' }));
    expect((await harness.store.users.get(DEMO_TENANT_ID, newcomer))?.displayName).toBe(newcomer);

    directoryUp = true;
    const answer = await harness.post(
      unnamed({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'story.submit',
            data: formData({ featured: '' }),
          },
          trigger: 'manual',
        },
      }),
    );
    expect(answer.status).toBe(200);
    expect((await harness.store.users.get(DEMO_TENANT_ID, newcomer))?.displayName).toBe(
      'Nora Newcomer',
    );
    const story = harness.store.stories.all().at(-1);
    expect(story?.authorName).toBe('Nora Newcomer');
    expect(harness.store.stories.all().map((s) => s.authorName)).not.toContain(newcomer);
  });
});

import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/bot/i18n.js';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createAwardsService, type Story, type User } from '../../../src/domain/index.js';
import { demoActor } from '../../support/domainFixtures.js';
import type { RecordedActivity } from '../../support/mockConnector.js';
import {
  activityFrom,
  cardTexts,
  formData,
  invokeCard,
  demoUser,
  useBotHarness,
  type CardJson,
} from './harness.js';

/**
 * A story's whole way through the bot, over HTTP to the real CloudAdapter, asserted on what the
 * Bot Connector received: an employee shares it in chat, naming the customer account → the approver, whose language is
 * Finnish, gets a Finnish card and approves from it → the story card is posted to the company
 * channel → a colleague votes from that card → an editor picks it as the story of the month →
 * the announcement is posted to the channel and the author is told. Every press is the action
 * the previous card carried, so the cards and the dispatcher are tested together.
 */
const bot = useBotHarness('perTest');

const person = demoUser;
const employee = person(DEMO_USER_IDS.employee);
const approver = person(DEMO_USER_IDS.manager);
const admin = person(DEMO_USER_IDS.admin);
const colleague = person(DEMO_USER_IDS.service);
const editor = person(DEMO_USER_IDS.editor);
const fi = translator('fi');
const en = translator('en');

const CHANNEL = '19:general@thread.tacv2';
const channelConversation = {
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
};
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const cardOf = (activity: RecordedActivity): CardJson =>
  (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
const inChannel = () => bot.connector.activities().filter((a) => a.conversationId === CHANNEL);

/** Activities sent to `userId` one to one: in their chat with the bot, or one the bot opened. */
function sentTo(userId: string): RecordedActivity[] {
  const opened = new Set(
    bot.connector
      .conversationsCreated()
      .filter((c) => JSON.stringify(c.body).includes(`"${userId}"`))
      .map((c) => c.conversationId),
  );
  return bot.connector
    .activities()
    .filter(
      (a) =>
        a.kind === 'sendActivity' &&
        (a.conversationId === `a:personal-${userId}` || opened.has(a.conversationId)),
    );
}

/** The customer account the story is about, typed with markdown that must stay literal. */
const ACCOUNT = 'Nordic *Events* Oy';
const ACCOUNT_ESCAPED = 'Nordic \\*Events\\* Oy';
const CRM_URL = 'https://crm.example.com/accounts/42';

/** Every `Action.OpenUrl` of a card, anywhere in it. */
function openUrls(card: CardJson): { title: unknown; url: unknown }[] {
  const found: { title: unknown; url: unknown }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.OpenUrl') found.push({ title: record.title, url: record.url });
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

/** The `Action.Execute` of a card (show-cards included) whose title is `title`. */
function actionTitled(card: CardJson, title: string): { verb: string; data: object } {
  let found: { verb: string; data: object } | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && record.title === title) {
      found = { verb: String(record.verb), data: record.data ?? {} };
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  if (!found) throw new Error(`no action "${title}" on ${JSON.stringify(card)}`);
  return found;
}

/** `user` presses `action` of a card, from their client in `locale`, in `fields`' conversation. */
function press(
  user: User,
  action: { verb: string; data: object },
  extra: Record<string, unknown> = {},
  locale = 'en-US',
  fields: Record<string, unknown> = {},
) {
  return bot.post(
    activityFrom(bot, user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      locale,
      value: {
        action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...extra } },
        trigger: 'manual',
      },
      ...fields,
    }),
  );
}

/** `user` writes `text` in their chat with the bot; the cards of the bot's replies. */
async function say(user: User, text: string, fields: Record<string, unknown> = {}) {
  const answer = await bot.post(
    activityFrom(bot, user, { text, deliveryMode: 'expectReplies', ...fields }),
  );
  expect(answer.status).toBe(200);
  const replies = (answer.body as { activities?: RecordedActivity['body'][] }).activities ?? [];
  return replies.map((reply) => ({
    text: reply.text,
    card: (reply.attachments?.[0]?.content ?? {}) as CardJson,
  }));
}

describe('a story from chat to the story of the month', () => {
  it('is shared, approved in Finnish, posted, voted for and announced', async () => {
    // An admin has chosen the company channel, mentioning the bot there.
    await say(admin, '<at>Story Wall</at> post stories here', {
      ...channelConversation,
      entities: [
        {
          type: 'mention',
          text: '<at>Story Wall</at>',
          mentioned: { id: '28:story-wall-bot', name: 'Story Wall' },
        },
      ],
    });

    // 1. The employee asks for the form in chat and submits it.
    const [formReply] = await say(employee, 'share a story');
    const form = formReply!.card;
    expect(cardTexts(form)[0]).toBe(en('form.title'));
    const submit = actionTitled(form, en('form.submit'));
    const submitted = await press(
      employee,
      submit,
      formData({ verb: undefined, accountName: ACCOUNT, crmUrl: CRM_URL }),
    );
    expect(submitted.status).toBe(200);
    expect(cardTexts(invokeCard(submitted.body))[0]).toBe(en('thanks.title'));
    const story = bot.store.stories.all().at(-1)!;
    expect(story).toMatchObject({
      status: 'pending',
      authorId: employee.id,
      accountName: ACCOUNT,
      crmUrl: CRM_URL,
    });

    // 2. The approver's card is in Finnish, his language, and he approves from it; the answer
    // to the press is Finnish too, though his client says English.
    await bot.relay.relay(ref(story));
    const [approvalPost] = sentTo(approver.id);
    const approvalCard = cardOf(approvalPost!);
    expect(cardTexts(approvalCard)).toEqual(
      expect.arrayContaining([
        fi('approval.heading'),
        'The borrowed jacket',
        // The customer account, escaped, and its CRM record behind a button in his language.
        fi('story.account'),
        ACCOUNT_ESCAPED,
      ]),
    );
    expect(openUrls(approvalCard)).toContainEqual({ title: fi('story.openInCrm'), url: CRM_URL });
    const approve = actionTitled(approvalCard, fi('approval.approve'));
    const approved = await press(approver, approve, {}, 'en-US');
    expect(approved.status).toBe(200);
    const answer = cardTexts(invokeCard(approved.body));
    expect(answer).toContain(fi('status.published'));
    expect(answer).toContain(fi('story.toldBy', { author: employee.displayName }));
    expect(answer).not.toContain(en('status.published'));

    // 3. The story card is posted to the company channel; the author hears in English.
    await bot.relay.relay(ref(story));
    const [channelPost] = inChannel();
    expect(channelPost?.kind).toBe('sendActivity');
    const channelCard = cardOf(channelPost!);
    expect(cardTexts(channelCard)).toEqual(
      expect.arrayContaining([
        'The borrowed jacket',
        'Told by Emma Employee',
        en('story.account'),
        ACCOUNT_ESCAPED,
      ]),
    );
    expect(openUrls(channelCard)).toEqual([{ title: en('story.openInCrm'), url: CRM_URL }]);
    expect(
      sentTo(employee.id).some((a) =>
        cardTexts(cardOf(a)).some((text) => text.includes('was approved')),
      ),
    ).toBe(true);

    // 4. A colleague votes from the channel card; the posted card is updated with the count.
    const vote = actionTitled(channelCard, en('channel.vote'));
    const voted = await press(colleague, vote, {}, 'fi-FI', channelConversation);
    expect(voted.status).toBe(200);
    expect(JSON.stringify(invokeCard(voted.body))).toContain('"value":"1"');
    await bot.relay.relay(ref(story));
    const update = inChannel().find((a) => a.kind === 'updateActivity');
    expect(update?.activityId).toBe(channelPost!.activityId);

    // 5. An editor picks it as the story of the month.
    const month = bot.store.clock.now().toISOString().slice(0, 7);
    await createAwardsService({
      awards: bot.awards,
      stories: bot.store.stories,
      wall: bot.store.wall,
      settings: bot.settings,
      clock: bot.store.clock,
      ids: bot.store.deps.ids,
      onCommitted: () => undefined,
    }).chooseWinner(demoActor(editor.id), month, { storyId: story.id, citation: 'Warm.' });

    // 6. The announcement is posted to the channel, and the author gets a note.
    await bot.relay.relay(ref(story));
    const announcement = inChannel().filter((a) => a.kind === 'sendActivity')[1];
    expect(announcement).toBeDefined();
    const announced = cardTexts(cardOf(announcement!));
    expect(announced[0]).toMatch(/^Story of the month · /);
    expect(announced).toEqual(expect.arrayContaining(['The borrowed jacket', '“Warm.”']));
    const note = sentTo(employee.id)
      .map((a) => cardTexts(cardOf(a)))
      .find((texts) => /^Story of the month/.test(texts[0] ?? ''));
    expect(note?.[1]).toContain('Congratulations! Your story “The borrowed jacket”');
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { Story, User } from '../../../src/domain/index.js';
import type { RecordedActivity } from '../../support/mockConnector.js';
import {
  activityFrom,
  cardAction,
  extensionInvoke,
  formData,
  invokeCard,
  demoUser,
  useBotHarness,
  type CardJson,
} from './harness.js';

/**
 * Every dialog of the bot that asks for people offers Teams' own people picker: an
 * `Input.ChoiceSet` whose `choices.data` is a `Data.Query` on the organisation's users (Teams'
 * dataset `graph.microsoft.com/users`), so a person is found by name in the whole directory and
 * the bot gets their Entra object id. Each card is the one the real bot answered over HTTP.
 */
const bot = useBotHarness('perTest');

const person = demoUser;
const employee = person(DEMO_USER_IDS.employee);
const manager = person(DEMO_USER_IDS.manager);
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });

/** The inputs of the bot's cards that ask for people. */
const PEOPLE_INPUTS = ['featured', 'reassignTo'];
const PEOPLE_PICKER = { type: 'Data.Query', dataset: 'graph.microsoft.com/users' };

/** Every input of a card that asks for people, show-cards and containers included. */
function peopleInputs(card: CardJson): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.')) {
      if (PEOPLE_INPUTS.includes(String(record.id))) found.push(record);
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

/** Asserts that `card` asks for people, each time with the people picker. */
function expectPeoplePicker(card: CardJson, ids: readonly string[]): void {
  const inputs = peopleInputs(card);
  expect(inputs.map((input) => input.id)).toEqual(ids);
  for (const input of inputs) {
    expect(input.type).toBe('Input.ChoiceSet');
    expect(input['choices.data']).toEqual(PEOPLE_PICKER);
  }
}

/** `user` writes `text` in their chat with the bot; the first card of the replies. */
async function firstCardOf(user: User, text: string): Promise<CardJson> {
  const answer = await bot.post(activityFrom(bot, user, { text, deliveryMode: 'expectReplies' }));
  const [reply] = (answer.body as { activities?: RecordedActivity['body'][] }).activities ?? [];
  return (reply?.attachments?.[0]?.content ?? {}) as CardJson;
}

/** The card of a message extension's `continue` task answer. */
function taskCard(body: unknown): CardJson {
  const task = (body as { task?: { value?: { card?: { content?: CardJson } } } }).task;
  return task?.value?.card?.content ?? {};
}

async function submittedStory(): Promise<Story> {
  invokeCard((await bot.post(cardAction(bot, employee, 'story.submit', formData()))).body);
  return bot.store.stories.all().at(-1)!;
}

describe('the people picker in every dialog that asks for people', () => {
  it('the story form of "share a story", in English and Finnish', async () => {
    expectPeoplePicker(await firstCardOf(employee, 'share a story'), ['featured']);
    expectPeoplePicker(await firstCardOf(employee, 'kerro tarina'), ['featured']);
  });

  it('the story form of a nomination', async () => {
    expectPeoplePicker(await firstCardOf(employee, 'nominate Tomi'), ['featured']);
  });

  it('the form opened by the help card', async () => {
    const answer = await bot.post(cardAction(bot, employee, 'story.form', {}));
    expectPeoplePicker(invokeCard(answer.body), ['featured']);
  });

  it('the form shown again after a refused submit, and after "Check my story"', async () => {
    const refused = await bot.post(
      cardAction(bot, employee, 'story.submit', formData({ title: '' })),
    );
    expectPeoplePicker(invokeCard(refused.body), ['featured']);
    const checked = await bot.post(cardAction(bot, employee, 'story.check', formData()));
    expectPeoplePicker(invokeCard(checked.body), ['featured']);
  });

  it('the form of a story sent back for changes', async () => {
    const story = await submittedStory();
    await bot.post(
      cardAction(bot, manager, 'story.decide', {
        storyId: story.id,
        decision: 'changes',
        changesComment: 'Say what the guest said.',
      }),
    );
    const answer = await bot.post(cardAction(bot, employee, 'story.edit', { storyId: story.id }));
    expectPeoplePicker(invokeCard(answer.body), ['featured']);
  });

  it('the "Share as story" dialog of the message extension, and its refusal', async () => {
    const opened = await bot.post(
      extensionInvoke(bot, employee, 'composeExtension/fetchTask', {
        commandId: 'shareAsStory',
        commandContext: 'message',
        messagePayload: {
          id: '1',
          body: { contentType: 'text', content: 'Thank you for the jacket!' },
          from: { user: { id: DEMO_USER_IDS.driver, displayName: 'Tomi Kuljettaja' } },
        },
      }),
    );
    expect(opened.status).toBe(200);
    expectPeoplePicker(taskCard(opened.body), ['featured']);

    const refused = await bot.post(
      extensionInvoke(bot, employee, 'composeExtension/submitAction', {
        commandId: 'shareAsStory',
        commandContext: 'message',
        data: formData({ verb: undefined, title: '' }),
      }),
    );
    expectPeoplePicker(taskCard(refused.body), ['featured']);
  });

  it("the approver's card: Reassign", async () => {
    const story = await submittedStory();
    await bot.relay.relay(ref(story));
    const sent = bot.connector.activities().find((a) => a.kind === 'sendActivity');
    const card = (sent?.body.attachments?.[0]?.content ?? {}) as CardJson;
    expectPeoplePicker(card, ['reassignTo']);
    // The refreshed card the approver sees is the same.
    const refreshed = await bot.post(
      cardAction(bot, manager, 'story.refresh', { storyId: story.id }),
    );
    expectPeoplePicker(invokeCard(refreshed.body), ['reassignTo']);
  });
});

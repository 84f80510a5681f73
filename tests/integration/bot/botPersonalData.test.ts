import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { Story } from '../../../src/domain/index.js';
import {
  cardAction,
  cardTexts,
  extensionInvoke,
  formData,
  invokeCard,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

/**
 * The personal data check in chat: a story form whose texts hold likely personal data comes back
 * with what was found and a "Send anyway" action, nothing stored; sent anyway, it is stored and
 * its approver is warned on the approval card, in the approver's language, without the values.
 */

const bot = useBotHarness('perTest');
const EMAIL = 'aino.asiakas@example.com';
const situation = `The guest (${EMAIL}) had forgotten his jacket and the evening was cold.`;

const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const input = (card: CardJson, id: string) =>
  card.body?.find((e) => e.id === id) as { value?: string } | undefined;
/** The containers of a card whose texts include `text`. */
const containersWith = (card: CardJson, text: string): unknown[] =>
  (card.body ?? []).filter(
    (e) => e.type === 'Container' && cardTexts(e).some((line) => line.includes(text)),
  );

describe('personal data in a story told in chat', () => {
  it('asks before sending, stores the story sent anyway, and warns the approver', async () => {
    // Sent: the form again, every value kept, what was found named, and "Send anyway" offered.
    const form = invokeCard(
      (
        await bot.post(
          cardAction(
            bot,
            users.employee,
            'story.submit',
            formData({ situation, customerQuote: 'Kiitos!' }),
          ),
        )
      ).body,
    );
    expect(bot.store.stories.all()).toEqual([]);
    const texts = cardTexts(form);
    expect(texts).toEqual(
      expect.arrayContaining([
        'This story may contain personal data. Remove what the story does not need and send it again, or choose **Send anyway**.',
        'Situation: an e-mail address',
      ]),
    );
    expect(texts.some((text) => text.includes('Customer praise:'))).toBe(false);
    expect(input(form, 'situation')?.value).toBe(situation);
    expect(input(form, 'title')?.value).toBe('The borrowed jacket');
    expect(input(form, 'customerQuote')?.value).toBe('Kiitos!');
    expect(input(form, 'consent')?.value).toBe('true');
    expect(input(form, 'featured')?.value).toBe(DEMO_USER_IDS.driver);
    expect(form.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'story.submit', style: 'positive' }),
      expect.objectContaining({ type: 'Action.Execute', verb: 'story.check' }),
      {
        type: 'Action.Execute',
        verb: 'story.submit',
        title: 'Send anyway',
        data: { confirmPersonalData: true },
      },
    ]);
    const warning = containersWith(form, 'Situation:');
    expect(warning).toHaveLength(1);
    expect(JSON.stringify(warning)).not.toContain('aino.asiakas');

    // Sent again without the confirmation: asked again, still nothing stored.
    const again = invokeCard(
      (await bot.post(cardAction(bot, users.employee, 'story.submit', formData({ situation }))))
        .body,
    );
    expect(cardTexts(again)).toContain('Situation: an e-mail address');
    expect(bot.store.stories.all()).toEqual([]);

    // "Send anyway": Teams sends the inputs with the action's data.
    const thanks = invokeCard(
      (
        await bot.post(
          cardAction(
            bot,
            users.employee,
            'story.submit',
            formData({ situation, confirmPersonalData: true }),
          ),
        )
      ).body,
    );
    expect(cardTexts(thanks)[0]).toBe('Thank you for your story!');
    const [story] = bot.store.stories.all();
    expect(story?.situation).toBe(situation);

    // The approval card to the manager (Finnish) names what was found, never the address.
    await bot.relay.relay(ref(story!));
    const cards = bot.connector
      .activities()
      .map((a) => (a.body.attachments?.[0]?.content ?? {}) as CardJson)
      .filter((card) => (card.actions ?? []).some((a) => a['verb'] === 'story.decide'));
    expect(cards).toHaveLength(1);
    const approval = cards[0]!;
    const heading = 'Tarkista henkilötiedot ennen päätöstä. Tarinassa voi olla:';
    expect(cardTexts(approval)).toEqual(
      expect.arrayContaining([heading, 'Tilanne: sähköpostiosoite']),
    );
    const approverWarning = containersWith(approval, heading);
    expect(approverWarning).toHaveLength(1);
    expect(JSON.stringify(approverWarning)).not.toContain('aino.asiakas');
    expect(JSON.stringify(approverWarning)).not.toContain('example.com');
  });

  it('sends a story without personal data at once, with no warning for the approver', async () => {
    const thanks = invokeCard(
      (await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body,
    );
    expect(cardTexts(thanks)[0]).toBe('Thank you for your story!');
    const [story] = bot.store.stories.all();
    await bot.relay.relay(ref(story!));
    const approval = bot.connector
      .activities()
      .map((a) => (a.body.attachments?.[0]?.content ?? {}) as CardJson)
      .find((card) => (card.actions ?? []).some((a) => a['verb'] === 'story.decide'));
    expect(approval).toBeDefined();
    expect(cardTexts(approval).some((text) => text.includes('henkilötiedot'))).toBe(false);
  });

  it('asks in the message extension’s dialog too, where "Send anyway" submits the dialog', async () => {
    const submitAction = (data: Record<string, unknown>) =>
      extensionInvoke(bot, users.employee, 'composeExtension/submitAction', {
        commandId: 'shareAsStory',
        commandContext: 'message',
        data,
      });
    const { verb: _verb, ...data } = formData({ lesson: 'Write to them: FI21 1234 5600 0007 85.' });

    const answer = await bot.post(submitAction(data));
    const card = (answer.body as { task?: { value?: { card?: { content?: CardJson } } } }).task
      ?.value?.card?.content;
    expect(cardTexts(card)).toContain('Lesson: a bank account number (IBAN)');
    expect(card?.actions).toEqual([
      expect.objectContaining({ type: 'Action.Submit', title: 'Send for approval' }),
      expect.objectContaining({ type: 'Action.Submit', title: 'Check my story' }),
      { type: 'Action.Submit', title: 'Send anyway', data: { confirmPersonalData: true } },
    ]);
    expect(bot.store.stories.all()).toEqual([]);

    // An empty answer closes the dialog: stored.
    expect((await bot.post(submitAction({ ...data, confirmPersonalData: true }))).body).toEqual({});
    expect(bot.store.stories.all()).toHaveLength(1);
  });

  it('asks again on an edited story sent back for changes, and resubmits when sent anyway', async () => {
    invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
    const story = bot.store.stories.all().at(-1)!;
    invokeCard(
      (
        await bot.post(
          cardAction(bot, users.manager, 'story.decide', {
            storyId: story.id,
            decision: 'changes',
            changesComment: 'Say how to reach the guest.',
          }),
        )
      ).body,
    );
    const quote = 'Call me on 040-1234567 any time!';

    const form = invokeCard(
      (
        await bot.post(
          cardAction(
            bot,
            users.employee,
            'story.resubmit',
            formData({ storyId: story.id, customerQuote: quote }),
          ),
        )
      ).body,
    );
    expect(cardTexts(form)).toContain('Customer praise: a phone number');
    expect(input(form, 'customerQuote')?.value).toBe(quote);
    expect(form.actions?.at(-1)).toEqual({
      type: 'Action.Execute',
      verb: 'story.resubmit',
      title: 'Send anyway',
      data: { storyId: story.id, confirmPersonalData: true },
    });
    expect(bot.store.stories.all().at(-1)?.status).toBe('changes_requested');

    invokeCard(
      (
        await bot.post(
          cardAction(
            bot,
            users.employee,
            'story.resubmit',
            formData({ storyId: story.id, customerQuote: quote, confirmPersonalData: true }),
          ),
        )
      ).body,
    );
    expect(bot.store.stories.all().at(-1)).toMatchObject({
      status: 'pending',
      customerQuote: quote,
    });
  });
});

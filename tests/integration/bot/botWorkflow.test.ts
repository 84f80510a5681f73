import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { waitingApprovers, type Story } from '../../../src/domain/index.js';
import type { RecordedActivity } from '../../support/mockConnector.js';
import {
  cardAction,
  cardTexts,
  formData,
  invokeCard,
  demoUser,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

/**
 * Cards stay true through every policy (journey 4 with approval policies): each stage's approvers
 * get their card, every earlier copy is updated to the story's state, and a story can be handed on
 * from the card with Teams' people picker.
 */

const bot = useBotHarness('perTest');
const { manager, editor, service } = DEMO_USER_IDS;
const person = demoUser;
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });

async function submitStory(): Promise<Story> {
  invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1);
  if (!story) throw new Error('no story stored');
  await bot.relay.relay(ref(story));
  return story;
}

const current = (story: Story) => bot.store.stories.all().find((s) => s.id === story.id)!;
const cardOf = (activity: RecordedActivity) =>
  (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
/** Card activities sent or updated for `userId`'s personal conversation, in order. */
const cardsTo = (userId: string, kind?: 'sendActivity' | 'updateActivity') =>
  bot.connector
    .activities()
    .filter(
      (a) =>
        (a.conversationId === `a:personal-${userId}` ||
          bot.connector
            .conversationsCreated()
            .some(
              (c) =>
                c.conversationId === a.conversationId &&
                JSON.stringify(c.body).includes(`"${userId}"`),
            )) &&
        (kind === undefined || a.kind === kind),
    );

describe('cards through a two-stage policy', () => {
  it('stage 2 gets its cards when stage 1 ends; every copy tells who approved and who is awaited', async () => {
    const held = await bot.settings.getTenantSettings(DEMO_TENANT_ID);
    await bot.settings.putTenantSettings(
      DEMO_TENANT_ID,
      {
        ...held!.value,
        version: held!.value.version + 1,
        approval: {
          ...held!.value.approval,
          stages: [
            { approvers: { kind: 'manager' }, mode: 'any' },
            { approvers: { kind: 'people', ids: [editor, service] }, mode: 'all' },
          ],
        },
      },
      held!.etag,
    );

    const story = await submitStory();
    expect(cardsTo(manager, 'sendActivity')).toHaveLength(1);
    expect(cardsTo(editor)).toEqual([]);
    expect(cardTexts(cardOf(cardsTo(manager)[0]!))).toContain('Vaihe 1/2');

    // The manager approves stage 1 from the card: the answer shows the story waits for stage 2.
    const answer = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.manager, 'story.decide', {
            storyId: story.id,
            decision: 'approve',
          }),
        )
      ).body,
    );
    expect((answer.actions ?? []).some((a) => a['verb'] === 'story.decide')).toBe(false);
    // In the manager's language, Finnish, as his card was.
    expect(cardTexts(answer)).toEqual(
      expect.arrayContaining(['Odottaa: Eeva Editor, Niklas Palvelu']),
    );
    await bot.relay.relay(ref(story));

    for (const approver of [editor, service]) {
      const [card] = cardsTo(approver, 'sendActivity');
      expect(card, `a card for ${approver}`).toBeDefined();
      expect(cardOf(card!).actions?.[0]).toMatchObject({ verb: 'story.decide' });
    }

    // The editor approves; the service lead's card now says so, and still asks him.
    invokeCard(
      (
        await bot.post(
          cardAction(bot, person(editor), 'story.decide', {
            storyId: story.id,
            decision: 'approve',
          }),
        )
      ).body,
    );
    expect(waitingApprovers(current(story).approval)).toEqual([service]);
    await bot.relay.relay(ref(story));
    const refreshed = invokeCard(
      (await bot.post(cardAction(bot, person(service), 'story.refresh', { storyId: story.id })))
        .body,
    );
    expect(cardTexts(refreshed).join('\n')).toContain('Eeva Editor');
    expect(refreshed.actions?.[0]).toMatchObject({ verb: 'story.decide' });

    invokeCard(
      (
        await bot.post(
          cardAction(bot, person(service), 'story.decide', {
            storyId: story.id,
            decision: 'approve',
          }),
        )
      ).body,
    );
    expect(current(story).status).toBe('published');
    await bot.relay.relay(ref(story));

    // Every earlier copy — the manager's stage-1 card included — was updated to the final state.
    for (const approver of [manager, editor, service]) {
      const updates = cardsTo(approver, 'updateActivity');
      expect(updates.length, `updates for ${approver}`).toBeGreaterThan(0);
      const last = cardOf(updates.at(-1)!);
      expect((last.actions ?? []).some((a) => a['verb'] === 'story.decide')).toBe(false);
    }
  });
});

describe('reassign from the card', () => {
  it('offers Teams’ people picker on the approver’s card', async () => {
    await submitStory();
    const card = cardOf(cardsTo(manager, 'sendActivity')[0]!);
    const reassign = card.actions?.find((a) => a['title'] === 'Siirrä toiselle') as
      { card: { body: Record<string, unknown>[] } } | undefined;
    expect(reassign).toBeDefined();
    expect(reassign!.card.body[0]).toMatchObject({
      type: 'Input.ChoiceSet',
      id: 'reassignTo',
      isRequired: true,
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
  });

  it('hands the story to the person picked; they get the card, the history says who and why', async () => {
    const story = await submitStory();
    const answer = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.manager, 'story.reassign', {
            storyId: story.id,
            reassignTo: editor,
            reassignComment: 'On leave this week.',
          }),
        )
      ).body,
    );
    expect(cardTexts(answer)).toContain('Siirretty henkilölle Eeva Editor.');
    expect((answer.actions ?? []).some((a) => a['verb'] === 'story.decide')).toBe(false);
    expect(waitingApprovers(current(story).approval)).toEqual([editor]);
    const audit = await bot.store.stories.audit(ref(story));
    expect(audit.at(-1)).toMatchObject({
      action: 'reassigned',
      actorId: manager,
      surface: 'card',
      comment: 'On leave this week.',
    });

    await bot.relay.relay(ref(story));
    expect(cardsTo(editor, 'sendActivity')).toHaveLength(1);
  });

  it('a stale card of the former approver says the story no longer waits for them', async () => {
    const story = await submitStory();
    await bot.post(
      cardAction(bot, users.manager, 'story.reassign', { storyId: story.id, reassignTo: editor }),
    );
    const answer = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.manager, 'story.decide', {
            storyId: story.id,
            decision: 'approve',
          }),
        )
      ).body,
    );
    expect(cardTexts(answer)).toContain('Tarina ei enää odota sinun päätöstäsi.');
    expect(cardTexts(answer)).toContain('Odottaa: Eeva Editor');
    expect((answer.actions ?? []).some((a) => a['verb'] === 'story.decide')).toBe(false);
    expect(current(story).status).toBe('pending');
  });

  it('without a person picked, nothing changes and the card says what is missing', async () => {
    const story = await submitStory();
    const answer = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.manager, 'story.reassign', { storyId: story.id, reassignTo: '' }),
        )
      ).body,
    );
    expect(cardTexts(answer)).toContain('Valitse kollega, joka päättää.');
    expect(waitingApprovers(current(story).approval)).toEqual([manager]);
    expect(current(story).revision).toBe(story.revision);
  });

  it('someone who is not asked may not hand it on', async () => {
    const story = await submitStory();
    const answer = invokeCard(
      (
        await bot.post(
          cardAction(bot, person(service), 'story.reassign', {
            storyId: story.id,
            reassignTo: service,
          }),
        )
      ).body,
    );
    expect(cardTexts(answer).join('\n')).not.toContain('Handed on');
    expect(waitingApprovers(current(story).approval)).toEqual([manager]);
  });
});

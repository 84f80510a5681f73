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

/** The employee submits a story through the form; returns it as stored. */
async function submitStory(): Promise<Story> {
  const answer = await bot.post(cardAction(bot, users.employee, 'story.submit', formData()));
  invokeCard(answer.body);
  const story = bot.store.stories.all().at(-1);
  if (!story) throw new Error('no story stored');
  return story;
}

const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });

function attachedCard(activity: { body: { attachments?: { content?: unknown }[] } }): CardJson {
  return (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
}

describe('approval in chat', () => {
  it('sends the approval card to the manager through a new 1:1 conversation', async () => {
    const story = await submitStory();
    await bot.relay.relay(ref(story));

    const [created] = bot.connector.conversationsCreated();
    expect(created?.body).toMatchObject({
      isGroup: false,
      members: [{ id: DEMO_USER_IDS.manager }],
      tenantId: DEMO_TENANT_ID,
      channelData: { tenant: { id: DEMO_TENANT_ID } },
    });
    const [sent] = await bot.connector.waitForActivities(1);
    expect(sent?.conversationId).toBe(created?.conversationId);
    const card = attachedCard(sent!);
    // The manager's directory locale is Finnish.
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        'Tarina odottaa päätöstäsi',
        'The borrowed jacket',
        'Kertoja: Emma Employee',
      ]),
    );
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'story.decide',
      data: { storyId: story.id, decision: 'approve' },
    });
    expect(card.refresh).toMatchObject({ userIds: [DEMO_USER_IDS.manager] });
    // The new conversation is remembered, and the outbox message is done.
    expect(await bot.conversations.get(DEMO_TENANT_ID, DEMO_USER_IDS.manager)).toContain(
      created?.conversationId,
    );
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });

  it('continues the stored conversation of a manager who has talked to the bot', async () => {
    await bot.post(
      activityFrom(bot, users.manager, { text: 'help', deliveryMode: 'expectReplies' }),
    );
    const story = await submitStory();
    await bot.relay.relay(ref(story));
    const [sent] = await bot.connector.waitForActivities(1);
    expect(bot.connector.conversationsCreated()).toEqual([]);
    expect(sent?.conversationId).toBe(`a:personal-${DEMO_USER_IDS.manager}`);
    // Refresh targets the manager's Teams user id, known from their conversation.
    expect(attachedCard(sent!).refresh).toMatchObject({ userIds: [`29:${DEMO_USER_IDS.manager}`] });
  });

  it('publishes on the manager’s approval and tells the author', async () => {
    // The author talked to the bot, so their reference is stored.
    await bot.post(
      activityFrom(bot, users.employee, { text: 'help', deliveryMode: 'expectReplies' }),
    );
    const story = await submitStory();
    await bot.relay.relay(ref(story));
    await bot.connector.waitForActivities(1);

    const answer = await bot.post(
      cardAction(
        bot,
        users.manager,
        'story.decide',
        { storyId: story.id, decision: 'approve', changesComment: '', rejectReason: '' },
        'fi-FI',
      ),
    );
    const card = invokeCard(answer.body);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Hyväksytty ja julkaistu', 'Päättäjä: Mikko Manager']),
    );
    expect(card.actions ?? []).not.toContainEqual(
      expect.objectContaining({ type: 'Action.Execute' }),
    );
    expect((await bot.store.stories.get(ref(story)))?.value.status).toBe('published');
    expect(bot.store.wall.entries().map((s) => s.id)).toEqual([story.id]);

    await bot.relay.relay(ref(story));
    const notices = await bot.connector.waitForActivities(2);
    const notice = notices[1]!;
    expect(notice.conversationId).toBe(`a:personal-${DEMO_USER_IDS.employee}`);
    expect(cardTexts(attachedCard(notice))).toContain(
      'Your story “The borrowed jacket” was approved and is now on the story wall. Thank you!',
    );
  });

  it('asks for changes only with a comment, and the author is told it', async () => {
    const story = await submitStory();
    const missing = await bot.post(
      cardAction(bot, users.manager, 'story.decide', {
        storyId: story.id,
        decision: 'changes',
        changesComment: '  ',
      }),
    );
    const again = invokeCard(missing.body);
    // The manager's language is Finnish: the answer to his card is too.
    expect(cardTexts(again)[0]).toBe('Kerro, mitä pitäisi muuttaa.');
    expect(again.actions?.[0]).toMatchObject({ verb: 'story.decide' });
    expect((await bot.store.stories.get(ref(story)))?.value.status).toBe('pending');

    const answer = await bot.post(
      cardAction(bot, users.manager, 'story.decide', {
        storyId: story.id,
        decision: 'changes',
        changesComment: 'Add what the guest *said*',
        rejectReason: 'ignored',
      }),
    );
    expect(cardTexts(invokeCard(answer.body))).toContain(
      'Kommentti: Add what the guest \\*said\\*',
    );
    expect((await bot.store.stories.get(ref(story)))?.value).toMatchObject({
      status: 'changes_requested',
      decisionComment: 'Add what the guest *said*',
    });

    // The approval card is stale by now and is skipped; the author hears of the request.
    await bot.relay.relay(ref(story));
    const sent = await bot.connector.waitForActivities(1);
    expect(sent).toHaveLength(1);
    expect(bot.connector.conversationsCreated()[0]?.body).toMatchObject({
      members: [{ id: DEMO_USER_IDS.employee }],
    });
    expect(cardTexts(attachedCard(sent[0]!))).toEqual([
      'The borrowed jacket',
      'Mikko Manager asked for changes to your story “The borrowed jacket”.',
      'Mikko Manager wrote: Add what the guest \\*said\\*',
    ]);
  });

  it('refuses a second, different decision without changing the story', async () => {
    const story = await submitStory();
    await bot.post(
      cardAction(bot, users.manager, 'story.decide', { storyId: story.id, decision: 'approve' }),
    );
    const answer = await bot.post(
      cardAction(bot, users.manager, 'story.decide', { storyId: story.id, decision: 'reject' }),
    );
    const card = invokeCard(answer.body);
    expect(cardTexts(card)[0]).toBe('Tarinasta on jo päätetty, joten sitä ei voi enää muuttaa.');
    expect(cardTexts(card)).toContain('Hyväksytty ja julkaistu');
    expect((await bot.store.stories.get(ref(story)))?.value.status).toBe('published');
  });

  it('refuses the employee’s decision with a forbidden card and changes nothing', async () => {
    const story = await submitStory();
    const answer = await bot.post(
      cardAction(bot, users.employee, 'story.decide', { storyId: story.id, decision: 'approve' }),
    );
    const card = invokeCard(answer.body);
    expect(cardTexts(card)[0]).toBe('Only the approver of this story can decide on it.');
    expect(card.actions ?? []).not.toContainEqual(
      expect.objectContaining({ type: 'Action.Execute' }),
    );
    expect((await bot.store.stories.get(ref(story)))?.value).toMatchObject({ status: 'pending' });
    expect(bot.store.wall.entries()).toEqual([]);
  });

  it('treats card data as untrusted: bad ids and decisions are refused', async () => {
    const story = await submitStory();
    const badId = await bot.post(
      cardAction(bot, users.manager, 'story.decide', { storyId: '../../etc', decision: 'approve' }),
    );
    expect(cardTexts(invokeCard(badId.body))).toEqual([
      'En löytänyt tarinaa. Se on ehkä poistettu.',
    ]);
    const badDecision = await bot.post(
      cardAction(bot, users.manager, 'story.decide', { storyId: story.id, decision: 'publish' }),
    );
    expect(cardTexts(invokeCard(badDecision.body))[0]).toContain('ei kelpaa');
    expect((await bot.store.stories.get(ref(story)))?.value.status).toBe('pending');
  });

  it('refreshes the card per user: buttons for the approver, status for others', async () => {
    const story = await submitStory();
    const forManager = invokeCard(
      (await bot.post(cardAction(bot, users.manager, 'story.refresh', { storyId: story.id }))).body,
    );
    expect(forManager.actions?.[0]).toMatchObject({ verb: 'story.decide' });
    const forAuthor = invokeCard(
      (await bot.post(cardAction(bot, users.employee, 'story.refresh', { storyId: story.id })))
        .body,
    );
    expect(forAuthor.actions ?? []).toEqual([]);
    expect(cardTexts(forAuthor)).toContain('Waiting for a decision');
  });

  it('leaves a throttled send to the outbox, honouring Retry-After, then delivers', async () => {
    const story = await submitStory();
    bot.connector.throttle(5, 1);
    await bot.relay.relay(ref(story));
    const [waiting] = bot.store.stories
      .outboxOf(ref(story))
      .filter((m) => m.kind === 'approval.requested');
    expect(waiting?.attempts).toBe(1);
    expect(waiting!.nextAttemptAt.getTime() - bot.store.clock.now().getTime()).toBe(5000);
    expect(bot.connector.activities()).toEqual([]);

    bot.store.clock.advance(5000);
    await bot.relay.relay(ref(story));
    const [sent] = await bot.connector.waitForActivities(1);
    expect(cardTexts(attachedCard(sent!))).toContain('The borrowed jacket');
    expect(bot.connector.conversationsCreated()).toHaveLength(1);
  });

  it('gives up a card Teams refuses for good (403), keeping the message with its error', async () => {
    const story = await submitStory();
    bot.connector.refuse(403, 1);
    await bot.relay.relay(ref(story));
    const [parked] = bot.store.stories
      .outboxOf(ref(story))
      .filter((m) => m.kind === 'approval.requested');
    expect(parked?.attempts).toBe(1);
    expect(parked!.nextAttemptAt.getUTCFullYear()).toBe(9999);

    bot.store.clock.advance(24 * 60 * 60 * 1000);
    await bot.relay.relay(ref(story));
    expect(bot.connector.activities()).toEqual([]);
    expect(bot.connector.calls).toHaveLength(1);
  });

  it('does not give up a card on a server error (502): it is sent again and delivered', async () => {
    const story = await submitStory();
    bot.connector.refuse(502, 1);
    await bot.relay.relay(ref(story));
    const [sent] = await bot.connector.waitForActivities(1);
    expect(cardTexts(attachedCard(sent!))).toContain('The borrowed jacket');
    expect(bot.connector.calls.length).toBeGreaterThan(2);
    expect(bot.store.stories.outboxOf(ref(story)).map((m) => m.kind)).not.toContain(
      'approval.requested',
    );
  });

  it('sends no approval card for a story decided before the card went out', async () => {
    const story = await submitStory();
    await bot.post(
      cardAction(bot, users.manager, 'story.decide', { storyId: story.id, decision: 'reject' }),
    );
    await bot.relay.relay(ref(story));
    // Only the author's rejection notice is sent (through a new conversation: no reference).
    const sent = await bot.connector.waitForActivities(1);
    expect(sent).toHaveLength(1);
    expect(cardTexts(attachedCard(sent[0]!))).toContain(
      'Your story “The borrowed jacket” was not published.',
    );
  });
});

describe('local mode and chat clients that invent a tenant', () => {
  it('routes a story from a foreign-tenant local client to the demo manager', async () => {
    // The Agents Playground sends a mock tenant and a user id that is not a GUID.
    const submit = cardAction(
      bot,
      { id: 'user-id-0', displayName: 'Alex Wilber' },
      'story.submit',
      formData({ featured: '' }),
    );
    const activity = {
      ...submit,
      from: { id: 'user-id-0', name: 'Alex Wilber' },
      conversation: {
        id: 'personal-chat-id',
        conversationType: 'personal',
        tenantId: 'playground-tenant',
      },
      channelData: { tenant: { id: 'playground-tenant' } },
    };
    const answer = await bot.post(activity);
    expect(cardTexts(invokeCard(answer.body)).join(' ')).toContain('Mikko Manager');
    const story = bot.store.stories.all().at(-1);
    expect(story).toMatchObject({
      tenantId: DEMO_TENANT_ID,
      authorId: 'user-id-0',
      status: 'pending',
      // The invented user has no manager in the directory, so the policy's fallback (the
      // approver role, which the demo manager holds) decides.
      approval: {
        stage: {
          index: 0,
          slots: [{ userId: DEMO_USER_IDS.manager }],
          fallback: 'no_manager',
        },
        asked: [DEMO_USER_IDS.manager],
      },
    });
  });
});

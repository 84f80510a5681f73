import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { waitingApprovers, type ErasureDeps, type Story } from '../../../src/domain/index.js';
import { erasePerson } from '../../../src/domain/useCases/erasure.js';
import { fakeAwards, fakeErasureRegister } from '../../support/erasureFakes.js';
import { buildActor } from '../../support/factories.js';
import { cardAction, formData, invokeCard, useBotHarness, users } from './harness.js';

/**
 * Journey 12 in Teams: the cards the bot posted go with an erasure — deleted through the Bot
 * Connector (`DELETE /v3/conversations/:id/activities/:id`), not just left stale.
 */
const bot = useBotHarness('perTest');

const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const admin = buildActor({
  tenantId: users.employee.tenantId,
  id: DEMO_USER_IDS.admin,
  displayName: 'Aaron Admin',
  roles: ['employee', 'admin'],
});

function erasureDeps(): ErasureDeps {
  return {
    ...bot.store.deps,
    personalData: bot.store.stories,
    register: fakeErasureRegister(),
    postedCards: bot.postedCards,
    conversations: bot.conversations,
    awards: fakeAwards(),
  };
}

/** The employee submits a story and the approval card reaches the manager; returns both. */
async function sentForApproval() {
  invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1);
  if (!story) throw new Error('no story stored');
  await bot.relay.relay(ref(story));
  const [card] = await bot.connector.waitForActivities(1);
  return { story, card: card! };
}

describe('posted cards on erasure', () => {
  it('deletes the approval card of the erased author’s deleted story, then purges the story', async () => {
    const { story, card } = await sentForApproval();
    expect(await bot.postedCards.list(ref(story))).toHaveLength(1);

    const receipt = await erasePerson(erasureDeps(), admin, users.employee.id);
    expect(receipt.erased.storiesDeleted.ids).toEqual([story.id]);
    expect(receipt.erased.postedCards).toEqual({ count: 1, ids: [story.id] });
    await bot.relay.relay(ref(story));

    expect(bot.connector.deletions()).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        conversationId: card.conversationId,
        activityId: card.activityId,
      }),
    ]);
    expect(await bot.postedCards.list(ref(story))).toEqual([]);
    // Its cards gone, the rest of the story went too.
    expect(await bot.store.stories.auditRows(ref(story))).toEqual([]);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });

  it('takes a card Teams no longer has as deleted, and still purges', async () => {
    const { story } = await sentForApproval();
    await erasePerson(erasureDeps(), admin, users.employee.id);
    bot.connector.refuse(404, 1, 'deleteActivity');
    await bot.relay.relay(ref(story));
    expect(await bot.postedCards.list(ref(story))).toEqual([]);
    expect(await bot.store.stories.auditRows(ref(story))).toEqual([]);
  });

  it('retries a card it could not delete, and purges only after it is gone', async () => {
    const { story } = await sentForApproval();
    await erasePerson(erasureDeps(), admin, users.employee.id);
    // botbuilder's pipeline retries 5xx itself; refuse more than it tries.
    bot.connector.refuse(502, 10, 'deleteActivity');
    await bot.relay.relay(ref(story));
    expect(await bot.postedCards.list(ref(story))).toHaveLength(1);
    // The purge waits for the card: the story's history is still there.
    expect(await bot.store.stories.auditRows(ref(story))).not.toEqual([]);
    const waiting = bot.store.stories.outboxOf(ref(story)).map((m) => [m.kind, m.attempts]);
    expect(waiting).toEqual([
      ['cards.delete', 1],
      ['story.purge', 1],
    ]);

    bot.connector.reset();
    bot.store.clock.advance(60 * 60_000);
    await bot.relay.relay(ref(story));
    expect(bot.connector.deletions()).toHaveLength(1);
    expect(await bot.postedCards.list(ref(story))).toEqual([]);
    expect(await bot.store.stories.auditRows(ref(story))).toEqual([]);
  });

  it('deletes an erased approver’s own copy and sends the story’s card to the fallback', async () => {
    const { story, card } = await sentForApproval();
    const receipt = await erasePerson(erasureDeps(), admin, users.manager.id);
    expect(receipt.erased.approvalsReassigned.ids).toEqual([story.id]);
    await bot.relay.relay(ref(story));

    expect(bot.connector.deletions()).toEqual([
      expect.objectContaining({ activityId: card.activityId }),
    ]);
    const now = (await bot.store.stories.get(ref(story)))!.value;
    expect(now.status).toBe('pending');
    expect(waitingApprovers(now.approval)).toEqual([DEMO_USER_IDS.admin]);
    const cards = await bot.postedCards.list(ref(story));
    expect(cards.map((c) => c.userId)).toEqual([DEMO_USER_IDS.admin]);
    expect(JSON.stringify(cards)).not.toContain(users.manager.id);
  });
});

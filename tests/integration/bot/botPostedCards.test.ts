import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createStoryService, type Story } from '../../../src/domain/index.js';
import { buildActor } from '../../support/factories.js';
import type { RecordedActivity } from '../../support/mockConnector.js';
import {
  cardAction,
  cardTexts,
  formData,
  invokeCard,
  useBotHarness,
  users,
  type CardJson,
} from './harness.js';

/**
 * Journeys 4 and 10: every approval card the bot posted is updated when the story changes,
 * wherever the change was made (the tab, another card), through `cards.refresh`.
 */
const bot = useBotHarness('perTest');

const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const attachedCard = (activity: RecordedActivity): CardJson =>
  (activity.body.attachments?.[0]?.content ?? {}) as CardJson;
const updates = () => bot.connector.activities().filter((a) => a.kind === 'updateActivity');
const executeActions = (card: CardJson) =>
  (card.actions ?? []).filter((action) => action.type === 'Action.Execute');

/** The employee submits a story and the approval card reaches the manager; returns both. */
async function sentForApproval(): Promise<{ story: Story; approvalCard: RecordedActivity }> {
  invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1);
  if (!story) throw new Error('no story stored');
  await bot.relay.relay(ref(story));
  const [approvalCard] = await bot.connector.waitForActivities(1);
  return { story, approvalCard: approvalCard! };
}

/** The use cases as the tab's API calls them. */
const service = () => createStoryService(bot.store.deps);

describe('posted approval cards', () => {
  it('records the approval card it sends, with where it went', async () => {
    const { story, approvalCard } = await sentForApproval();
    expect(await bot.postedCards.list(ref(story))).toEqual([
      {
        activityId: approvalCard.activityId,
        reference: expect.stringContaining(approvalCard.conversationId!) as string,
        kind: 'approval',
        locale: 'fi',
        userId: DEMO_USER_IDS.manager,
        teamsUserId: DEMO_USER_IDS.manager,
        messageId: expect.any(String) as string,
      },
    ]);
  });

  it('updates the approver’s card when the story is decided in the tab', async () => {
    const { story, approvalCard } = await sentForApproval();
    await service().decideStory(buildActor(users.manager), story.id, 'approve');
    await bot.relay.relay(ref(story));

    const [update] = updates();
    expect(update).toMatchObject({
      conversationId: approvalCard.conversationId,
      activityId: approvalCard.activityId,
    });
    const card = attachedCard(update!);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining(['Hyväksytty ja julkaistu', 'Päättäjä: Mikko Manager']),
    );
    expect(executeActions(card)).toEqual([]);
    expect(card.refresh).toBeUndefined();
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });

  it('updates the card when the author withdraws the story', async () => {
    const { story, approvalCard } = await sentForApproval();
    await service().withdrawStory(buildActor(users.employee), story.id);
    await bot.relay.relay(ref(story));

    const [update] = updates();
    expect(update?.activityId).toBe(approvalCard.activityId);
    expect(cardTexts(attachedCard(update!))).toContain('Peruttu');
    expect(executeActions(attachedCard(update!))).toEqual([]);
  });

  it('offers the decision again on the card after a resubmission', async () => {
    const { story, approvalCard } = await sentForApproval();
    await service().decideStory(buildActor(users.manager), story.id, 'changes', 'Add a quote.');
    await bot.relay.relay(ref(story));
    await service().resubmitStory(buildActor(users.employee), story.id, {
      ...storyDraftOf(story),
      title: 'The borrowed jacket, told better',
    });
    await bot.relay.relay(ref(story));

    const last = updates()
      .filter((u) => u.activityId === approvalCard.activityId)
      .at(-1);
    const card = attachedCard(last!);
    expect(cardTexts(card)).toContain('The borrowed jacket, told better');
    expect(executeActions(card)[0]).toMatchObject({ verb: 'story.decide' });
    expect(card.refresh).toMatchObject({ userIds: [DEMO_USER_IDS.manager] });
  });

  it('takes the buttons off the former approver’s card after a reassignment', async () => {
    const { story, approvalCard } = await sentForApproval();
    await service().reassignStory(buildActor(users.manager), story.id, DEMO_USER_IDS.editor);
    await bot.relay.relay(ref(story));

    const [update] = updates().filter((u) => u.activityId === approvalCard.activityId);
    expect(update).toBeDefined();
    expect(executeActions(attachedCard(update!))).toEqual([]);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });

  it('gives up a copy Teams no longer has (404) and forgets it', async () => {
    const { story } = await sentForApproval();
    await service().decideStory(buildActor(users.manager), story.id, 'reject');
    bot.connector.refuse(404, 1, 'updateActivity');
    await bot.relay.relay(ref(story));

    expect(updates()).toEqual([]);
    expect(await bot.postedCards.list(ref(story))).toEqual([]);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
    expect(bot.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'posted card refused for good; no longer updated',
      }),
    );
    expect(bot.connector.calls.filter((c) => c.kind === 'updateActivity')).toHaveLength(1);
  });

  it('retries a copy on a server error (502) until it is updated', async () => {
    const { story, approvalCard } = await sentForApproval();
    await service().decideStory(buildActor(users.manager), story.id, 'approve');
    // botbuilder's pipeline retries 5xx itself; refuse more than it tries.
    bot.connector.refuse(502, 10, 'updateActivity');
    await bot.relay.relay(ref(story));
    const waiting = bot.store.stories
      .outboxOf(ref(story))
      .filter((m) => m.kind === 'cards.refresh');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.attempts).toBe(1);

    bot.connector.reset();
    bot.store.clock.advance(60_000);
    await bot.relay.relay(ref(story));
    expect(updates()[0]?.activityId).toBe(approvalCard.activityId);
    expect(bot.store.stories.outboxOf(ref(story))).toEqual([]);
  });
});

function storyDraftOf(story: Story) {
  return {
    title: story.title,
    situation: story.situation,
    action: story.action,
    outcome: story.outcome,
    lesson: story.lesson,
    team: story.team,
    category: story.category,
    featured: story.featured.map((p) => p.id),
    consent: true,
    locale: story.locale,
  };
}

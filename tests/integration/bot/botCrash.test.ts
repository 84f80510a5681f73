import { describe, expect, it } from 'vitest';
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
 * The relay sends a card, records it, then marks its outbox message done: three steps against
 * two systems, any of which a crash can cut. A message cut short runs again. Crashes are
 * simulated by the step after the send failing once (the process would die there; the message
 * is claimed again after its lease, here after its back-off).
 *
 * - Cut after the card was recorded: the retry finds the recorded copy and sends none (0 extra).
 * - Cut between the send and the record: Teams gives no way to ask what was sent, so the retry
 *   sends a second copy (1 extra per such crash). Both copies stay true: the recorded one is
 *   updated when the story changes, the unrecorded one refreshes itself for the approver when
 *   shown (Universal Actions), and a click on it is judged against the story as it is.
 */
const bot = useBotHarness('perTest');
const ref = (story: Story) => ({ tenantId: story.tenantId, storyId: story.id });
const approvalCards = () => bot.connector.activities().filter((a) => a.kind === 'sendActivity');
const attached = (activity: RecordedActivity): CardJson =>
  (activity.body.attachments?.[0]?.content ?? {}) as CardJson;

async function submitted(): Promise<Story> {
  invokeCard((await bot.post(cardAction(bot, users.employee, 'story.submit', formData()))).body);
  const story = bot.store.stories.all().at(-1);
  if (!story) throw new Error('no story stored');
  return story;
}

/** Makes `object[method]` fail once, as if the process died at that step. */
function crashOnce<T extends object>(object: T, method: keyof T & string): void {
  const original = object[method] as (...args: unknown[]) => Promise<unknown>;
  let crashed = false;
  (object as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    if (!crashed) {
      crashed = true;
      throw new Error(`crash at ${method}`);
    }
    return original.apply(object, args);
  };
}

/** Runs the story's outbox until nothing is left to retry (the clock jumps each back-off). */
async function relayUntilDone(story: Story): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await bot.relay.relay(ref(story));
    bot.store.clock.advance(60 * 60 * 1000);
  }
}

describe('a crash in the relay', () => {
  it('after the card was recorded: no second card', async () => {
    const story = await submitted();
    crashOnce(bot.store.stories, 'complete');
    await relayUntilDone(story);
    expect(approvalCards()).toHaveLength(1);
    expect(await bot.postedCards.list(ref(story))).toHaveLength(1);
  });

  it('between the send and the record: a second copy, and both stay true', async () => {
    const story = await submitted();
    crashOnce(bot.postedCards, 'add');
    await relayUntilDone(story);
    const copies = approvalCards();
    expect(copies).toHaveLength(2);
    const recorded = await bot.postedCards.list(ref(story));
    expect(recorded).toHaveLength(1);
    const unrecorded = copies.find((c) => c.activityId !== recorded[0]?.activityId);
    expect(unrecorded).toBeDefined();
    // Every copy refreshes itself for the approver while the story waits.
    for (const copy of copies) {
      expect(attached(copy).refresh).toMatchObject({ action: { verb: 'story.refresh' } });
    }

    await createStoryService(bot.store.deps).decideStory(
      buildActor(users.manager),
      story.id,
      'approve',
    );
    await relayUntilDone(story);
    // The recorded copy is updated.
    const updated = bot.connector
      .activities()
      .filter((a) => a.kind === 'updateActivity' && a.activityId === recorded[0]?.activityId);
    expect(updated.length).toBeGreaterThan(0);
    expect(executeVerbs(attached(updated.at(-1)!))).toEqual([]);
    // The unrecorded copy, when Teams refreshes it, shows the decision and no buttons.
    const refresh = attached(unrecorded!).refresh as
      { action?: { data?: Record<string, unknown> } } | undefined;
    const refreshData = refresh?.action?.data ?? {};
    const refreshed = invokeCard(
      (await bot.post(cardAction(bot, users.manager, 'story.refresh', refreshData))).body,
    );
    expect(executeVerbs(refreshed)).toEqual([]);
    expect(cardTexts(refreshed).join(' ')).toMatch(/julkaistu|published/i);
    // A click on it is judged against the story as it is: nothing changes.
    const click = invokeCard(
      (
        await bot.post(
          cardAction(bot, users.manager, 'story.decide', { storyId: story.id, decision: 'reject' }),
        )
      ).body,
    );
    expect(executeVerbs(click)).toEqual([]);
    expect(bot.store.stories.all().find((s) => s.id === story.id)?.status).toBe('published');
  });
});

function executeVerbs(card: CardJson): string[] {
  return (card.actions ?? []).flatMap((a) =>
    a.type === 'Action.Execute' && typeof a.verb === 'string' ? [a.verb] : [],
  );
}

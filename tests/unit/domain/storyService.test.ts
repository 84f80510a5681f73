import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  createOutboxRelay,
  createStoryService,
  syncProjections,
  type OutboxHandler,
  type OutboxKind,
  type OutboxRelay,
} from '../../../src/domain/index.js';
import { buildStoryDeps, silentLogger } from '../../support/fakes.js';
import { buildActor, buildStoryDraft } from '../../support/factories.js';
import { everyKind } from '../../support/outboxHandlers.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string) => buildActor(people.find((p) => p.id === id)!);

/** The service wired as the composition root would: every commit kicks the outbox relay. */
function wired() {
  const relayed: Promise<void>[] = [];
  // The relay needs the store that buildStoryDeps creates, and the deps need the relay.
  const late: { relay?: OutboxRelay } = {};
  const ctx = buildStoryDeps(people, {
    onCommitted: (ref) => {
      if (late.relay) relayed.push(late.relay.relay(ref));
    },
  });
  const effects: Array<{ kind: OutboxKind; payload: Record<string, unknown> }> = [];
  const record: OutboxHandler = async (m) => {
    effects.push({ kind: m.kind, payload: { ...m.payload } });
  };
  late.relay = createOutboxRelay({
    outbox: ctx.stories,
    clock: ctx.clock,
    logger: silentLogger,
    handlers: everyKind(record, {
      // As the real handler would: re-read the story and bring the projections in line.
      'story.project': async (m) => {
        const current = await ctx.stories.get(m.ref);
        if (current) await syncProjections(ctx.deps, current.value);
      },
    }),
  });
  const settle = () => Promise.all(relayed.splice(0));
  return { ...ctx, service: createStoryService(ctx.deps), effects, settle };
}

describe('createStoryService', () => {
  it('carries a story from chat to the wall (journeys 1, 4, 5, 7)', async () => {
    const { service, effects, settle, stories } = wired();
    const employee = actorOf(ids.employee);
    const manager = actorOf(ids.manager);
    const colleague = actorOf(ids.service);

    const story = await service.submitStory(employee, buildStoryDraft());
    await settle();
    expect(effects).toEqual([{ kind: 'approval.requested', payload: { approverId: ids.manager } }]);
    expect((await service.listApprovals(manager)).map((s) => s.id)).toEqual([story.id]);
    expect((await service.listWall(colleague, { limit: 30 })).items).toEqual([]);

    await service.decideStory(manager, story.id, 'approve');
    await settle();
    expect(effects.map((e) => e.kind)).toEqual([
      'approval.requested',
      'story.decided',
      'cards.refresh',
      'channel.post',
      'featured.notify',
    ]);
    expect(await service.listApprovals(manager)).toEqual([]);
    const wall = await service.listWall(colleague, { limit: 30 });
    expect(wall.items.map((s) => s.id)).toEqual([story.id]);

    await service.voteStory(colleague, story.id);
    await settle();
    expect((await service.getStory(colleague, story.id)).voteCount).toBe(1);
    expect((await service.listWall(colleague, { limit: 30 })).items[0]?.voteCount).toBe(1);

    // Every outbox row was carried out.
    expect(stories.outboxOf({ tenantId: DEMO_TENANT_ID, storyId: story.id })).toEqual([]);
  });

  it('passes the comment of a decision through', async () => {
    const { service } = wired();
    const story = await service.submitStory(actorOf(ids.employee), buildStoryDraft());
    const decided = await service.decideStory(
      actorOf(ids.manager),
      story.id,
      'changes',
      'Tell what the guest said.',
    );
    expect(decided).toMatchObject({
      status: 'changes_requested',
      decisionComment: 'Tell what the guest said.',
    });
  });

  it('lets an author edit, resubmit, withdraw and archive their stories (journey 10)', async () => {
    const { service, effects, settle, clock } = wired();
    const employee = actorOf(ids.employee);
    const manager = actorOf(ids.manager);

    const story = await service.submitStory(employee, buildStoryDraft({ title: 'First try' }));
    await service.decideStory(manager, story.id, 'changes', 'Tell what the guest said.');
    await settle();
    expect(await service.listApprovals(manager)).toEqual([]);

    const resubmitted = await service.resubmitStory(
      employee,
      story.id,
      buildStoryDraft({ title: 'Second try' }),
    );
    await settle();
    expect(resubmitted).toMatchObject({ status: 'pending', title: 'Second try' });
    expect(effects.map((e) => e.kind)).toEqual([
      'approval.requested',
      'story.decided',
      'cards.refresh',
      'approval.requested',
      'cards.refresh',
    ]);
    expect((await service.listApprovals(manager)).map((s) => s.title)).toEqual(['Second try']);

    clock.advance(1000);
    const other = await service.submitStory(employee, buildStoryDraft({ title: 'Other' }));
    await service.withdrawStory(employee, other.id);
    await service.decideStory(manager, story.id, 'approve');
    await service.archiveStory(employee, story.id);
    await settle();
    expect(await service.listApprovals(manager)).toEqual([]);
    expect((await service.listWall(manager, { limit: 30 })).items).toEqual([]);

    const mine = await service.listMyStories(employee, { limit: 30 });
    expect(mine.items.map((s) => [s.title, s.status])).toEqual([
      ['Other', 'withdrawn'],
      ['Second try', 'archived'],
    ]);
  });

  it('passes the limit of the approval queue through', async () => {
    const { service } = wired();
    await service.submitStory(actorOf(ids.employee), buildStoryDraft());
    await service.submitStory(actorOf(ids.service), buildStoryDraft());
    expect(await service.listApprovals(actorOf(ids.manager), 1)).toHaveLength(1);
    expect(await service.listApprovals(actorOf(ids.manager))).toHaveLength(2);
  });
});

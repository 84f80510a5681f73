import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  DEFAULT_SETTINGS,
  createScheduler,
  dueNow,
  nextDue,
  waitingApprovers,
  type ApprovalPlan,
  type ApprovalState,
} from '../../../src/domain/index.js';
import { runDueWork } from '../../../src/domain/useCases/runDueWork.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { buildStoryDeps, silentLogger } from '../../support/fakes.js';
import { buildStoryDraft, pendingApproval } from '../../support/factories.js';
import { demoActor } from '../../support/domainFixtures.js';

const T0 = new Date('2026-11-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A story waiting since T0 under `plan`, nudged `reminders` times, the last at `nudgedAt`. */
function waiting(plan: Partial<ApprovalPlan>, reminders = 0, nudgedAt = T0): ApprovalState {
  const base = pendingApproval('approver-1', 'Approver One', T0);
  return {
    ...base,
    plan: { stages: base.plan.stages, fallback: base.plan.fallback, ...plan },
    reminders,
    nudgedAt,
  };
}

describe('nextDue', () => {
  it('is nothing when the plan sets no times', () => {
    expect(nextDue(waiting({}))).toBeNull();
  });

  it('reminds remindAfterMs after the stage started', () => {
    expect(nextDue(waiting({ remindAfterMs: 2 * DAY }))).toEqual({
      kind: 'remind',
      at: at(2 * DAY),
    });
  });

  it('reminds again at the same interval, counted from the last nudge', () => {
    expect(nextDue(waiting({ remindAfterMs: 2 * DAY }, 1, at(2 * DAY)))).toEqual({
      kind: 'remind',
      at: at(4 * DAY),
    });
  });

  it('escalates instead once escalateAfterReminders reminders went unanswered', () => {
    const plan = { remindAfterMs: 2 * DAY, escalateAfterReminders: 2 };
    expect(nextDue(waiting(plan, 1, at(2 * DAY)))).toEqual({ kind: 'remind', at: at(4 * DAY) });
    expect(nextDue(waiting(plan, 2, at(4 * DAY)))).toEqual({ kind: 'escalate', at: at(6 * DAY) });
    // Zero reminders asked for: the first nudge escalates.
    expect(nextDue(waiting({ ...plan, escalateAfterReminders: 0 }))).toEqual({
      kind: 'escalate',
      at: at(2 * DAY),
    });
  });

  it('without escalateAfterReminders it only ever reminds', () => {
    expect(nextDue(waiting({ remindAfterMs: DAY }, 50, at(50 * DAY)))).toEqual({
      kind: 'remind',
      at: at(51 * DAY),
    });
  });

  it('expires expireAfterMs after the (re)submission, however recent the last nudge', () => {
    expect(nextDue(waiting({ expireAfterMs: 14 * DAY }, 3, at(10 * DAY)))).toEqual({
      kind: 'expire',
      at: at(14 * DAY),
    });
  });

  it('gives whichever comes first, and expiry on a tie', () => {
    const plan = { remindAfterMs: 2 * DAY, expireAfterMs: 14 * DAY };
    expect(nextDue(waiting(plan))?.kind).toBe('remind');
    expect(nextDue(waiting(plan, 6, at(13 * DAY)))).toEqual({ kind: 'expire', at: at(14 * DAY) });
    expect(nextDue(waiting(plan, 6, at(12 * DAY)))).toEqual({ kind: 'expire', at: at(14 * DAY) });
  });
});

describe('dueNow', () => {
  const plan = { remindAfterMs: 2 * DAY, escalateAfterReminders: 2, expireAfterMs: 14 * DAY };

  it('is nothing until the time has come, then the work due', () => {
    expect(dueNow(waiting(plan), at(2 * DAY - 1))).toBeNull();
    expect(dueNow(waiting(plan), at(2 * DAY))).toBe('remind');
    expect(dueNow(waiting(plan, 2, at(4 * DAY)), at(6 * DAY))).toBe('escalate');
  });

  it('a late scheduler expires a story whose time ran out instead of nudging it', () => {
    const late = waiting(plan, 1, at(11 * DAY));
    expect(nextDue(late)).toEqual({ kind: 'remind', at: at(13 * DAY) });
    expect(dueNow(late, at(13 * DAY))).toBe('remind');
    expect(dueNow(late, at(20 * DAY))).toBe('expire');
  });
});

describe('the scheduler on the story, by the clock', () => {
  const ids = DEMO_USER_IDS;
  const people = demoUsers();

  /** The employee's story under the default policy, and a scheduler on the same fakes. */
  async function scheduled() {
    const ctx = buildStoryDeps(people);
    expect(ctx.clock.now()).toEqual(T0);
    const story = await submitStory(ctx.deps, demoActor(ids.employee), buildStoryDraft());
    const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
    const scheduler = createScheduler({
      due: ctx.due,
      run: (r) => runDueWork(ctx.deps, r),
      clock: ctx.clock,
      logger: silentLogger,
    });
    /** Ticks once at `ms` after the submission; the history events the tick added. */
    const tickAt = async (ms: number) => {
      const before = (await ctx.stories.audit(ref)).length;
      ctx.clock.set(at(ms));
      await scheduler.tick();
      return (await ctx.stories.audit(ref)).slice(before).map((e) => e.action);
    };
    const stored = async () => (await ctx.stories.get(ref))!.value;
    const kinds = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
    return { ...ctx, story, ref, tickAt, stored, kinds };
  }

  it('uses the default times: remind at 2 days, escalate after 2 reminders, expire at 14 days', () => {
    expect(DEFAULT_SETTINGS.approval).toMatchObject({
      remindAfterMs: 2 * DAY,
      escalateAfterReminders: 2,
      expireAfterMs: 14 * DAY,
    });
  });

  it('reminds, escalates past the manager, and gives the story back when time runs out', async () => {
    const { tickAt, stored, kinds, approvals } = await scheduled();
    expect(await tickAt(2 * DAY - 1)).toEqual([]);
    expect(await tickAt(2 * DAY)).toEqual(['reminded']);
    expect((await stored()).approval).toMatchObject({ reminders: 1, nudgedAt: at(2 * DAY) });
    expect(kinds('approval.requested').at(-1)?.payload).toEqual({
      approverId: ids.manager,
      reminder: true,
    });
    expect(await tickAt(3 * DAY)).toEqual([]);
    expect(await tickAt(4 * DAY)).toEqual(['reminded']);

    // The manager has nobody above him: the admins, past the approver role he holds himself.
    expect(await tickAt(6 * DAY)).toEqual(['escalated']);
    const escalated = await stored();
    expect(escalated.approval.stage.slots).toEqual([
      { userId: ids.admin, displayName: 'Aaron Admin', onBehalfOf: ids.manager },
    ]);
    expect(escalated.approval).toMatchObject({ reminders: 0, nudgedAt: at(6 * DAY) });
    expect(escalated.approval.asked).toEqual([ids.manager, ids.admin]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.admin, 10)).toEqual([escalated]);

    expect(await tickAt(8 * DAY)).toEqual(['reminded']);
    expect(await tickAt(10 * DAY)).toEqual(['reminded']);
    expect(await tickAt(12 * DAY)).toEqual(['escalated']);
    expect(waitingApprovers((await stored()).approval)).toEqual([ids.manager]);
    expect(await tickAt(14 * DAY - 1)).toEqual([]);
    expect(await tickAt(14 * DAY)).toEqual(['expired']);

    const expired = await stored();
    expect(expired).toMatchObject({ status: 'changes_requested', approval: { expired: true } });
    expect(kinds('story.decided').map((m) => m.payload)).toEqual([{ decision: 'expire' }]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    expect(await tickAt(30 * DAY)).toEqual([]);
  });

  it('a scheduler that was down expires the overdue story at once, without a last reminder', async () => {
    const { tickAt, stored } = await scheduled();
    expect(await tickAt(20 * DAY)).toEqual(['expired']);
    expect((await stored()).status).toBe('changes_requested');
  });
});

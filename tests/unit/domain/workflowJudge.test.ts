import { describe, expect, it } from 'vitest';
import {
  judge,
  outcomeOf,
  type ApprovalSlot,
  type ApprovalState,
  type StageMode,
} from '../../../src/domain/index.js';
import { pendingApproval } from '../../support/factories.js';

const T0 = new Date('2026-11-02T09:00:00Z');
const T1 = new Date('2026-11-02T10:00:00Z');
const T2 = new Date('2026-11-02T11:00:00Z');

const slot = (userId: string, approvedAt?: Date): ApprovalSlot => ({
  userId,
  displayName: userId.toUpperCase(),
  ...(approvedAt ? { approvedAt } : {}),
});

/**
 * A story waiting in stage `index` of a plan whose stages have `modes`, asking `slots` there.
 */
function waitingIn(
  modes: readonly StageMode[],
  index: number,
  mode: StageMode,
  slots: readonly ApprovalSlot[],
): ApprovalState {
  const base = pendingApproval('ann');
  return {
    ...base,
    plan: {
      ...base.plan,
      stages: modes.map((m) => ({ approvers: { kind: 'people', ids: [] }, mode: m })),
    },
    stage: { index, mode, slots, startedAt: T0 },
  };
}

const published = outcomeOf('approve');

describe('judge', () => {
  describe('an `any` stage', () => {
    const approval = waitingIn(['any'], 0, 'any', [slot('ann'), slot('ben'), slot('cy')]);

    it('the first approval decides the stage: the last stage publishes', () => {
      expect(judge(approval, 'ben', 'approve', false, T1)).toEqual({
        step: 'final',
        stage: { ...approval.stage, slots: [slot('ann'), slot('ben', T1), slot('cy')] },
        outcome: published,
      });
    });

    it.each([
      ['reject', 'rejected'],
      ['changes', 'changes_requested'],
    ] as const)('one %s ends the story as %s, recording no approval', (decision, status) => {
      const judged = judge(approval, 'cy', decision, false, T1);
      expect(judged).toEqual({
        step: 'final',
        stage: approval.stage,
        outcome: outcomeOf(decision),
      });
      expect(judged.step === 'final' && judged.outcome.status).toBe(status);
    });
  });

  describe('an `all` stage', () => {
    const approval = waitingIn(['all'], 0, 'all', [slot('ann'), slot('ben'), slot('cy')]);

    it('waits for every approver, recording each approval with its time', () => {
      const first = judge(approval, 'ann', 'approve', false, T1);
      expect(first).toEqual({
        step: 'wait',
        stage: { ...approval.stage, slots: [slot('ann', T1), slot('ben'), slot('cy')] },
      });
      const second = judge({ ...approval, stage: first.stage }, 'cy', 'approve', false, T2);
      expect(second).toEqual({
        step: 'wait',
        stage: { ...approval.stage, slots: [slot('ann', T1), slot('ben'), slot('cy', T2)] },
      });
      const last = judge({ ...approval, stage: second.stage }, 'ben', 'approve', false, T2);
      expect(last).toEqual({
        step: 'final',
        stage: { ...approval.stage, slots: [slot('ann', T1), slot('ben', T2), slot('cy', T2)] },
        outcome: published,
      });
    });

    it('an approver approving twice counts once, at the first time', () => {
      const first = judge(approval, 'ann', 'approve', false, T1);
      const again = judge({ ...approval, stage: first.stage }, 'ann', 'approve', false, T2);
      expect(again).toEqual(first);
    });

    it('someone not asked adds no approval (the caller refuses them)', () => {
      const judged = judge(approval, 'stranger', 'approve', false, T1);
      expect(judged).toEqual({ step: 'wait', stage: approval.stage });
    });

    it.each(['reject', 'changes'] as const)(
      'the first %s ends the stage, whatever the others approved',
      (decision) => {
        const partly = waitingIn(['all'], 0, 'all', [slot('ann', T0), slot('ben'), slot('cy')]);
        expect(judge(partly, 'ben', decision, false, T1)).toEqual({
          step: 'final',
          stage: partly.stage,
          outcome: outcomeOf(decision),
        });
      },
    );

    it('an admin’s override approves the whole stage at once', () => {
      const judged = judge(approval, 'admin', 'approve', true, T1);
      expect(judged).toEqual({ step: 'final', stage: approval.stage, outcome: published });
    });
  });

  describe('several stages', () => {
    it('an approved stage before the last moves on to the next stage', () => {
      const approval = waitingIn(['any', 'all', 'any'], 0, 'any', [slot('ann')]);
      expect(judge(approval, 'ann', 'approve', false, T1)).toEqual({
        step: 'nextStage',
        stage: { ...approval.stage, slots: [slot('ann', T1)] },
      });
    });

    it('a middle `all` stage moves on only when all have approved', () => {
      const approval = waitingIn(['any', 'all', 'any'], 1, 'all', [slot('ann', T0), slot('ben')]);
      expect(judge(approval, 'ben', 'approve', false, T1).step).toBe('nextStage');
      const fresh = waitingIn(['any', 'all', 'any'], 1, 'all', [slot('ann'), slot('ben')]);
      expect(judge(fresh, 'ben', 'approve', false, T1).step).toBe('wait');
    });

    it('the last stage’s approval is final and publishes', () => {
      const approval = waitingIn(['any', 'all', 'any'], 2, 'any', [slot('cy')]);
      expect(judge(approval, 'cy', 'approve', false, T1)).toMatchObject({
        step: 'final',
        outcome: published,
      });
    });

    it('a refusal in an early stage is final: later stages are not asked', () => {
      const approval = waitingIn(['any', 'any'], 0, 'any', [slot('ann')]);
      expect(judge(approval, 'ann', 'reject', false, T1)).toMatchObject({
        step: 'final',
        outcome: outcomeOf('reject'),
      });
    });

    it('an override before the last stage moves on, it does not skip the stages left', () => {
      const approval = waitingIn(['all', 'any'], 0, 'all', [slot('ann'), slot('ben')]);
      expect(judge(approval, 'admin', 'approve', true, T1)).toEqual({
        step: 'nextStage',
        stage: approval.stage,
      });
    });
  });
});

describe('outcomeOf', () => {
  it.each([
    ['approve', { event: 'approve', audit: 'approved', status: 'published' }],
    ['reject', { event: 'reject', audit: 'rejected', status: 'rejected' }],
    [
      'changes',
      { event: 'requestChanges', audit: 'changes_requested', status: 'changes_requested' },
    ],
    // Nobody decided in time: the author gets the story back to edit and send again.
    ['expire', { event: 'expire', audit: 'expired', status: 'changes_requested' }],
  ] as const)('%s: its event, its history entry and where it leads', (outcome, expected) => {
    expect(outcomeOf(outcome)).toEqual(expected);
  });
});

import type { ApprovalPlan, StageMode } from './policy.js';

/** One person asked to decide in a stage. */
export interface ApprovalSlot {
  readonly userId: string;
  /** Their name when they were asked, for cards and the timeline. */
  readonly displayName: string;
  /** When they approved; an `all` stage waits until every slot has this. */
  readonly approvedAt?: Date;
  /** Whom they stand in for: the person who delegated or reassigned to them, or escalated from. */
  readonly onBehalfOf?: string;
}

/** Why a stage went to its policy's fallback instead of the approvers it names. */
export type FallbackReason =
  'no_manager' | 'directory_unavailable' | 'no_group' | 'no_one_eligible' | 'escalation';

/** The stage a pending story is in. */
export interface StageRun {
  /** 0-based position in the plan's stages. */
  readonly index: number;
  readonly mode: StageMode;
  readonly slots: readonly ApprovalSlot[];
  readonly startedAt: Date;
  /** Set when the stage is decided by the fallback approvers, and why. */
  readonly fallback?: FallbackReason;
}

/**
 * Where a story is in its approval: the plan it was submitted under (a copy, so a later policy
 * change does not move a story already waiting), the current stage, and the nudges so far.
 */
export interface ApprovalState {
  /** The settings version the plan came from. */
  readonly policyVersion: number;
  readonly plan: ApprovalPlan;
  /** When the story was last (re)submitted; expiry counts from here. */
  readonly startedAt: Date;
  readonly stage: StageRun;
  /** Reminders sent in this stage since it started or was escalated. */
  readonly reminders: number;
  /** The stage's start, last reminder or last escalation: the next nudge counts from here. */
  readonly nudgedAt: Date;
  /**
   * Everyone this story was ever routed to, in order: they keep the right to read it and its
   * history, and their approval queues are kept in line with it.
   */
  readonly asked: readonly string[];
  /** Set when the story went back to its author because nobody decided in time. */
  readonly expired?: boolean;
}

/** The people who still have to act in the current stage. */
export function waitingSlots(approval: ApprovalState): ApprovalSlot[] {
  return approval.stage.slots.filter((slot) => slot.approvedAt === undefined);
}

/** The user ids of `waitingSlots`. */
export function waitingApprovers(approval: ApprovalState): string[] {
  return waitingSlots(approval).map((slot) => slot.userId);
}

/** `asked` with `ids` added at the end, each once. */
export function withAsked(asked: readonly string[], ids: readonly string[]): string[] {
  const all = [...asked];
  for (const id of ids) if (!all.includes(id)) all.push(id);
  return all;
}

/** The scheduled work on a pending story. */
export type DueKind = 'remind' | 'escalate' | 'expire';

export interface DueWork {
  readonly kind: DueKind;
  readonly at: Date;
}

/**
 * The next thing the scheduler must do for a story waiting in `approval`: remind the approvers,
 * escalate past them, or give the story back to its author — whichever comes first (expiry wins a
 * tie). Null when the plan sets no times. Derived, never stored: the scheduler's time index is a
 * projection of it.
 */
export function nextDue(approval: ApprovalState): DueWork | null {
  const { plan } = approval;
  const candidates: DueWork[] = [];
  if (plan.expireAfterMs !== undefined) {
    candidates.push({
      kind: 'expire',
      at: new Date(approval.startedAt.getTime() + plan.expireAfterMs),
    });
  }
  if (plan.remindAfterMs !== undefined) {
    const escalate =
      plan.escalateAfterReminders !== undefined &&
      approval.reminders >= plan.escalateAfterReminders;
    candidates.push({
      kind: escalate ? 'escalate' : 'remind',
      at: new Date(approval.nudgedAt.getTime() + plan.remindAfterMs),
    });
  }
  return candidates.reduce<DueWork | null>(
    (first, due) => (first === null || due.at.getTime() < first.at.getTime() ? due : first),
    null,
  );
}

/**
 * The work to do on a pending story at `now`, or null when nothing is due yet. When a scheduler
 * comes late (an outage, a stopped instance), what is most overdue is not what matters: a story
 * whose time ran out expires, rather than reminding people one last time.
 */
export function dueNow(approval: ApprovalState, now: Date): DueKind | null {
  const due = nextDue(approval);
  if (!due || due.at.getTime() > now.getTime()) return null;
  const { expireAfterMs } = approval.plan;
  const expired =
    expireAfterMs !== undefined && approval.startedAt.getTime() + expireAfterMs <= now.getTime();
  return expired ? 'expire' : due.kind;
}

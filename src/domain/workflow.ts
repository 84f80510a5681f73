import { DomainError } from './errors.js';
import type { ApprovalState, StageRun } from './approval.js';
import type { AuditAction } from './ports.js';
import type { StoryStatus } from './story.js';

/** Every way a story's status can change. */
export type StoryEvent =
  | 'approve'
  | 'advance'
  | 'requestChanges'
  | 'reject'
  | 'resubmit'
  | 'withdraw'
  | 'archive'
  | 'reassign'
  | 'remind'
  | 'escalate'
  | 'expire'
  | 'hide'
  | 'restore';

/**
 * The workflow as a table: from each status, which events are allowed and where they lead.
 * Anything not listed is refused. Rejected, withdrawn and archived are final; a hidden story
 * (moderation) can be published again or archived.
 */
const transitions: Readonly<Record<StoryStatus, Partial<Record<StoryEvent, StoryStatus>>>> = {
  pending: {
    // The last stage approves.
    approve: 'published',
    // An approval that leaves the story waiting: one of an `all` stage, or a stage before the last.
    advance: 'pending',
    requestChanges: 'changes_requested',
    reject: 'rejected',
    withdraw: 'withdrawn',
    // Another approver decides; the story stays waiting.
    reassign: 'pending',
    remind: 'pending',
    escalate: 'pending',
    // Nobody decided in time: the author gets the story back to edit and resend.
    expire: 'changes_requested',
  },
  changes_requested: { resubmit: 'pending', withdraw: 'withdrawn' },
  published: { archive: 'archived', hide: 'hidden' },
  rejected: {},
  withdrawn: {},
  archived: {},
  hidden: { restore: 'published', archive: 'archived' },
};

/** The status a story moves to on `event`, or a DomainError('illegal_transition'). */
export function transition(from: StoryStatus, event: StoryEvent): StoryStatus {
  const to = transitions[from][event];
  if (to === undefined) {
    throw new DomainError('illegal_transition', `A ${from} story cannot ${event}.`, {
      from,
      event,
    });
  }
  return to;
}

/** True when `event` is allowed from `from`. */
export function canTransition(from: StoryStatus, event: StoryEvent): boolean {
  return transitions[from][event] !== undefined;
}

/** What an approver can decide on a pending story. */
export type Decision = 'approve' | 'reject' | 'changes';

/** How a story leaves approval: a decision, or expiry when nobody decided in time. */
export type Outcome = Decision | 'expire';

/** A decision's consequences: its workflow event, its history entry and where it leads. */
export interface DecisionOutcome {
  readonly event: StoryEvent;
  readonly audit: AuditAction;
  /** The status a pending story is in after the decision. */
  readonly status: StoryStatus;
}

const decisions: Readonly<Record<Outcome, Omit<DecisionOutcome, 'status'>>> = {
  approve: { event: 'approve', audit: 'approved' },
  reject: { event: 'reject', audit: 'rejected' },
  changes: { event: 'requestChanges', audit: 'changes_requested' },
  expire: { event: 'expire', audit: 'expired' },
};

/**
 * The one place a decision's outcome is derived: the use case that makes it and the bot's notice
 * of it (which checks that the story still shows that outcome) both ask here.
 */
export function outcomeOf(decision: Outcome): DecisionOutcome {
  const { event, audit } = decisions[decision];
  return { event, audit, status: transition('pending', event) };
}

/**
 * Where one approval or refusal leaves a story's current stage:
 * - `wait`: an `all` stage recorded the approval and still waits for others;
 * - `nextStage`: the stage is approved and the plan has another one;
 * - `final`: the story leaves approval with `outcome` — the last stage approved it, or someone
 *   rejected it or asked for changes (in an `all` stage the first refusal ends it).
 * `override` is an admin deciding for the whole stage, whatever its mode.
 */
export type Judgement =
  | { readonly step: 'wait'; readonly stage: StageRun }
  | { readonly step: 'nextStage'; readonly stage: StageRun }
  | { readonly step: 'final'; readonly stage: StageRun; readonly outcome: DecisionOutcome };

/**
 * Judges `decision` by `userId` on the current stage of `approval` at `now`: the one rule of
 * `any` and `all` stages. The caller has checked that the person may decide (a waiting approver
 * of the stage, or an admin overriding).
 */
export function judge(
  approval: ApprovalState,
  userId: string,
  decision: Decision,
  override: boolean,
  now: Date,
): Judgement {
  const { stage } = approval;
  if (decision !== 'approve') return { step: 'final', stage, outcome: outcomeOf(decision) };
  const slots = stage.slots.map((slot) =>
    slot.userId === userId && slot.approvedAt === undefined ? { ...slot, approvedAt: now } : slot,
  );
  const next = { ...stage, slots };
  const stageApproved =
    override || stage.mode === 'any' || slots.every((slot) => slot.approvedAt !== undefined);
  if (!stageApproved) return { step: 'wait', stage: next };
  if (stage.index + 1 < approval.plan.stages.length) return { step: 'nextStage', stage: next };
  return { step: 'final', stage: next, outcome: outcomeOf('approve') };
}

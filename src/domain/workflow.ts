import { DomainError } from './errors.js';
import type { AuditAction } from './ports.js';
import type { StoryStatus } from './story.js';

/** Every way a story's status can change. */
export type StoryEvent =
  'approve' | 'requestChanges' | 'reject' | 'resubmit' | 'withdraw' | 'archive' | 'reassign';

/**
 * The workflow as a table: from each status, which events are allowed and where they lead.
 * Anything not listed is refused. Rejected, withdrawn and archived are final.
 */
const transitions: Readonly<Record<StoryStatus, Partial<Record<StoryEvent, StoryStatus>>>> = {
  pending: {
    approve: 'published',
    requestChanges: 'changes_requested',
    reject: 'rejected',
    withdraw: 'withdrawn',
    // Another approver decides; the story stays waiting.
    reassign: 'pending',
  },
  changes_requested: { resubmit: 'pending', withdraw: 'withdrawn' },
  published: { archive: 'archived' },
  rejected: {},
  withdrawn: {},
  archived: {},
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

/** A decision's consequences: its workflow event, its history entry and where it leads. */
export interface DecisionOutcome {
  readonly event: StoryEvent;
  readonly audit: AuditAction;
  /** The status a pending story is in after the decision. */
  readonly status: StoryStatus;
}

const decisions: Readonly<Record<Decision, Omit<DecisionOutcome, 'status'>>> = {
  approve: { event: 'approve', audit: 'approved' },
  reject: { event: 'reject', audit: 'rejected' },
  changes: { event: 'requestChanges', audit: 'changes_requested' },
};

/**
 * The one place a decision's outcome is derived: the use case that makes it and the bot's notice
 * of it (which checks that the story still shows that outcome) both ask here.
 */
export function outcomeOf(decision: Decision): DecisionOutcome {
  const { event, audit } = decisions[decision];
  return { event, audit, status: transition('pending', event) };
}

import { DomainError } from './errors.js';
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

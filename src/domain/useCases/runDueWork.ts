import { dueNow, waitingApprovers, waitingSlots, withAsked } from '../approval.js';
import { routingEvents } from '../approvalStart.js';
import { DomainError, isDomainError } from '../errors.js';
import type { StoryDeps, StoryRef } from '../ports.js';
import { escalateSlots, type RoutingNote } from '../routing.js';
import {
  approvalRequests,
  auditOf,
  changeStory,
  projectMessage,
  refreshCardsMessage,
  type StoryEdit,
} from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';
import { transition } from '../workflow.js';

/** The app itself, acting on a schedule: reminders, escalations, expiries. */
export function schedulerActor(tenantId: string): Actor {
  // Admin so that it may read every story it acts on; it decides nothing for anyone.
  return {
    tenantId,
    userId: 'story-wall',
    displayName: 'Story Wall',
    roles: ['admin'],
    surface: 'scheduler',
  };
}

/**
 * Does the scheduled work of one story that is due at `now` (see `nextDue`): reminds the waiting
 * approvers, escalates to their managers (else the fallback) after the policy's number of
 * reminders, or — when the story has waited `expireAfter` — gives it back to its author to edit
 * and resend, so no approval is ever abandoned. A conditional write, so when two instances do
 * the same work only one commits; the other finds nothing due. Returns null when nothing was due.
 */
export async function runDueWork(deps: StoryDeps, ref: StoryRef): Promise<Story | null> {
  const actor = schedulerActor(ref.tenantId);
  let changed = false;
  try {
    const story = await changeStory(deps, actor, ref.storyId, async (story, now) => {
      const edit = story.status === 'pending' ? await dueEdit(deps, actor, story, now) : null;
      changed = edit !== null;
      return edit;
    });
    return changed ? story : null;
  } catch (error) {
    // The story is gone (erased): its entry in the time index is stale.
    if (isDomainError(error, 'not_found')) return null;
    throw error;
  }
}

async function dueEdit(
  deps: StoryDeps,
  actor: Actor,
  story: Story,
  now: Date,
): Promise<StoryEdit | null> {
  const { approval } = story;
  const due = dueNow(approval, now);
  if (!due) return null;
  const revision = story.revision + 1;
  const waiting = waitingSlots(approval);
  const stage = { stage: approval.stage.index + 1, stages: approval.plan.stages.length };

  if (due === 'escalate') {
    const escalated = await escalateEdit(deps, actor, story, now);
    // Nobody is above those waiting: they are reminded again instead.
    if (escalated) return escalated;
  }

  if (due !== 'expire') {
    transition(story.status, 'remind');
    return {
      story: {
        ...story,
        approval: { ...approval, reminders: approval.reminders + 1, nudgedAt: now },
        updatedAt: now,
        revision,
      },
      audit: [
        auditOf(deps, actor, 'reminded', now, {
          detail: {
            ...stage,
            approvers: waiting.map((s) => s.displayName),
            reminder: approval.reminders + 1,
          },
        }),
      ],
      outbox: [
        ...approvalRequests(deps, now, waitingApprovers(approval), true),
        projectMessage(deps, now),
      ],
    };
  }

  return {
    story: {
      ...story,
      status: transition(story.status, 'expire'),
      approval: { ...approval, expired: true },
      updatedAt: now,
      revision,
    },
    audit: [
      auditOf(deps, actor, 'expired', now, {
        detail: { ...stage, approvers: waiting.map((s) => s.displayName) },
      }),
    ],
    outbox: [
      {
        id: deps.ids.newId(),
        kind: 'story.decided',
        createdAt: now,
        payload: { decision: 'expire' },
      },
      projectMessage(deps, now),
      refreshCardsMessage(deps, now),
    ],
  };
}

/** The waiting approvers' managers (else the fallback) take over; null when nobody is above. */
async function escalateEdit(
  deps: StoryDeps,
  actor: Actor,
  story: Story,
  now: Date,
): Promise<StoryEdit | null> {
  const { approval } = story;
  const waiting = waitingSlots(approval);
  const stage = { stage: approval.stage.index + 1, stages: approval.plan.stages.length };
  transition(story.status, 'escalate');
  const notes: RoutingNote[] = [];
  const subject = { tenantId: story.tenantId, authorId: story.authorId };
  const next = await escalateSlots(deps, subject, approval.plan, waiting, now, notes);
  if (next.length === 0) throw new DomainError('no_approver', 'Nobody to escalate to.');
  if (next.every((slot) => waiting.some((w) => w.userId === slot.userId))) return null;
  const slots = [...approval.stage.slots.filter((s) => s.approvedAt !== undefined), ...next];
  return {
    story: {
      ...story,
      approval: {
        ...approval,
        // Those who take over decide alone: the first of them to respond.
        stage: { ...approval.stage, mode: 'any', slots },
        reminders: 0,
        nudgedAt: now,
        asked: withAsked(
          approval.asked,
          next.map((s) => s.userId),
        ),
      },
      updatedAt: now,
      revision: story.revision + 1,
    },
    audit: [
      auditOf(deps, actor, 'escalated', now, {
        detail: {
          ...stage,
          from: waiting.map((s) => s.displayName),
          to: next.map((s) => s.displayName),
        },
      }),
      ...routingEvents(deps, actor, notes, now),
    ],
    outbox: [
      ...approvalRequests(
        deps,
        now,
        next.map((s) => s.userId),
      ),
      projectMessage(deps, now),
      // The cards of those passed over lose their buttons.
      refreshCardsMessage(deps, now),
    ],
  };
}

import { DomainError } from './errors.js';
import { recordInvolvement } from './involvement.js';
import type {
  AuditAction,
  AuditDetail,
  AuditEvent,
  OutboxMessage,
  StoryChange,
  StoryDeps,
} from './ports.js';
import { projectCommitted } from './projections.js';
import { retryOnConflict } from './retry.js';
import type { Story } from './story.js';
import type { Actor } from './user.js';
import { canSee } from './visibility.js';

/** What a change to an existing story writes: the new story, its audit event and outbox rows. */
export type StoryEdit = Omit<StoryChange, 'expectedEtag' | 'vote'>;

/**
 * The read → decide → commit step of a change to an existing story, as `decideStory` does it:
 * reads the story with its ETag (unknown, or not visible to the actor: not_found, so its
 * existence is not revealed), lets `decide` build the change (null: nothing to do, e.g. a
 * repeated click), and commits it on the ETag read. A lost race starts again from a fresh read,
 * so `decide` always judges the latest state. After a commit the projections are brought in line
 * and the outbox relay is started.
 */
export async function changeStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  decide: (story: Story, now: Date) => Promise<StoryEdit | null> | StoryEdit | null,
): Promise<Story> {
  const ref = { tenantId: actor.tenantId, storyId };
  const result = await retryOnConflict(async () => {
    const current = await deps.stories.get(ref);
    if (!current || !canSee(actor, current.value)) {
      throw new DomainError('not_found', 'No such story.');
    }
    const edit = await decide(current.value, deps.clock.now());
    if (!edit) return { story: current.value, before: current.value, outbox: [], changed: false };
    // Whom the change brings in is indexed first, so erasure and export can find them.
    await recordInvolvement(deps, actor, current.value, edit.story);
    const saved = await deps.stories.commit({ ...edit, expectedEtag: current.etag });
    return { story: saved.value, before: current.value, outbox: edit.outbox, changed: true };
  });
  if (result.changed) {
    // A card's answer is built from the story itself: it need not wait for the projections.
    await projectCommitted(deps, result.story, result.before, result.outbox, {
      answerFirst: actor.surface === 'card',
    });
    deps.onCommitted(ref);
  }
  return result.story;
}

/** The audit event of `action` by the actor at `now`, with an optional comment and facts. */
export function auditOf(
  deps: Pick<StoryDeps, 'ids'>,
  actor: Actor,
  action: AuditAction,
  now: Date,
  extra: { readonly comment?: string | undefined; readonly detail?: AuditDetail } = {},
): AuditEvent {
  return {
    id: deps.ids.newId(),
    at: now,
    actorId: actor.userId,
    actorName: actor.displayName,
    action,
    surface: actor.surface,
    ...(extra.comment ? { comment: extra.comment } : {}),
    ...(extra.detail ? { detail: extra.detail } : {}),
  };
}

/** The outbox message that repairs the projections if the inline write fails. */
export function projectMessage(deps: Pick<StoryDeps, 'ids'>, now: Date): OutboxMessage {
  return { id: deps.ids.newId(), kind: 'story.project', createdAt: now, payload: {} };
}

/**
 * The outbox message that updates every card posted for the story to its new state (journeys 4
 * and 10); `channelOnly` for changes only channel cards show (a vote's count).
 */
export function refreshCardsMessage(
  deps: Pick<StoryDeps, 'ids'>,
  now: Date,
  channelOnly = false,
): OutboxMessage {
  return {
    id: deps.ids.newId(),
    kind: 'cards.refresh',
    createdAt: now,
    payload: channelOnly ? { only: 'channel' } : {},
  };
}

/** One `approval.requested` message per person asked; `reminder` for a nudge of the same ask. */
export function approvalRequests(
  deps: Pick<StoryDeps, 'ids'>,
  now: Date,
  approverIds: readonly string[],
  reminder = false,
): OutboxMessage[] {
  return approverIds.map((approverId) => ({
    id: deps.ids.newId(),
    kind: 'approval.requested',
    createdAt: now,
    payload: reminder ? { approverId, reminder: true } : { approverId },
  }));
}

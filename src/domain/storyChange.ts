import { DomainError, type DomainErrorCode } from './errors.js';
import { recordInvolvement } from './involvement.js';
import type {
  AuditAction,
  AuditDetail,
  AuditEvent,
  OutboxMessage,
  StoryChange,
  StoryDeps,
  StoryRef,
  Versioned,
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
  const result = await onLatestStory(deps, ref, async (current, remembered) => {
    if (!current || !canSee(actor, current.value)) {
      throw new DomainError('not_found', 'No such story.');
    }
    const edit = await decide(current.value, deps.clock.now());
    if (!edit) {
      // Nothing to do is a decision too: made on a remembered copy, it is made again on storage's.
      if (remembered) throw new DomainError('conflict', 'Judged on a remembered version.');
      return { story: current.value, before: current.value, outbox: [], changed: false };
    }
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

/**
 * Errors a decision made on a story can end in, and a write on a stale ETag: judged again on a
 * fresh read when they came from a remembered version. Storage failures, rate limits and the
 * caller's own input are not about the version, and a reaction row that already exists is
 * storage's own answer (the story's ETag matched, or the transaction would have failed on it).
 */
const JUDGED_ON_THE_STORY: ReadonlySet<DomainErrorCode> = new Set<DomainErrorCode>([
  'conflict',
  'not_found',
  'forbidden',
  'illegal_transition',
  'self_vote',
  'self_reaction',
  'not_voted',
  'not_reacted',
  'no_approver',
  'votes_hidden',
]);

/**
 * Runs a judge → commit `step` on the latest story, as `retryOnConflict` over `stories.get`
 * does, but first on the version this instance remembers (`StoryRepository.recent`), saving
 * the read when it is still current. What the step accepts there is committed on that version's
 * ETag, so storage refuses it if anyone changed the story since; what it refuses, or a write so
 * refused, is judged again from a fresh read. A decision never rests on a stale copy.
 */
export async function onLatestStory<T>(
  deps: Pick<StoryDeps, 'stories'>,
  ref: StoryRef,
  step: (current: Versioned<Story> | null, remembered: boolean) => Promise<T>,
): Promise<T> {
  const remembered = deps.stories.recent?.(ref) ?? null;
  if (remembered) {
    try {
      return await step(remembered, true);
    } catch (error) {
      if (!(error instanceof DomainError) || !JUDGED_ON_THE_STORY.has(error.code)) throw error;
    }
  }
  return retryOnConflict(async () => step(await deps.stories.get(ref), false));
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

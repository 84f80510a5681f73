import { DomainError } from '../errors.js';
import type { Reaction, ReactionKind, StoryDeps } from '../ports.js';
import { projectCommitted } from '../projections.js';
import {
  notReacted,
  reactionOutbox,
  reactionQueryIds,
  reactionRules,
  requireMayReact,
  withReactionCount,
} from '../reactions.js';
import { onLatestStory } from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';

/** Which of one story's reactions are the caller's. */
export interface MyReactions {
  readonly storyId: string;
  readonly voted: boolean;
  readonly learned: boolean;
}

/** Stories whose rows are read at once by `myReactions` (two point reads each). */
const READ_BATCH = 10;

/**
 * Gives a published story one reaction of `kind` from the actor: once per person, never on a
 * story about themselves (`requireMayReact`). The row and the new count are one transaction.
 */
export async function reactToStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  kind: ReactionKind,
): Promise<Story> {
  const rules = reactionRules(kind);
  // The per-person index row first (it lives in the person's partition, not the story's), so
  // erasure and export find every reaction without a scan. Its key is known from the request, so
  // it is written while the story is read, not after: a reaction that then fails (no such story,
  // a story about the actor, a repeat) leaves a row that names a story without it, which they skip.
  const indexed = deps.personIndex.add(actor.tenantId, actor.userId, storyId, [rules.involvement]);
  // Awaited below; a failure before that point must not surface as an unhandled rejection.
  indexed.catch(() => undefined);
  return changeReaction(deps, actor, storyId, kind, async (story) => {
    requireMayReact(story, actor.userId, kind);
    // No read of the person's reaction row first: the commit creates it, and a row already
    // there fails the whole transaction as `alreadyReacted` (a repeat is rare; a read is not).
    await indexed;
    return {
      story: withReactionCount(story, kind, 1),
      reaction: { kind, personId: actor.userId, at: deps.clock.now() },
    };
  });
}

/** Takes back the actor's reaction of `kind` to a published story: the row and one from the count. */
export async function takeBackReaction(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  kind: ReactionKind,
): Promise<Story> {
  return changeReaction(deps, actor, storyId, kind, async (story) => {
    const ref = { tenantId: story.tenantId, storyId: story.id };
    if (!(await deps.stories.reactionOf(ref, kind, actor.userId))) throw notReacted(kind);
    return {
      story: withReactionCount(story, kind, -1),
      takeBack: { kind, personId: actor.userId },
    };
  });
}

/**
 * Which of `storyIds` (at most `MAX_REACTION_QUERY`) the actor voted for and learned from, so the
 * wall shows its state after a reload in one request; a story that does not exist has neither.
 * Every reaction is recorded in the person index before it is stored (`reactToStory`), so one
 * query of the person's partition names the stories they may have reacted to; only those rows
 * are read, as an index row outlives a reaction taken back (or one that failed after it).
 */
export async function myReactions(
  deps: Pick<StoryDeps, 'stories' | 'personIndex'>,
  actor: Actor,
  storyIds: readonly string[],
): Promise<MyReactions[]> {
  const ids = reactionQueryIds(storyIds);
  const involvements = new Map(
    (
      await deps.personIndex.listForView(actor.tenantId, actor.userId, [
        reactionRules('vote').involvement,
        reactionRules('learned').involvement,
      ])
    ).map((indexed) => [indexed.storyId, new Set(indexed.involvements)]),
  );
  const reacted = async (storyId: string, kind: ReactionKind) => {
    if (!involvements.get(storyId)?.has(reactionRules(kind).involvement)) return false;
    return (
      (await deps.stories.reactionOf({ tenantId: actor.tenantId, storyId }, kind, actor.userId)) !==
      null
    );
  };
  const answers: MyReactions[] = [];
  for (let start = 0; start < ids.length; start += READ_BATCH) {
    const batch = ids.slice(start, start + READ_BATCH);
    answers.push(
      ...(await Promise.all(
        batch.map(async (storyId) => {
          const [voted, learned] = await Promise.all([
            reacted(storyId, 'vote'),
            reacted(storyId, 'learned'),
          ]);
          return { storyId, voted, learned };
        }),
      )),
    );
  }
  return answers;
}

/**
 * Reads the published story, lets `change` judge it and say what to write, and commits that on
 * the ETag read, again from the start when someone else changed the story meanwhile.
 */
async function changeReaction(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  kind: ReactionKind,
  change: (story: Story) => Promise<{
    story: Story;
    reaction?: Reaction;
    takeBack?: Pick<Reaction, 'kind' | 'personId'>;
  }>,
): Promise<Story> {
  const ref = { tenantId: actor.tenantId, storyId };
  const { story, before, outbox } = await onLatestStory(deps, ref, async (current) => {
    if (!current || current.value.status !== 'published') {
      throw new DomainError('not_found', 'No such published story.');
    }
    const next = await change(current.value);
    const outbox = reactionOutbox(deps, kind, deps.clock.now());
    const saved = await deps.stories.commit({
      ...next,
      expectedEtag: current.etag,
      audit: [],
      outbox,
    });
    return { story: saved.value, before: current.value, outbox };
  });
  // A card's answer is built from the story itself: it need not wait for the projections.
  await projectCommitted(deps, story, before, outbox, { answerFirst: actor.surface === 'card' });
  deps.onCommitted(ref);
  return story;
}

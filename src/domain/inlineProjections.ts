/**
 * What this instance knows of the projections it ran inline after its own commits, by the ids of
 * the commits' `story.project` messages. Each commit queues that message to repair its
 * projections should the inline run fail (or the process die before it); when the inline run
 * succeeded, the message has nothing left to repair and completes without re-reading the story
 * and every projection row (ADR 0011). Nothing here is needed for correctness: a message this
 * log does not know of (another instance's, one from before a restart, one dropped to bound the
 * memory) is repaired as before.
 */
export interface InlineProjections {
  /** Remembers the inline run of a commit whose `story.project` messages are `messageIds`. */
  track(messageIds: readonly string[], run: Promise<boolean>): void;
  /**
   * Whether the inline run a `story.project` message was queued behind succeeded; waits for a
   * run still going. False when unknown. Forgets the id: a message is completed once.
   */
  succeeded(messageId: string): Promise<boolean>;
}

/** Runs remembered at most; past it the oldest are forgotten (and their messages repair). */
const DEFAULT_MAX = 10_000;

/** An in-memory `InlineProjections`, holding at most `max` runs. */
export function createInlineProjections(max = DEFAULT_MAX): InlineProjections {
  const runs = new Map<string, Promise<boolean>>();
  return {
    track(messageIds, run) {
      for (const id of messageIds) {
        if (runs.size >= max) {
          const oldest = runs.keys().next();
          if (!oldest.done) runs.delete(oldest.value);
        }
        runs.set(id, run);
      }
    },
    async succeeded(messageId) {
      const run = runs.get(messageId);
      if (!run) return false;
      runs.delete(messageId);
      return run;
    },
  };
}

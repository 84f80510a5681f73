import type { StoryRef, StoryRepository, Versioned } from '../domain/ports.js';
import type { Story } from '../domain/story.js';

export interface StoryVersionMemoryOptions {
  /** How long a version read or committed is offered to a change; 0 turns the memory off. */
  readonly ttlMs: number;
  /** Stories remembered at most; past it the oldest remembered is forgotten. */
  readonly maxEntries?: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Remembers the newest version (story and ETag) of each story this instance read with `get` or
 * committed lately, and offers it as `recent`, so a card action on a story just approved or voted
 * for can judge and commit without reading it first. Nothing is trusted blindly: a change judged
 * on a remembered version commits on its ETag, which storage refuses once anyone anywhere
 * changed the story (another instance, erasure), and a refusal is judged again on a fresh read
 * (`onLatestStory`). A stale version therefore costs one failed write, never a wrong decision;
 * `ttlMs` only bounds how often that can happen.
 */
export function rememberStoryVersions(
  stories: StoryRepository,
  options: StoryVersionMemoryOptions,
): StoryRepository {
  if (options.ttlMs <= 0) return stories;
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 2_000;
  const held = new Map<string, { version: Versioned<Story>; until: number }>();
  const keyOf = (ref: StoryRef) => `${ref.tenantId}\n${ref.storyId}`;

  /** Keeps `version` unless a newer revision is held (a slow read must not undo a commit). */
  const remember = (ref: StoryRef, version: Versioned<Story> | null) => {
    const key = keyOf(ref);
    const current = held.get(key);
    if (!version) {
      held.delete(key);
      return;
    }
    if (current && current.version.value.revision > version.value.revision) return;
    held.delete(key);
    if (held.size >= maxEntries) {
      const oldest = held.keys().next();
      if (!oldest.done) held.delete(oldest.value);
    }
    held.set(key, { version, until: now() + options.ttlMs });
  };

  return {
    ...stories,
    async get(ref) {
      const found = await stories.get(ref);
      remember(ref, found);
      return found;
    },
    async commit(change) {
      const ref = { tenantId: change.story.tenantId, storyId: change.story.id };
      try {
        const saved = await stories.commit(change);
        remember(ref, saved);
        return saved;
      } catch (error) {
        // Refused or failed: what is stored is unknown here, so nothing is offered until read.
        held.delete(keyOf(ref));
        throw error;
      }
    },
    recent(ref) {
      const entry = held.get(keyOf(ref));
      if (!entry) return null;
      if (entry.until <= now()) {
        held.delete(keyOf(ref));
        return null;
      }
      return entry.version;
    },
  };
}

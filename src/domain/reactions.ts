import { DomainError, type DomainErrorCode } from './errors.js';
import type { Involvement } from './erasurePorts.js';
import type { OutboxMessage, ReactionKind, StoryDeps } from './ports.js';
import type { Story } from './story.js';
import { projectMessage, refreshCardsMessage } from './storyChange.js';

/*
 * The rules of a person's reactions to a story: a vote, and "I learned from this". Each is one
 * row per person, story and kind, counted on the story in the same transaction, so the count is
 * always the number of rows; each can be taken back.
 */

/** Every kind of reaction, in the order the tab shows them. */
export const REACTION_KINDS: readonly ReactionKind[] = ['vote', 'learned'];

/** Story ids one request may ask the caller's reactions for. */
export const MAX_REACTION_QUERY = 50;

interface KindRules {
  /** The story's column counting the reactions of this kind. */
  readonly count: 'voteCount' | 'learnedCount';
  /** The person index's note of it, so erasure and export find it. */
  readonly involvement: Involvement;
  /** A second one of the same person. */
  readonly already: DomainErrorCode;
  /** Taking back one the person has not given. */
  readonly missing: DomainErrorCode;
  /** One on a story about the person (told by them, or featuring them). */
  readonly self: DomainErrorCode;
  /** Whether the channel card shows this count, so its cards are refreshed (the vote's only). */
  readonly onChannelCard: boolean;
}

// A Record, so the compiler refuses a kind left out.
const RULES: Readonly<Record<ReactionKind, KindRules>> = {
  vote: {
    count: 'voteCount',
    involvement: 'voted',
    already: 'already_voted',
    missing: 'not_voted',
    self: 'self_vote',
    onChannelCard: true,
  },
  learned: {
    count: 'learnedCount',
    involvement: 'learned',
    already: 'already_reacted',
    missing: 'not_reacted',
    self: 'self_reaction',
    onChannelCard: false,
  },
};

/** The rules of one kind of reaction. */
export function reactionRules(kind: ReactionKind): KindRules {
  return RULES[kind];
}

/** The error of a second reaction of the same kind by the same person. */
export function alreadyReacted(kind: ReactionKind): DomainError {
  return new DomainError(RULES[kind].already, `You have already given this story a ${kind}.`);
}

/** The error of taking back a reaction the person has not given. */
export function notReacted(kind: ReactionKind): DomainError {
  return new DomainError(RULES[kind].missing, `You have not given this story a ${kind}.`);
}

/**
 * Whether `personId` may react to the story: not to a story they told or that features them, as
 * for votes — a vote for oneself is no vote, and one does not learn from one's own deed.
 */
export function requireMayReact(story: Story, personId: string, kind: ReactionKind): void {
  if (story.authorId === personId || story.featured.some((p) => p.id === personId)) {
    throw new DomainError(RULES[kind].self, 'You cannot react to a story about yourself.');
  }
}

/** The story with its count of `kind` moved by `delta`, never below 0, and its next revision. */
export function withReactionCount(story: Story, kind: ReactionKind, delta: 1 | -1): Story {
  const count = RULES[kind].count;
  return { ...story, [count]: Math.max(0, story[count] + delta), revision: story.revision + 1 };
}

/** Ids asked for once each, in the order first asked; more than the limit is a validation error. */
export function reactionQueryIds(storyIds: readonly string[]): string[] {
  const unique = [...new Set(storyIds)];
  if (unique.length > MAX_REACTION_QUERY) {
    throw new DomainError('validation', `At most ${MAX_REACTION_QUERY} stories at once.`, {
      field: 'stories',
    });
  }
  return unique;
}

/** The wall shows every count; of the cards, the channel card shows the vote count only. */
export function reactionOutbox(
  deps: Pick<StoryDeps, 'ids'>,
  kind: ReactionKind,
  now: Date,
): OutboxMessage[] {
  return [
    projectMessage(deps, now),
    ...(reactionRules(kind).onChannelCard ? [refreshCardsMessage(deps, now, true)] : []),
  ];
}

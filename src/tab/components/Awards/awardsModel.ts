import { LIMITS, type AwardDto, type StoryDto } from '../../../shared/dto.js';

/** Months an editor can choose a winner for: the current one and the 11 before it. */
export const PICKABLE_MONTHS = 12;

/** The longest citation the API takes. */
export const CITATION_MAX = LIMITS.citation.max;

/** `YYYY-MM` of the UTC month `offset` months from `at`'s (negative: earlier). */
export function monthOf(at: Date, offset = 0): string {
  const index = at.getUTCFullYear() * 12 + at.getUTCMonth() + offset;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The months of the picker, newest first: this month (UTC, as the server counts) and the
 * previous `count - 1`.
 */
export function recentMonths(now: Date, count: number = PICKABLE_MONTHS): string[] {
  return Array.from({ length: count }, (_, index) => monthOf(now, -index));
}

/**
 * The month the picker starts on: the previous one, whose votes are all in, so it is the month
 * that is usually awarded.
 */
export function defaultMonth(now: Date): string {
  return monthOf(now, -1);
}

/** A citation as sent: trimmed, and left out when empty. */
export function normalizeCitation(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Whether a typed citation can be sent as it is. */
export function citationProblem(text: string): 'tooLong' | undefined {
  return text.trim().length > CITATION_MAX ? 'tooLong' : undefined;
}

/** The history after a choice: the month's new winner in place of the old, newest month first. */
export function withAward(items: readonly AwardDto[], award: AwardDto): AwardDto[] {
  return [...items.filter((item) => item.month !== award.month), award].sort((a, b) =>
    b.month.localeCompare(a.month),
  );
}

/** Whether a story of the shortlist is the month's winner. */
export function isWinner(story: Pick<StoryDto, 'id'>, winner: AwardDto | null): boolean {
  return winner !== null && winner.story.id === story.id;
}

import { describe, expect, it } from 'vitest';
import type { AwardDto } from '../../../src/shared/dto.js';
import {
  CITATION_MAX,
  citationProblem,
  defaultMonth,
  isWinner,
  monthOf,
  normalizeCitation,
  recentMonths,
  withAward,
} from '../../../src/tab/components/Awards/awardsModel.js';
import { formatMonth } from '../../../src/tab/format.js';
import { buildStoryDto } from './storyDto.js';

function buildAward(month: string, storyId = `story-${month}`): AwardDto {
  return {
    month,
    story: buildStoryDto({ id: storyId, status: 'published' }),
    awardedBy: { id: 'eeva', displayName: 'Eeva Editor' },
    awardedAt: `${month}-28T10:00:00.000Z`,
  };
}

describe('awards model', () => {
  it('offers this month and the previous 11, newest first, by the UTC month', () => {
    const months = recentMonths(new Date('2026-11-23T12:00:00Z'));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-11');
    expect(months[1]).toBe('2026-10');
    expect(months[11]).toBe('2025-12');
    // Already February in UTC, and across the year boundary.
    expect(recentMonths(new Date('2027-02-01T00:30:00Z'), 3)).toEqual([
      '2027-02',
      '2027-01',
      '2026-12',
    ]);
  });

  it('starts the picker on the previous month, whose votes are all in', () => {
    expect(defaultMonth(new Date('2026-11-23T12:00:00Z'))).toBe('2026-10');
    expect(defaultMonth(new Date('2027-01-05T12:00:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-01-15T00:00:00Z'), -13)).toBe('2024-12');
  });

  it('sends a trimmed citation, or none', () => {
    expect(normalizeCitation('  Went the extra mile.\n')).toBe('Went the extra mile.');
    expect(normalizeCitation('   ')).toBeUndefined();
    expect(citationProblem('x'.repeat(CITATION_MAX))).toBeUndefined();
    expect(citationProblem(` ${'x'.repeat(CITATION_MAX)} `)).toBeUndefined();
    expect(citationProblem('x'.repeat(CITATION_MAX + 1))).toBe('tooLong');
  });

  it('puts a new winner in its month’s place, newest month first', () => {
    const history = [buildAward('2026-10'), buildAward('2026-08')];
    expect(withAward(history, buildAward('2026-09')).map((a) => a.month)).toEqual([
      '2026-10',
      '2026-09',
      '2026-08',
    ]);
    const replaced = withAward(history, buildAward('2026-10', 'another'));
    expect(replaced.map((a) => [a.month, a.story.id])).toEqual([
      ['2026-10', 'another'],
      ['2026-08', 'story-2026-08'],
    ]);
  });

  it('marks the winner on the shortlist', () => {
    const award = buildAward('2026-10', 'story-1');
    expect(isWinner({ id: 'story-1' }, award)).toBe(true);
    expect(isWinner({ id: 'story-2' }, award)).toBe(false);
    expect(isWinner({ id: 'story-1' }, null)).toBe(false);
  });
});

describe('formatMonth', () => {
  it('names the month in the UI language', () => {
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatMonth('2026-11', 'fi')).toBe('marraskuu 2026');
    expect(formatMonth('2026-01', 'fi')).toBe('tammikuu 2026');
  });

  it('shows anything that is not a month as it is', () => {
    expect(formatMonth('garbage', 'en')).toBe('garbage');
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
    expect(formatMonth('2026-1', 'en')).toBe('2026-1');
  });
});

import { describe, expect, it } from 'vitest';
import {
  MAX_DAYS_AHEAD,
  dayProblem,
  dayString,
  lastMomentOf,
  untilOf,
} from '../../../src/tab/components/Delegation/delegationModel.js';

// The model works in the browser's local calendar, so "now" is built from local parts and the
// expectations likewise: the tests hold in any time zone, on any date.
const now = new Date(2026, 2, 14, 9, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

describe('dayString', () => {
  it('writes the local calendar day as a date input does', () => {
    expect(dayString(now)).toBe('2026-03-14');
    expect(dayString(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
    expect(dayString(new Date(2026, 11, 31, 23, 59, 59, 999))).toBe('2026-12-31');
  });
});

describe('untilOf', () => {
  it('ends the delegation at the start of the local day after the last day away', () => {
    expect(untilOf('2026-03-14')).toBe(new Date(2026, 2, 15).toISOString());
    const until = new Date(untilOf('2026-03-14') ?? '');
    expect([until.getDate(), until.getHours(), until.getMinutes()]).toEqual([15, 0, 0]);
  });

  it('rolls over months, years and leap days', () => {
    expect(untilOf('2026-03-31')).toBe(new Date(2026, 3, 1).toISOString());
    expect(untilOf('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
    expect(untilOf('2028-02-28')).toBe(new Date(2028, 1, 29).toISOString());
    expect(untilOf('2028-02-29')).toBe(new Date(2028, 2, 1).toISOString());
  });

  it('refuses what is not a real date', () => {
    for (const day of [
      '',
      'tomorrow',
      '2026-3-14',
      '14.03.2026',
      '2026-03-14T00:00',
      '2026-02-29',
      '2026-02-31',
      '2026-04-31',
      '2026-03-00',
    ]) {
      expect(untilOf(day), day).toBeUndefined();
    }
  });

  it('refuses a month that does not exist rather than rolling it into another year', () => {
    expect(untilOf('2026-13-01')).toBeUndefined();
    expect(untilOf('2026-00-10')).toBeUndefined();
    expect(dayProblem('2026-13-01', now)).toBe('required');
  });
});

describe('lastMomentOf', () => {
  it('is the last millisecond before the exclusive end', () => {
    expect(lastMomentOf('2026-03-15T00:00:00.000Z')).toBe('2026-03-14T23:59:59.999Z');
  });

  it('falls on the last day away, as the person picked it', () => {
    for (const day of ['2026-03-14', '2026-12-31', '2028-02-29']) {
      expect(dayString(new Date(lastMomentOf(untilOf(day) ?? '')))).toBe(day);
    }
  });
});

describe('dayProblem', () => {
  it('asks for a day when none, or no real one, is chosen', () => {
    expect(dayProblem('', now)).toBe('required');
    expect(dayProblem('next week', now)).toBe('required');
    expect(dayProblem('2026-02-30', now)).toBe('required');
  });

  it('refuses a last day before today', () => {
    expect(dayProblem('2026-03-13', now)).toBe('past');
    expect(dayProblem('2025-12-31', now)).toBe('past');
  });

  it('accepts today as the last day, until its last minute', () => {
    expect(dayProblem('2026-03-14', now)).toBeUndefined();
    expect(dayProblem('2026-03-14', new Date(2026, 2, 14, 23, 59))).toBeUndefined();
    expect(dayProblem('2026-03-14', new Date(2026, 2, 15, 0, 0))).toBe('past');
  });

  it('accepts up to a year ahead and refuses the day after', () => {
    expect(MAX_DAYS_AHEAD).toBe(365);
    expect(dayProblem('2026-06-30', now)).toBeUndefined();
    expect(dayProblem('2027-03-14', now)).toBeUndefined();
    expect(dayProblem('2027-03-15', now)).toBe('tooFar');
    expect(dayProblem('2030-01-01', now)).toBe('tooFar');
  });

  it('counts the year in days across a leap day and a new year', () => {
    const march2027 = new Date(2027, 2, 1, 12, 0);
    expect(dayProblem('2028-02-29', march2027)).toBeUndefined();
    expect(dayProblem('2028-03-01', march2027)).toBe('tooFar');
    const newYearsEve = new Date(2026, 11, 31, 18, 0);
    expect(dayProblem('2027-12-31', newYearsEve)).toBeUndefined();
    expect(dayProblem('2028-01-01', newYearsEve)).toBe('tooFar');
  });

  it('keeps an accepted window within the API’s limit of 366 days', () => {
    const from = new Date(2026, 2, 14, 0, 1);
    const lastDay = dayString(new Date(2026, 2, 14 + MAX_DAYS_AHEAD));
    expect(dayProblem(lastDay, from)).toBeUndefined();
    const until = new Date(untilOf(lastDay) ?? '');
    expect(until.getTime() - from.getTime()).toBeLessThanOrEqual(366 * DAY_MS);
  });
});

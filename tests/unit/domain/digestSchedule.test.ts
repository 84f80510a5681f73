import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIGESTS,
  isDigestRun,
  nextDigestRun,
  previousDigestRun,
  type DigestSettings,
} from '../../../src/domain/index.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function settings(overrides: {
  weekly?: Partial<DigestSettings['weekly']>;
  monthly?: Partial<DigestSettings['monthly']>;
  timeZone?: string;
}): DigestSettings {
  return {
    weekly: { ...DEFAULT_DIGESTS.weekly, enabled: true, ...overrides.weekly },
    monthly: { ...DEFAULT_DIGESTS.monthly, enabled: true, ...overrides.monthly },
    timeZone: overrides.timeZone ?? 'Europe/Helsinki',
  };
}

const at = (iso: string) => new Date(iso);

describe('the next run of a weekly digest', () => {
  it('is the coming day and time on the zone’s wall clock', () => {
    // Wednesday 4 November 2026, 12:00 in Helsinki (UTC+2 in winter).
    const now = at('2026-11-04T10:00:00Z');
    expect(nextDigestRun('weekly', settings({}), now)).toEqual(at('2026-11-09T07:00:00Z'));
    expect(
      nextDigestRun('weekly', settings({ weekly: { day: 'wednesday', time: '13:30' } }), now),
    ).toEqual(at('2026-11-04T11:30:00Z'));
  });

  it('is a week on once today’s time has passed, and never the instant itself', () => {
    const monday = at('2026-11-09T07:00:00Z');
    expect(nextDigestRun('weekly', settings({}), monday)).toEqual(at('2026-11-16T07:00:00Z'));
    expect(nextDigestRun('weekly', settings({}), new Date(monday.getTime() - 1))).toEqual(monday);
  });

  it('keeps 09:00 in Helsinki across the spring change: the week is an hour short', () => {
    // Clocks go from 03:00 EET to 04:00 EEST on Sunday 29 March 2026.
    const before = nextDigestRun('weekly', settings({}), at('2026-03-20T00:00:00Z'));
    expect(before).toEqual(at('2026-03-23T07:00:00Z'));
    const after = nextDigestRun('weekly', settings({}), before);
    expect(after).toEqual(at('2026-03-30T06:00:00Z'));
    expect(after.getTime() - before.getTime()).toBe(7 * DAY - HOUR);
  });

  it('keeps 09:00 in Helsinki across the autumn change: the week is an hour long', () => {
    // Clocks go from 04:00 EEST back to 03:00 EET on Sunday 25 October 2026.
    const before = at('2026-10-19T06:00:00Z');
    const after = nextDigestRun('weekly', settings({}), before);
    expect(after).toEqual(at('2026-10-26T07:00:00Z'));
    expect(after.getTime() - before.getTime()).toBe(7 * DAY + HOUR);
  });

  it('takes a time the spring change skips as the time after the gap', () => {
    const sunday = settings({ weekly: { day: 'sunday', time: '03:30' } });
    // 03:30 does not exist on 29 March 2026 in Helsinki: it runs at 04:30 EEST (01:30 UTC).
    const run = nextDigestRun('weekly', sunday, at('2026-03-28T12:00:00Z'));
    expect(run).toEqual(at('2026-03-29T01:30:00Z'));
    expect(isDigestRun('weekly', sunday, run)).toBe(true);
    expect(nextDigestRun('weekly', sunday, run)).toEqual(at('2026-04-05T00:30:00Z'));
  });

  it('takes a time the autumn change repeats at its first occurrence, once', () => {
    const sunday = settings({ weekly: { day: 'sunday', time: '03:30' } });
    // 03:30 happens twice on 25 October 2026: first in EEST (00:30 UTC), then in EET.
    const run = nextDigestRun('weekly', sunday, at('2026-10-24T12:00:00Z'));
    expect(run).toEqual(at('2026-10-25T00:30:00Z'));
    expect(nextDigestRun('weekly', sunday, run)).toEqual(at('2026-11-01T01:30:00Z'));
  });

  it('follows the zone it is given', () => {
    const now = at('2026-11-04T10:00:00Z');
    expect(nextDigestRun('weekly', settings({ timeZone: 'UTC' }), now)).toEqual(
      at('2026-11-09T09:00:00Z'),
    );
    expect(nextDigestRun('weekly', settings({ timeZone: 'America/New_York' }), now)).toEqual(
      at('2026-11-09T14:00:00Z'),
    );
  });
});

describe('the next run of a monthly summary', () => {
  it('is the chosen day of this month, or of the next once it has passed', () => {
    const fifteenth = settings({ monthly: { day: 15, time: '08:15' } });
    expect(nextDigestRun('monthly', fifteenth, at('2026-11-04T10:00:00Z'))).toEqual(
      at('2026-11-15T06:15:00Z'),
    );
    expect(nextDigestRun('monthly', fifteenth, at('2026-11-15T06:15:00Z'))).toEqual(
      at('2026-12-15T06:15:00Z'),
    );
  });

  it('runs on the last day of a month with fewer days than the chosen one', () => {
    const thirtyFirst = settings({ monthly: { day: 31 } });
    const january = nextDigestRun('monthly', thirtyFirst, at('2027-01-05T00:00:00Z'));
    expect(january).toEqual(at('2027-01-31T07:00:00Z'));
    // February 2027 has 28 days; April 30; then May has its 31st again.
    const february = nextDigestRun('monthly', thirtyFirst, january);
    expect(february).toEqual(at('2027-02-28T07:00:00Z'));
    const march = nextDigestRun('monthly', thirtyFirst, february);
    expect(march).toEqual(at('2027-03-31T06:00:00Z'));
    const april = nextDigestRun('monthly', thirtyFirst, march);
    expect(april).toEqual(at('2027-04-30T06:00:00Z'));
    expect(nextDigestRun('monthly', thirtyFirst, april)).toEqual(at('2027-05-31T06:00:00Z'));
    // A leap year's February has a 29th.
    expect(nextDigestRun('monthly', thirtyFirst, at('2028-02-01T00:00:00Z'))).toEqual(
      at('2028-02-29T07:00:00Z'),
    );
  });

  it('keeps its local hour across the change to summer time', () => {
    const first = settings({});
    const march = nextDigestRun('monthly', first, at('2026-02-15T00:00:00Z'));
    expect(march).toEqual(at('2026-03-01T07:00:00Z'));
    expect(nextDigestRun('monthly', first, march)).toEqual(at('2026-04-01T06:00:00Z'));
  });

  it('crosses the year', () => {
    expect(nextDigestRun('monthly', settings({}), at('2026-12-01T07:00:00Z'))).toEqual(
      at('2027-01-01T07:00:00Z'),
    );
  });
});

describe('the period a digest covers', () => {
  it('starts at the schedule’s previous occurrence: a week, or the month before', () => {
    const s = settings({});
    expect(previousDigestRun('weekly', s, at('2026-11-09T07:00:00Z'))).toEqual(
      at('2026-11-02T07:00:00Z'),
    );
    expect(previousDigestRun('monthly', s, at('2026-12-01T07:00:00Z'))).toEqual(
      at('2026-11-01T07:00:00Z'),
    );
    // After a short month the period reaches back to its last day.
    const thirtyFirst = settings({ monthly: { day: 31 } });
    expect(previousDigestRun('monthly', thirtyFirst, at('2027-03-31T06:00:00Z'))).toEqual(
      at('2027-02-28T07:00:00Z'),
    );
  });
});

describe('whether an entry is still an occurrence of the schedule', () => {
  it('is true for the schedule’s instants only', () => {
    const s = settings({});
    expect(isDigestRun('weekly', s, at('2026-11-09T07:00:00Z'))).toBe(true);
    expect(isDigestRun('weekly', s, at('2026-11-09T08:00:00Z'))).toBe(false);
    expect(isDigestRun('weekly', { ...s, timeZone: 'UTC' }, at('2026-11-09T07:00:00Z'))).toBe(
      false,
    );
    expect(isDigestRun('monthly', s, at('2026-11-01T07:00:00Z'))).toBe(true);
    expect(isDigestRun('monthly', s, at('2026-11-02T07:00:00Z'))).toBe(false);
  });
});

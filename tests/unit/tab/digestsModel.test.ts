import { describe, expect, it } from 'vitest';
import type { DigestsDto, ScheduledJobRunDto } from '../../../src/shared/dto.js';
import { digestsSchema } from '../../../src/shared/schemas.js';
import {
  digestProblemsOf,
  digestsDraftOf,
  digestsInputOf,
  isTimeZone,
  runCounts,
  timeZoneOptions,
} from '../../../src/tab/components/Settings/digestsModel.js';
import { draftOf } from '../../../src/tab/components/Settings/settingsModel.js';
import { problemsFromServer } from '../../../src/tab/components/Settings/settingsProblems.js';

const digests: DigestsDto = {
  weekly: { enabled: true, day: 'friday', time: '15:30' },
  monthly: { enabled: false, day: 31, time: '08:00' },
  timeZone: 'Europe/Helsinki',
};

describe('the digests as edited', () => {
  it('give back what they were made from, a body the API accepts', () => {
    const input = digestsInputOf(digestsDraftOf(digests));
    expect(input).toEqual(digests);
    expect(digestsSchema.safeParse(input).success).toBe(true);
    expect(digestProblemsOf(digestsDraftOf(digests))).toEqual({});
  });

  it('point out each field to fix, on or off', () => {
    const draft = {
      ...digestsDraftOf(digests),
      weeklyTime: '25:00',
      monthlyTime: '',
      monthlyDay: '32',
      timeZone: 'Mars/Olympus',
    };
    expect(digestProblemsOf(draft)).toEqual({
      digestWeeklyTime: 'settings.errors.time',
      digestMonthlyTime: 'settings.errors.time',
      digestMonthlyDay: 'settings.errors.monthDay',
      digestTimeZone: 'settings.errors.timeZone',
    });
    expect(digestProblemsOf({ ...draft, monthlyDay: '0' }).digestMonthlyDay).toBeDefined();
    expect(digestProblemsOf({ ...draft, monthlyDay: '1.5' }).digestMonthlyDay).toBeDefined();
  });

  it('know a time zone as the browser does', () => {
    expect(isTimeZone('Europe/Helsinki')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('+02:00')).toBe(false);
    expect(isTimeZone('Nowhere/Special')).toBe(false);
  });

  it('place the API’s problems beside their fields', () => {
    const draft = draftOf({
      version: 1,
      approval: {
        stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
        fallback: { kind: 'manager' },
      },
      roles: [],
      privacy: { enabled: false, confirmFeatured: false, deleteClosedAfterDays: null },
      digests,
      awards: { noRepeatWithinMonths: null },
      teams: [],
    });
    expect(
      problemsFromServer(
        { 'digests.timeZone': 'bad', 'digests.monthly.day': 'bad', 'digests.weekly.time': 'bad' },
        draft,
      ),
    ).toEqual({
      digestTimeZone: 'settings.errors.timeZone',
      digestMonthlyDay: 'settings.errors.monthDay',
      digestWeeklyTime: 'settings.errors.time',
    });
  });
});

describe('the time zones offered', () => {
  it('filter by what is typed, and offer every zone once a whole name is there', () => {
    const typed = timeZoneOptions('Europe/Helsinki', 'helsin');
    expect(typed).toEqual(['Europe/Helsinki']);
    const all = timeZoneOptions('Europe/Helsinki', 'Europe/Helsinki', 20);
    expect(all[0]).toBe('Europe/Helsinki');
    expect(all).toHaveLength(20);
    expect(timeZoneOptions('', 'utc')).toContain('UTC');
  });
});

describe('a run’s counts', () => {
  const run: ScheduledJobRunDto = {
    job: 'digest.monthly',
    scheduledFor: '2026-12-01T07:00:00.000Z',
    startedAt: '2026-12-01T07:00:05.000Z',
    outcome: 'sent',
    stories: 7,
    recipients: 3,
    delivered: 2,
    unreachable: 1,
    failed: 0,
    titles: [],
  };

  it('say how many stories went to how many team leads, or how many the digest held', () => {
    expect(runCounts(run)).toEqual({
      key: 'settings.jobs.monthlyCounts',
      values: { count: 7, recipients: 3, delivered: 2 },
    });
    expect(runCounts({ ...run, job: 'digest.weekly', stories: 3 })).toEqual({
      key: 'settings.jobs.weeklyCounts',
      values: { count: 3 },
    });
  });
});

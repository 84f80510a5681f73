import { describe, expect, it } from 'vitest';
import { digestsSchema } from '../../../src/shared/schemas.js';

/** The digests of `PUT /api/settings`: days, HH:MM times and an IANA time zone, checked. */
const valid = {
  weekly: { enabled: true, day: 'monday', time: '09:00' },
  monthly: { enabled: false, day: 31, time: '23:59' },
  timeZone: 'Europe/Helsinki',
};

const problems = (value: unknown) => {
  const parsed = digestsSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('the digests of the settings', () => {
  it('accepts a schedule, and names the zone as the runtime does', () => {
    expect(digestsSchema.parse(valid)).toEqual(valid);
    expect(digestsSchema.parse({ ...valid, timeZone: 'europe/helsinki' }).timeZone).toBe(
      'Europe/Helsinki',
    );
    expect(digestsSchema.parse({ ...valid, timeZone: 'UTC' }).timeZone).toBe('UTC');
  });

  it('refuses a zone the runtime does not know, an offset, or a name too long', () => {
    expect(problems({ ...valid, timeZone: 'Europe/Atlantis' })).toEqual(['timeZone']);
    expect(problems({ ...valid, timeZone: '+02:00' })).toEqual(['timeZone']);
    expect(problems({ ...valid, timeZone: '' })).toEqual(['timeZone']);
    expect(problems({ ...valid, timeZone: `Europe/${'x'.repeat(80)}` })).toEqual(['timeZone']);
  });

  it('refuses times that are not HH:MM of the 24-hour clock', () => {
    for (const time of ['9:00', '24:00', '12:60', '09:00:00', 'noon', '']) {
      expect(problems({ ...valid, weekly: { ...valid.weekly, time } })).toEqual(['weekly.time']);
    }
  });

  it('refuses a day that is not a weekday or a day of the month', () => {
    expect(problems({ ...valid, weekly: { ...valid.weekly, day: 'someday' } })).toEqual([
      'weekly.day',
    ]);
    for (const day of [0, 32, 1.5]) {
      expect(problems({ ...valid, monthly: { ...valid.monthly, day } })).toEqual(['monthly.day']);
    }
  });

  it('refuses fields it does not know', () => {
    expect(problems({ ...valid, hour: 9 })).toEqual(['']);
  });
});

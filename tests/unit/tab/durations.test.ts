import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalPolicySchema, isoDuration } from '../../../src/shared/schemas.js';
import {
  DURATION_UNITS,
  draftOfIso,
  durationProblem,
  isoOfDraft,
  minutesOf,
  type DurationDraft,
  type DurationUnit,
} from '../../../src/tab/components/Settings/durations.js';

const FALLBACK: DurationDraft = { amount: '2', unit: 'days' };
const UNIT_MINUTES: Record<DurationUnit, number> = {
  minutes: 1,
  hours: 60,
  days: 24 * 60,
  weeks: 7 * 24 * 60,
};
const YEAR_MINUTES = 366 * 24 * 60;

/** Milliseconds the API makes of a duration, or undefined when it refuses it. */
function apiMilliseconds(iso: string): number | undefined {
  const parsed = approvalPolicySchema.safeParse({
    stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
    fallback: { kind: 'manager' },
    remindAfter: iso,
  });
  return parsed.success ? parsed.data.remindAfter : undefined;
}

describe('minutesOf', () => {
  it('counts the minutes of what the settings document stores', () => {
    expect(minutesOf('P2D')).toBe(2 * 24 * 60);
    expect(minutesOf('P21D')).toBe(21 * 24 * 60);
    expect(minutesOf('PT1H')).toBe(60);
    expect(minutesOf('PT1M')).toBe(1);
    expect(minutesOf('P1DT12H')).toBe(36 * 60);
    expect(minutesOf('PT1H30M')).toBe(90);
    expect(minutesOf('P1W')).toBe(7 * 24 * 60);
    expect(minutesOf('P1W2D')).toBe(9 * 24 * 60);
    expect(minutesOf(' P2D ')).toBe(2 * 24 * 60);
  });

  it('rounds seconds to the nearest minute', () => {
    // The API keeps seconds (`PT1M30S` after a PUT of `PT90S`); the editor counts minutes.
    expect(minutesOf('PT1M30S')).toBe(2);
    expect(minutesOf('PT1M29S')).toBe(1);
    expect(minutesOf('PT90S')).toBe(2);
    expect(minutesOf('PT1M0.5S')).toBe(1);
  });

  it('refuses what the API would not have sent', () => {
    for (const iso of [
      '',
      'P',
      'PT',
      'P1DT',
      '2D',
      'p2d',
      'P1.5D',
      'P-1D',
      'P1M',
      'P1Y',
      'P2D1W',
    ]) {
      expect(minutesOf(iso), iso).toBeUndefined();
    }
  });
});

describe('draftOfIso', () => {
  it('shows a stored duration in the largest unit that says it exactly', () => {
    expect(draftOfIso('P2D', FALLBACK)).toEqual({ amount: '2', unit: 'days' });
    expect(draftOfIso('P21D', FALLBACK)).toEqual({ amount: '3', unit: 'weeks' });
    expect(draftOfIso('P1W', FALLBACK)).toEqual({ amount: '1', unit: 'weeks' });
    expect(draftOfIso('P10D', FALLBACK)).toEqual({ amount: '10', unit: 'days' });
    expect(draftOfIso('PT1H', FALLBACK)).toEqual({ amount: '1', unit: 'hours' });
    expect(draftOfIso('P1DT12H', FALLBACK)).toEqual({ amount: '36', unit: 'hours' });
    expect(draftOfIso('PT1H30M', FALLBACK)).toEqual({ amount: '90', unit: 'minutes' });
    expect(draftOfIso('PT1M', FALLBACK)).toEqual({ amount: '1', unit: 'minutes' });
  });

  it('shows a stored value with seconds in whole minutes', () => {
    expect(draftOfIso('PT1M30S', FALLBACK)).toEqual({ amount: '2', unit: 'minutes' });
    expect(draftOfIso('PT59M30S', FALLBACK)).toEqual({ amount: '1', unit: 'hours' });
  });

  it('starts from the fallback when there is nothing usable to show', () => {
    expect(draftOfIso(undefined, FALLBACK)).toBe(FALLBACK);
    expect(draftOfIso('P1M', FALLBACK)).toBe(FALLBACK);
    expect(draftOfIso('garbage', FALLBACK)).toBe(FALLBACK);
    expect(draftOfIso('PT0M', FALLBACK)).toBe(FALLBACK);
    // Under half a minute rounds to nothing, which is no duration to edit.
    expect(draftOfIso('PT29S', FALLBACK)).toBe(FALLBACK);
  });
});

describe('durationProblem', () => {
  it('accepts whole amounts from one minute to 366 days', () => {
    expect(durationProblem({ amount: '1', unit: 'minutes' })).toBeUndefined();
    expect(durationProblem({ amount: '2', unit: 'days' })).toBeUndefined();
    expect(durationProblem({ amount: ' 3 ', unit: 'hours' })).toBeUndefined();
    expect(durationProblem({ amount: '366', unit: 'days' })).toBeUndefined();
    expect(durationProblem({ amount: '52', unit: 'weeks' })).toBeUndefined();
    expect(durationProblem({ amount: String(YEAR_MINUTES), unit: 'minutes' })).toBeUndefined();
  });

  it('says "range" for nothing at all or more than a year', () => {
    expect(durationProblem({ amount: '0', unit: 'days' })).toBe('range');
    expect(durationProblem({ amount: '367', unit: 'days' })).toBe('range');
    expect(durationProblem({ amount: '53', unit: 'weeks' })).toBe('range');
    expect(durationProblem({ amount: '8785', unit: 'hours' })).toBe('range');
    expect(durationProblem({ amount: String(YEAR_MINUTES + 1), unit: 'minutes' })).toBe('range');
  });

  it('says "invalid" for anything but a whole number', () => {
    for (const amount of ['', ' ', 'two', '1.5', '-1', '+1', '1e3', '1 2', '1234567']) {
      expect(durationProblem({ amount, unit: 'days' }), amount).toBe('invalid');
    }
  });
});

describe('isoOfDraft', () => {
  it('writes days, hours and minutes, never weeks', () => {
    expect(isoOfDraft({ amount: '2', unit: 'days' })).toBe('P2D');
    expect(isoOfDraft({ amount: '3', unit: 'weeks' })).toBe('P21D');
    expect(isoOfDraft({ amount: '1', unit: 'hours' })).toBe('PT1H');
    expect(isoOfDraft({ amount: '36', unit: 'hours' })).toBe('P1DT12H');
    expect(isoOfDraft({ amount: '90', unit: 'minutes' })).toBe('PT1H30M');
    expect(isoOfDraft({ amount: '1441', unit: 'minutes' })).toBe('P1DT1M');
    expect(isoOfDraft({ amount: '24', unit: 'hours' })).toBe('P1D');
    expect(isoOfDraft({ amount: ' 5 ', unit: 'minutes' })).toBe('PT5M');
  });

  it('writes nothing for an entry with a problem', () => {
    expect(isoOfDraft({ amount: '', unit: 'days' })).toBeUndefined();
    expect(isoOfDraft({ amount: '0', unit: 'minutes' })).toBeUndefined();
    expect(isoOfDraft({ amount: '1.5', unit: 'hours' })).toBeUndefined();
    expect(isoOfDraft({ amount: '367', unit: 'days' })).toBeUndefined();
  });
});

describe('durations against the API', () => {
  const validDraft = fc
    .constantFrom(...DURATION_UNITS)
    .chain((unit) =>
      fc
        .integer({ min: 1, max: Math.floor(YEAR_MINUTES / UNIT_MINUTES[unit]) })
        .map((amount): DurationDraft => ({ amount: String(amount), unit })),
    );

  it('saves every valid entry as a duration the API reads as the same length', () => {
    fc.assert(
      fc.property(validDraft, (draft) => {
        const iso = isoOfDraft(draft);
        const minutes = Number(draft.amount) * UNIT_MINUTES[draft.unit];
        expect(iso).toBeDefined();
        expect(apiMilliseconds(iso ?? '')).toBe(minutes * 60_000);
      }),
    );
  });

  it('shows again what it saved, in the same length', () => {
    fc.assert(
      fc.property(validDraft, (draft) => {
        const shown = draftOfIso(isoOfDraft(draft), FALLBACK);
        expect(Number(shown.amount) * UNIT_MINUTES[shown.unit]).toBe(
          Number(draft.amount) * UNIT_MINUTES[draft.unit],
        );
        expect(isoOfDraft(shown)).toBe(isoOfDraft(draft));
      }),
    );
  });

  it('reads every whole-minute duration the API presents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: YEAR_MINUTES }), (minutes) => {
        expect(minutesOf(isoDuration(minutes * 60_000))).toBe(minutes);
      }),
    );
  });

  it('refuses, like the API, entries over a year', () => {
    const draft: DurationDraft = { amount: '367', unit: 'days' };
    expect(durationProblem(draft)).toBe('range');
    expect(apiMilliseconds('P367D')).toBeUndefined();
    expect(apiMilliseconds('P366D')).toBe(YEAR_MINUTES * 60_000);
  });
});

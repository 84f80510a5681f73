import { describe, expect, it } from 'vitest';
import {
  isEmpty,
  knownCategory,
  lastMonths,
  monthLabel,
} from '../../../src/tab/components/Insights/insightsModel.js';

describe('insights model', () => {
  it('gives the last N months, the current UTC month included', () => {
    const now = new Date('2026-11-02T09:00:00Z');
    expect(lastMonths(3, now)).toEqual({ from: '2026-09', to: '2026-11' });
    expect(lastMonths(6, now)).toEqual({ from: '2026-06', to: '2026-11' });
    expect(lastMonths(12, now)).toEqual({ from: '2025-12', to: '2026-11' });
    // Across a year boundary, and by the UTC month (already February in UTC).
    expect(lastMonths(3, new Date('2027-02-01T00:30:00Z'))).toEqual({
      from: '2026-12',
      to: '2027-02',
    });
  });

  it('labels a month in the UI language', () => {
    expect(monthLabel('2026-11', 'en')).toBe('Nov 2026');
    expect(monthLabel('2026-01', 'fi')).toMatch(/^tammi.* 2026$/);
    expect(monthLabel('garbage', 'en')).toBe('garbage');
  });

  it('knows the categories the locale files name', () => {
    expect(knownCategory('care')).toBe('care');
    expect(knownCategory('speed')).toBeUndefined();
  });

  it('is empty when nothing was published', () => {
    expect(isEmpty({ total: 0 })).toBe(true);
    expect(isEmpty({ total: 1 })).toBe(false);
  });
});

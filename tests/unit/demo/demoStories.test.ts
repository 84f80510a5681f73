import { describe, expect, it } from 'vitest';
import { demoStories } from '../../../src/demo/demoStories.js';

/**
 * The demo wall is dated from the clock it is given, never from today's date: whatever day the
 * app first starts on, every story lies in the past and the month before holds enough stories
 * for the story of the month (journey 8) to have a choice.
 */
describe('demoStories', () => {
  const tenant = 't1';
  const DAY = 24 * 60 * 60 * 1000;
  const monthBefore = (now: Date) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

  function check(now: Date): void {
    const stories = demoStories(tenant, now).map((d) => d.story);
    for (const story of stories) {
      expect(story.publishedAt!.getTime()).toBeLessThan(now.getTime());
      expect(story.createdAt.getTime()).toBeLessThan(story.publishedAt!.getTime());
    }
    const previous = monthBefore(now);
    const inPrevious = stories.filter((s) => s.publishedAt!.toISOString().startsWith(previous));
    expect(
      inPrevious.length,
      `month ${previous} seen from ${now.toISOString()}`,
    ).toBeGreaterThanOrEqual(2);
  }

  it('seeds on the 1st of a month, just after midnight', () => {
    check(new Date('2027-03-01T00:05:00Z'));
  });

  it('seeds on the 31st of a month, just before midnight', () => {
    check(new Date('2027-01-31T23:55:00Z'));
  });

  it('holds on every day of a leap year, at both ends of the day', () => {
    for (let day = 0; day < 366; day++) {
      const start = Date.UTC(2028, 0, 1) + day * DAY;
      check(new Date(start + 5 * 60_000));
      check(new Date(start + DAY - 5 * 60_000));
    }
  });

  it('gives the same stories for the same clock', () => {
    const now = new Date('2027-06-15T12:00:00Z');
    expect(demoStories(tenant, now)).toEqual(demoStories(tenant, now));
  });
});

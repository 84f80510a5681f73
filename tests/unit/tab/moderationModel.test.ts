import { describe, expect, it } from 'vitest';
import { LIMITS, type ModerationItemDto } from '../../../src/shared/dto.js';
import {
  actionsFor,
  afterAction,
  checkCorrection,
  checkReason,
  correctionInput,
  correctionOf,
  isChanged,
  sectionsOf,
} from '../../../src/tab/components/Moderation/moderationModel.js';
import { buildStoryDto } from './storyDto.js';

const item = (id: string, status: 'published' | 'hidden', reports = 1): ModerationItemDto => ({
  story: buildStoryDto({ id, status }),
  reportCount: reports,
  reports: Array.from({ length: reports }, (_, n) => ({
    reporter: { id: `r${n}`, displayName: `Reader ${n}` },
    reason: 'Why',
    at: '2025-03-12T10:00:00.000Z',
  })),
});

describe('the moderation queue', () => {
  it('splits reported stories from hidden ones, keeping the API’s order', () => {
    const items = [item('a', 'published'), item('h', 'hidden', 0), item('b', 'published')];
    const { reported, hidden } = sectionsOf(items);
    expect(reported.map((i) => i.story.id)).toEqual(['a', 'b']);
    expect(hidden.map((i) => i.story.id)).toEqual(['h']);
  });

  it('offers what the API allows per status', () => {
    expect(actionsFor({ status: 'published' })).toEqual(['hide', 'edit', 'dismiss']);
    expect(actionsFor({ status: 'hidden' })).toEqual(['restore', 'edit']);
    expect(actionsFor({ status: 'archived' })).toEqual([]);
  });

  it('after an action: a hidden story heads the hidden stories; any other leaves the queue', () => {
    const items = [item('a', 'published'), item('h', 'hidden', 0), item('b', 'published', 2)];
    const hidden = afterAction(items, buildStoryDto({ id: 'b', status: 'hidden' }));
    expect(sectionsOf(hidden).hidden.map((i) => [i.story.id, i.reportCount])).toEqual([
      ['b', 0],
      ['h', 0],
    ]);
    expect(sectionsOf(hidden).reported.map((i) => i.story.id)).toEqual(['a']);
    const restored = afterAction(items, buildStoryDto({ id: 'h', status: 'published' }));
    expect(restored.map((i) => i.story.id)).toEqual(['a', 'b']);
  });
});

describe('the correction form', () => {
  const story = buildStoryDto({ customerQuote: 'Thank you!' });

  it('starts from the story and needs a change and a note', () => {
    const values = correctionOf(story);
    expect(isChanged(values, story)).toBe(false);
    expect(checkCorrection(values)).toEqual({ note: { kind: 'required' } });
    const changed = { ...values, title: 'A coat for the cold road', note: 'Clearer title.' };
    expect(isChanged(changed, story)).toBe(true);
    expect(checkCorrection(changed)).toEqual({});
  });

  it('keeps the limits of a story', () => {
    const values = { ...correctionOf(story), note: 'n', title: 'ab', lesson: '' };
    expect(checkCorrection(values)).toEqual({
      title: { kind: 'tooShort', min: LIMITS.title.min },
      lesson: { kind: 'required' },
    });
    const long = { ...values, title: 'x'.repeat(LIMITS.title.max + 1), lesson: 'Notice.' };
    expect(checkCorrection(long)).toEqual({ title: { kind: 'tooLong', max: LIMITS.title.max } });
  });

  it('sends trimmed texts; an emptied quote is left out', () => {
    const values = { ...correctionOf(story), customerQuote: '  ', note: ' Removed the quote. ' };
    expect(isChanged(values, story)).toBe(true);
    expect(correctionInput(values)).toEqual({
      title: story.title,
      situation: story.situation,
      action: story.action,
      outcome: story.outcome,
      lesson: story.lesson,
      note: 'Removed the quote.',
    });
  });
});

describe('the report reason', () => {
  it('is required, within the API’s limits', () => {
    expect(checkReason('  ')).toEqual({ kind: 'required' });
    expect(checkReason('no')).toEqual({ kind: 'tooShort', min: LIMITS.reportReason.min });
    expect(checkReason('x'.repeat(LIMITS.reportReason.max + 1))).toEqual({
      kind: 'tooLong',
      max: LIMITS.reportReason.max,
    });
    expect(checkReason('It names a customer.')).toBeUndefined();
  });
});

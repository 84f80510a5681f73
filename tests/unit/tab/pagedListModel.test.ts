import { describe, expect, it } from 'vitest';
import { appendPage, prependItem, replaceItem } from '../../../src/tab/hooks/pagedListModel.js';
import { buildStoryDto } from './storyDto.js';

describe('paged list updates', () => {
  const a = buildStoryDto({ id: 'a' });
  const b = buildStoryDto({ id: 'b' });
  const c = buildStoryDto({ id: 'c' });

  it('appends a page without doubling a story already shown', () => {
    expect(appendPage([a, b], [b, c]).map((story) => story.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts the returned story in place of the shown one', () => {
    const withdrawn = { ...b, status: 'withdrawn' as const };
    const items = replaceItem([a, b, c], withdrawn);
    expect(items.map((story) => story.id)).toEqual(['a', 'b', 'c']);
    expect(items[1]).toBe(withdrawn);
    expect(replaceItem([a], c)).toEqual([a]);
  });

  it('puts a story just shared first, once', () => {
    expect(prependItem([a, b], c).map((story) => story.id)).toEqual(['c', 'a', 'b']);
    expect(prependItem([a, b], b).map((story) => story.id)).toEqual(['b', 'a']);
  });
});

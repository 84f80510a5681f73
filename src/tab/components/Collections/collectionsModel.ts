import type { StoryDto } from '../../../shared/dto.js';

/** `items` with the item at `index` moved by `by` places (−1 up, +1 down); unchanged at an end. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) {
    return [...items];
  }
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  if (item !== undefined) moved.splice(target, 0, item);
  return moved;
}

/** `stories` without the one of `id`. */
export function withoutStory(stories: readonly StoryDto[], id: string): StoryDto[] {
  return stories.filter((story) => story.id !== id);
}

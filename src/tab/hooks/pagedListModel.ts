/** Anything a paged list shows: it has an id, which no two items share. */
export interface Identified {
  id: string;
}

/** The next page after the items shown; an item already shown (the list moved) is not doubled. */
export function appendPage<T extends Identified>(items: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(items.map((item) => item.id));
  return [...items, ...page.filter((item) => !seen.has(item.id))];
}

/** The changed item (e.g. what the API returned after an action) in place of the one shown. */
export function replaceItem<T extends Identified>(items: readonly T[], item: T): T[] {
  return items.map((old) => (old.id === item.id ? item : old));
}

/** An item just added (e.g. a story just shared): the newest, so first, and only once. */
export function prependItem<T extends Identified>(items: readonly T[], item: T): T[] {
  return [item, ...items.filter((old) => old.id !== item.id)];
}

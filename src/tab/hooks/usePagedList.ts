import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { isAbort } from '../errors.js';
import { appendPage, prependItem, replaceItem, type Identified } from './pagedListModel.js';

/** One page of a list as the API answers it: the items and the cursor of the next page. */
export interface ListPage<T> {
  items: readonly T[];
  nextCursor: string | null;
}

/**
 * Reads one page: the first without a cursor, the next ones with the cursor the previous page
 * gave. Keep it stable (`useCallback`): a new function starts the list over.
 */
export type FetchPage<T> = (
  cursor: string | undefined,
  signal: AbortSignal,
) => Promise<ListPage<T>>;

/** What a paged view shows: the items so far, how the first page went, and "load more". */
export interface PagedList<T> {
  items: readonly T[];
  status: 'loading' | 'ready' | 'error';
  /** Why the first page failed. */
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last "load more" failed; the items already shown stay. */
  moreError: unknown;
  /** The first item the last "load more" added, where keyboard focus goes next. */
  firstNewId: string | undefined;
  loadMore: () => void;
  /** Reads the first page again. */
  retry: () => void;
  /** Puts a changed item (e.g. after a vote) in place of the old one. */
  replace: (item: T) => void;
  /** Adds an item at the top (e.g. a story just shared), once. */
  prepend: (item: T) => void;
}

export interface PagedListOptions<T = unknown> {
  /**
   * Keep showing the old items while a new first page loads (the wall, when a filter changes,
   * does not flash empty); otherwise the list starts empty.
   */
  keepWhileLoading?: boolean;
  /**
   * The first page, already at hand (the wall's, when it arrived before the first render): the
   * list starts ready with it and does not ask for it again.
   */
  initialPage?: ListPage<T> | undefined;
}

interface State<T> {
  items: readonly T[];
  nextCursor: string | null;
  status: PagedList<T>['status'];
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
  firstNewId: string | undefined;
}

interface Stored<T> extends State<T> {
  /** The request this state answered; null before the first answer. */
  request: object | null;
}

function initial<T>(items: readonly T[] = []): State<T> {
  return {
    items,
    nextCursor: null,
    status: 'loading',
    error: undefined,
    loadingMore: false,
    moreError: undefined,
    firstNewId: undefined,
  };
}

/**
 * A list read a page at a time with "load more" (the wall, my stories). A new `fetchPage` (other
 * filters) or `retry` starts over and aborts whatever was still loading, so an old answer never
 * overwrites a newer one; an item a later page repeats (the list moved meanwhile) is not doubled.
 */
export function usePagedList<T extends Identified>(
  fetchPage: FetchPage<T>,
  options: PagedListOptions<T> = {},
): PagedList<T> {
  const { keepWhileLoading = false, initialPage } = options;
  const [attempt, setAttempt] = useState(0);
  const request = useMemo(() => ({ fetchPage, attempt }), [fetchPage, attempt]);
  // What the last answer left, with the request it answered. While that is not the current
  // request, the list shows a fresh start instead (its old items if `keepWhileLoading`).
  const [stored, setState] = useState<Stored<T>>(() =>
    initialPage
      ? {
          ...initial(initialPage.items),
          nextCursor: initialPage.nextCursor,
          status: 'ready',
          request,
        }
      : { ...initial(), request: null },
  );
  // The request the initial page answers, which the first effect need not send.
  const answered = useRef<object | null>(initialPage ? request : null);
  const state: State<T> =
    stored.request === request ? stored : initial(keepWhileLoading ? stored.items : []);
  const { nextCursor } = state;
  const controller = useRef<AbortController | null>(null);
  // Set at once, so a second click before React re-renders asks for no second copy of a page.
  const pending = useRef(false);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    pending.current = false;
    if (answered.current === request) {
      answered.current = null;
      return () => abort.abort();
    }
    request.fetchPage(undefined, abort.signal).then(
      (page) => {
        // A request that cannot be aborted (a prefetched page) may still answer: drop it.
        if (abort.signal.aborted) return;
        setState({
          ...initial(page.items),
          nextCursor: page.nextCursor,
          status: 'ready',
          request,
        });
      },
      (error: unknown) => {
        if (abort.signal.aborted || isAbort(error)) return;
        setState({ ...initial(), status: 'error', error, request });
      },
    );
    return () => abort.abort();
  }, [request]);

  const loadMore = useCallback(() => {
    const signal = controller.current?.signal;
    if (!nextCursor || pending.current || !signal) return;
    pending.current = true;
    setState((previous) => ({ ...previous, loadingMore: true, moreError: undefined }));
    fetchPage(nextCursor, signal).then(
      (page) => {
        if (signal.aborted) return;
        pending.current = false;
        setState((previous) => {
          const items = appendPage(previous.items, page.items);
          return {
            ...previous,
            items,
            nextCursor: page.nextCursor,
            loadingMore: false,
            firstNewId: items[previous.items.length]?.id,
          };
        });
      },
      (error: unknown) => {
        if (signal.aborted || isAbort(error)) return;
        pending.current = false;
        setState((previous) => ({ ...previous, loadingMore: false, moreError: error }));
      },
    );
  }, [fetchPage, nextCursor]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const replace = useCallback((item: T) => {
    setState((previous) => ({ ...previous, items: replaceItem(previous.items, item) }));
  }, []);

  const prepend = useCallback((item: T) => {
    setState((previous) => ({ ...previous, items: prependItem(previous.items, item) }));
  }, []);

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    hasMore: state.nextCursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    firstNewId: state.firstNewId,
    loadMore,
    retry,
    replace,
    prepend,
  };
}

/**
 * Moves keyboard focus to the item "load more" just added (its element carries
 * `data-item-id`, and `tabIndex={-1}`), so a keyboard user goes on reading where the new
 * items start instead of at a button that moved below them.
 */
export function useFocusFirstNew(
  list: RefObject<HTMLElement | null>,
  firstNewId: string | undefined,
): void {
  useEffect(() => {
    if (!firstNewId) return;
    const item = list.current?.querySelector<HTMLElement>(
      `[data-item-id="${CSS.escape(firstNewId)}"]`,
    );
    item?.focus();
  }, [list, firstNewId]);
}

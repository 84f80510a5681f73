import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  useFocusFirstNew,
  usePagedList,
  type FetchPage,
  type ListPage,
} from '../../../src/tab/hooks/usePagedList.js';
import { deferred } from '../../support/deferred.js';

interface Item {
  id: string;
  label: string;
}

const item = (id: string, label = id): Item => ({ id, label });
const ids = (items: readonly Item[]) => items.map((entry) => entry.id);

/** Pages from a fixed list, two at a time, the cursor being the next index. */
function pagesOf(all: readonly Item[]) {
  return vi.fn<FetchPage<Item>>((cursor) => {
    const start = Number(cursor ?? 0);
    const end = start + 2;
    return Promise.resolve({
      items: all.slice(start, end),
      nextCursor: end < all.length ? String(end) : null,
    });
  });
}

describe('usePagedList', () => {
  it('reads the first page, then each next page with its cursor, until there is no more', async () => {
    const fetchPage = pagesOf([item('a'), item('b'), item('c'), item('d'), item('e')]);
    const { result } = renderHook(() => usePagedList(fetchPage));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(ids(result.current.items)).toEqual(['a', 'b']);
    expect(result.current.hasMore).toBe(true);

    act(() => result.current.loadMore());
    expect(result.current.loadingMore).toBe(true);
    await waitFor(() => expect(result.current.loadingMore).toBe(false));
    expect(ids(result.current.items)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.current.firstNewId).toBe('c');

    act(() => result.current.loadMore());
    await waitFor(() => expect(ids(result.current.items)).toEqual(['a', 'b', 'c', 'd', 'e']));
    expect(result.current.hasMore).toBe(false);
    expect(result.current.firstNewId).toBe('e');
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual([undefined, '2', '4']);
  });

  it('starts ready with a first page already at hand, asks only for the next ones, and for the first again on retry', async () => {
    const fetchPage = pagesOf([item('a'), item('b'), item('c')]);
    const initialPage = { items: [item('a'), item('b')], nextCursor: '2' };
    const { result } = renderHook(() => usePagedList(fetchPage, { initialPage }));
    // The first render already shows it: no loading state, no request.
    expect(result.current.status).toBe('ready');
    expect(ids(result.current.items)).toEqual(['a', 'b']);
    expect(fetchPage).not.toHaveBeenCalled();

    act(() => result.current.loadMore());
    await waitFor(() => expect(ids(result.current.items)).toEqual(['a', 'b', 'c']));
    act(() => result.current.retry());
    await waitFor(() => expect(ids(result.current.items)).toEqual(['a', 'b']));
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual(['2', undefined]);
  });

  it('does not double an item a later page repeats, nor ask twice for one page', async () => {
    const second = deferred<ListPage<Item>>();
    const fetchPage = vi.fn<FetchPage<Item>>((cursor) =>
      cursor
        ? second.promise
        : Promise.resolve({ items: [item('a'), item('b')], nextCursor: 'next' }),
    );
    const { result } = renderHook(() => usePagedList(fetchPage));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => {
      result.current.loadMore();
      result.current.loadMore();
    });
    expect(fetchPage).toHaveBeenCalledTimes(2);
    await act(async () => second.resolve({ items: [item('b'), item('c')], nextCursor: null }));
    expect(ids(result.current.items)).toEqual(['a', 'b', 'c']);
    expect(result.current.firstNewId).toBe('c');
  });

  it('starts over with a new fetchPage, and an older answer arriving late is dropped', async () => {
    const old = deferred<ListPage<Item>>();
    const oldFetch = vi.fn<FetchPage<Item>>(() => old.promise);
    const newFetch = pagesOf([item('new')]);
    const { result, rerender } = renderHook(({ fetchPage }) => usePagedList(fetchPage), {
      initialProps: { fetchPage: oldFetch },
    });
    const oldSignal = oldFetch.mock.calls[0]?.[1];
    rerender({ fetchPage: newFetch });
    expect(oldSignal?.aborted).toBe(true);
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(async () => old.resolve({ items: [item('old')], nextCursor: 'x' }));
    expect(ids(result.current.items)).toEqual(['new']);
    expect(result.current.hasMore).toBe(false);
  });

  it('keeps the items shown while a new first page loads, when asked to', async () => {
    const later = deferred<ListPage<Item>>();
    const first = pagesOf([item('a')]);
    const second = vi.fn<FetchPage<Item>>(() => later.promise);
    const { result, rerender } = renderHook(
      ({ fetchPage, keep }) => usePagedList(fetchPage, { keepWhileLoading: keep }),
      { initialProps: { fetchPage: first, keep: true } },
    );
    await waitFor(() => expect(result.current.status).toBe('ready'));
    rerender({ fetchPage: second, keep: true });
    expect(result.current.status).toBe('loading');
    expect(ids(result.current.items)).toEqual(['a']);
    await act(async () => later.resolve({ items: [item('b')], nextCursor: null }));
    expect(ids(result.current.items)).toEqual(['b']);
  });

  it('starts empty while loading again, by default', async () => {
    const { result, rerender } = renderHook(({ fetchPage }) => usePagedList(fetchPage), {
      initialProps: { fetchPage: pagesOf([item('a')]) },
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    rerender({ fetchPage: vi.fn<FetchPage<Item>>(() => new Promise(() => undefined)) });
    expect(result.current.items).toEqual([]);
  });

  it('reports a failed first page, and retry reads it again', async () => {
    const failure = new Error('down');
    const fetchPage = vi
      .fn<FetchPage<Item>>()
      .mockRejectedValueOnce(failure)
      .mockResolvedValue({ items: [item('a')], nextCursor: null });
    const { result } = renderHook(() => usePagedList(fetchPage));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBe(failure);
    act(() => result.current.retry());
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(ids(result.current.items)).toEqual(['a']);
  });

  it('keeps the items when "load more" fails, says why, and can try again', async () => {
    const failure = new Error('down');
    const fetchPage = vi
      .fn<FetchPage<Item>>()
      .mockResolvedValueOnce({ items: [item('a')], nextCursor: 'next' })
      .mockRejectedValueOnce(failure)
      .mockResolvedValueOnce({ items: [item('b')], nextCursor: null });
    const { result } = renderHook(() => usePagedList(fetchPage));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.moreError).toBe(failure));
    expect(result.current.loadingMore).toBe(false);
    expect(ids(result.current.items)).toEqual(['a']);
    act(() => result.current.loadMore());
    expect(result.current.moreError).toBeUndefined();
    await waitFor(() => expect(ids(result.current.items)).toEqual(['a', 'b']));
  });

  it('replaces a changed item in place and puts a new one first, once', async () => {
    const fetchPage = pagesOf([item('a'), item('b')]);
    const { result } = renderHook(() => usePagedList(fetchPage));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.replace(item('b', 'changed')));
    expect(result.current.items[1]?.label).toBe('changed');
    act(() => result.current.prepend(item('c')));
    act(() => result.current.prepend(item('c')));
    expect(ids(result.current.items)).toEqual(['c', 'a', 'b']);
  });
});

/** A list as the views draw one: items with `data-item-id`, and a "load more" button. */
function List({ fetchPage }: { fetchPage: FetchPage<Item> }) {
  const list = usePagedList(fetchPage);
  const ref = useRef<HTMLUListElement>(null);
  useFocusFirstNew(ref, list.firstNewId);
  return (
    <>
      <ul ref={ref}>
        {list.items.map((entry) => (
          <li key={entry.id} data-item-id={entry.id} tabIndex={-1}>
            {entry.label}
          </li>
        ))}
      </ul>
      {list.hasMore ? <button onClick={list.loadMore}>Load more</button> : null}
    </>
  );
}

describe('useFocusFirstNew', () => {
  it('moves focus from "load more" to the first item it added', async () => {
    const user = userEvent.setup();
    const fetchPage = pagesOf([item('a'), item('b'), item('c'), item('d'), item('e')]);
    render(<List fetchPage={fetchPage} />);
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('c'));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('e'));
  });
});

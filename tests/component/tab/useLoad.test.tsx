import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useLoad, type Read } from '../../../src/tab/hooks/useLoad.js';
import { deferred } from '../../support/deferred.js';

/** Reads answered by hand, one deferred per call, with the signal each was given. */
function manualReads<T>() {
  const calls: { answer: ReturnType<typeof deferred<T>>; signal: AbortSignal }[] = [];
  const read = vi.fn((signal: AbortSignal) => {
    const answer = deferred<T>();
    calls.push({ answer, signal });
    return answer.promise;
  });
  return { read, calls };
}

describe('useLoad', () => {
  it('shows loading, then the answer, numbered', async () => {
    const { read, calls } = manualReads<string>();
    const { result } = renderHook(() => useLoad(read));
    expect(result.current.load).toEqual({ state: 'loading' });
    await act(async () => calls[0]?.answer.resolve('first'));
    expect(result.current.load).toMatchObject({ state: 'ready', value: 'first', answer: 1 });
  });

  it('shows loading at once on reload, never the earlier answer as current', async () => {
    const { read, calls } = manualReads<string>();
    const { result } = renderHook(() => useLoad(read));
    await act(async () => calls[0]?.answer.resolve('first'));

    act(() => result.current.reload());
    // The render right after the reload: the answer held is for the earlier request.
    expect(result.current.load).toEqual({ state: 'loading' });
    expect(calls).toHaveLength(2);
    await act(async () => calls[1]?.answer.resolve('second'));
    expect(result.current.load).toMatchObject({ state: 'ready', value: 'second', answer: 2 });
  });

  it('aborts the request of a read that changed, and ignores its late answer', async () => {
    const first = manualReads<string>();
    const second = manualReads<string>();
    const { result, rerender } = renderHook(({ read }: { read: Read<string> }) => useLoad(read), {
      initialProps: { read: first.read },
    });
    rerender({ read: second.read });
    expect(first.calls[0]?.signal.aborted).toBe(true);

    await act(async () => first.calls[0]?.answer.resolve('stale'));
    expect(result.current.load).toEqual({ state: 'loading' });
    await act(async () => second.calls[0]?.answer.resolve('fresh'));
    expect(result.current.load).toMatchObject({ state: 'ready', value: 'fresh' });
  });

  it('reads again when the reload key from outside changes, and aborts the earlier read', async () => {
    const { read, calls } = manualReads<string>();
    const { result, rerender } = renderHook(
      ({ reloadKey }: { reloadKey: number }) => useLoad(read, reloadKey),
      { initialProps: { reloadKey: 0 } },
    );
    rerender({ reloadKey: 0 });
    expect(calls).toHaveLength(1);
    rerender({ reloadKey: 1 });
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(result.current.load).toEqual({ state: 'loading' });
    await act(async () => calls[1]?.answer.resolve('again'));
    expect(result.current.load).toMatchObject({ state: 'ready', value: 'again' });
  });

  it('reads nothing while the read is null, then reads once it is given', async () => {
    const { read, calls } = manualReads<string>();
    const { result, rerender } = renderHook(({ read }: { read: Read<string> }) => useLoad(read), {
      initialProps: { read: null as Read<string> },
    });
    expect(result.current.load).toEqual({ state: 'loading' });
    expect(calls).toHaveLength(0);
    rerender({ read });
    expect(calls).toHaveLength(1);
    await act(async () => calls[0]?.answer.resolve('now'));
    expect(result.current.load).toMatchObject({ state: 'ready', value: 'now' });
  });

  it('shows an error, and a retry that answers replaces it', async () => {
    const { read, calls } = manualReads<string>();
    const { result } = renderHook(() => useLoad(read));
    const failure = new Error('down');
    await act(async () => calls[0]?.answer.reject(failure));
    expect(result.current.load).toEqual({ state: 'error', error: failure });

    act(() => result.current.reload());
    await act(async () => calls[1]?.answer.resolve('back'));
    expect(result.current.load).toMatchObject({ state: 'ready', value: 'back' });
  });

  it('updates the answer in place with a new number, and never a request still loading', async () => {
    const { read, calls } = manualReads<number[]>();
    const { result } = renderHook(() => useLoad(read));
    act(() => result.current.update((list) => [...list, 9]));
    expect(result.current.load).toEqual({ state: 'loading' });

    await act(async () => calls[0]?.answer.resolve([1, 2]));
    act(() => result.current.update((list) => [...list, 3]));
    expect(result.current.load).toMatchObject({ state: 'ready', value: [1, 2, 3], answer: 2 });
  });

  it('numbers answers on after an error, so a new answer never repeats an earlier number', async () => {
    const { read, calls } = manualReads<string>();
    const { result } = renderHook(() => useLoad(read));
    await act(async () => calls[0]?.answer.resolve('one'));
    act(() => result.current.reload());
    await act(async () => calls[1]?.answer.reject(new Error('down')));
    act(() => result.current.reload());
    await act(async () => calls[2]?.answer.resolve('two'));
    await waitFor(() => expect(result.current.load).toMatchObject({ answer: 2, value: 'two' }));
  });
});

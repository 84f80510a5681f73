import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../errors.js';

/**
 * What a view shows while it reads one answer of the API: a spinner, an error, or the answer
 * (with when it came, the "now" its relative times are measured from).
 */
export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; value: T; loadedAt: number };

/**
 * Reads `read` when mounted, again on `reload` and whenever `read` changes (keep it stable with
 * `useCallback`); the request of a view that closed or moved on is aborted. `update` changes the
 * answer in place after a change the API confirmed (an answer too, so it is "now" again), and the
 * list keeps its rows and its focus.
 */
export function useLoad<T>(read: (signal: AbortSignal) => Promise<T>) {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const update = useCallback((change: (value: T) => T) => {
    const loadedAt = Date.now();
    setLoad((current) =>
      current.state === 'ready'
        ? { state: 'ready', value: change(current.value), loadedAt }
        : current,
    );
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ state: 'loading' });
    read(abort.signal).then(
      (value) => setLoad({ state: 'ready', value, loadedAt: Date.now() }),
      (error: unknown) => {
        if (!isAbort(error)) setLoad({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [read, generation]);

  return { load, reload, update };
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import { isAbort } from '../errors.js';

/**
 * What a view shows while it reads one answer of the API: a spinner, an error, or the answer
 * (with when it came, the "now" its relative times are measured from, and `answer`, which counts
 * the values this view has held — a new one on every read and every `update`).
 */
export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; value: T; loadedAt: number; answer: number };

/** A read of the API: `null` while there is nothing to read yet (no user, a closed panel). */
export type Read<T> = ((signal: AbortSignal) => Promise<T>) | null;

const LOADING = { state: 'loading' } as const;

/**
 * Reads `read` when mounted, again on `reload` and whenever `read` changes (keep it stable with
 * `useCallback`) or `reloadKey` does (a reload asked for from outside the view); the request of
 * a view that closed or moved on is aborted, and its answer, should it still come, is not shown. `update` changes the answer in place after a change the API
 * confirmed (an answer too, so it is "now" again), and the list keeps its rows and its focus.
 *
 * "Loading" is not a state set when a read starts: it is what the view shows while the answer it
 * holds belongs to an earlier request, so a render never shows a stale answer as current.
 */
export function useLoad<T>(read: Read<T>, reloadKey = 0) {
  const [generation, setGeneration] = useState(0);
  const request = useMemo(() => ({ read, generation, reloadKey }), [read, generation, reloadKey]);
  // `answers` counts every value held, across errors too, so `answer` never repeats.
  const [settled, setSettled] = useState<{ request: object; load: Load<T>; answers: number }>();
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const update = useCallback((change: (value: T) => T) => {
    const loadedAt = Date.now();
    setSettled((current) =>
      current?.load.state === 'ready'
        ? {
            request: current.request,
            load: {
              state: 'ready',
              value: change(current.load.value),
              loadedAt,
              answer: current.answers + 1,
            },
            answers: current.answers + 1,
          }
        : current,
    );
  }, []);

  useEffect(() => {
    if (!request.read) return;
    const abort = new AbortController();
    request.read(abort.signal).then(
      (value) =>
        setSettled((current) => {
          const answers = (current?.answers ?? 0) + 1;
          return {
            request,
            load: { state: 'ready', value, loadedAt: Date.now(), answer: answers },
            answers,
          };
        }),
      (error: unknown) => {
        if (isAbort(error)) return;
        setSettled((current) => ({
          request,
          load: { state: 'error', error },
          answers: current?.answers ?? 0,
        }));
      },
    );
    return () => abort.abort();
  }, [request]);

  const load: Load<T> = settled?.request === request ? settled.load : LOADING;
  return { load, reload, update };
}

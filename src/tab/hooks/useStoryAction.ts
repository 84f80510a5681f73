import { useState } from 'react';
import type { StoryDto } from '../../shared/dto.js';
import { ApiError } from '../api/client.js';
import { errorKey, type ErrorKey } from '../errors.js';

/**
 * An action on one story of a list (withdraw, archive, hide, …), asked to be confirmed first:
 * which one waits for confirmation, whether a request runs, and what went wrong. A story changed
 * meanwhile by someone else (a conflict or a transition no longer allowed) shows `staleKey`.
 */
export function useStoryAction<Action extends string, StaleKey extends string>(staleKey: StaleKey) {
  const [confirm, setConfirm] = useState<Action | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorKey | StaleKey | undefined>();

  /** Runs `call`; on success `done` gets the story the API returned, else `stale` says if it moved. */
  async function run(
    call: () => Promise<StoryDto>,
    done: (story: StoryDto) => void,
    stale?: () => void,
  ): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      done(await call());
    } catch (failure) {
      const moved =
        failure instanceof ApiError &&
        (failure.code === 'illegal_transition' || failure.code === 'conflict');
      setError(moved ? staleKey : errorKey(failure));
      if (moved) stale?.();
    } finally {
      setBusy(false);
      setConfirm(undefined);
    }
  }

  return { confirm, setConfirm, busy, error, run };
}

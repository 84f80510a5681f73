import { useCallback, useEffect, useRef, useState } from 'react';
import type { SettingsDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';

export type SettingsLoad =
  | { state: 'loading' }
  /** `generation` counts the documents read, so an editor can start over on each. */
  | { state: 'ready'; settings: SettingsDto; generation: number }
  | { state: 'error'; error: unknown };

/** The settings document (`GET /api/settings`); `reload` reads it again, `replace` after a save. */
export function useSettings(api: ApiClient): {
  load: SettingsLoad;
  reload: () => void;
  replace: (settings: SettingsDto) => void;
} {
  const [load, setLoad] = useState<SettingsLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ state: 'loading' });
    api.settings(abort.signal).then(
      (settings) => {
        generation.current += 1;
        setLoad({ state: 'ready', settings, generation: generation.current });
      },
      (error: unknown) => {
        if (!isAbort(error)) setLoad({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((settings: SettingsDto) => {
    generation.current += 1;
    setLoad({ state: 'ready', settings, generation: generation.current });
  }, []);
  return { load, reload, replace };
}

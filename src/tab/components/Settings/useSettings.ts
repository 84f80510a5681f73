import { useCallback } from 'react';
import type { SettingsDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';

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
  const read = useCallback((signal: AbortSignal) => api.settings(signal), [api]);
  const { load, reload, update } = useLoad(read);
  const replace = useCallback((settings: SettingsDto) => update(() => settings), [update]);
  return {
    load:
      load.state === 'ready'
        ? { state: 'ready', settings: load.value, generation: load.answer }
        : load,
    reload,
    replace,
  };
}

import { createContext, useContext } from 'react';
import type { LocaleDto, MeDto } from '../shared/dto.js';
import type { ApiClient } from './api/client.js';

/** What every view of the tab may need: the API, who the user is, and the UI language. */
export interface AppContextValue {
  api: ApiClient;
  /** Undefined while `/api/me` is on its way: the wall loads in parallel with it. */
  me: MeDto | undefined;
  language: LocaleDto;
  inTeams: boolean;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext outside <AppContext.Provider>');
  return value;
}

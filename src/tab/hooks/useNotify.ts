import { createContext, useContext } from 'react';

/** A toast to show; texts come already localized from the caller. */
export interface Notice {
  title: string;
  body?: string;
  intent: 'success' | 'error' | 'info' | 'warning';
}

/**
 * Toasts are only raised after actions in the lazy dialogs, so the Toaster itself is loaded on
 * the first notice instead of being part of the first paint (see `App` and `Notifications`).
 */
export const NotifyContext = createContext<(notice: Notice) => void>(() => undefined);

export function useNotify(): (notice: Notice) => void {
  return useContext(NotifyContext);
}

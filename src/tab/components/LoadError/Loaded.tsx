import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Load } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { LoadError } from './LoadError.js';

export interface LoadedProps<T> {
  /** The read, as `useLoad` tells it. */
  load: Load<T>;
  /** Said beside the spinner while it loads ("Loading webhooks…"). */
  loading: MessageKey;
  /** What could not be loaded, in words (`LoadError`'s message). */
  loadError: MessageKey;
  onRetry: () => void;
  testIds: { readonly loading: string; readonly error: string };
  spinnerSize?: 'small';
  /** What the loaded value shows, its empty state included; `loaded` says when it was read. */
  children: (value: T, loaded: Extract<Load<T>, { state: 'ready' }>) => ReactNode;
}

/**
 * A view's three states: a spinner while it loads, what failed with a way to try again, and what
 * was loaded — the one way the tab's lists and panels show them.
 */
export function Loaded<T>({
  load,
  loading,
  loadError,
  onRetry,
  testIds,
  spinnerSize,
  children,
}: LoadedProps<T>) {
  const t = useT();
  if (load.state === 'loading') {
    return (
      <Spinner
        {...(spinnerSize ? { size: spinnerSize } : {})}
        label={t(loading)}
        data-testid={testIds.loading}
      />
    );
  }
  if (load.state === 'error') {
    return (
      <LoadError message={loadError} error={load.error} onRetry={onRetry} testId={testIds.error} />
    );
  }
  return <>{children(load.value, load)}</>;
}

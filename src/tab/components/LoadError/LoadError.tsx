import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { errorKey } from '../../errors.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';

export interface LoadErrorProps {
  /** What could not be loaded, in words ("The webhooks could not be loaded."). */
  message: MessageKey;
  /** The failure, said as the API's error code tells it. */
  error: unknown;
  onRetry: () => void;
  testId: string;
  /** False when `message` already says why (e.g. "This collection does not exist."). */
  showReason?: boolean;
}

/** The one "could not load" state of a view or list: what failed, why, and a way to try again. */
export function LoadError({ message, error, onRetry, testId, showReason = true }: LoadErrorProps) {
  const t = useT();
  return (
    <MessageBar intent="error" data-testid={testId}>
      <MessageBarBody>
        {t(message)}
        {showReason ? ` ${t(errorKey(error))}` : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { errorKey } from '../../errors.js';
import { useT } from '../../hooks/useT.js';

export interface StartErrorProps {
  error: unknown;
  className: string;
  /** Starts over both who the user is and the wall. */
  onRetry: () => void;
}

/** The tab could not find out who the user is: why, and the page's one retry. */
export function StartError({ error, className, onRetry }: StartErrorProps) {
  const t = useT();
  return (
    <MessageBar intent="error" className={className} data-testid="app-error">
      <MessageBarBody>
        {t('app.startFailed')} {t(errorKey(error))}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

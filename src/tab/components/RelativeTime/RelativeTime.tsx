import { Tooltip } from '@fluentui/react-components';
import { useAppContext } from '../../appContext.js';
import { formatDateTime, formatRelative } from '../../format.js';
import { useRelativeTimeStyles } from './RelativeTime.styles.js';

export interface RelativeTimeProps {
  /** ISO 8601 instant. */
  at: string;
  /** The moment "now" is, so every time in one list is measured from the same instant. */
  now: number;
  'data-testid'?: string;
}

/**
 * "3 hours ago", with the exact date and time on hover and on keyboard focus (a tooltip, and the
 * `dateTime` attribute for assistive technology).
 */
export function RelativeTime({ at, now, 'data-testid': testId }: RelativeTimeProps) {
  const styles = useRelativeTimeStyles();
  const { language } = useAppContext();
  const exact = formatDateTime(at, language);
  return (
    <Tooltip content={exact} relationship="description" withArrow>
      <time className={styles.root} dateTime={at} tabIndex={0} data-testid={testId}>
        {formatRelative(at, language, now)}
      </time>
    </Tooltip>
  );
}

import { Button, MessageBar, MessageBarBody, Spinner, useId } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DelegationDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { useDelegationStyles } from './Delegation.styles.js';
import { delegationRows } from './delegationModel.js';

export interface AllDelegationsProps {
  /** Every delegation of the tenant, as `GET /api/delegations` gives it to an admin. */
  items: readonly DelegationDto[];
  nameOf: (id: string) => string;
  onBusyChange: (busy: boolean) => void;
  /** The delegation of `userId` was ended. */
  onEnded: (userId: string) => void;
}

/** For admins: every delegation in force or planned, each with "End". */
export function AllDelegations({ items, nameOf, onBusyChange, onEnded }: AllDelegationsProps) {
  const styles = useDelegationStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const notify = useNotify();
  const headingId = useId('delegation-all');
  const heading = useRef<HTMLHeadingElement>(null);
  const [ending, setEnding] = useState<string | undefined>();
  const [error, setError] = useState<{ name: string; key: ErrorKey } | undefined>();
  const rows = delegationRows(items, new Date(), nameOf, language);

  async function end(userId: string, name: string) {
    if (ending) return;
    setEnding(userId);
    onBusyChange(true);
    setError(undefined);
    try {
      await api.clearDelegation(userId);
      notify({ title: t('delegation.all.ended', { name }), intent: 'success' });
      onEnded(userId);
      // The row and its button are gone: keep the keyboard in the list.
      heading.current?.focus();
    } catch (failure) {
      setError({ name, key: errorKey(failure) });
    } finally {
      setEnding(undefined);
      onBusyChange(false);
    }
  }

  return (
    <section className={styles.all} aria-labelledby={headingId} data-testid="delegation-all">
      <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.formHeading}>
        {t('delegation.all.heading')}
      </h3>
      {error ? (
        <MessageBar intent="error" data-testid="delegation-all-error">
          <MessageBarBody>
            {t('delegation.all.endError', { name: error.name })} {t(error.key)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {rows.length === 0 ? (
        <p className={styles.intro} data-testid="delegation-all-empty">
          {t('delegation.all.empty')}
        </p>
      ) : (
        <ul className={styles.list}>
          {rows.map((row) => (
            <li
              key={row.userId}
              className={styles.row}
              data-testid="delegation-all-row"
              data-user-id={row.userId}
              data-planned={row.planned}
            >
              <span className={styles.rowText}>
                {t('delegation.all.row', {
                  away: row.awayName,
                  delegate: row.delegateName,
                  date: formatDate(row.lastMoment, language),
                })}
                {row.planned
                  ? ` ${t('delegation.all.starts', { date: formatDateTime(row.from, language) })}`
                  : null}
              </span>
              <Button
                size="small"
                disabledFocusable={ending !== undefined}
                icon={ending === row.userId ? <Spinner size="tiny" /> : null}
                aria-label={t('delegation.all.endLabel', { name: row.awayName })}
                onClick={() => void end(row.userId, row.awayName)}
                data-testid={`delegation-end-${row.userId}`}
              >
                {t('delegation.all.end')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

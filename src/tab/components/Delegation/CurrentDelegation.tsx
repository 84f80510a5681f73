import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DelegationDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { lastMomentOf } from './delegationModel.js';

export interface CurrentDelegationProps {
  current: DelegationDto | undefined;
  nameOf: (id: string) => string;
  onBusyChange: (busy: boolean) => void;
  onCleared: () => void;
}

/** The delegation in force (or planned): to whom, until when, and "I'm back" to end it. */
export function CurrentDelegation({
  current,
  nameOf,
  onBusyChange,
  onCleared,
}: CurrentDelegationProps) {
  const t = useT();
  const { api, language } = useAppContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorKey | undefined>();
  // "Now" as of when the delegation was shown; rendering again must not read the clock.
  const [shownAt] = useState(() => Date.now());

  async function clear() {
    setBusy(true);
    onBusyChange(true);
    setError(undefined);
    try {
      await api.clearDelegation();
      notify({ title: t('delegation.cleared'), intent: 'success' });
      onCleared();
    } catch (failure) {
      setError(errorKey(failure));
    } finally {
      setBusy(false);
      onBusyChange(false);
    }
  }

  if (!current) {
    return (
      <MessageBar intent="info" data-testid="delegation-none">
        <MessageBarBody>{t('delegation.none')}</MessageBarBody>
      </MessageBar>
    );
  }

  const starts = new Date(current.from).getTime() > shownAt;
  return (
    <>
      <MessageBar intent="warning" layout="multiline" data-testid="delegation-current">
        <MessageBarBody>
          {t('delegation.current', {
            name: nameOf(current.delegateId),
            date: formatDate(lastMomentOf(current.until), language),
          })}
          {starts
            ? ` ${t('delegation.startsAt', { date: formatDateTime(current.from, language) })}`
            : null}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            disabled={busy}
            icon={busy ? <Spinner size="tiny" /> : null}
            onClick={() => void clear()}
            data-testid="delegation-clear"
          >
            {t('delegation.clear')}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {error ? (
        <MessageBar intent="error" data-testid="delegation-clear-error">
          <MessageBarBody>{t(error)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

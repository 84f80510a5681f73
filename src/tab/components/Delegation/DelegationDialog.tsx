import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey } from '../../errors.js';
import { useKnownPeople } from '../../hooks/useKnownPeople.js';
import { useT } from '../../hooks/useT.js';
import { CurrentDelegation } from './CurrentDelegation.js';
import { useDelegationStyles } from './Delegation.styles.js';
import { DelegationForm } from './DelegationForm.js';
import { useDelegation } from './useDelegation.js';

export interface DelegationDialogProps {
  onClose: () => void;
}

/**
 * "I'm away": while I am away, stories routed to me go to the person I choose. Shows the one I
 * have set, lets me end it, or set (replace) it with a delegate and a last day away.
 */
export function DelegationDialog({ onClose }: DelegationDialogProps) {
  const styles = useDelegationStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const { delegation, setCurrent, retry } = useDelegation(api, me?.id);
  const known = useKnownPeople(api);
  // Names of the people picked here, for ids the list of known people does not have.
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const nameOf = (id: string) => picked.get(id) ?? known.get(id) ?? id;
  const [busy, setBusy] = useState(false);

  function remember(person: PersonDto) {
    setPicked((previous) => new Map(previous).set(person.id, person.displayName));
  }

  return (
    <Dialog open onOpenChange={(_, data) => (data.open || busy ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="delegation-dialog">
        <DialogBody>
          <DialogTitle>{t('delegation.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>{t('delegation.intro')}</p>
            {delegation.state === 'loading' ? (
              <Spinner label={t('delegation.loading')} />
            ) : delegation.state === 'error' ? (
              <MessageBar intent="error">
                <MessageBarBody>
                  {t('delegation.error')} {t(errorKey(delegation.error))}
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={retry}>{t('app.retry')}</Button>
                </MessageBarActions>
              </MessageBar>
            ) : (
              <>
                <CurrentDelegation
                  current={delegation.current}
                  nameOf={nameOf}
                  onBusyChange={setBusy}
                  onCleared={() => setCurrent(undefined)}
                />
                <DelegationForm
                  replacing={delegation.current !== undefined}
                  onBusyChange={setBusy}
                  onPicked={remember}
                  onSaved={setCurrent}
                />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="secondary"
              disabled={busy}
              onClick={onClose}
              data-testid="delegation-close"
            >
              {t('delegation.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

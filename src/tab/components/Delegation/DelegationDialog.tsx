import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useKnownPeople } from '../../hooks/useKnownPeople.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { AllDelegations } from './AllDelegations.js';
import { CurrentDelegation } from './CurrentDelegation.js';
import { useDelegationStyles } from './Delegation.styles.js';
import { DelegationForm } from './DelegationForm.js';
import { isActive } from './delegationModel.js';
import { useDelegation } from './useDelegation.js';

export interface DelegationDialogProps {
  onClose: () => void;
}

/**
 * "I'm away": while I am away, stories routed to me go to the person I choose. Shows the one I
 * have set, lets me end it, or set (replace) it with a delegate and a last day away. An admin
 * also sees everyone's delegations, can end any of them, and can set one for anyone.
 */
export function DelegationDialog({ onClose }: DelegationDialogProps) {
  const styles = useDelegationStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const { delegation, saved, ended, retry } = useDelegation(api, me?.id);
  const isAdmin = me?.roles.includes('admin') ?? false;
  const known = useKnownPeople(api);
  // Names of the people picked here, for ids the list of known people does not have.
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const nameOf = (id: string) =>
    picked.get(id) ?? known.get(id) ?? (id === me?.id ? me.displayName : id);
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
              <LoadError
                message="delegation.error"
                error={delegation.error}
                onRetry={retry}
                testId="delegation-error"
              />
            ) : (
              <>
                <CurrentDelegation
                  current={delegation.current}
                  nameOf={nameOf}
                  onBusyChange={setBusy}
                  onCleared={() => {
                    if (me) ended(me.id);
                  }}
                />
                <DelegationForm
                  isSet={(userId) =>
                    userId === me?.id
                      ? delegation.current !== undefined
                      : delegation.items.some((d) => d.userId === userId && isActive(d, new Date()))
                  }
                  choosesAway={isAdmin}
                  onBusyChange={setBusy}
                  onPicked={remember}
                  onSaved={saved}
                />
                {isAdmin ? (
                  <AllDelegations
                    items={delegation.items}
                    nameOf={nameOf}
                    onBusyChange={setBusy}
                    onEnded={ended}
                  />
                ) : null}
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

import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ErasureReceiptDto, PersonDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey } from '../../errors.js';
import { useNotify } from '../../hooks/useNotify.js';
import { FormDialogActions } from '../FormDialogActions/FormDialogActions.js';
import { useT } from '../../hooks/useT.js';
import { PeoplePicker } from '../PeoplePicker/PeoplePicker.js';
import { ErasureReceipt } from './ErasureReceipt.js';
import { usePrivacyDataStyles } from './PrivacyData.styles.js';
import { confirmsErasure } from './privacyDataModel.js';

export interface ErasePersonDialogProps {
  onClose: () => void;
}

/**
 * "Erase a person" (admins, from Settings): choose the person, type their name to confirm, and
 * read the receipt of what was erased where. The request can be sent again after a failure: the
 * erasure carries on where it stopped, and a finished one answers the same receipt.
 */
export function ErasePersonDialog({ onClose }: ErasePersonDialogProps) {
  const styles = usePrivacyDataStyles();
  const t = useT();
  const notify = useNotify();
  const { api } = useAppContext();
  const [person, setPerson] = useState<PersonDto | undefined>();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [receipt, setReceipt] = useState<ErasureReceiptDto | undefined>();
  const confirmed = confirmsErasure(typed, person);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person || !confirmed || busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const erased = await api.erasePerson(person.id);
      setReceipt(erased);
      notify({ title: t('privacyData.erase.done'), intent: 'success' });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, data) => (data.open || busy ? undefined : onClose())}
    >
      <DialogSurface className={styles.surface} data-testid="erase-person">
        <form onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>{t('privacyData.erase.heading')}</DialogTitle>
            <DialogContent className={styles.content}>
              {receipt ? (
                <ErasureReceipt receipt={receipt} />
              ) : (
                <>
                  <p className={styles.intro}>{t('privacyData.erase.intro')}</p>
                  <Field label={t('privacyData.erase.person')} required>
                    <PeoplePicker
                      value={person}
                      onChange={(chosen) => {
                        setPerson(chosen);
                        setTyped('');
                      }}
                      disabled={busy}
                      testId="erase-person-picker"
                    />
                  </Field>
                  <Field
                    label={t('privacyData.erase.confirmLabel')}
                    {...(person
                      ? { hint: t('privacyData.erase.confirmHint', { name: person.displayName }) }
                      : {})}
                    required
                  >
                    <Input
                      value={typed}
                      disabled={busy || !person}
                      autoComplete="off"
                      onChange={(_, data) => setTyped(data.value)}
                      data-testid="erase-person-confirm"
                    />
                  </Field>
                </>
              )}
            </DialogContent>
            {receipt ? (
              <DialogActions>
                <Button appearance="primary" onClick={onClose} data-testid="erase-person-close">
                  {t('privacyData.erase.close')}
                </Button>
              </DialogActions>
            ) : (
              <FormDialogActions
                cancelLabel={t('privacyData.erase.cancel')}
                submitLabel={t('privacyData.erase.submit')}
                busyLabel={t('privacyData.erase.erasing')}
                busy={busy}
                blocked={!confirmed}
                onCancel={onClose}
                error={
                  failure !== undefined
                    ? `${t('privacyData.erase.failed')} ${t(errorKey(failure))}`
                    : undefined
                }
                testIdPrefix="erase-person"
              />
            )}
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

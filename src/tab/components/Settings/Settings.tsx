import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useState } from 'react';
import type { PersonDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useKnownPeople } from '../../hooks/useKnownPeople.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { SettingsEditor } from './SettingsEditor.js';

// Rarely used, by admins only: their own chunks, fetched when opened.
const ErasePersonDialog = lazy(() =>
  import('../PrivacyData/ErasePersonDialog.js').then((m) => ({ default: m.ErasePersonDialog })),
);
const ApiKeysDialog = lazy(() =>
  import('../ApiKeys/ApiKeysDialog.js').then((m) => ({ default: m.ApiKeysDialog })),
);
const WebhooksDialog = lazy(() =>
  import('../Webhooks/WebhooksDialog.js').then((m) => ({ default: m.WebhooksDialog })),
);
import { useSettingsStyles } from './Settings.styles.js';
import { useSettings } from './useSettings.js';

export interface SettingsProps {
  onClose: () => void;
}

/**
 * Settings (admins): the approval policy and the role grants, read and saved as one document.
 * The editor starts over from every document read (after a save, or a reload after a conflict).
 */
export function Settings({ onClose }: SettingsProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const { api } = useAppContext();
  const { load, reload, replace } = useSettings(api);
  const known = useKnownPeople(api);
  // Names of people picked while editing, for ids the list of known people does not have.
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [keys, setKeys] = useState(false);
  const [webhooks, setWebhooks] = useState(false);
  // Closing the webhooks puts focus back on "Webhooks…".
  const restoreFocus = useRestoreFocusTarget();
  const nameOf = useCallback(
    (id: string) => picked.get(id) ?? known.get(id) ?? id,
    [picked, known],
  );
  const remember = useCallback((person: PersonDto) => {
    setPicked((previous) => new Map(previous).set(person.id, person.displayName));
  }, []);

  const close = (
    <Button appearance="secondary" disabled={busy} onClick={onClose} data-testid="settings-close">
      {t('settings.close')}
    </Button>
  );

  return (
    <Dialog open onOpenChange={(_, data) => (data.open || busy ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="settings">
        <DialogBody>
          <DialogTitle
            action={
              <span>
                <Button
                  appearance="subtle"
                  disabled={busy}
                  onClick={() => setKeys(true)}
                  data-testid="api-keys-open"
                >
                  {t('apiKeys.open')}
                </Button>
                <Button
                  {...restoreFocus}
                  appearance="subtle"
                  aria-haspopup="dialog"
                  disabled={busy}
                  onClick={() => setWebhooks(true)}
                  data-testid="webhooks-open"
                >
                  {t('webhooks.open')}
                </Button>
                <Button
                  appearance="subtle"
                  disabled={busy}
                  onClick={() => setErasing(true)}
                  data-testid="erase-person-open"
                >
                  {t('privacyData.erase.open')}
                </Button>
              </span>
            }
          >
            {t('settings.heading')}
          </DialogTitle>
          {load.state === 'ready' ? (
            <SettingsEditor
              key={load.generation}
              settings={load.settings}
              nameOf={nameOf}
              onPicked={remember}
              onSaved={replace}
              onReload={reload}
              onBusyChange={setBusy}
              closeButton={close}
            />
          ) : (
            <>
              <DialogContent className={styles.content}>
                {load.state === 'loading' ? (
                  <Spinner label={t('settings.loading')} data-testid="settings-loading" />
                ) : (
                  <LoadError
                    message="settings.loadError"
                    error={load.error}
                    onRetry={reload}
                    testId="settings-load-error"
                  />
                )}
              </DialogContent>
              <DialogActions>{close}</DialogActions>
            </>
          )}
        </DialogBody>
        {keys ? (
          <Suspense fallback={null}>
            <ApiKeysDialog onClose={() => setKeys(false)} />
          </Suspense>
        ) : null}
        {webhooks ? (
          <Suspense fallback={null}>
            <WebhooksDialog onClose={() => setWebhooks(false)} />
          </Suspense>
        ) : null}
        {erasing ? (
          <Suspense fallback={null}>
            <ErasePersonDialog onClose={() => setErasing(false)} />
          </Suspense>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

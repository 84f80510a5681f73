import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import {
  API_KEY_SCOPES,
  LIMITS,
  type ApiKeyDto,
  type ApiKeyScopeDto,
  type NewApiKeyDto,
} from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDate } from '../../format.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { Loaded } from '../LoadError/Loaded.js';
import { ShownOnce } from '../ShownOnce/ShownOnce.js';

/** Each scope in words (i18next reads `:` in a key as a namespace, so not by the scope itself). */
const SCOPE_LABELS: Record<ApiKeyScopeDto, MessageKey> = {
  'stories:read': 'apiKeys.scopeRead',
  'stories:write': 'apiKeys.scopeWrite',
  'webhooks:manage': 'apiKeys.scopeWebhooks',
};

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scopes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export interface ApiKeysDialogProps {
  onClose: () => void;
}

/**
 * API keys (admins), for server-to-server callers such as a feedback form or Power Automate:
 * create one with a name and its scopes (the key is shown this once, to copy), see each key's
 * last use, and revoke one after confirming.
 */
export function ApiKeysDialog({ onClose }: ApiKeysDialogProps) {
  const styles = useStyles();
  const t = useT();
  const notify = useNotify();
  const { api, language } = useAppContext();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScopeDto[]>(['stories:write']);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<NewApiKeyDto | undefined>();
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const [revoking, setRevoking] = useState<ApiKeyDto | undefined>();
  const read = useCallback((signal: AbortSignal) => api.apiKeys(signal), [api]);
  const { load, reload } = useLoad(read);

  const trimmed = name.trim();
  const ready = trimmed.length >= LIMITS.apiKeyName.min && scopes.length > 0 && !busy;

  async function create() {
    if (!ready) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setCreated(await api.createApiKey({ name: trimmed, scopes }));
      setName('');
      reload();
    } catch (error) {
      setFailure(errorKey(error));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(key: ApiKeyDto) {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.revokeApiKey(key.id);
      if (created?.id === key.id) setCreated(undefined);
      notify({ title: t('apiKeys.revoked', { name: key.name }), intent: 'success' });
      reload();
    } catch (error) {
      setFailure(errorKey(error));
    } finally {
      setBusy(false);
      setRevoking(undefined);
    }
  }

  function toggle(scope: ApiKeyScopeDto, on: boolean) {
    setScopes((current) =>
      on
        ? API_KEY_SCOPES.filter((s) => s === scope || current.includes(s))
        : current.filter((s) => s !== scope),
    );
  }

  return (
    <Dialog open onOpenChange={(_, data) => (data.open || busy ? undefined : onClose())}>
      <DialogSurface data-testid="api-keys">
        <DialogBody>
          <DialogTitle>{t('apiKeys.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p>{t('apiKeys.intro')}</p>
            <div className={styles.form}>
              <Field label={t('apiKeys.name')} hint={t('apiKeys.nameHint')}>
                <Input
                  value={name}
                  maxLength={LIMITS.apiKeyName.max}
                  onChange={(_, data) => setName(data.value)}
                  data-testid="api-key-name"
                />
              </Field>
              <div className={styles.scopes} role="group" aria-label={t('apiKeys.scopes')}>
                {API_KEY_SCOPES.map((scope) => (
                  <Checkbox
                    key={scope}
                    label={t(SCOPE_LABELS[scope])}
                    checked={scopes.includes(scope)}
                    onChange={(_, data) => toggle(scope, data.checked === true)}
                    data-testid={`api-key-scope-${scope}`}
                  />
                ))}
              </div>
              <div>
                <Button
                  appearance="primary"
                  disabledFocusable={!ready}
                  icon={busy ? <Spinner size="tiny" /> : null}
                  onClick={() => void create()}
                  data-testid="api-key-create"
                >
                  {t('apiKeys.create')}
                </Button>
              </div>
            </div>

            {created ? (
              <ShownOnce
                title={t('apiKeys.created', { name: created.name })}
                value={created.key}
                valueLabel="apiKeys.keyLabel"
                copy="apiKeys.copy"
                copied="apiKeys.copied"
                copyFailed="apiKeys.copyFailed"
                testIds={{ bar: 'api-key-created', value: 'api-key-value', copy: 'api-key-copy' }}
              />
            ) : null}
            {failure ? (
              <MessageBar intent="error" data-testid="api-keys-error">
                <MessageBarBody>{t(failure)}</MessageBarBody>
              </MessageBar>
            ) : null}

            <Loaded
              load={load}
              loading="apiKeys.loading"
              loadError="apiKeys.loadError"
              onRetry={reload}
              testIds={{ loading: 'api-keys-loading', error: 'api-keys-load-error' }}
            >
              {(value) =>
                value.items.length === 0 ? (
                  <p data-testid="api-keys-empty">{t('apiKeys.empty')}</p>
                ) : (
                  <Table aria-label={t('apiKeys.list')} data-testid="api-keys-list">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('apiKeys.name')}</TableHeaderCell>
                        <TableHeaderCell>{t('apiKeys.scopes')}</TableHeaderCell>
                        <TableHeaderCell>{t('apiKeys.lastUsed')}</TableHeaderCell>
                        <TableHeaderCell>{t('apiKeys.actions')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {value.items.map((key) => (
                        <TableRow key={key.id} data-testid="api-key-row">
                          <TableCell>{key.name}</TableCell>
                          <TableCell>
                            {key.scopes.map((scope) => t(SCOPE_LABELS[scope])).join(', ')}
                          </TableCell>
                          <TableCell>
                            {key.lastUsedAt
                              ? formatDate(key.lastUsedAt, language)
                              : t('apiKeys.never')}
                          </TableCell>
                          <TableCell>
                            <Button
                              appearance="subtle"
                              disabled={busy}
                              onClick={() => setRevoking(key)}
                              aria-label={t('apiKeys.revokeNamed', { name: key.name })}
                              data-testid="api-key-revoke"
                            >
                              {t('apiKeys.revoke')}
                            </Button>
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )
              }
            </Loaded>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="secondary"
              disabled={busy}
              onClick={onClose}
              data-testid="api-keys-close"
            >
              {t('apiKeys.close')}
            </Button>
          </DialogActions>
        </DialogBody>
        {revoking ? (
          <ConfirmDialog
            title={t('apiKeys.revokeTitle')}
            body={t('apiKeys.revokeBody', { name: revoking.name })}
            confirmLabel={t('apiKeys.revoke')}
            cancelLabel={t('apiKeys.cancel')}
            busy={busy}
            onConfirm={() => void revoke(revoking)}
            onCancel={() => setRevoking(undefined)}
            testId="confirm-revoke-key"
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

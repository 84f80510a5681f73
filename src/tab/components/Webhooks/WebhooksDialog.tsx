import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { NewWebhookDto, WebhookDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDate } from '../../format.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { WebhookDeliveriesDialog } from './WebhookDeliveriesDialog.js';
import { WebhookForm } from './WebhookForm.js';
import { useWebhooksStyles } from './Webhooks.styles.js';
import { EVENT_LABELS } from './webhooksModel.js';
import { Loaded } from '../LoadError/Loaded.js';
import { ShownOnce } from '../ShownOnce/ShownOnce.js';

export interface WebhooksDialogProps {
  onClose: () => void;
}

/**
 * Webhooks (admins): subscribe another system's address to events (the signing secret is shown
 * this once, to copy), pause or resume one, remove one after confirming, and read each one's
 * deliveries, where one can be sent again.
 */
export function WebhooksDialog({ onClose }: WebhooksDialogProps) {
  const styles = useWebhooksStyles();
  const t = useT();
  const notify = useNotify();
  const { api, language } = useAppContext();
  const read = useCallback((signal: AbortSignal) => api.webhooks(signal), [api]);
  const { load, reload, update } = useLoad(read);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<NewWebhookDto | undefined>();
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const [removing, setRemoving] = useState<WebhookDto | undefined>();
  const [viewing, setViewing] = useState<WebhookDto | undefined>();
  // Closing the deliveries or the confirmation puts focus back on the button that opened it.
  const restoreFocus = useRestoreFocusTarget();

  function added(hook: NewWebhookDto) {
    setCreated(hook);
    reload();
  }

  /** One change to a webhook; one the API no longer knows (its endpoint unsubscribed) drops out. */
  async function change(run: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await run();
    } catch (error) {
      setFailure(errorKey(error));
      if (error instanceof ApiError && error.code === 'not_found') reload();
    } finally {
      setBusy(false);
    }
  }

  const setPaused = (hook: WebhookDto, paused: boolean) =>
    change(async () => {
      const changed = await api.updateWebhook(hook.id, { paused });
      update(({ items }) => ({ items: items.map((h) => (h.id === changed.id ? changed : h)) }));
      notify({
        title: t(paused ? 'webhooks.pausedDone' : 'webhooks.resumedDone', { url: hook.url }),
        intent: 'success',
      });
    });

  const remove = (hook: WebhookDto) =>
    change(async () => {
      try {
        await api.removeWebhook(hook.id);
        update(({ items }) => ({ items: items.filter((h) => h.id !== hook.id) }));
        if (created?.id === hook.id) setCreated(undefined);
        notify({ title: t('webhooks.removed', { url: hook.url }), intent: 'success' });
      } finally {
        setRemoving(undefined);
      }
    });

  const working = busy || adding;

  return (
    <Dialog open onOpenChange={(_, data) => (data.open || working ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="webhooks">
        <DialogBody>
          <DialogTitle>{t('webhooks.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.intro}>{t('webhooks.intro')}</p>
            <WebhookForm onCreated={added} onBusyChange={setAdding} />

            {created ? (
              <ShownOnce
                title={t('webhooks.created', { url: created.url })}
                value={created.secret}
                valueLabel="webhooks.secretLabel"
                copy="webhooks.copy"
                copied="webhooks.copied"
                copyFailed="webhooks.copyFailed"
                testIds={{
                  bar: 'webhook-created',
                  value: 'webhook-secret',
                  copy: 'webhook-secret-copy',
                }}
              >
                <p className={styles.verify}>{t('webhooks.verify')}</p>
              </ShownOnce>
            ) : null}
            {failure ? (
              <MessageBar intent="error" data-testid="webhooks-error">
                <MessageBarBody>{t(failure)}</MessageBarBody>
              </MessageBar>
            ) : null}

            <Loaded
              load={load}
              loading="webhooks.loading"
              loadError="webhooks.loadError"
              onRetry={reload}
              testIds={{ loading: 'webhooks-loading', error: 'webhooks-load-error' }}
            >
              {(value) =>
                value.items.length === 0 ? (
                  <p data-testid="webhooks-empty">{t('webhooks.empty')}</p>
                ) : (
                  <Table aria-label={t('webhooks.list')} data-testid="webhooks-list">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('webhooks.url')}</TableHeaderCell>
                        <TableHeaderCell>{t('webhooks.events')}</TableHeaderCell>
                        <TableHeaderCell className={styles.statusColumn}>
                          {t('webhooks.status')}
                        </TableHeaderCell>
                        <TableHeaderCell className={styles.addedColumn}>
                          {t('webhooks.added')}
                        </TableHeaderCell>
                        <TableHeaderCell className={styles.actionsColumn}>
                          {t('webhooks.actions')}
                        </TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {value.items.map((hook) => (
                        <TableRow key={hook.id} data-testid="webhook-row">
                          <TableCell className={styles.address}>
                            {hook.url}
                            {hook.description ? (
                              <span className={styles.note}>{hook.description}</span>
                            ) : null}
                          </TableCell>
                          <TableCell>
                            {hook.events.map((event) => t(EVENT_LABELS[event])).join(', ')}
                          </TableCell>
                          <TableCell>
                            <Badge
                              appearance="tint"
                              shape="rounded"
                              color={hook.paused ? 'subtle' : 'success'}
                              data-testid="webhook-status"
                            >
                              {t(hook.paused ? 'webhooks.paused' : 'webhooks.active')}
                            </Badge>
                          </TableCell>
                          <TableCell>{formatDate(hook.createdAt, language)}</TableCell>
                          <TableCell>
                            <div className={styles.actions}>
                              <Button
                                {...restoreFocus}
                                appearance="subtle"
                                size="small"
                                aria-haspopup="dialog"
                                aria-label={t('webhooks.deliveriesOpenNamed', { url: hook.url })}
                                onClick={() => setViewing(hook)}
                                data-testid="webhook-deliveries-open"
                              >
                                {t('webhooks.deliveriesOpen')}
                              </Button>
                              <Button
                                appearance="subtle"
                                size="small"
                                disabledFocusable={busy}
                                aria-label={t(
                                  hook.paused ? 'webhooks.resumeNamed' : 'webhooks.pauseNamed',
                                  { url: hook.url },
                                )}
                                onClick={() => void setPaused(hook, !hook.paused)}
                                data-testid="webhook-pause"
                              >
                                {t(hook.paused ? 'webhooks.resume' : 'webhooks.pause')}
                              </Button>
                              <Button
                                {...restoreFocus}
                                appearance="subtle"
                                size="small"
                                aria-haspopup="dialog"
                                disabledFocusable={busy}
                                aria-label={t('webhooks.removeNamed', { url: hook.url })}
                                onClick={() => setRemoving(hook)}
                                data-testid="webhook-remove"
                              >
                                {t('webhooks.remove')}
                              </Button>
                            </div>
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
              disabled={working}
              onClick={onClose}
              data-testid="webhooks-close"
            >
              {t('webhooks.close')}
            </Button>
          </DialogActions>
        </DialogBody>
        {viewing ? (
          <WebhookDeliveriesDialog webhook={viewing} onClose={() => setViewing(undefined)} />
        ) : null}
        {removing ? (
          <ConfirmDialog
            title={t('webhooks.removeTitle')}
            body={t('webhooks.removeBody', { url: removing.url })}
            confirmLabel={t('webhooks.remove')}
            cancelLabel={t('webhooks.cancel')}
            busy={busy}
            onConfirm={() => void remove(removing)}
            onCancel={() => setRemoving(undefined)}
            testId="confirm-remove-webhook"
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

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
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useId,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import type { WebhookDeliveryDto, WebhookDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDateTime, formatRelative } from '../../format.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { RelativeTime } from '../RelativeTime/RelativeTime.js';
import { useWebhooksStyles } from './Webhooks.styles.js';
import { DELIVERY_BADGES, EVENT_LABELS, canSendAgain } from './webhooksModel.js';
import { Loaded } from '../LoadError/Loaded.js';

export interface WebhookDeliveriesDialogProps {
  webhook: WebhookDto;
  onClose: () => void;
}

/**
 * A webhook's delivery log, newest first: each event, when it happened, how its delivery went,
 * how many attempts it took and the endpoint's last answer. A delivery no longer being tried can
 * be sent again, with the same id, so a receiver that has it already drops it.
 */
export function WebhookDeliveriesDialog({ webhook, onClose }: WebhookDeliveriesDialogProps) {
  const styles = useWebhooksStyles();
  const t = useT();
  const notify = useNotify();
  const { api, language } = useAppContext();
  const read = useCallback(
    (signal: AbortSignal) => api.webhookDeliveries(webhook.id, signal),
    [api, webhook.id],
  );
  const { load, reload, update } = useLoad(read);
  const [sending, setSending] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorKey | undefined>();
  const refreshId = useId('webhook-deliveries-refresh');

  async function sendAgain(delivery: WebhookDeliveryDto) {
    setSending(delivery.id);
    setFailure(undefined);
    try {
      const queued = await api.retryWebhookDelivery(webhook.id, delivery.id);
      update(({ items }) => ({ items: items.map((d) => (d.id === queued.id ? queued : d)) }));
      notify({ title: t('webhooks.deliveries.sentAgain'), intent: 'success' });
      // A pending row has no "Send again": focus goes where the outcome is fetched.
      document.getElementById(refreshId)?.focus();
    } catch (error) {
      setFailure(errorKey(error));
    } finally {
      setSending(undefined);
    }
  }

  /** The endpoint's last answer: its HTTP status, else what went wrong (it never answered). */
  const answerOf = (delivery: WebhookDeliveryDto) =>
    delivery.lastStatus !== undefined
      ? t('webhooks.deliveries.answered', { status: delivery.lastStatus })
      : (delivery.lastError ?? '');

  return (
    <Dialog open onOpenChange={(_, data) => (data.open || sending ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="webhook-deliveries">
        <DialogBody>
          <DialogTitle className={styles.address}>
            {t('webhooks.deliveries.heading', { url: webhook.url })}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.toolbar}>
              <p className={styles.intro}>{t('webhooks.deliveries.intro')}</p>
              <Button
                id={refreshId}
                icon={<ArrowClockwiseRegular />}
                disabledFocusable={load.state === 'loading'}
                onClick={reload}
                data-testid="webhook-deliveries-refresh"
              >
                {t('webhooks.deliveries.refresh')}
              </Button>
            </div>
            {failure ? (
              <MessageBar intent="error" data-testid="webhook-deliveries-error">
                <MessageBarBody>{t(failure)}</MessageBarBody>
              </MessageBar>
            ) : null}
            <Loaded
              load={load}
              loading="webhooks.deliveries.loading"
              loadError="webhooks.deliveries.loadError"
              onRetry={reload}
              testIds={{
                loading: 'webhook-deliveries-loading',
                error: 'webhook-deliveries-load-error',
              }}
            >
              {(value, loaded) =>
                value.items.length === 0 ? (
                  <p data-testid="webhook-deliveries-empty">{t('webhooks.deliveries.empty')}</p>
                ) : (
                  <Table
                    aria-label={t('webhooks.deliveries.list')}
                    data-testid="webhook-deliveries-list"
                  >
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('webhooks.deliveries.event')}</TableHeaderCell>
                        <TableHeaderCell>{t('webhooks.deliveries.when')}</TableHeaderCell>
                        <TableHeaderCell>{t('webhooks.deliveries.status')}</TableHeaderCell>
                        <TableHeaderCell>{t('webhooks.deliveries.attempts')}</TableHeaderCell>
                        <TableHeaderCell>{t('webhooks.deliveries.answer')}</TableHeaderCell>
                        <TableHeaderCell>{t('webhooks.deliveries.actions')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {value.items.map((delivery) => {
                        const badge = DELIVERY_BADGES[delivery.status];
                        const event = t(EVENT_LABELS[delivery.event]);
                        return (
                          <TableRow key={delivery.id} data-testid="webhook-delivery-row">
                            <TableCell>{event}</TableCell>
                            <TableCell>
                              <RelativeTime at={delivery.createdAt} now={loaded.loadedAt} />
                            </TableCell>
                            <TableCell>
                              <Badge
                                appearance="tint"
                                shape="rounded"
                                color={badge.color}
                                data-status={delivery.status}
                                data-testid="webhook-delivery-status"
                              >
                                {t(badge.label)}
                              </Badge>
                              {delivery.status === 'pending' && delivery.nextAttemptAt ? (
                                <span className={styles.note}>
                                  {t('webhooks.deliveries.nextAttempt', {
                                    when: formatRelative(
                                      delivery.nextAttemptAt,
                                      language,
                                      loaded.loadedAt,
                                    ),
                                  })}
                                </span>
                              ) : null}
                            </TableCell>
                            <TableCell data-testid="webhook-delivery-attempts">
                              {delivery.attempts}
                            </TableCell>
                            <TableCell className={styles.address}>{answerOf(delivery)}</TableCell>
                            <TableCell>
                              {canSendAgain(delivery) ? (
                                <Button
                                  appearance="subtle"
                                  disabledFocusable={sending !== undefined}
                                  icon={sending === delivery.id ? <Spinner size="tiny" /> : null}
                                  aria-label={t('webhooks.deliveries.sendAgainNamed', {
                                    event,
                                    when: formatDateTime(delivery.createdAt, language),
                                  })}
                                  onClick={() => void sendAgain(delivery)}
                                  data-testid="webhook-delivery-retry"
                                >
                                  {t('webhooks.deliveries.sendAgain')}
                                </Button>
                              ) : null}
                            </TableCell>
                          </TableRow>
                        );
                      })}
                    </TableBody>
                  </Table>
                )
              }
            </Loaded>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="secondary"
              disabled={sending !== undefined}
              onClick={onClose}
              data-testid="webhook-deliveries-close"
            >
              {t('webhooks.deliveries.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

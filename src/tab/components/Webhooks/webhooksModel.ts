import type { BadgeProps } from '@fluentui/react-components';
import type { WebhookDeliveryDto, WebhookEventDto } from '../../../shared/dto.js';
import type { MessageKey } from '../../i18n.js';

type DeliveryStatus = WebhookDeliveryDto['status'];

/** Each event in words (i18next reads `.` in a key as a path, so not by the event itself). */
export const EVENT_LABELS: Record<WebhookEventDto, MessageKey> = {
  'story.submitted': 'webhooks.event.submitted',
  'story.published': 'webhooks.event.published',
  'story.rejected': 'webhooks.event.rejected',
  'story.changes_requested': 'webhooks.event.changesRequested',
  'story.archived': 'webhooks.event.archived',
  'vote.cast': 'webhooks.event.voteCast',
  'award.announced': 'webhooks.event.awardAnnounced',
};

/** A new webhook hears of published stories unless the admin chooses otherwise. */
export const DEFAULT_EVENTS: readonly WebhookEventDto[] = ['story.published'];

/**
 * A delivery's status as a badge: one colour each so the log scans at a glance, and a word for
 * those who do not see the colour.
 */
export const DELIVERY_BADGES: Record<
  DeliveryStatus,
  { label: MessageKey; color: NonNullable<BadgeProps['color']> }
> = {
  pending: { label: 'webhooks.deliveries.state.pending', color: 'informative' },
  delivered: { label: 'webhooks.deliveries.state.delivered', color: 'success' },
  failed: { label: 'webhooks.deliveries.state.failed', color: 'danger' },
  refused: { label: 'webhooks.deliveries.state.refused', color: 'severe' },
  skipped: { label: 'webhooks.deliveries.state.skipped', color: 'subtle' },
};

/** A delivery still being tried cannot be sent again (the API answers 409); any other can. */
export function canSendAgain(delivery: Pick<WebhookDeliveryDto, 'status'>): boolean {
  return delivery.status !== 'pending';
}

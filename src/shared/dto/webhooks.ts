/** Webhooks on the wire: subscriptions, their deliveries and a delivery's body. */

import type { StoryDto } from './story.js';

/**
 * The events a webhook can subscribe to (Standard Webhooks `type`): a story told (or told again
 * after changes were asked), published, rejected, sent back for changes or archived; a vote; a
 * story chosen story of the month.
 */
export const WEBHOOK_EVENTS = [
  'story.submitted',
  'story.published',
  'story.rejected',
  'story.changes_requested',
  'story.archived',
  'vote.cast',
  'award.announced',
] as const;
export type WebhookEventDto = (typeof WEBHOOK_EVENTS)[number];

/** A webhook as `GET /api/webhooks` lists it: never its secret, which is shown once. */
export interface WebhookDto {
  id: string;
  url: string;
  events: WebhookEventDto[];
  description?: string;
  /** A paused webhook is sent nothing until it is resumed. */
  paused: boolean;
  createdAt: string;
  createdBy: string;
}

/** The answer of `POST /api/webhooks`: the signing secret (`whsec_…`), shown this once. */
export interface NewWebhookDto extends WebhookDto {
  secret: string;
}

export interface WebhooksDto {
  items: WebhookDto[];
}

/**
 * One event's delivery to one webhook. `pending`: not yet sent, or failed and due again;
 * `delivered`: answered 2xx; `failed`: given up after its attempts (an admin may retry);
 * `refused`: the address was not allowed when resolved (a private or loopback address);
 * `skipped`: not sent, because the webhook was paused or the story was deleted meanwhile. An
 * endpoint that answers 410 has unsubscribed: the webhook is removed, with its log.
 */
export interface WebhookDeliveryDto {
  /** The Standard Webhooks `webhook-id`, the same on every attempt. */
  id: string;
  event: WebhookEventDto;
  storyId: string;
  status: 'pending' | 'delivered' | 'failed' | 'refused' | 'skipped';
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  /** The HTTP status of the last answer. */
  lastStatus?: number;
  /** What went wrong last, for the admin. */
  lastError?: string;
  nextAttemptAt?: string;
}

export interface WebhookDeliveriesDto {
  items: WebhookDeliveryDto[];
}

/**
 * The body of a webhook delivery (Standard Webhooks): the event, when it happened, and the story
 * as the API presents it to a colleague with no part in it — featured colleagues only once they
 * confirmed, vote counts only where the tenant shows them.
 */
export interface WebhookPayloadDto {
  type: WebhookEventDto;
  timestamp: string;
  data: { story: StoryDto };
}

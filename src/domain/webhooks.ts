import type {
  AuditAction,
  Clock,
  IdGenerator,
  OutboxMessage,
  StoryChange,
  StoryRepository,
  Versioned,
} from './ports.js';

/**
 * What a webhook can subscribe to (Standard Webhooks `type`). The wire contract lists the same
 * names (`WEBHOOK_EVENTS` in src/shared/dto.ts); src/api/webhooks checks that both agree when the
 * code compiles.
 */
export type WebhookEvent =
  | 'story.submitted'
  | 'story.published'
  | 'story.rejected'
  | 'story.changes_requested'
  | 'story.archived'
  | 'vote.cast'
  | 'award.announced';

/**
 * Which step of a story's history raises which event: the one table of it. A story told again
 * after changes were asked is submitted again; an approval that leaves stages to go raises
 * nothing until the story is published. A vote (a change that carries a vote row) raises
 * `vote.cast`.
 */
const EVENT_OF_ACTION: Partial<Readonly<Record<AuditAction, WebhookEvent>>> = {
  submitted: 'story.submitted',
  resubmitted: 'story.submitted',
  published: 'story.published',
  rejected: 'story.rejected',
  changes_requested: 'story.changes_requested',
  archived: 'story.archived',
  awarded: 'award.announced',
};

/** A subscription: where to send which events, and the secret the deliveries are signed with. */
export interface WebhookRecord {
  readonly tenantId: string;
  /** `wh_` and 16 lowercase letters and digits. */
  readonly id: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
  readonly description?: string;
  /** `whsec_` and the base64 of 32 random bytes (Standard Webhooks). */
  readonly secret: string;
  readonly paused: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** See `WebhookDeliveryDto` in src/shared/dto.ts for what each status means. */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'refused' | 'skipped';

/** One event's delivery to one webhook, for the admins' log. */
export interface WebhookDelivery {
  readonly tenantId: string;
  readonly webhookId: string;
  /** The Standard Webhooks `webhook-id` (`msg_` + the outbox message's id): the same on a retry. */
  readonly id: string;
  readonly event: WebhookEvent;
  readonly storyId: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: number;
  /** When the event happened; with `id`, the delivery's key. */
  readonly createdAt: Date;
  readonly lastAttemptAt?: Date;
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly nextAttemptAt?: Date;
}

/** The webhooks of each tenant and their delivery logs. */
export interface WebhookStore {
  list(tenantId: string): Promise<WebhookRecord[]>;
  get(tenantId: string, id: string): Promise<WebhookRecord | null>;
  /** DomainError('conflict') when the id is taken. */
  create(record: WebhookRecord): Promise<void>;
  /** The webhook after the change; null when there is no such webhook. */
  setPaused(tenantId: string, id: string, paused: boolean): Promise<WebhookRecord | null>;
  /** Removes the webhook and its delivery log; false when there was none. */
  remove(tenantId: string, id: string): Promise<boolean>;
  delivery(
    tenantId: string,
    webhookId: string,
    createdAt: Date,
    id: string,
  ): Promise<Versioned<WebhookDelivery> | null>;
  /**
   * Writes a delivery's state, conditionally: `etag` null creates it (DomainError('conflict') if
   * it exists), otherwise replaces the version read (DomainError('conflict') if it changed).
   */
  putDelivery(delivery: WebhookDelivery, etag: string | null): Promise<void>;
  /** A webhook's deliveries, newest event first, at most `limit`. */
  deliveries(tenantId: string, webhookId: string, limit: number): Promise<WebhookDelivery[]>;
}

/** Which webhooks of a tenant want which events; read on every state change, so it is cached. */
export interface WebhookSubscriptions {
  of(tenantId: string): Promise<readonly Pick<WebhookRecord, 'id' | 'events' | 'paused'>[]>;
  /** Drops this instance's cached copy after a change made here. */
  forget(tenantId: string): void;
}

/** The events a change raises, each once, in the order of its history. */
export function webhookEventsOf(change: Pick<StoryChange, 'audit' | 'reaction'>): WebhookEvent[] {
  const events = new Set<WebhookEvent>();
  for (const event of change.audit) {
    const raised = EVENT_OF_ACTION[event.action];
    if (raised) events.add(raised);
  }
  if (change.reaction?.kind === 'vote') events.add('vote.cast');
  return [...events];
}

/**
 * The outbox messages that deliver a change's events: one `webhook.deliver` per event and
 * webhook that wants it and is not paused. One message per webhook keeps each delivery's
 * retries, back-off and `Retry-After` its own, and its `webhook-id` (from the message id) the
 * same on every attempt.
 */
export function webhookMessages(
  ids: IdGenerator,
  at: Date,
  events: readonly WebhookEvent[],
  webhooks: readonly Pick<WebhookRecord, 'id' | 'events' | 'paused'>[],
): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  for (const event of events) {
    for (const webhook of webhooks) {
      if (webhook.paused || !webhook.events.includes(event)) continue;
      messages.push({
        id: ids.newId(),
        kind: 'webhook.deliver',
        createdAt: at,
        payload: { event, webhookId: webhook.id },
      });
    }
  }
  return messages;
}

/**
 * The story repository with webhooks: every commit also carries the outbox messages of the events
 * it raises, in the same transaction, so an event is delivered if and only if its change
 * happened. A change that raises no event, or none a webhook wants, reads nothing more.
 */
export function withWebhookEvents(
  stories: StoryRepository,
  deps: { readonly subscriptions: WebhookSubscriptions; readonly ids: IdGenerator },
): StoryRepository {
  return {
    ...stories,
    async commit(change) {
      const events = webhookEventsOf(change);
      if (events.length === 0) return stories.commit(change);
      const webhooks = await deps.subscriptions.of(change.story.tenantId);
      const at = change.audit[0]?.at ?? change.reaction?.at ?? change.story.updatedAt;
      const messages = webhookMessages(deps.ids, at, events, webhooks);
      if (messages.length === 0) return stories.commit(change);
      return stories.commit({ ...change, outbox: [...change.outbox, ...messages] });
    },
  };
}

/**
 * Subscriptions read through a short per-instance cache: a webhook added or paused on another
 * instance is seen within `ttlMs`; this instance's own changes at once (`forget`).
 */
export function cachedSubscriptions(
  store: Pick<WebhookStore, 'list'>,
  clock: Clock,
  ttlMs: number,
): WebhookSubscriptions {
  const cache = new Map<
    string,
    { at: number; value: Promise<Pick<WebhookRecord, 'id' | 'events' | 'paused'>[]> }
  >();
  return {
    of(tenantId) {
      const now = clock.now().getTime();
      const hit = cache.get(tenantId);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const value = store
        .list(tenantId)
        .then((hooks) => hooks.map(({ id, events, paused }) => ({ id, events, paused })));
      cache.set(tenantId, { at: now, value });
      // A failed read is not kept: the next change reads again.
      value.catch(() => {
        if (cache.get(tenantId)?.value === value) cache.delete(tenantId);
      });
      return value;
    },
    forget(tenantId) {
      cache.delete(tenantId);
    },
  };
}

import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import {
  backoffMs,
  DEFAULT_MAX_ATTEMPTS,
  DomainError,
  hasRole,
  PermanentFailure,
  tenantSettings,
  voteCountsPublic,
  type Actor,
  type Clock,
  type IdGenerator,
  type Logger,
  type OutboxHandler,
  type OutboxStore,
  type SettingsStore,
  type StoryRepository,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookRecord,
  type WebhookStore,
  type WebhookSubscriptions,
} from '../domain/index.js';
import type { WebhookEventDto, WebhookPayloadDto } from '../shared/dto.js';
import { LIMITS } from '../shared/dto.js';
import type { WebhookInput } from '../shared/inputs.js';
import { isKeyActor } from './apiKeys.js';
import { presentStory } from './presenters.js';
import {
  RefusedTarget,
  refusedUrl,
  type TargetPolicy,
  type WebhookSend,
} from './webhookTargets.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
/** Compiles only while the wire contract's events are the domain's. */
export type WebhookEventsAgree = Check<Same<WebhookEvent, WebhookEventDto>>;

/** How many deliveries of one webhook an admin sees. */
export const DELIVERIES_SHOWN = 50;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface WebhooksDeps {
  readonly store: WebhookStore;
  readonly outbox: Pick<OutboxStore, 'enqueue'>;
  readonly subscriptions: WebhookSubscriptions;
  readonly policy: TargetPolicy;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Starts the outbox relay of a story at once (an admin's retry). */
  readonly onQueued: (ref: { tenantId: string; storyId: string }) => void;
}

/**
 * Webhooks (Standard Webhooks): admins — or an API key with `webhooks:manage`, as Power
 * Automate's trigger uses one — register an address and the events it wants and get the signing
 * secret once; they list, pause, resume and remove webhooks, read each one's deliveries and send
 * a delivery again. The deliveries themselves go through the outbox (`webhookDeliveryHandler`).
 */
export function createWebhooks(deps: WebhooksDeps) {
  async function owned(actor: Actor, id: string): Promise<WebhookRecord> {
    requireManager(actor);
    const found = await deps.store.get(actor.tenantId, id);
    if (!found) throw new DomainError('not_found', 'No such webhook.');
    return found;
  }

  return {
    async create(
      actor: Actor,
      input: Readonly<Omit<WebhookInput, 'description'>> & {
        readonly description?: string | undefined;
      },
    ): Promise<WebhookRecord> {
      requireManager(actor);
      const refused = refusedUrl(input.url, deps.policy);
      if (refused) throw new DomainError('validation', refused, { field: 'url' });
      const held = await deps.store.list(actor.tenantId);
      if (held.length >= LIMITS.webhooks.max) {
        throw new DomainError(
          'conflict',
          `A tenant holds at most ${LIMITS.webhooks.max} webhooks.`,
        );
      }
      const description = input.description?.trim();
      const record: WebhookRecord = {
        tenantId: actor.tenantId,
        id: `wh_${randomId()}`,
        url: input.url,
        events: [...input.events],
        ...(description ? { description } : {}),
        secret: `whsec_${randomBytes(32).toString('base64')}`,
        paused: false,
        createdAt: deps.clock.now(),
        createdBy: actor.userId,
      };
      await deps.store.create(record);
      deps.subscriptions.forget(actor.tenantId);
      return record;
    },

    async list(actor: Actor): Promise<WebhookRecord[]> {
      requireManager(actor);
      return deps.store.list(actor.tenantId);
    },

    async setPaused(actor: Actor, id: string, paused: boolean): Promise<WebhookRecord> {
      await owned(actor, id);
      const changed = await deps.store.setPaused(actor.tenantId, id, paused);
      if (!changed) throw new DomainError('not_found', 'No such webhook.');
      deps.subscriptions.forget(actor.tenantId);
      return changed;
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requireManager(actor);
      if (!(await deps.store.remove(actor.tenantId, id))) {
        throw new DomainError('not_found', 'No such webhook.');
      }
      deps.subscriptions.forget(actor.tenantId);
    },

    async deliveries(actor: Actor, id: string): Promise<WebhookDelivery[]> {
      await owned(actor, id);
      return deps.store.deliveries(actor.tenantId, id, DELIVERIES_SHOWN);
    },

    /**
     * Sends a delivery again, with the same `webhook-id` (receivers drop what they have seen),
     * through the outbox of its story like the first time.
     */
    async retry(actor: Actor, id: string, deliveryId: string): Promise<WebhookDelivery> {
      await owned(actor, id);
      const delivery = (await deps.store.deliveries(actor.tenantId, id, DELIVERIES_SHOWN)).find(
        (d) => d.id === deliveryId,
      );
      if (!delivery) throw new DomainError('not_found', 'No such delivery.');
      if (delivery.status === 'pending') {
        throw new DomainError('conflict', 'The delivery is still being tried.');
      }
      const now = deps.clock.now();
      const ref = { tenantId: actor.tenantId, storyId: delivery.storyId };
      const found = await deps.store.delivery(actor.tenantId, id, delivery.createdAt, delivery.id);
      const queued: WebhookDelivery = { ...delivery, status: 'pending', nextAttemptAt: now };
      await deps.store.putDelivery(queued, found?.etag ?? null);
      await deps.outbox.enqueue(ref, {
        id: deps.ids.newId(),
        kind: 'webhook.deliver',
        createdAt: now,
        payload: {
          event: delivery.event,
          webhookId: id,
          deliveryId: delivery.id,
          deliveryAt: delivery.createdAt.toISOString(),
        },
      });
      deps.onQueued(ref);
      return queued;
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;

export interface WebhookDeliveryDeps {
  readonly store: WebhookStore;
  readonly stories: Pick<StoryRepository, 'get'>;
  readonly settings: Pick<SettingsStore, 'getTenantSettings'>;
  readonly send: WebhookSend;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The relay's attempts before it gives a message up; the log says `failed` on the last. */
  readonly maxAttempts?: number;
}

/**
 * The outbox handler of `webhook.deliver`: signs the event (Standard Webhooks: `webhook-id`,
 * `webhook-timestamp`, `webhook-signature` = `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`)
 * and POSTs it, recording each attempt in the webhook's log. A 2xx completes it; a 410 removes
 * the webhook (the receiver unsubscribed); a refused address is given up at once; anything else
 * is retried by the relay with back-off, honouring `Retry-After`, with the same `webhook-id`.
 * The body is the story as the API presents it to a colleague with no part in it, read when
 * delivered: what was taken off the story meanwhile (a name, an erased story) is not sent.
 */
export function webhookDeliveryHandler(deps: WebhookDeliveryDeps): OutboxHandler {
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return async (message) => {
    const { event, webhookId, deliveryId, deliveryAt } = message.payload;
    if (typeof event !== 'string' || typeof webhookId !== 'string') {
      throw new PermanentFailure('A webhook delivery without its event or webhook.');
    }
    const { tenantId, storyId } = message.ref;
    const id = typeof deliveryId === 'string' ? deliveryId : `msg_${message.id}`;
    const createdAt = typeof deliveryAt === 'string' ? new Date(deliveryAt) : message.createdAt;
    const hook = await deps.store.get(tenantId, webhookId);
    // Removed meanwhile: nothing to send and no log to keep.
    if (!hook) return;
    const found = await deps.store.delivery(tenantId, webhookId, createdAt, id);
    // A repeated run of a message whose delivery succeeded (a lease that ran out).
    if (found?.value.status === 'delivered' && typeof deliveryId !== 'string') return;
    const before: WebhookDelivery = found?.value ?? {
      tenantId,
      webhookId,
      id,
      event: event as WebhookEvent,
      storyId,
      status: 'pending',
      attempts: 0,
      createdAt,
    };
    const record = async (next: Omit<WebhookDelivery, 'nextAttemptAt'>, nextAttemptAt?: Date) => {
      try {
        await deps.store.putDelivery(
          { ...next, ...(nextAttemptAt ? { nextAttemptAt } : {}) },
          found?.etag ?? null,
        );
      } catch (error) {
        // The log must not turn a delivery into a failure (or a failure into a loop).
        deps.logger.warn({ err: error, tenantId, webhookId, id }, 'webhook log not written');
      }
    };

    if (hook.paused) {
      await record({ ...before, status: 'skipped', lastError: 'The webhook was paused.' });
      return;
    }
    const story = await deps.stories.get(message.ref);
    if (!story) {
      await record({ ...before, status: 'skipped', lastError: 'The story no longer exists.' });
      return;
    }
    const { value: settings } = await tenantSettings(deps.settings, tenantId);
    const payload: WebhookPayloadDto = {
      type: event as WebhookEventDto,
      timestamp: createdAt.toISOString(),
      data: {
        story: presentStory(story.value, { voteCount: voteCountsPublic(settings), viewer: null }),
      },
    };
    const body = JSON.stringify(payload);
    const now = deps.clock.now();
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(hook.secret).sign(id, now, body),
    };
    const attempt = { ...before, attempts: before.attempts + 1, lastAttemptAt: now };
    const final = message.attempts + 1 >= maxAttempts;

    let result;
    try {
      result = await deps.send(hook.url, headers, body);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof RefusedTarget) {
        await record({ ...withoutStatus(attempt), status: 'refused', lastError: reason });
        throw new PermanentFailure(reason);
      }
      await record(
        { ...withoutStatus(attempt), status: final ? 'failed' : 'pending', lastError: reason },
        final ? undefined : new Date(now.getTime() + backoffMs(message.attempts)),
      );
      throw error;
    }

    const { status } = result;
    if (status >= 200 && status < 300) {
      await record({ ...withoutStatus(attempt), status: 'delivered', lastStatus: status });
      return;
    }
    if (status === 410) {
      // The receiver says it is gone for good (Standard Webhooks): unsubscribe.
      deps.logger.info({ tenantId, webhookId }, 'webhook removed: its endpoint answered 410');
      await deps.store.remove(tenantId, webhookId);
      return;
    }
    const retryAfterMs = result.retryAfterMs ?? backoffMs(message.attempts);
    await record(
      {
        ...withoutStatus(attempt),
        status: final ? 'failed' : 'pending',
        lastStatus: status,
        lastError: `The endpoint answered ${status}.`,
      },
      final ? undefined : new Date(now.getTime() + retryAfterMs),
    );
    throw Object.assign(new Error(`The webhook endpoint answered ${status}.`), {
      ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
    });
  };
}

/** A delivery's fields less those a new attempt sets again. */
function withoutStatus(
  delivery: WebhookDelivery,
): Omit<WebhookDelivery, 'lastStatus' | 'lastError' | 'nextAttemptAt'> {
  const { lastStatus: _status, lastError: _error, nextAttemptAt: _next, ...rest } = delivery;
  return rest;
}

/** Admins manage webhooks; so does an API key given `webhooks:manage` (checked by the route). */
function requireManager(actor: Actor): void {
  if (!hasRole(actor, 'admin') && !isKeyActor(actor)) {
    throw new DomainError('forbidden', 'Only admins manage webhooks.');
  }
}

function randomId(): string {
  return Array.from(randomBytes(16), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

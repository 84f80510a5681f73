import type { FastifyInstance } from 'fastify';
import type { WebhookDelivery, WebhookRecord } from '../../domain/index.js';
import type {
  NewWebhookDto,
  WebhookDeliveriesDto,
  WebhookDeliveryDto,
  WebhookDto,
  WebhooksDto,
} from '../../shared/dto.js';
import {
  webhookDeliveryIdSchema,
  webhookDeliveryParamsSchema,
  webhookIdSchema,
  webhookInputSchema,
  webhookParamsSchema,
  webhookUpdateSchema,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, emptyAnswer, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';
import type { Webhooks } from '../webhooks.js';

/**
 * Webhooks (admins; subscribing and unsubscribing also with an API key that has
 * `webhooks:manage`, as Power Automate's trigger does): register one (the secret shown once),
 * list, pause or resume, remove, read its deliveries and send one again.
 */
export function webhookRoutes(
  app: FastifyInstance,
  deps: { webhooks: Webhooks; authenticate: Authenticator },
): void {
  const { webhooks, authenticate } = deps;

  app.post(
    '/api/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Subscribe a webhook to events; its signing secret is answered this once',
        description:
          'Deliveries follow the Standard Webhooks specification (see the `WebhookPayload` ' +
          'schema). Outside local mode the address must be https and must not be, or resolve ' +
          'to, a loopback, private, link-local or metadata address. `Location` names the ' +
          'webhook, for unsubscribing with DELETE.',
        body: webhookInputSchema,
        response: answers(
          {
            201: {
              ...jsonAnswer('The new webhook, with its secret.', responseSchemas.newWebhook),
              headers: { Location: { type: 'string', description: 'The webhook, to delete.' } },
            },
          },
          [409, 429],
        ),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const input = parseInput(webhookInputSchema, request.body ?? {});
      const created = await webhooks.create(actor, input);
      const body: NewWebhookDto = { ...presentWebhook(created), secret: created.secret };
      return (
        reply
          .status(201)
          // Absolute: Power Automate calls DELETE on it to unsubscribe its trigger.
          .header('location', `${request.protocol}://${request.host}/api/webhooks/${created.id}`)
          .header('cache-control', 'no-store')
          .send(body)
      );
    },
  );

  app.get(
    '/api/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'The webhooks of the tenant (admins)',
        response: answers({ 200: jsonAnswer('The webhooks.', responseSchemas.webhooks) }),
      },
    },
    async (request): Promise<WebhooksDto> => {
      const actor = await authenticate(request);
      return { items: (await webhooks.list(actor)).map(presentWebhook) };
    },
  );

  app.patch<{ Params: { id: string } }>(
    '/api/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Pause or resume a webhook (admins)',
        params: webhookParamsSchema,
        body: webhookUpdateSchema,
        response: answers({ 200: jsonAnswer('The webhook.', responseSchemas.webhook) }, [404]),
      },
    },
    async (request): Promise<WebhookDto> => {
      const actor = await authenticate(request);
      const id = parseInput(webhookIdSchema, request.params.id);
      const { paused } = parseInput(webhookUpdateSchema, request.body ?? {});
      return presentWebhook(await webhooks.setPaused(actor, id, paused));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Remove a webhook and its delivery log',
        params: webhookParamsSchema,
        response: answers({ 204: emptyAnswer }, [404]),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      await webhooks.remove(actor, parseInput(webhookIdSchema, request.params.id));
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: "A webhook's last deliveries, newest first, with their status (admins)",
        params: webhookParamsSchema,
        response: answers(
          { 200: jsonAnswer('The deliveries.', responseSchemas.webhookDeliveries) },
          [404],
        ),
      },
    },
    async (request): Promise<WebhookDeliveriesDto> => {
      const actor = await authenticate(request);
      const id = parseInput(webhookIdSchema, request.params.id);
      return { items: (await webhooks.deliveries(actor, id)).map(presentDelivery) };
    },
  );

  app.post<{ Params: { id: string; deliveryId: string } }>(
    '/api/webhooks/:id/deliveries/:deliveryId/retry',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Send a delivery again, with the same webhook-id (admins)',
        params: webhookDeliveryParamsSchema,
        response: answers(
          { 202: jsonAnswer('The delivery, queued.', responseSchemas.webhookDelivery) },
          [404, 409],
        ),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const id = parseInput(webhookIdSchema, request.params.id);
      const deliveryId = parseInput(webhookDeliveryIdSchema, request.params.deliveryId);
      const queued = await webhooks.retry(actor, id, deliveryId);
      return reply.status(202).send(presentDelivery(queued));
    },
  );
}

function presentWebhook(record: WebhookRecord): WebhookDto {
  return {
    id: record.id,
    url: record.url,
    events: [...record.events],
    ...(record.description !== undefined ? { description: record.description } : {}),
    paused: record.paused,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
  };
}

function presentDelivery(delivery: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: delivery.id,
    event: delivery.event,
    storyId: delivery.storyId,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: delivery.createdAt.toISOString(),
    ...(delivery.lastAttemptAt ? { lastAttemptAt: delivery.lastAttemptAt.toISOString() } : {}),
    ...(delivery.lastStatus !== undefined ? { lastStatus: delivery.lastStatus } : {}),
    ...(delivery.lastError !== undefined ? { lastError: delivery.lastError } : {}),
    ...(delivery.nextAttemptAt ? { nextAttemptAt: delivery.nextAttemptAt.toISOString() } : {}),
  };
}

/** The inputs of webhooks. */

import { z } from 'zod';
import { LIMITS } from '../dto/limits.js';
import { WEBHOOK_EVENTS } from '../dto/webhooks.js';
import { optional, text } from './fields.js';

/**
 * `POST /api/webhooks`: an http(s) address without credentials, at least one event, each once.
 * Whether the address may be used (https outside local mode, no private address) is the
 * service's decision: it depends on the mode and, at delivery, on what the name resolves to.
 */
export const webhookInputSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(LIMITS.webhookUrl.max)
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (
            (url.protocol === 'https:' || url.protocol === 'http:') &&
            url.username === '' &&
            url.password === ''
          );
        } catch {
          return false;
        }
      },
      { message: 'Must be an http or https address without a user name or password.' },
    ),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, 'Choose at least one event.')
    .max(WEBHOOK_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, 'Name each event once.'),
  description: optional(text(1, LIMITS.webhookDescription.max)),
});

/** `PATCH /api/webhooks/:id`. */
export const webhookUpdateSchema = z.strictObject({ paused: z.boolean() });

/** Path parameter `:id` of a webhook, and `:deliveryId` of one of its deliveries. */
export const webhookIdSchema = z.string().regex(/^wh_[a-z0-9]{16}$/, 'Not a webhook id.');
export const webhookDeliveryIdSchema = z
  .string()
  .regex(/^msg_[A-Za-z0-9-]{1,64}$/, 'Not a delivery id.');
export const webhookParamsSchema = z.strictObject({ id: webhookIdSchema });
export const webhookDeliveryParamsSchema = z.strictObject({
  id: webhookIdSchema,
  deliveryId: webhookDeliveryIdSchema,
});

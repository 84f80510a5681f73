/** The inputs of API keys. */

import { z } from 'zod';
import { API_KEY_SCOPES } from '../dto/apiKeys.js';
import { LIMITS } from '../dto/limits.js';
import { text } from './fields.js';

/** `POST /api/keys`: a name, and at least one scope, each once. */
export const apiKeyInputSchema = z.strictObject({
  name: text(LIMITS.apiKeyName.min, LIMITS.apiKeyName.max),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, 'Choose at least one scope.')
    .max(API_KEY_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'Name each scope once.'),
});

/** Path parameter `:id` of an API key. */
export const apiKeyIdSchema = z.string().regex(/^[a-z0-9]{16}$/, 'Not an API key id.');

/** The path parameters of the routes, for the API's description. */

import { z } from 'zod';
import { apiKeyIdSchema } from './apiKeys.js';
import { awardMonthSchema } from './awards.js';
import { collectionIdSchema } from './collections.js';
import { personIdSchema } from './people.js';
import { storyIdSchema } from './story.js';

/**
 * The path parameters of the routes, as objects, for the API's description (OpenAPI). Each route
 * still reads its parameter with the schema of the value (`storyIdSchema`, …).
 */
export const storyParamsSchema = z.strictObject({ id: storyIdSchema });
export const personParamsSchema = z.strictObject({ id: personIdSchema });
export const awardMonthParamsSchema = z.strictObject({ month: awardMonthSchema });
export const apiKeyParamsSchema = z.strictObject({ id: apiKeyIdSchema });
export const collectionParamsSchema = z.strictObject({ id: collectionIdSchema });

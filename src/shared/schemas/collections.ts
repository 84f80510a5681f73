/** The inputs of training collections. */

import { z } from 'zod';
import { COLLECTION_EXPORT_FORMATS } from '../dto/collections.js';
import { LIMITS } from '../dto/limits.js';
import { text } from './fields.js';
import { storyIdSchema } from './story.js';

/** Path parameter `:id` of a training collection. */
export const collectionIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a collection id.');

const collectionFields = {
  title: text(LIMITS.collectionTitle.min, LIMITS.collectionTitle.max),
  description: text(0, LIMITS.collectionDescription.max).default(''),
  storyIds: z
    .array(storyIdSchema)
    .max(
      LIMITS.collectionStories.max,
      `A collection holds at most ${LIMITS.collectionStories.max} stories.`,
    )
    .refine((ids) => new Set(ids).size === ids.length, 'Add each story once.'),
};

/** `POST /api/collections`: the title, a description and the stories in order. */
export const collectionInputSchema = z.strictObject(collectionFields);

/** `PUT /api/collections/:id`: the whole collection, with the version it was read at. */
export const collectionUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  ...collectionFields,
});

/** The query of `GET /api/collections/:id/export`. */
export const collectionExportQuerySchema = z.strictObject({
  format: z.enum(COLLECTION_EXPORT_FORMATS),
});

/** The queries of people: pickers, "not yet featured" suggestions and the id of a person. */

import { z } from 'zod';
import { LIMITS } from '../dto/limits.js';
import { directoryId, optional, text } from './fields.js';

/** `GET /api/people?q=`: a name or mail prefix for pickers; without it, the known people. */
export const peopleQuerySchema = z.strictObject({
  q: optional(text(1, LIMITS.q.max)),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(20),
});

/** `GET /api/suggestions/never-featured`: optionally one team's colleagues, at most `limit`. */
export const neverFeaturedQuerySchema = z.strictObject({
  team: optional(text(1, LIMITS.team.max)),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.neverFeatured.max)
    .default(LIMITS.neverFeatured.default),
});

/** `/api/people/:id/erase` and `/api/people/:id/export`: an Entra object id. */
export const personIdSchema = directoryId;

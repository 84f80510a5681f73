/** The inputs of the story of the month. */

import { z } from 'zod';
import { LIMITS } from '../dto/limits.js';
import { optional, yearMonth } from './fields.js';
import { storyIdSchema } from './story.js';

/** Path parameter `:month` of the awards (journey 8). */
export const awardMonthSchema = yearMonth;

/** The body of `PUT /api/awards/:month`: the chosen story and, optionally, why (plain text). */
export const awardInputSchema = z.strictObject({
  storyId: storyIdSchema,
  citation: optional(
    z
      .string()
      .trim()
      .max(LIMITS.citation.max, `Keep the citation to ${LIMITS.citation.max} characters.`),
  ),
});
export type AwardInput = z.infer<typeof awardInputSchema>;

/** The query of the insights. */

import { z } from 'zod';
import { LIMITS } from '../dto/limits.js';
import { monthNumber, optional, yearMonth } from './fields.js';

/** `GET /api/insights` query string: both ends optional; `from` ≤ `to`, at most 24 months. */
export const insightsQuerySchema = z
  .strictObject({
    from: optional(yearMonth),
    to: optional(yearMonth),
  })
  .refine(({ from, to }) => from === undefined || to === undefined || from <= to, {
    message: 'The range must not start after it ends.',
    path: ['from'],
  })
  .refine(
    ({ from, to }) =>
      from === undefined ||
      to === undefined ||
      monthNumber(to) - monthNumber(from) < LIMITS.insightMonths.max,
    { message: `At most ${LIMITS.insightMonths.max} months.`, path: ['from'] },
  );
export type InsightsQueryInput = z.infer<typeof insightsQuerySchema>;

import { z } from 'zod';
import { CATEGORIES, LIMITS, LOCALES } from './dto.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** http and https only: a link is emitted as `Action.OpenUrl`, never as HTML. */
const webUrl = z
  .string()
  .trim()
  .max(LIMITS.sourceUrl.max)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    },
    { message: 'Must be an http or https address.' },
  );

const userId = z.string().trim().min(1).max(100);

/** Empty optional text fields count as absent (forms send ""). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

/** `POST /api/stories` and the bot's story form. */
export const storyInputSchema = z.strictObject({
  title: text(LIMITS.title.min, LIMITS.title.max),
  situation: text(LIMITS.situation.min, LIMITS.situation.max),
  action: text(LIMITS.action.min, LIMITS.action.max),
  outcome: text(LIMITS.outcome.min, LIMITS.outcome.max),
  lesson: text(LIMITS.lesson.min, LIMITS.lesson.max),
  team: text(LIMITS.team.min, LIMITS.team.max),
  category: z.enum(CATEGORIES),
  featured: z.array(userId).max(LIMITS.featured.max).default([]),
  customerQuote: optional(text(1, LIMITS.customerQuote.max)),
  sourceUrl: optional(webUrl),
  consent: z.boolean(),
  locale: z.enum(LOCALES).optional(),
});
export type StoryInput = z.infer<typeof storyInputSchema>;

/** `POST /api/stories/:id/decision` and the approval card. */
export const decisionInputSchema = z.strictObject({
  decision: z.enum(['approve', 'reject', 'changes']),
  comment: optional(text(1, LIMITS.comment.max)),
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;

/** `POST /api/stories/:id/reassign`: the person who decides instead, and a note for the record. */
export const reassignInputSchema = z.strictObject({
  approverId: userId,
  comment: optional(text(1, LIMITS.comment.max)),
});
export type ReassignInput = z.infer<typeof reassignInputSchema>;

/** `GET /api/stories` query string. */
export const wallQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  cursor: optional(z.string().max(LIMITS.cursor.max)),
  team: optional(text(1, LIMITS.team.max)),
  category: optional(z.enum(CATEGORIES)),
  month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.')),
  q: optional(text(1, LIMITS.q.max)),
});
export type WallQueryInput = z.infer<typeof wallQuerySchema>;

/** `GET /api/stories/mine` query string. */
export const myStoriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  cursor: optional(z.string().max(LIMITS.cursor.max)),
});
export type MyStoriesQueryInput = z.infer<typeof myStoriesQuerySchema>;

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.');
/** Months from year 0 of a `YYYY-MM` already checked by `yearMonth`. */
const monthNumber = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7));

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

/** The body of an action that takes no input (`withdraw`, `archive`): none, or `{}`. */
export const emptyBodySchema = z.strictObject({});

/** Path parameter `:id` of a story. */
export const storyIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a story id.');

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

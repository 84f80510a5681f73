/**
 * The inputs of a story: telling it, deciding on it, reporting it, and the queries of the wall and
 * of My stories.
 */

import { z } from 'zod';
import { LIMITS } from '../dto/limits.js';
import { CATEGORIES, LOCALES, WALL_SORTS } from '../dto/story.js';
import { optional, text, userId, webUrl } from './fields.js';

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
  sourceUrl: optional(webUrl(LIMITS.sourceUrl.max)),
  accountName: optional(text(1, LIMITS.accountName.max)),
  crmUrl: optional(webUrl(LIMITS.crmUrl.max)),
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

/** `POST /api/stories/:id/report`: why a reader reports a published story to the editors. */
export const reportInputSchema = z.strictObject({
  reason: text(LIMITS.reportReason.min, LIMITS.reportReason.max),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** `GET /api/stories` query string. */
export const wallQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  cursor: optional(z.string().max(LIMITS.cursor.max)),
  team: optional(text(1, LIMITS.team.max)),
  category: optional(z.enum(CATEGORIES)),
  month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.')),
  q: optional(text(1, LIMITS.q.max)),
  account: optional(text(1, LIMITS.accountName.max)),
  language: optional(z.enum(LOCALES)),
  sort: optional(z.enum(WALL_SORTS)),
  // A query string says `true` or `false`; anything else is refused rather than read as true.
  total: z
    .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
    .optional(),
});
export type WallQueryInput = z.infer<typeof wallQuerySchema>;

/** `GET /api/exports/wall.csv` query string: the wall's filters, without paging or order. */
export const wallExportQuerySchema = wallQuerySchema.omit({
  limit: true,
  cursor: true,
  sort: true,
  total: true,
});

/** `GET /api/stories/mine` query string. */
export const myStoriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  cursor: optional(z.string().max(LIMITS.cursor.max)),
});
export type MyStoriesQueryInput = z.infer<typeof myStoriesQuerySchema>;

/** The body of an action that takes no input (`withdraw`, `archive`): none, or `{}`. */
export const emptyBodySchema = z.strictObject({});

/** Path parameter `:id` of a story. */
const storyIdPattern = /^[A-Za-z0-9-]{1,64}$/;
export const storyIdSchema = z.string().regex(storyIdPattern, 'Not a story id.');

/**
 * `GET /api/me/reactions` query string: story ids, comma-separated, at most
 * `LIMITS.reactionStories.max`, each a story id (split, not matched by one pattern: linear time).
 */
export const myReactionsQuerySchema = z.strictObject({
  stories: z
    .string()
    .min(1)
    .max(LIMITS.reactionStories.max * 65)
    .refine(
      (value) => {
        const ids = value.split(',');
        return (
          ids.length <= LIMITS.reactionStories.max && ids.every((id) => storyIdPattern.test(id))
        );
      },
      { message: `At most ${LIMITS.reactionStories.max} story ids, comma-separated.` },
    ),
});
export type MyReactionsQueryInput = z.infer<typeof myReactionsQuerySchema>;

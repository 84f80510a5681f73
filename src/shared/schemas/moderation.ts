/** The inputs of moderation: an editor's note and correction. */

import { z } from 'zod';
import { LIMITS } from '../dto/limits.js';
import { optional, text } from './fields.js';

/** `POST /api/moderation/:id/hide`, `…/restore`, `…/dismiss`: an optional note for the history. */
export const moderationNoteSchema = z.strictObject({
  note: optional(text(1, LIMITS.comment.max)),
});
export type ModerationNoteInput = z.infer<typeof moderationNoteSchema>;

/**
 * `POST /api/moderation/:id/edit`: an editor's correction of a story's texts, with the limits of
 * a story, and a note for its history saying why (required).
 */
export const moderationEditSchema = z.strictObject({
  title: text(LIMITS.title.min, LIMITS.title.max),
  situation: text(LIMITS.situation.min, LIMITS.situation.max),
  action: text(LIMITS.action.min, LIMITS.action.max),
  outcome: text(LIMITS.outcome.min, LIMITS.outcome.max),
  lesson: text(LIMITS.lesson.min, LIMITS.lesson.max),
  customerQuote: optional(text(1, LIMITS.customerQuote.max)),
  note: text(1, LIMITS.comment.max),
});
export type ModerationEditInput = z.infer<typeof moderationEditSchema>;

import { LIMITS } from '../shared/dto.js';
import { isRecord } from './guards.js';
import { htmlToPlainText, tidy, truncate } from './html.js';

/** What a Teams message offers to a new story (journey 3). */
export interface MessagePrefill {
  /** The message as plain text, cut to the situation field's limit. */
  readonly situation?: string;
  /** The Entra object id of the person who wrote the message (not an app). */
  readonly authorId?: string;
  /** The link to the message, only when it is https. */
  readonly sourceUrl?: string;
}

/**
 * Reads the `messagePayload` of a message action. The payload is the message as Teams stored it,
 * written by anyone in the conversation: every field is checked, and the body is converted from
 * HTML to plain text, so no markup ever reaches the form.
 */
export function prefillFromMessage(payload: unknown): MessagePrefill {
  if (!isRecord(payload)) return {};
  const situation = bodyText(payload.body);
  const authorId = authorOf(payload.from);
  const sourceUrl = httpsUrl(payload.linkToMessage);
  return {
    ...(situation ? { situation: truncate(situation, LIMITS.situation.max) } : {}),
    ...(authorId ? { authorId } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
  };
}

function bodyText(body: unknown): string {
  if (!isRecord(body) || typeof body.content !== 'string') return '';
  // Teams sends 'html' for chat and channel messages. A body declared as plain text is text
  // already: converting it would eat whatever the writer typed between angle brackets.
  return body.contentType === 'text' ? tidy(body.content) : htmlToPlainText(body.content);
}

function authorOf(from: unknown): string | null {
  if (!isRecord(from) || !isRecord(from.user)) return null;
  const id = from.user.id;
  return typeof id === 'string' && id.trim() !== '' && id.length <= 100 ? id.trim() : null;
}

function httpsUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > LIMITS.sourceUrl.max) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.href.length <= LIMITS.sourceUrl.max ? url.href : null;
  } catch {
    return null;
  }
}

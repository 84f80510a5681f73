import { DomainError } from '../domain/errors.js';
import { isKeyPart } from './keys.js';

interface CursorJson {
  v: 1;
  pk: string;
  after: string;
}

const MAX_CURSOR_LENGTH = 1024;
/** The author index's RowKey: inverted created time (13 digits), `|`, the story id. */
const AUTHOR_ROW_KEY = /^\d{13}\|(.+)$/;

/**
 * An opaque cursor (base64url JSON) of an author's list: it names the author's partition and
 * the last RowKey returned, so the next page is `RowKey gt after` in the same partition.
 */
export function encodeAuthorCursor(partitionKey: string, after: string): string {
  const json: CursorJson = { v: 1, pk: partitionKey, after };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/**
 * The RowKey to continue after, from a cursor that `encodeAuthorCursor` made for the same
 * partition. Anything else — malformed, tampered with, or made for another person or tenant —
 * is DomainError('validation'): a cursor must never read someone else's partition.
 */
export function decodeAuthorCursor(partitionKey: string, cursor: string): string {
  const json = parse(cursor);
  if (!json) throw invalid('malformed');
  if (json.pk !== partitionKey) throw invalid('owner');
  return json.after;
}

function parse(cursor: string): CursorJson | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { v, pk, after, ...rest } = value as Record<string, unknown>;
  if (v !== 1 || typeof pk !== 'string' || Object.keys(rest).length > 0) return null;
  if (typeof after !== 'string' || !isAuthorRowKey(after)) return null;
  return { v, pk, after };
}

function isAuthorRowKey(value: string): boolean {
  const match = AUTHOR_ROW_KEY.exec(value);
  return match !== null && isKeyPart(match[1] ?? '');
}

function invalid(reason: string): DomainError {
  return new DomainError('validation', 'Invalid cursor.', { field: 'cursor', reason });
}

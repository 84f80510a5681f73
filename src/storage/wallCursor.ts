import { DomainError } from '../domain/errors.js';
import { isKeyPart, isMonthKey, joinKey, SEP } from './keys.js';

/** Where the next page of the wall starts: a month partition and a position inside it. */
export interface WallPosition {
  /** `YYYYMM` of the month partition. */
  readonly month: string;
  /** Continue after this RowKey (exclusive). */
  readonly after?: string;
  /**
   * The service's continuation token of the query `RowKey gt after`, kept only when a page ended
   * without returning a row (server-side filters skipped them all), so no row key is known.
   */
  readonly token?: string;
}

interface CursorJson {
  v: 1;
  pk: string;
  after?: string;
  token?: string;
}

const MAX_CURSOR_LENGTH = 1024;
const WALL_ROW_KEY = /^\d{13}\|(.+)$/;
const TOKEN = /^[A-Za-z0-9+/=_-]{1,600}$/;

/** An opaque cursor for `position` (base64url JSON); it names the tenant's partition. */
export function encodeWallCursor(tenantId: string, position: WallPosition): string {
  const json: CursorJson = {
    v: 1,
    pk: joinKey(tenantId, position.month),
    ...(position.after !== undefined ? { after: position.after } : {}),
    ...(position.token !== undefined ? { token: position.token } : {}),
  };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/**
 * The position in a cursor made by `encodeWallCursor` for the same tenant. Anything else —
 * malformed, tampered with, or another tenant's — is DomainError('validation').
 */
export function decodeWallCursor(tenantId: string, cursor: string): WallPosition {
  const json = parse(cursor);
  if (!json) throw invalid('malformed');
  const cut = json.pk.lastIndexOf(SEP);
  const month = json.pk.slice(cut + 1);
  if (cut < 0 || !isMonthKey(month)) throw invalid('malformed');
  if (json.pk.slice(0, cut) !== tenantId) throw invalid('tenant');
  return {
    month,
    ...(json.after !== undefined ? { after: json.after } : {}),
    ...(json.token !== undefined ? { token: json.token } : {}),
  };
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
  const { v, pk, after, token, ...rest } = value as Record<string, unknown>;
  if (v !== 1 || typeof pk !== 'string' || Object.keys(rest).length > 0) return null;
  if (after !== undefined && !(typeof after === 'string' && isWallRowKey(after))) return null;
  if (token !== undefined && !(typeof token === 'string' && TOKEN.test(token))) return null;
  return {
    v,
    pk,
    ...(after !== undefined ? { after } : {}),
    ...(token !== undefined ? { token } : {}),
  };
}

function isWallRowKey(value: string): boolean {
  const match = WALL_ROW_KEY.exec(value);
  return match !== null && isKeyPart(match[1] ?? '');
}

function invalid(reason: string): DomainError {
  return new DomainError('validation', 'Invalid cursor.', { field: 'cursor', reason });
}

import { DomainError } from '../domain/errors.js';
import type { StoryRef } from '../domain/ports.js';

/** Separates the parts of a composite PartitionKey or RowKey. */
export const SEP = '|';
/** The character after `|`: `RowKey lt 'prefix}'` ends a range query over `prefix|…`. */
const AFTER_SEP = '}';

// Table Storage forbids / \ # ? and control characters in keys; `|` is our own separator, so an
// id containing it could make two tenants' keys collide ('a|b' + 'c' vs 'a' + 'b|c').
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\#?|\u0000-\u001f\u007f-\u009f]/;
const MAX_ID_LENGTH = 256;

/** Returns `value` if it can be part of a key; otherwise DomainError('validation'). */
export function keyPart(value: string, what: string): string {
  if (value.length === 0 || value.length > MAX_ID_LENGTH || FORBIDDEN.test(value)) {
    throw new DomainError('validation', `Invalid ${what}.`, { field: what });
  }
  return value;
}

/** True when `value` could have been produced by `keyPart`. */
export function isKeyPart(value: string): boolean {
  return value.length > 0 && value.length <= MAX_ID_LENGTH && !FORBIDDEN.test(value);
}

/** Joins validated parts with the separator. */
export function joinKey(...parts: string[]): string {
  return parts.join(SEP);
}

/** The OData range that selects every RowKey starting with `prefix|`. */
export function prefixRange(prefix: string): { from: string; to: string } {
  return { from: `${prefix}${SEP}`, to: `${prefix}${AFTER_SEP}` };
}

/** PartitionKey of a story aggregate: the story, its votes, audit events and outbox rows. */
export function storyPartition(ref: StoryRef): string {
  return joinKey(keyPart(ref.tenantId, 'tenantId'), keyPart(ref.storyId, 'storyId'));
}

/** Splits a story PartitionKey back into its ref; null when it is not one. */
export function parseStoryPartition(partitionKey: string): StoryRef | null {
  const parts = partitionKey.split(SEP);
  if (parts.length !== 2) return null;
  const [tenantId, storyId] = parts as [string, string];
  return isKeyPart(tenantId) && isKeyPart(storyId) ? { tenantId, storyId } : null;
}

const MAX_MS = 9_999_999_999_999;

/** Milliseconds since the epoch, zero-padded so that string order is time order. */
export function sortableTime(at: Date): string {
  return String(at.getTime()).padStart(13, '0');
}

/** As `sortableTime` but inverted, so that string order is newest first. */
export function invertedTime(at: Date): string {
  return String(MAX_MS - at.getTime()).padStart(13, '0');
}

/** `YYYYMM` of an instant, in UTC. */
export function monthOf(at: Date): string {
  return `${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** True for a `YYYYMM` with a month from 01 to 12. */
export function isMonthKey(value: string): boolean {
  return /^\d{4}(0[1-9]|1[0-2])$/.test(value);
}

/** `YYYYMM` inverted to 6 digits, so that string order is newest month first. */
export function invertedMonth(month: string): string {
  return String(999_999 - Number(month)).padStart(6, '0');
}

/** The `YYYYMM` encoded by `invertedMonth`. */
export function monthFromInverted(inverted: string): string {
  return String(999_999 - Number(inverted)).padStart(6, '0');
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). A name
 * with them can display reversed on cards and in the tab; typed text loses them at the input
 * schemas (src/shared/schemas.ts `BIDI_CONTROLS`), names from sign-ins and the directory here.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A person's name as shown to others: no bidirectional controls, trimmed; `fallback` if empty. */
export function plainName(name: string | undefined | null, fallback: string): string {
  const plain = (name ?? '').replace(BIDI_CONTROLS, '').trim();
  return plain === '' ? fallback : plain;
}

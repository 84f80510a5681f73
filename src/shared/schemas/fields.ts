/**
 * The building blocks of the input schemas: text without bidirectional controls, web addresses, ids
 * and months.
 */

import { z } from 'zod';

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a
 * title they can make text display reversed ("txt.exe" as "exe.txt"), on cards and in the tab.
 * Removed from every text input before its length is checked (docs/SECURITY.md). The same set is
 * removed from names that reach the domain from sign-ins and the directory (src/domain/text.ts;
 * tests/unit/security/bidi.test.ts checks both remove the same characters).
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text as typed, without bidirectional controls, trimmed, of a length between `min` and `max`. */
export const text = (min: number, max: number) =>
  z
    .string()
    .overwrite((value) => value.replace(BIDI_CONTROLS, ''))
    .trim()
    .min(min)
    .max(max);

/** http and https only, at most `max` long: a link is emitted as `Action.OpenUrl`, never as HTML. */
export const webUrl = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
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

export const userId = z.string().trim().min(1).max(100);

/** Empty optional text fields count as absent (forms send ""). */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.replace(BIDI_CONTROLS, '').trim() === '' ? undefined : v),
    schema.optional(),
  );

export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.');
/** Months from year 0 of a `YYYY-MM` already checked by `yearMonth`. */
export const monthNumber = (value: string) =>
  Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7));

export const directoryId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'Not a person or group id.');

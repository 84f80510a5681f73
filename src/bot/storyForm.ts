import { toStoryDraft, type Locale, type StoryDraft } from '../domain/index.js';
import { storyInputSchema } from '../shared/schemas.js';
import { isRecord } from './guards.js';
import { STORY_FORM_FIELDS, type StoryFormField } from './cards/storyFormCard.js';

/** The outcome of reading the form's `Action.Execute` data. */
export type StoryFormResult =
  | { readonly ok: true; readonly draft: StoryDraft; readonly values: FormValues }
  | { readonly ok: false; readonly invalid: StoryFormField[]; readonly values: FormValues };

/** The submitted values as strings, to show the form again exactly as it was sent. */
export type FormValues = Partial<Record<StoryFormField, string>>;

const FIELD_SET: ReadonlySet<string> = new Set(STORY_FORM_FIELDS);

/**
 * Turns untrusted card data into a story draft. Adaptive Cards send every input as a string: the
 * people picker as comma-separated ids, the toggle as 'true'/'false'. Keys that are not form
 * inputs (the verb, anything a client adds) are dropped before the strict schema sees the data.
 */
export function readStoryForm(data: unknown, locale: Locale): StoryFormResult {
  const record = isRecord(data) ? data : {};
  const values = readFormValues(record);
  const input: Record<string, unknown> = {};
  for (const field of STORY_FORM_FIELDS) {
    if (record[field] !== undefined) input[field] = record[field];
  }
  input.featured = toIds(input.featured);
  input.consent = toBoolean(input.consent);

  const parsed = storyInputSchema.safeParse(input);
  if (!parsed.success) {
    const invalid = new Set<StoryFormField>();
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string' && FIELD_SET.has(key)) invalid.add(key as StoryFormField);
    }
    return { ok: false, invalid: STORY_FORM_FIELDS.filter((f) => invalid.has(f)), values };
  }
  // The story is in the language the bot talks to its author in.
  return { ok: true, values, draft: toStoryDraft(parsed.data, locale) };
}

/** The form's inputs among untrusted card data, as the strings the card sent; nothing else. */
export function readFormValues(data: unknown): FormValues {
  const record = isRecord(data) ? data : {};
  const values: FormValues = {};
  for (const field of STORY_FORM_FIELDS) {
    const raw = record[field];
    if (typeof raw === 'string') values[field] = raw;
  }
  return values;
}

function toIds(value: unknown): unknown {
  if (value === undefined || value === '') return [];
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

function toBoolean(value: unknown): unknown {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

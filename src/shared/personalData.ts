/**
 * A check for likely personal data in a story's texts, run before a story is sent (the tab's form,
 * the bot's form card) and shown again to the approver. Pure and small: the tab bundles it.
 *
 * Every pattern runs in linear time (docs/SECURITY.md): a pattern either matches a bounded number
 * of characters, or starts only where a run of its characters starts (a lookbehind), so no
 * position is scanned more than a fixed number of times. Candidates are then validated in code
 * (check characters, mod 97, Luhn, dates), which is what keeps years, dates, prices and short
 * numbers out.
 */

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'personalId', 'iban', 'card'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One likely piece of personal data: its kind and where it is (`text.slice(start, end)`). */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** The story's free texts that are checked, in the order the forms show them. */
export const PERSONAL_DATA_FIELDS = [
  'title',
  'situation',
  'action',
  'outcome',
  'lesson',
  'customerQuote',
] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

/** What was found in one field: each kind once (in `PERSONAL_DATA_KINDS` order), and where. */
export interface FieldPersonalData {
  field: PersonalDataField;
  kinds: PersonalDataKind[];
  findings: PersonalDataFinding[];
}

// A local part starts where a run of its characters starts, so a long run is read once.
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Separators inside numbers: space, no-break space, hyphen.
// International: + or 00, then 8–15 digits; "(0)" and "(area)" allowed.
const INTERNATIONAL_PHONE =
  /(?<![\w+])(?:\+|00)[1-9](?:(?:[ \u00A0-]?\(|\)[ \u00A0]?|[ \u00A0-])?\d){7,14}(?![\w(]|[ \u00A0-]\d)/g;
// National (Finnish): a trunk 0, 7–12 digits; "(09) 123 4567", "040-1234567".
const NATIONAL_PHONE =
  /(?<![\w+(,/-])\(?0(?:(?:\)[ \u00A0]?|[ \u00A0-])?\d){6,11}(?![\w(]|[ \u00A0-]\d)/g;
// DDMMYY, century sign, individual number, check character.
const PERSONAL_ID = /(?<![\dA-Z])(\d{6})([-+A-FU-Y])(\d{3})([\dA-Y])(?![\dA-Z])/gi;
// Country, check digits, then groups of four (a space between groups allowed) and a short tail.
const IBAN = /(?<![\dA-Z])[A-Z]{2}\d{2}(?: ?[\dA-Z]{4}){2,7}(?: ?[\dA-Z]{1,3})?(?![\dA-Z])/gi;
// 13–19 digits, a space or hyphen allowed between them; card numbers start with 2–6.
const CARD = /(?<![\w+,.-])[2-6](?:[ \u00A0-]?\d){12,18}(?![\w(]|[ \u00A0-]\d)/g;

const DIGIT_GROUPS = /\d+/g;
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Where each kind wins when two findings overlap (lower first). */
const PRIORITY: Record<PersonalDataKind, number> = {
  email: 0,
  personalId: 1,
  iban: 2,
  card: 3,
  phone: 4,
};

/** Likely personal data in `text`, in text order; findings never overlap. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const candidates = [
    ...matches(text, EMAIL, 'email', isEmail),
    ...matches(text, PERSONAL_ID, 'personalId', isPersonalId),
    ...matches(text, IBAN, 'iban', isIban),
    ...matches(text, CARD, 'card', (match) => isCard(match) && !isAmount(match)),
    ...matches(text, INTERNATIONAL_PHONE, 'phone', (match) => !isAmount(match)),
    ...matches(
      text,
      NATIONAL_PHONE,
      'phone',
      (match) => isNationalPhone(match) && !isAmount(match),
    ),
  ].sort((a, b) => a.start - b.start || PRIORITY[a.kind] - PRIORITY[b.kind]);

  const kept: PersonalDataFinding[] = [];
  for (const candidate of candidates) {
    const last = kept.at(-1);
    if (!last || candidate.start >= last.end) kept.push(candidate);
    else if (PRIORITY[candidate.kind] < PRIORITY[last.kind]) kept[kept.length - 1] = candidate;
  }
  return kept;
}

/** Checks the story's free texts; only fields with findings are listed, in form order. */
export function findStoryPersonalData(
  story: Partial<Record<PersonalDataField, string | undefined>>,
): FieldPersonalData[] {
  const found: FieldPersonalData[] = [];
  for (const field of PERSONAL_DATA_FIELDS) {
    const findings = findPersonalData(story[field] ?? '');
    if (findings.length === 0) continue;
    const kinds = PERSONAL_DATA_KINDS.filter((kind) => findings.some((f) => f.kind === kind));
    found.push({ field, kinds, findings });
  }
  return found;
}

function matches(
  text: string,
  pattern: RegExp,
  kind: PersonalDataKind,
  valid: (match: RegExpExecArray) => boolean,
): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (valid(match)) {
      found.push({ kind, start: match.index, end: match.index + match[0].length });
    } else {
      // Bounded patterns: trying again from the next character costs a fixed amount.
      pattern.lastIndex = match.index + 1;
    }
  }
  return found;
}

/** A number followed by a currency or percent sign (`+12 345 678 €`) is an amount. */
function isAmount(match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  return /^[ \u00A0]?[%$€£]/.test(match.input.slice(end, end + 2));
}

/**
 * Luhn; when written in groups, groups as cards print them (4–6 digits, 3 or more last); and 13
 * digits only for Visa (4…), so that EAN-13 product codes and millisecond times are not cards.
 */
function isCard(match: RegExpExecArray): boolean {
  const groups = match[0].match(DIGIT_GROUPS) ?? [];
  const grouped = groups.every((group, i) =>
    i === groups.length - 1 ? group.length >= 3 : group.length >= 4 && group.length <= 6,
  );
  const digits = groups.join('');
  return grouped && (digits.length > 13 || digits.startsWith('4')) && luhn(digits);
}

function isEmail(match: RegExpExecArray): boolean {
  const [local = '', domain = ''] = match[0].split('@');
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return !local.startsWith('.') && !local.endsWith('.') && /^\p{L}{2,}$/u.test(tld);
}

/** A trunk-0 number, unless it is shaped like a date (`01 03 2025`) or ends in one digit. */
function isNationalPhone(match: RegExpExecArray): boolean {
  const groups = match[0].match(DIGIT_GROUPS) ?? [];
  const lengths = groups.map((group) => group.length);
  const last = lengths.at(-1) ?? 0;
  const dateShaped =
    lengths.length === 3 && lengths[0]! <= 2 && lengths[1]! <= 2 && (last === 2 || last === 4);
  return !dateShaped && last > 1;
}

/** Henkilötunnus: a real date for its century sign, and the mod-31 check character. */
function isPersonalId(match: RegExpExecArray): boolean {
  const [, date = '', sign = '', individual = '', check = ''] = match;
  const century = sign === '+' ? 1800 : /[A-F]/i.test(sign) ? 2000 : 1900;
  const day = Number(date.slice(0, 2));
  const month = Number(date.slice(2, 4));
  const year = century + Number(date.slice(4, 6));
  const when = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    month >= 1 && month <= 12 && when.getUTCDate() === day && when.getUTCMonth() === month - 1;
  return realDate && CHECK_CHARACTERS[Number(date + individual) % 31] === check.toUpperCase();
}

/** IBAN: 15–34 characters, and the check digits by ISO 7064 mod 97-10. */
function isIban(match: RegExpExecArray): boolean {
  const iban = match[0].replace(/ /g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const value = Number.parseInt(char, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** The Luhn check of a payment card number. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

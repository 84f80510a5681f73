import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costRatio, repeat } from '../../support/linearTime.js';
import {
  findPersonalData,
  findStoryPersonalData,
  type PersonalDataKind,
} from '../../../src/shared/dto.js';

/** What was found, as `[kind, the text found]`. */
const found = (text: string) =>
  findPersonalData(text).map((f) => [f.kind, text.slice(f.start, f.end)] as const);
const kinds = (text: string): PersonalDataKind[] => findPersonalData(text).map((f) => f.kind);

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

describe('findPersonalData', () => {
  it.each([
    'matti.meikalainen@yritys.fi',
    'aino+stories@example.com',
    'liisa.mäkelä@esimerkki.fi',
    'Sales@Example.CO.UK',
  ])('finds the e-mail address %s', (email) => {
    expect(found(`Write to ${email}, please.`)).toEqual([['email', email]]);
  });

  it.each(['@handle', 'user@localhost', 'a@b', 'x@y.1', 'name at example dot com'])(
    'does not take %s for an e-mail address',
    (text) => {
      expect(found(text)).toEqual([]);
    },
  );

  it.each([
    '+358 40 123 4567',
    '+358401234567',
    '+358 (0)40 123 4567',
    '00358 40 123 4567',
    '+44 20 7946 0958',
    '+1 (555) 123-4567',
    '040-1234567',
    '040 123 4567',
    '040 123 45 67',
    '0401234567',
    '(09) 123 4567',
    '09 1234 5678',
  ])('finds the phone number %s', (phone) => {
    expect(found(`Soita numeroon ${phone} huomenna.`)).toEqual([['phone', phone]]);
  });

  it.each([
    ['a date', 'Tapahtui 12.03.2025 illalla.'],
    ['a date with a leading zero', 'Tapahtui 01.03.2025 illalla.'],
    ['a date with spaces', 'Tapahtui 02 03 2025 illalla.'],
    ['an ISO date', 'It happened on 2025-03-12.'],
    ['a year', 'Back in 2025 and 1999.'],
    ['a price', 'The bill was 1 250 € and 12 500 euroa, or 0,50 €.'],
    ['a signed amount', 'Sales grew +12 345 678 € and +15 %.'],
    ['a time', 'klo 09.30–10.30, at 12:30 and 09:00.'],
    ['a short number', 'Call 112 or room 4021, gate 0800.'],
    ['a business ID', 'Y-tunnus 0112038-9.'],
    ['a long number', 'Order 0411 1111 1111 1112 and reference 12345 67890 12345.'],
    ['a temperature', 'It was -5 °C and +3 °C.'],
  ])('does not take %s for personal data', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds a henkilötunnus only with a real date and the right check character', () => {
    expect(found('Hetu 131052-308T.')).toEqual([['personalId', '131052-308T']]);
    expect(found('hetu 131052-308t')).toEqual([['personalId', '131052-308t']]);
    expect(found('Born 2001: 010101A123N')).toEqual([['personalId', '010101A123N']]);
    // The same digits with another check character: not a henkilötunnus.
    expect(kinds('131052-308U')).toEqual([]);
    expect(kinds('131052-308S')).toEqual([]);
    // The check character fits but the date does not exist (31 February; 29 February 1900).
    expect(kinds('310252-308Y')).toEqual([]);
    expect(kinds('290200-1239')).toEqual([]);
    // 2000 was a leap year: the century sign A makes the same date real.
    expect(kinds('290200A1239')).toEqual(['personalId']);
  });

  it('finds an IBAN only when its check digits are right', () => {
    expect(found('Tili FI21 1234 5600 0007 85.')).toEqual([['iban', 'FI21 1234 5600 0007 85']]);
    expect(found('Tili FI2112345600000785.')).toEqual([['iban', 'FI2112345600000785']]);
    expect(found('DE89 3704 0044 0532 0130 00')).toEqual([['iban', 'DE89 3704 0044 0532 0130 00']]);
    expect(kinds('GB82 WEST 1234 5698 7654 32')).toEqual(['iban']);
    expect(kinds('Tili FI22 1234 5600 0007 85.')).toEqual([]);
    expect(kinds('Tili FI21 1234 5600 0007 86.')).toEqual([]);
  });

  it('finds a payment card number only when the Luhn check passes', () => {
    expect(found('Card 4111 1111 1111 1111.')).toEqual([['card', '4111 1111 1111 1111']]);
    expect(found('4111-1111-1111-1111')).toEqual([['card', '4111-1111-1111-1111']]);
    expect(found('4111111111111111')).toEqual([['card', '4111111111111111']]);
    expect(found('Amex 3782 822463 10005')).toEqual([['card', '3782 822463 10005']]);
    expect(found('Visa 4222222222222')).toEqual([['card', '4222222222222']]);
    expect(kinds('Card 4111 1111 1111 1112.')).toEqual([]);
    expect(kinds('4111111111111112')).toEqual([]);
  });

  it('does not take other long numbers that pass Luhn for cards', () => {
    // Each passes Luhn: a time in milliseconds, an EAN-13 product code, a number starting with 9.
    expect(kinds('Sent at 1767225600009 ms.')).toEqual([]);
    expect(kinds('EAN 6411401015014')).toEqual([]);
    expect(kinds('Ref 9111 1111 1111 1110')).toEqual([]);
  });

  it('gives the offsets of each finding in the text', () => {
    const text = 'Call 040-1234567 or aino@example.com; hetu 131052-308T.';
    expect(findPersonalData(text)).toEqual([
      { kind: 'phone', start: 5, end: 16 },
      { kind: 'email', start: 20, end: 36 },
      { kind: 'personalId', start: 43, end: 54 },
    ]);
  });
});

describe('findStoryPersonalData', () => {
  it('names each field with findings once per kind, in form order', () => {
    const result = findStoryPersonalData({
      title: 'A coat for the road',
      situation: 'Mail aino@example.com or call 040-1234567, or aino@example.org.',
      lesson: 'Notice, then act.',
      customerQuote: 'Pay to FI21 1234 5600 0007 85!',
    });
    expect(result.map(({ field, kinds }) => ({ field, kinds }))).toEqual([
      { field: 'situation', kinds: ['email', 'phone'] },
      { field: 'customerQuote', kinds: ['iban'] },
    ]);
    expect(result[0]?.findings).toHaveLength(3);
    expect(findStoryPersonalData({ title: 'Nothing here', customerQuote: undefined })).toEqual([]);
  });
});

describe('properties', () => {
  const pieces = fc.constantFrom(
    ' ',
    '-',
    '+',
    '(',
    ')',
    '.',
    ',',
    '@',
    '0',
    '4',
    '1',
    '9',
    'FI',
    'a',
    'x',
    '€',
    '\n',
    '040 123 4567',
    'aino@example.com',
    '131052-308T',
    'FI21 1234 5600 0007 85',
    '4111 1111 1111 1111',
  );
  const texts = fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(''));

  it('findings lie inside the text, in order, and never overlap', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const findings = findPersonalData(text);
        let previousEnd = 0;
        for (const finding of findings) {
          expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
          expect(finding.end).toBeGreaterThan(finding.start);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          previousEnd = finding.end;
        }
        expect(findPersonalData(text)).toEqual(findings); // deterministic, no state kept
      }),
    );
  });

  it('finds every valid henkilötunnus, and none with another check character', () => {
    const ids = fc
      .record({
        date: fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        individual: fc.integer({ min: 2, max: 899 }),
        shift: fc.integer({ min: 1, max: 30 }),
      })
      .map(({ date, individual, shift }) => {
        const two = (n: number) => String(n).padStart(2, '0');
        const ddmmyy =
          two(date.getUTCDate()) + two(date.getUTCMonth() + 1) + two(date.getUTCFullYear() % 100);
        const nnn = String(individual).padStart(3, '0');
        const sign = date.getUTCFullYear() >= 2000 ? 'A' : '-';
        const check = Number(ddmmyy + nnn) % 31;
        const wrong = (check + shift) % 31;
        return {
          valid: `${ddmmyy}${sign}${nnn}${CHECK_CHARACTERS[check]}`,
          invalid: `${ddmmyy}${sign}${nnn}${CHECK_CHARACTERS[wrong]}`,
        };
      });
    fc.assert(
      fc.property(ids, ({ valid, invalid }) => {
        expect(found(`hetu ${valid}.`)).toEqual([['personalId', valid]]);
        expect(kinds(`hetu ${invalid}.`)).not.toContain('personalId');
      }),
    );
  });

  it('finds every 16-digit number that passes Luhn as a card, and none that fails', () => {
    const numbers = fc
      .tuple(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 9 }), {
          minLength: 14,
          maxLength: 14,
        }),
      )
      .map(([first, rest]) => {
        const body = [first, ...rest];
        // The check digit that makes the Luhn sum a multiple of 10.
        let sum = 0;
        body.forEach((digit, i) => {
          const doubled = (body.length - i) % 2 === 1 ? digit * 2 : digit;
          sum += doubled > 9 ? doubled - 9 : doubled;
        });
        const check = (10 - (sum % 10)) % 10;
        const digits = [...body, check].join('');
        const wrong = [...body, (check + 1) % 10].join('');
        const grouped = (s: string) => s.replace(/(\d{4})(?=\d)/g, '$1 ');
        return { valid: grouped(digits), invalid: grouped(wrong) };
      });
    fc.assert(
      fc.property(numbers, ({ valid, invalid }) => {
        expect(found(`card ${valid}.`)).toEqual([['card', valid]]);
        expect(kinds(`card ${invalid}.`)).not.toContain('card');
      }),
    );
  });
});

/**
 * Linear time (the method of tests/unit/security/linearText.test.ts): the same number of
 * characters costs about the same as ten inputs of 20,000 characters and as a hundred of 2,000,
 * for inputs built to make a backtracking pattern work hardest. A quadratic pattern costs ten times
 * more on the large inputs; the bound (4×) leaves room for a noisy machine.
 */
describe('findPersonalData runs in linear time', () => {
  const LARGE = 20_000;

  it.each(
    Object.entries({
      'letters without an @': repeat('a', '!'),
      'a local part then an @': repeat('a.', '@'),
      'a domain without a dot': (length: number) => `x@${'a-'.repeat(length / 2 - 2)}`,
      'a domain that fails its check': (length: number) => `x@${'b.'.repeat(length / 2 - 2)}1`,
      'many at signs': repeat('a@'),
      digits: repeat('1'),
      zeros: repeat('0'),
      'spaced digits': repeat('0 '),
      'hyphenated digits': repeat('4-'),
      'plus signs and digits': repeat('+1 '),
      'parentheses and digits': repeat('(0)'),
      'IBAN-like groups': repeat('FI21 '),
      alphanumerics: repeat('A1'),
      'henkilötunnus-like': repeat('131052-308U '),
      'phone numbers': repeat('040-1234567, '),
      'e-mail addresses': repeat('aino@example.com '),
    }),
  )('%s', (_, shape) => {
    expect(costRatio(findPersonalData, shape, LARGE)).toBeLessThan(4);
  });
});

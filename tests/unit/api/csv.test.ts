import { describe, expect, it } from 'vitest';
import { csvRows } from '../../support/csv.js';
import { toCsv } from '../../../src/api/csv.js';

describe('toCsv', () => {
  it('starts with a byte order mark, ends lines with CRLF, and quotes what needs it', () => {
    const csv = toCsv(['a', 'b'], [['Jyväskylä, Suomi', 'say "hi"\nthen go']]);
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csvRows(csv)).toEqual([
      ['a', 'b'],
      ['Jyväskylä, Suomi', 'say "hi"\nthen go'],
    ]);
  });

  it('makes text a spreadsheet would run as a formula inert, and leaves numbers as they are', () => {
    const csv = toCsv(['x'], [['=1+2'], ['+1'], ['-1'], ['@SUM(A1)'], ['\tTab'], [-3], ['fine']]);
    expect(
      csvRows(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tTab", '-3', 'fine']);
  });
});

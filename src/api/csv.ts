import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/** A cell of a spreadsheet: text, or a number. */
export type CsvCell = string | number;

/**
 * A CSV document as spreadsheets open it: a byte order mark (so Excel reads UTF-8, ä and ö
 * included), CRLF line ends, quotes where needed, and every text cell that a spreadsheet would
 * take for a formula (`=`, `+`, `-`, `@`, tab, carriage return) prefixed with `'` — story text is
 * user text, and an exported file must not run it.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

/** Answers `csv` as a file download named `fileName`. */
export function sendCsv(reply: FastifyReply, fileName: string, csv: string): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(csv);
}

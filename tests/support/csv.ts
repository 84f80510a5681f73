import { parse } from 'csv-parse/sync';

/** The rows of a CSV document (a byte order mark skipped), each a list of cells. */
export function csvRows(text: string): string[][] {
  const rows: unknown = parse(text, { bom: true });
  return rows as string[][];
}

/** A row as the SDK returns it: typed columns are converted (DateTime → Date, numbers). */
export type Row = Readonly<Record<string, unknown>>;

/** Thrown when a stored row does not have the shape this code wrote; a bug or a manual edit. */
export class CorruptRowError extends Error {
  override readonly name = 'CorruptRowError';
}

/** A required string column. */
export function str(row: Row, name: string): string {
  const value = row[name];
  if (typeof value !== 'string') throw new CorruptRowError(`Column ${name} is not a string.`);
  return value;
}

/** An optional string column; empty and absent are both undefined. */
export function optStr(row: Row, name: string): string | undefined {
  const value = row[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new CorruptRowError(`Column ${name} is not a string.`);
  return value;
}

/** A required number column. */
export function num(row: Row, name: string): number {
  const value = row[name];
  if (typeof value !== 'number') throw new CorruptRowError(`Column ${name} is not a number.`);
  return value;
}

/** An optional number column; absent (or null, as a `$select` of a missing column) is undefined. */
export function optNum(row: Row, name: string): number | undefined {
  const value = row[name];
  if (value === undefined || value === null) return undefined;
  return num(row, name);
}

/** A required boolean column. */
export function bool(row: Row, name: string): boolean {
  const value = row[name];
  if (typeof value !== 'boolean') throw new CorruptRowError(`Column ${name} is not a boolean.`);
  return value;
}

/** A required DateTime column. */
export function date(row: Row, name: string): Date {
  const value = row[name];
  if (!(value instanceof Date)) throw new CorruptRowError(`Column ${name} is not a date.`);
  return value;
}

/** An optional DateTime column. */
export function optDate(row: Row, name: string): Date | undefined {
  const value = row[name];
  if (value === undefined || value === null) return undefined;
  return date(row, name);
}

/** The columns `{ [name]: value }` when value is defined, else none (Table Storage has no null). */
export function opt<K extends string, V>(
  name: K,
  value: V | undefined,
): { [P in K]?: V } | Record<string, never> {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]: V });
}

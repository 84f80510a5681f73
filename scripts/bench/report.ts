/** One row of the printed table: a figure, and its target when it has one. */
export interface Row {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  /** `value <= limit` passes. */
  readonly limit?: number;
  /** `value >= atLeast` passes (a target that is a floor, such as recall). */
  readonly atLeast?: number;
  readonly note?: string;
}

export interface TargetResult {
  readonly name: string;
  readonly value: number | null;
  readonly limit: number;
  /** The limit is a floor: `value >= limit` passes. */
  readonly atLeast?: true;
  readonly pass: boolean;
}

/** Whether a row meets its target; a row without one passes. */
function meets(row: Row): boolean {
  if (row.value === null) return row.limit === undefined && row.atLeast === undefined;
  return (
    (row.limit === undefined || row.value <= row.limit) &&
    (row.atLeast === undefined || row.value >= row.atLeast)
  );
}

/** The rows that have a target, checked. A missing value (a failed phase) is a miss. */
export function checkTargets(rows: readonly Row[]): TargetResult[] {
  return rows.flatMap((row) => {
    if (row.limit !== undefined) {
      return [{ name: row.name, value: row.value, limit: row.limit, pass: meets(row) }];
    }
    if (row.atLeast !== undefined) {
      const { name, value, atLeast } = row;
      return [{ name, value, limit: atLeast, atLeast: true as const, pass: meets(row) }];
    }
    return [];
  });
}

/** A plain-text table: metric, value, target, pass/miss, note. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => {
    const target =
      row.limit !== undefined
        ? `≤ ${formatNumber(row.limit)}`
        : row.atLeast !== undefined
          ? `≥ ${formatNumber(row.atLeast)}`
          : '';
    return [
      row.name,
      row.value === null ? 'n/a' : `${formatNumber(row.value)} ${row.unit}`.trim(),
      target,
      target === '' ? '' : meets(row) ? 'pass' : 'MISS',
      row.note ?? '',
    ];
  });
  const header = ['metric', 'value', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (cols: string[]) =>
    cols
      .map((col, i) =>
        i === 1 || i === 2 ? col.padStart(widths[i] ?? 0) : col.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 10
      ? value.toFixed(1)
      : value.toFixed(2);
}

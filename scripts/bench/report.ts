/** One row of the printed table: a figure, and its target when it has one. */
export interface Row {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  /** `value <= limit` passes. */
  readonly limit?: number;
  readonly note?: string;
}

export interface TargetResult {
  readonly name: string;
  readonly value: number | null;
  readonly limit: number;
  readonly pass: boolean;
}

/** The rows that have a target, checked. A missing value (a failed phase) is a miss. */
export function checkTargets(rows: readonly Row[]): TargetResult[] {
  return rows.flatMap((row) =>
    row.limit === undefined
      ? []
      : [
          {
            name: row.name,
            value: row.value,
            limit: row.limit,
            pass: row.value !== null && row.value <= row.limit,
          },
        ],
  );
}

/** A plain-text table: metric, value, target, pass/miss, note. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.name,
    row.value === null ? 'n/a' : `${formatNumber(row.value)} ${row.unit}`.trim(),
    row.limit === undefined ? '' : `≤ ${formatNumber(row.limit)}`,
    row.limit === undefined ? '' : row.value !== null && row.value <= row.limit ? 'pass' : 'MISS',
    row.note ?? '',
  ]);
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

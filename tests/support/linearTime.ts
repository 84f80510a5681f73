/**
 * How much more `work` costs per character on large inputs than on small ones, for inputs built by
 * `shape` (docs/SECURITY.md: every pattern on user text is linear). The same total of characters
 * is processed as ten inputs of `largeLength` and as a hundred a tenth of the size, interleaved,
 * best of five rounds. Linear work gives about 1; quadratic work about 10. Not a timing assertion.
 */
export function costRatio(
  work: (input: string) => unknown,
  shape: (length: number) => string,
  largeLength: number,
): number {
  const large = shape(largeLength);
  const small = shape(largeLength / 10);
  let largeMs = Number.POSITIVE_INFINITY;
  let smallMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round += 1) {
    let started = performance.now();
    for (let i = 0; i < 10; i += 1) work(large);
    largeMs = Math.min(largeMs, performance.now() - started);
    started = performance.now();
    for (let i = 0; i < 100; i += 1) work(small);
    smallMs = Math.min(smallMs, performance.now() - started);
  }
  return largeMs / Math.max(smallMs, 0.05);
}

/** A shape: `unit` repeated to the length, then `tail`. */
export const repeat =
  (unit: string, tail = '') =>
  (length: number): string =>
    unit.repeat(Math.floor((length - tail.length) / unit.length)) + tail;

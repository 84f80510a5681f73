/** Rounds timed on each side of `costRatio`; the fastest counts. */
const ROUNDS = 50;

/**
 * How much more `work` costs per character on large inputs than on small ones, for inputs built by
 * `shape` (docs/SECURITY.md: every pattern on user text is linear). Each round times one input of
 * `largeLength` and then `gap` inputs a `gap`-th of its size, the same total of characters; the
 * fastest of fifty rounds counts on each side. Linear work gives about 1; quadratic work about
 * `gap`. Not a timing assertion: both sides are measured alike in one run.
 *
 * Many short rounds, not a few long ones: on a busy machine (CI runs tests beside a browser and
 * the storage emulator on two cores) a round of tens of milliseconds is nearly always cut by
 * another process, while some of fifty rounds of a few milliseconds run clean. Measured on such a
 * machine (escapeMarkdown, 20,000 characters): five rounds of ten inputs gave 7.3 where idle runs
 * give 4.2; fifty rounds of one gave 4.7.
 */
export function costRatio(
  work: (input: string) => unknown,
  shape: (length: number) => string,
  largeLength: number,
  gap = 10,
): number {
  const large = shape(largeLength);
  const small = shape(largeLength / gap);
  let largeMs = Number.POSITIVE_INFINITY;
  let smallMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round += 1) {
    let started = performance.now();
    work(large);
    largeMs = Math.min(largeMs, performance.now() - started);
    started = performance.now();
    for (let i = 0; i < gap; i += 1) work(small);
    smallMs = Math.min(smallMs, performance.now() - started);
  }
  // Below a few microseconds the clock, not the work, is measured.
  return largeMs / Math.max(smallMs, 0.005);
}

/** A shape: `unit` repeated to the length, then `tail`. */
export const repeat =
  (unit: string, tail = '') =>
  (length: number): string =>
    unit.repeat(Math.floor((length - tail.length) / unit.length)) + tail;

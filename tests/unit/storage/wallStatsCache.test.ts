import { describe, expect, it } from 'vitest';
import type { MonthTally, WallStats } from '../../../src/domain/index.js';
import { cacheWallStats } from '../../../src/storage/wallStatsCache.js';

const TTL = 5 * 60_000;

/** A WallStats that counts its calls and answers with the number of the call as the total. */
function countingStats() {
  const calls: string[] = [];
  let fail = false;
  let release: (() => void) | undefined;
  let hold = false;
  const stats: WallStats = {
    async tally(tenantId, months) {
      calls.push(`${tenantId}:${months.join(',')}`);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      if (fail) throw new Error('storage down');
      const total = calls.length;
      return months.map((month): MonthTally => ({
        month,
        total,
        teams: new Map(),
        categories: new Map(),
      }));
    },
  };
  return {
    stats,
    calls,
    failing: (value: boolean) => (fail = value),
    holding: (value: boolean) => (hold = value),
    release: () => release?.(),
  };
}

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('cacheWallStats', () => {
  it('serves a tenant’s range from memory for the TTL, then counts again', async () => {
    const inner = countingStats();
    const time = clock();
    const stats = cacheWallStats(inner.stats, { ttlMs: TTL, now: time.now });
    const first = await stats.tally('a', ['2026-10', '2026-11']);
    time.advance(TTL - 1);
    expect(await stats.tally('a', ['2026-10', '2026-11'])).toEqual(first);
    expect(inner.calls).toHaveLength(1);
    time.advance(1);
    const later = await stats.tally('a', ['2026-10', '2026-11']);
    expect(inner.calls).toHaveLength(2);
    expect(later[0]?.total).toBe(2);
  });

  it('keeps tenants and ranges apart', async () => {
    const inner = countingStats();
    const stats = cacheWallStats(inner.stats, { ttlMs: TTL, now: clock().now });
    await stats.tally('a', ['2026-11']);
    await stats.tally('b', ['2026-11']);
    await stats.tally('a', ['2026-10', '2026-11']);
    await stats.tally('a', ['2026-11']);
    expect(inner.calls).toEqual(['a:2026-11', 'b:2026-11', 'a:2026-10,2026-11']);
  });

  it('shares one count between requests that overlap it', async () => {
    const inner = countingStats();
    const stats = cacheWallStats(inner.stats, { ttlMs: TTL, now: clock().now });
    inner.holding(true);
    const first = stats.tally('a', ['2026-11']);
    const second = stats.tally('a', ['2026-11']);
    await Promise.resolve();
    inner.release();
    expect(await first).toEqual(await second);
    expect(inner.calls).toHaveLength(1);
  });

  it('does not keep a failed count', async () => {
    const inner = countingStats();
    const stats = cacheWallStats(inner.stats, { ttlMs: TTL, now: clock().now });
    inner.failing(true);
    await expect(stats.tally('a', ['2026-11'])).rejects.toThrow('storage down');
    inner.failing(false);
    await expect(stats.tally('a', ['2026-11'])).resolves.toHaveLength(1);
    expect(inner.calls).toHaveLength(2);
  });

  it('is off with a TTL of 0, and bounded in size', async () => {
    const inner = countingStats();
    const off = cacheWallStats(inner.stats, { ttlMs: 0 });
    expect(off).toBe(inner.stats);

    const bounded = cacheWallStats(inner.stats, { ttlMs: TTL, now: clock().now, maxEntries: 2 });
    await bounded.tally('a', ['2026-11']);
    await bounded.tally('b', ['2026-11']);
    await bounded.tally('c', ['2026-11']); // full: nothing expired, so all were dropped
    await bounded.tally('a', ['2026-11']);
    expect(inner.calls).toEqual(['a:2026-11', 'b:2026-11', 'c:2026-11', 'a:2026-11']);
  });
});

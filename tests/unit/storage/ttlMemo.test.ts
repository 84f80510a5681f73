import { describe, expect, it } from 'vitest';
import { ttlMemo } from '../../../src/storage/wallRanking.js';

/** A memo on a clock the test moves, and a read that counts itself and can be held. */
function setup() {
  let clock = 0;
  const memo = ttlMemo<number>(1_000, { maxEntries: 10, now: () => clock });
  let reads = 0;
  let release: (() => void) | undefined;
  let hold = false;
  const load = () => {
    reads += 1;
    const value = reads;
    if (!hold) return Promise.resolve(value);
    return new Promise<number>((resolve) => {
      release = () => resolve(value);
    });
  };
  return {
    memo,
    load,
    reads: () => reads,
    at: (ms: number) => {
      clock = ms;
    },
    holdReads: () => {
      hold = true;
    },
    release: () => release?.(),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ttlMemo', () => {
  it('shares one read between asks that arrive together, and serves it for its time', async () => {
    const t = setup();
    expect(await Promise.all([t.memo.get('k', t.load), t.memo.get('k', t.load)])).toEqual([1, 1]);
    t.at(999);
    expect(await t.memo.get('k', t.load)).toBe(1);
    expect(t.reads()).toBe(1);
  });

  it('answers an expired value at once while one read replaces it', async () => {
    const t = setup();
    await t.memo.get('k', t.load);
    t.at(1_500);
    t.holdReads();
    // Nobody waits for the read: both asks get the older value, and only one read starts.
    expect(await t.memo.get('k', t.load)).toBe(1);
    expect(await t.memo.get('k', t.load)).toBe(1);
    expect(t.reads()).toBe(2);
    t.release();
    await turn();
    expect(await t.memo.get('k', t.load)).toBe(2);
  });

  it('waits for a fresh read past the grace, and after its own change (drop)', async () => {
    const t = setup();
    await t.memo.get('k', t.load);
    t.at(2_500);
    expect(await t.memo.get('k', t.load)).toBe(2);
    t.memo.drop('k');
    expect(await t.memo.get('k', t.load)).toBe(3);
  });
});

describe('ttlMemo with a time per value', () => {
  it('holds a value its `ttlOf` says will not change soon for that longer time', async () => {
    let clock = 0;
    // Even values are "bounded counts": held ten times as long.
    const memo = ttlMemo<number>(1_000, {
      maxEntries: 10,
      now: () => clock,
      ttlOf: (value) => (value % 2 ? 1_000 : 10_000),
    });
    let reads = 0;
    const load = () => Promise.resolve(++reads * 2);
    expect(await memo.get('bounded', load)).toBe(2);
    clock = 9_999;
    expect(await memo.get('bounded', load)).toBe(2);
    expect(reads).toBe(1);
    // Past its own time it is answered while read again, as any value past its time.
    clock = 10_500;
    expect(await memo.get('bounded', load)).toBe(2);
    await turn();
    expect(reads).toBe(2);
    expect(await memo.get('bounded', load)).toBe(4);

    let odd = 0;
    const loadOdd = () => Promise.resolve(++odd * 2 - 1);
    clock = 20_000;
    expect(await memo.get('exact', loadOdd)).toBe(1);
    clock = 21_001;
    expect(await memo.get('exact', loadOdd)).toBe(1);
    await turn();
    expect(odd).toBe(2);
  });
});

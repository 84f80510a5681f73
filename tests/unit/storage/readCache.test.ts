import { describe, expect, it } from 'vitest';
import { createReadCache } from '../../../src/storage/readCache.js';
import { createGate } from '../../support/gate.js';

/** A value in "storage" that counts its reads and can hold them until told to go on. */
function fakeSource() {
  let value = 1;
  let reads = 0;
  const gate = createGate();
  return {
    load: async () => {
      reads++;
      const seen = value;
      await gate.passed();
      return seen;
    },
    set: (next: number) => (value = next),
    reads: () => reads,
    hold: gate.hold,
  };
}

function setUp(ttlMs = 1_000) {
  let clock = 0;
  const source = fakeSource();
  const cache = createReadCache<number>({ ttlMs, now: () => clock });
  return { source, cache, advance: (ms: number) => (clock += ms) };
}

describe('createReadCache', () => {
  it('serves a value from memory until the time-to-live is over', async () => {
    const { source, cache, advance } = setUp();
    expect(await cache.get('k', source.load)).toBe(1);
    source.set(2);
    advance(999);
    expect(await cache.get('k', source.load)).toBe(1);
    advance(1);
    expect(await cache.get('k', source.load)).toBe(2);
    expect(source.reads()).toBe(2);
  });

  it('shares one read among callers who miss at once', async () => {
    const { source, cache } = setUp();
    const release = source.hold();
    const callers = Array.from({ length: 50 }, () => cache.get('k', source.load));
    release();
    expect(await Promise.all(callers)).toEqual(Array(50).fill(1));
    expect(source.reads()).toBe(1);
  });

  it('reads again after a drop, and does not keep a read that overlapped it', async () => {
    const { source, cache } = setUp();
    const release = source.hold();
    const before = cache.get('k', source.load);
    source.set(2);
    cache.drop('k');
    const after = cache.get('k', source.load);
    release();
    expect(await before).toBe(1);
    expect(await after).toBe(2);
    source.set(3);
    // What `after` read was kept; what `before` read was not.
    expect(await cache.get('k', source.load)).toBe(2);
    expect(source.reads()).toBe(2);
  });

  it('drops every key of a prefix, and only those', async () => {
    const { source, cache } = setUp();
    await cache.get('a\n1', source.load);
    await cache.get('a\n2', source.load);
    await cache.get('b\n1', source.load);
    cache.dropPrefix('a\n');
    await cache.get('a\n1', source.load);
    await cache.get('a\n2', source.load);
    await cache.get('b\n1', source.load);
    expect(source.reads()).toBe(5);
  });

  it('keeps no failed read: every caller sharing it gets the error, the next one reads again', async () => {
    const { source, cache } = setUp();
    let fail = true;
    const load = async () => {
      if (fail) throw new Error('storage is unavailable');
      return source.load();
    };
    const shared = [cache.get('k', load), cache.get('k', load)];
    await expect(Promise.all(shared)).rejects.toThrow('unavailable');
    fail = false;
    expect(await cache.get('k', load)).toBe(1);
  });

  it('reads every time with a time-to-live of 0', async () => {
    const { source, cache } = setUp(0);
    await cache.get('k', source.load);
    await cache.get('k', source.load);
    expect(source.reads()).toBe(2);
  });

  it('tells what it holds fresh without reading (`peek`): nothing before, after its time or a drop', async () => {
    const { source, cache, advance } = setUp();
    expect(cache.peek('k')).toBeUndefined();
    await cache.get('k', source.load);
    expect(cache.peek('k')).toEqual(expect.objectContaining({ value: 1 }));
    advance(1_000);
    expect(cache.peek('k')).toBeUndefined();
    await cache.get('k', source.load);
    cache.drop('k');
    expect(cache.peek('k')).toBeUndefined();
    expect(source.reads()).toBe(2);
  });
});

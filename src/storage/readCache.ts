export interface ReadCacheOptions {
  /** How long a value is served from memory; 0 turns the cache off (every `get` reads). */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
  /** Keys kept at most, 10,000 by default; past it the expired ones are dropped, or all. */
  readonly maxEntries?: number;
}

/** Values read from storage, by key; see `createReadCache`. */
export interface ReadCache<T> {
  /** The value under `key`: from memory while fresh, else from `load` (shared by concurrent callers). */
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** The value under `key` while it is fresh in memory, without reading (`{ value }`); else undefined. */
  peek(key: string): { readonly value: T } | undefined;
  /**
   * Forgets `key` (this instance just wrote what it was read from): a read of it under way is
   * still answered to its callers but not kept, and later callers start their own.
   */
  drop(key: string): void;
  /** As `drop`, for every key that starts with `prefix`. */
  dropPrefix(prefix: string): void;
}

/**
 * Keeps what a storage read returned under a key for `ttlMs`, with one read at a time per key:
 * callers who miss together (a cache that expires under dozens of concurrent requests, or the
 * first requests after a start) share one read rather than each queueing their own behind a
 * busy store. A write this instance makes drops the key at once (`drop`); one made by another
 * instance shows within `ttlMs`. A failed read is not kept: every caller sharing it gets the error.
 */
export function createReadCache<T>(options: ReadCacheOptions): ReadCache<T> {
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 10_000;
  const held = new Map<string, { value: T; until: number }>();
  const reading = new Map<string, { answer: Promise<T>; dropped: boolean }>();

  const forget = (key: string) => {
    held.delete(key);
    const read = reading.get(key);
    if (read) {
      read.dropped = true;
      reading.delete(key);
    }
  };

  function keep(key: string, value: T): void {
    const at = now();
    if (held.size >= maxEntries) {
      for (const [old, entry] of held) if (entry.until <= at) held.delete(old);
      if (held.size >= maxEntries) held.clear();
    }
    held.set(key, { value, until: at + options.ttlMs });
  }

  return {
    get(key, load) {
      if (options.ttlMs <= 0) return load();
      const hit = held.get(key);
      if (hit && hit.until > now()) return Promise.resolve(hit.value);
      const under = reading.get(key);
      if (under) return under.answer;
      const read = { answer: new Promise<T>((resolve) => resolve(load())), dropped: false };
      reading.set(key, read);
      const done = () => {
        if (reading.get(key) === read) reading.delete(key);
      };
      read.answer.then((value) => {
        done();
        if (!read.dropped) keep(key, value);
      }, done);
      return read.answer;
    },
    peek(key) {
      const hit = held.get(key);
      return hit && hit.until > now() ? hit : undefined;
    },
    drop: forget,
    dropPrefix(prefix) {
      for (const key of [...held.keys(), ...reading.keys()])
        if (key.startsWith(prefix)) forget(key);
    },
  };
}

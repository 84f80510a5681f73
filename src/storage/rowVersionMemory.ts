import type { Row } from './entityFields.js';

/** Where one row lives in its table. */
export interface RowKeys {
  readonly partitionKey: string;
  readonly rowKey: string;
}

/** A version of a projection row this instance wrote or read: its ETag, revision and columns. */
export interface RowVersion {
  readonly etag: string;
  readonly revision: number;
  readonly row: Row;
  /** Whether `row` holds every column (else only the revision was read). */
  readonly whole: boolean;
}

/** What this instance last knew of a row: a version, or that there was none. */
export type KnownRow = RowVersion | 'absent';

export interface RowVersionMemoryOptions {
  /** How long a row's version is offered to the next write; 0 turns the memory off. */
  readonly ttlMs: number;
  /** Rows remembered at most; past it the oldest remembered is forgotten. */
  readonly maxEntries?: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
}

/**
 * The version of each projection row this instance wrote or read lately, per table adapter, so
 * the next write of the row can go straight to storage on that ETag (or, for a row known to be
 * absent, as a create) instead of reading the row first. Nothing is decided on it: the write is
 * conditional, storage refuses it once anyone anywhere changed the row, and the refused write is
 * judged again on a fresh read (`writeIfNewer`). A stale version costs one refused write.
 */
export interface RowVersionMemory {
  recall(keys: RowKeys): KnownRow | undefined;
  remember(keys: RowKeys, known: KnownRow): void;
  forget(keys: RowKeys): void;
}

/** A `RowVersionMemory`, or undefined when `ttlMs` is 0 (every write reads first). */
export function createRowVersionMemory(
  options: RowVersionMemoryOptions,
): RowVersionMemory | undefined {
  if (options.ttlMs <= 0) return undefined;
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 2_000;
  const held = new Map<string, { known: KnownRow; until: number }>();
  const keyOf = (keys: RowKeys) => `${keys.partitionKey}\n${keys.rowKey}`;

  return {
    recall(keys) {
      const key = keyOf(keys);
      const entry = held.get(key);
      if (!entry) return undefined;
      if (entry.until <= now()) {
        held.delete(key);
        return undefined;
      }
      return entry.known;
    },
    remember(keys, known) {
      const key = keyOf(keys);
      // A slower answer about an older revision must not replace a newer one.
      const current = held.get(key)?.known;
      if (known !== 'absent' && current && current !== 'absent') {
        if (current.revision > known.revision) return;
      }
      held.delete(key);
      if (held.size >= maxEntries) {
        const oldest = held.keys().next();
        if (!oldest.done) held.delete(oldest.value);
      }
      held.set(key, { known, until: now() + options.ttlMs });
    },
    forget(keys) {
      held.delete(keyOf(keys));
    },
  };
}

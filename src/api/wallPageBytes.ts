import { encodeJson, type EncodedBody } from './encodedBody.js';

/**
 * The wall's first pages as the readers who share them get them, serialized and compressed once
 * (docs/adr/0010). An entry belongs to one read of the wall's page cache (`WallPage.revision`):
 * when that cache reads again — a change to the wall on this instance, or its time is up — the
 * next request makes the bytes again, so they are dropped exactly when the page is.
 */
export interface WallPageBytes {
  /**
   * The bytes of `key` (a tenant, a page size and a class of readers who see the same) for the
   * page read `revision`; `render` makes the answer when they are not held yet.
   */
  get(key: string, revision: number, render: () => unknown): EncodedBody;
  /** The bytes of `key` for the page read `revision` when they are made already; else undefined. */
  held(key: string, revision: number): EncodedBody | undefined;
  /** The bytes made last, whatever their key (the benchmark's floor route sends them). */
  latest(): EncodedBody | undefined;
}

/** `maxEntries` keys at most (1,000 by default, some 100 KB each); past it all are dropped. */
export function createWallPageBytes(options: { maxEntries?: number } = {}): WallPageBytes {
  const maxEntries = options.maxEntries ?? 1_000;
  const entries = new Map<string, { revision: number; body: EncodedBody }>();
  let last: EncodedBody | undefined;
  return {
    get(key, revision, render) {
      const held = entries.get(key);
      if (held?.revision === revision) return held.body;
      let body = encodeJson(render());
      // A request still holding an older read than the one kept: its own bytes, not kept.
      if (held && held.revision > revision) return body;
      // A new read of unchanged stories (the cache's time was up): the compressed copies made
      // already stay good.
      if (held?.body.hash === body.hash) body = held.body;
      if (!held && entries.size >= maxEntries) entries.clear();
      entries.set(key, { revision, body });
      last = body;
      return body;
    },
    held(key, revision) {
      const held = entries.get(key);
      return held?.revision === revision ? held.body : undefined;
    },
    latest: () => last,
  };
}

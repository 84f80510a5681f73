import {
  DomainError,
  type Award,
  type AwardStore,
  type ErasureRecord,
  type ErasureRegister,
  type IndexedStory,
  type Involvement,
  type PersonIndex,
} from '../../src/domain/index.js';

/**
 * In-memory fakes of the erasure ports (and awards), with the table adapters' rules: Merge
 * upserts for the person index, conditional writes for the register and the awards.
 */

export function fakePersonIndex(): PersonIndex & { entries(): Map<string, Set<Involvement>> } {
  const rows = new Map<string, Set<Involvement>>();
  const keyOf = (tenantId: string, personId: string, storyId: string) =>
    `${tenantId}|${personId}|${storyId}`;
  return {
    async add(tenantId, personId, storyId, involvements) {
      const key = keyOf(tenantId, personId, storyId);
      rows.set(key, new Set([...(rows.get(key) ?? []), ...involvements]));
    },
    listForView(tenantId, personId, only) {
      return this.list(tenantId, personId, only);
    },
    async list(tenantId, personId, only) {
      const prefix = `${tenantId}|${personId}|`;
      return [...rows]
        .filter(([key]) => key.startsWith(prefix))
        .filter(([, kinds]) => !only || only.some((kind) => kinds.has(kind)))
        .map(([key, kinds]): IndexedStory => ({
          storyId: key.slice(prefix.length),
          involvements: [...kinds],
        }));
    },
    async drop(tenantId, personId) {
      for (const key of [...rows.keys()]) {
        if (key.startsWith(`${tenantId}|${personId}|`)) rows.delete(key);
      }
    },
    entries: () => rows,
  };
}

export function fakeErasureRegister(): ErasureRegister & {
  records(): ErasureRecord[];
  /** Counts writes, so a test can cut a run short after some. */
  puts: number;
} {
  const rows = new Map<string, { value: ErasureRecord; etag: string }>();
  let version = 0;
  const register = {
    puts: 0,
    async get(tenantId: string, personId: string) {
      return rows.get(`${tenantId}|${personId}`) ?? null;
    },
    async put(record: ErasureRecord, etag: string | null) {
      const key = `${record.tenantId}|${record.receipt.personId}`;
      if ((rows.get(key)?.etag ?? null) !== etag) throw new DomainError('conflict', 'stale');
      const next = String(++version);
      rows.set(key, { value: record, etag: next });
      register.puts++;
      return next;
    },
    async unfinished(before: Date, limit: number) {
      return [...rows.values()]
        .map((row) => row.value)
        .filter((r) => r.status === 'running' && r.updatedAt < before)
        .slice(0, limit);
    },
    records: () => [...rows.values()].map((row) => row.value),
  };
  return register;
}

/** Awards in memory, with the same conditional write as the table adapter. */
export function fakeAwards(): AwardStore {
  const rows = new Map<string, { value: Award; etag: string }>();
  let version = 0;
  return {
    async get(tenantId, month) {
      return rows.get(`${tenantId}|${month}`) ?? null;
    },
    async list(tenantId, limit) {
      return [...rows.values()]
        .map((row) => row.value)
        .filter((award) => award.tenantId === tenantId)
        .sort((a, b) => (a.month < b.month ? 1 : -1))
        .slice(0, limit);
    },
    async put(award, etag) {
      const key = `${award.tenantId}|${award.month}`;
      if ((rows.get(key)?.etag ?? null) !== etag) throw new DomainError('conflict', 'stale');
      rows.set(key, { value: award, etag: String(++version) });
    },
  };
}

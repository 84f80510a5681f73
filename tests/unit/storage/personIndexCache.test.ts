import { describe, expect, it } from 'vitest';
import type { PersonIndex } from '../../../src/domain/erasurePorts.js';
import { cachePersonIndex } from '../../../src/storage/personIndexCache.js';
import { fakePersonIndex } from '../../support/erasureFakes.js';

const tenantId = 'tenant-a';
const reactions = ['voted', 'learned'] as const;

function setUp() {
  let clock = 0;
  const inner = fakePersonIndex();
  let reads = 0;
  const counted: PersonIndex = {
    ...inner,
    list: (tenant, personId, only) => {
      reads++;
      return inner.list(tenant, personId, only);
    },
  };
  const index = cachePersonIndex(counted, { ttlMs: 15_000, now: () => clock });
  return { inner, index, reads: () => reads, advance: (ms: number) => (clock += ms) };
}

const ids = (found: Awaited<ReturnType<PersonIndex['list']>>) => found.map((s) => s.storyId);

describe('cachePersonIndex', () => {
  it("serves a person's stories for the tab from one read during a visit", async () => {
    const { inner, index, reads, advance } = setUp();
    await inner.add(tenantId, 'p1', 's1', ['voted']);
    expect(ids(await index.listForView(tenantId, 'p1', reactions))).toEqual(['s1']);
    advance(14_999);
    expect(ids(await index.listForView(tenantId, 'p1', reactions))).toEqual(['s1']);
    expect(reads()).toBe(1);
  });

  it('shows a reaction recorded through this instance at once', async () => {
    const { index } = setUp();
    expect(await index.listForView(tenantId, 'p1', reactions)).toEqual([]);
    await index.add(tenantId, 'p1', 's1', ['voted']);
    expect(ids(await index.listForView(tenantId, 'p1', reactions))).toEqual(['s1']);
  });

  it('shows one recorded through another instance within the time-to-live', async () => {
    const { inner, index, advance } = setUp();
    expect(await index.listForView(tenantId, 'p1', reactions)).toEqual([]);
    await inner.add(tenantId, 'p1', 's1', ['voted']);
    advance(15_000);
    expect(ids(await index.listForView(tenantId, 'p1', reactions))).toEqual(['s1']);
  });

  it("keeps people apart, and forgets a person's copy when their index is dropped", async () => {
    const { index } = setUp();
    await index.add(tenantId, 'p1', 's1', ['voted']);
    expect(await index.listForView(tenantId, 'p2', reactions)).toEqual([]);
    expect(ids(await index.listForView(tenantId, 'p1', reactions))).toEqual(['s1']);
    await index.drop(tenantId, 'p1');
    expect(await index.listForView(tenantId, 'p1', reactions)).toEqual([]);
  });

  it('always reads storage for `list` (erasure and export see every row)', async () => {
    const { inner, index, reads } = setUp();
    await index.list(tenantId, 'p1');
    await inner.add(tenantId, 'p1', 's1', ['featured']);
    expect(ids(await index.list(tenantId, 'p1'))).toEqual(['s1']);
    expect(reads()).toBe(2);
  });
});

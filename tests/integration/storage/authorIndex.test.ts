import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type Story } from '../../../src/domain/index.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const tenantId = 'tenant-authors';
const counter = createCallCounter();
let storage: TableStorage;

beforeAll(async () => {
  storage = await testStorage({
    additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
  });
});
afterAll(async () => {
  await storage.dropTables();
});

/** A story of `authorId`, told `minutes` after a fixed start; ids are unique per test. */
let n = 0;
function told(authorId: string, minutes: number, overrides: Partial<Story> = {}): Story {
  const createdAt = new Date(Date.UTC(2026, 10, 2, 9) + minutes * 60_000);
  return buildStory({
    tenantId,
    id: `mine-${++n}`,
    authorId,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  });
}

/** Follows cursors to the end; returns every page's ids. */
async function walk(tenant: string, authorId: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.authors.list(tenant, authorId, {
      limit,
      ...(cursor ? { cursor } : {}),
    });
    pages.push(page.items.map((s) => s.id));
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 50) throw new Error('no end');
  } while (cursor);
  return pages;
}

async function expectValidation(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toSatisfy(
    (e) => e instanceof DomainError && e.code === 'validation',
  );
}

describe('TableAuthorIndex', () => {
  it('lists an author’s stories in every status, newest first, as whole snapshots', async () => {
    const author = 'author-list';
    const stories = [
      told(author, 1, { status: 'pending' }),
      told(author, 3, { status: 'published', publishedAt: new Date(Date.UTC(2026, 10, 5)) }),
      told(author, 2, { status: 'changes_requested', decisionComment: 'Add the lesson.' }),
      told(author, 4, { status: 'withdrawn' }),
      told(author, 5, { status: 'rejected', customerQuote: 'Thanks!' }),
    ];
    await Promise.all(stories.map((s) => storage.authors.put(s)));
    const page = await storage.authors.list(tenantId, author, { limit: 30 });
    expect(page.items).toEqual(
      [...stories].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
    );
    expect(page.nextCursor).toBeNull();
  });

  it('pages with no gaps and no duplicates, and the last page says it is the last', async () => {
    const author = 'author-paging';
    const stories = Array.from({ length: 7 }, (_, i) => told(author, i));
    await Promise.all(stories.map((s) => storage.authors.put(s)));
    const expected = stories.map((s) => s.id).reverse();
    expect(await walk(tenantId, author, 3)).toEqual([
      expected.slice(0, 3),
      expected.slice(3, 6),
      expected.slice(6),
    ]);
    // A page that ends exactly at the last story has no cursor: no empty page follows.
    expect(await walk(tenantId, author, 7)).toEqual([expected]);
    expect(await walk(tenantId, author, 100)).toEqual([expected]);
  });

  it('orders stories told at the same moment by id, and pages through them', async () => {
    const author = 'author-same-time';
    const stories = ['b', 'a', 'c'].map((id) => told(author, 0, { id: `same-${id}` }));
    await Promise.all(stories.map((s) => storage.authors.put(s)));
    expect((await walk(tenantId, author, 1)).flat()).toEqual(['same-a', 'same-b', 'same-c']);
  });

  it('costs one query per page', async () => {
    const author = 'author-cost';
    await Promise.all(Array.from({ length: 5 }, (_, i) => storage.authors.put(told(author, i))));
    counter.reset();
    const first = await storage.authors.list(tenantId, author, { limit: 2 });
    expect(counter.calls).toBe(1);
    counter.reset();
    await storage.authors.list(tenantId, author, { limit: 2, cursor: first.nextCursor! });
    expect(counter.calls).toBe(1);
  });

  it('keeps the newest revision whatever the order the writes land in', async () => {
    const author = 'author-revisions';
    const base = told(author, 0);
    const changes = { ...base, status: 'changes_requested' as const, revision: 2 };
    const resubmitted = { ...base, title: 'Told again', status: 'pending' as const, revision: 3 };
    await storage.authors.put(resubmitted);
    await storage.authors.put(changes);
    await storage.authors.put(base);
    expect((await storage.authors.list(tenantId, author, { limit: 10 })).items).toEqual([
      resubmitted,
    ]);
    await Promise.all(
      [5, 8, 4, 7, 6].map((revision) => storage.authors.put({ ...base, revision })),
    );
    expect((await storage.authors.list(tenantId, author, { limit: 10 })).items).toEqual([
      { ...base, revision: 8 },
    ]);
  });

  it('keeps authors and tenants apart', async () => {
    const mine = told('author-a', 0);
    const theirs = told('author-b', 1);
    const sameAuthorOtherTenant = { ...told('author-a', 2), tenantId: 'tenant-other' };
    await Promise.all([mine, theirs, sameAuthorOtherTenant].map((s) => storage.authors.put(s)));
    expect((await storage.authors.list(tenantId, 'author-a', { limit: 10 })).items).toEqual([mine]);
    expect((await storage.authors.list(tenantId, 'author-b', { limit: 10 })).items).toEqual([
      theirs,
    ]);
    expect((await storage.authors.list('tenant-other', 'author-a', { limit: 10 })).items).toEqual([
      sameAuthorOtherTenant,
    ]);
    // The author partitions are not the approvers': a queue of the same id stays empty.
    expect(await storage.approvals.list(tenantId, 'author-a', 10)).toEqual([]);
  });

  it('refuses a cursor made for another person or another tenant', async () => {
    const stories = [0, 1, 2].map((i) => told('author-cursor', i));
    const foreign = [0, 1].map((i) => ({ ...told('author-cursor', i), tenantId: 'tenant-x' }));
    await Promise.all([...stories, ...foreign].map((s) => storage.authors.put(s)));
    const { nextCursor } = await storage.authors.list(tenantId, 'author-cursor', { limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    await expectValidation(
      storage.authors.list(tenantId, 'author-someone-else', { limit: 1, cursor: nextCursor! }),
    );
    await expectValidation(
      storage.authors.list('tenant-x', 'author-cursor', { limit: 1, cursor: nextCursor! }),
    );
  });

  it('refuses malformed and tampered cursors, bad page sizes and bad ids', async () => {
    const encode = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
    const pk = `${tenantId}|author|author-bad`;
    const list = (cursor: string) =>
      storage.authors.list(tenantId, 'author-bad', { limit: 5, cursor });
    for (const cursor of [
      '',
      'not a cursor',
      'bm90IGpzb24',
      encode([]),
      encode({ v: 2, pk, after: `0000000000001|s` }),
      encode({ v: 1, pk, after: 'no-time|s' }),
      encode({ v: 1, pk, after: `0000000000001|a/b` }),
      encode({ v: 1, pk, after: `0000000000001|s`, extra: true }),
      encode({ v: 1, pk: `${tenantId}|approver|author-bad`, after: `0000000000001|s` }),
      'x'.repeat(2000),
    ]) {
      await expectValidation(list(cursor));
    }
    // A well-formed cursor of this author's own partition works.
    expect((await list(encode({ v: 1, pk, after: '0000000000001|s' }))).items).toEqual([]);
    for (const limit of [0, -1, 1.5, 101]) {
      await expectValidation(storage.authors.list(tenantId, 'author-bad', { limit }));
    }
    await expectValidation(storage.authors.list(tenantId, 'a|b', { limit: 5 }));
    await expectValidation(storage.authors.list('t/x', 'author-bad', { limit: 5 }));
  });
});

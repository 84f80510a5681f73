import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Story, WallQuery } from '../../../src/domain/index.js';
import { createTableStorage, type TableStorage } from '../../../src/storage/tableStorage.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const tenantId = 'tenant-accounts';
const otherTenant = 'tenant-elsewhere';
let storage: TableStorage;

const at = (month: number, day: number) => new Date(Date.UTC(2026, month, day, 9));

/** A published story of the tenant, with its publish time, votes and customer account. */
function published(
  id: string,
  publishedAt: Date,
  fields: Partial<Pick<Story, 'accountName' | 'crmUrl' | 'locale' | 'voteCount' | 'tenantId'>>,
): Story {
  return buildStory({
    tenantId,
    id,
    status: 'published',
    publishedAt,
    updatedAt: publishedAt,
    ...fields,
  });
}

// Two months: October holds the most voted story, November the rest.
const stories = [
  published('contoso-old', at(9, 5), { accountName: 'Contoso Oy', voteCount: 9, locale: 'fi' }),
  published('contoso-new', at(10, 20), {
    accountName: 'CONTOSO OY ',
    crmUrl: 'https://crm.example.com/accounts/1',
    voteCount: 2,
    locale: 'en',
  }),
  published('fabrikam', at(10, 10), { accountName: 'Fabrikam', voteCount: 5, locale: 'fi' }),
  published('no-account', at(10, 15), { voteCount: 5, locale: 'en' }),
  published('contoso-elsewhere', at(10, 16), {
    tenantId: otherTenant,
    accountName: 'Contoso Oy',
    voteCount: 50,
  }),
];

const page = (query: Omit<WallQuery, 'tenantId'>) => storage.wall.page({ tenantId, ...query });
const ids = async (query: Omit<WallQuery, 'tenantId'>) =>
  (await page(query)).items.map((s) => s.id);

beforeAll(async () => {
  storage = createTableStorage({
    connectionString: inject('azurite').connectionString,
    allowInsecureConnection: true,
    tablePrefix: uniqueTablePrefix(),
  });
  await storage.ensureTables();
  for (const story of stories) await storage.wall.upsert(story);
});
afterAll(async () => {
  await storage.dropTables();
});

describe('the wall by customer account, language and votes (Azurite)', () => {
  it('keeps the account name and CRM link on the wall row', async () => {
    const [story] = (await page({ limit: 1 })).items;
    expect(story).toMatchObject({
      id: 'contoso-new',
      accountName: 'CONTOSO OY ',
      crmUrl: 'https://crm.example.com/accounts/1',
    });
  });

  it('finds an account without regard to case or spaces, and only in the tenant', async () => {
    expect(await ids({ limit: 10, account: 'contoso oy' })).toEqual(['contoso-new', 'contoso-old']);
    expect(await ids({ limit: 10, account: '  CONTOSO OY' })).toEqual([
      'contoso-new',
      'contoso-old',
    ]);
    expect(await ids({ limit: 10, account: 'Contoso' })).toEqual([]);
  });

  it('combines account, language and month', async () => {
    expect(await ids({ limit: 10, language: 'fi' })).toEqual(['fabrikam', 'contoso-old']);
    expect(await ids({ limit: 10, account: 'contoso oy', language: 'fi' })).toEqual([
      'contoso-old',
    ]);
    expect(await ids({ limit: 10, account: 'contoso oy', month: '2026-11' })).toEqual([
      'contoso-new',
    ]);
  });

  it('ranks most voted first across months, newest first on a tie, paged by a cursor', async () => {
    const first = await page({ limit: 2, sort: 'votes' });
    expect(first.items.map((s) => s.id)).toEqual(['contoso-old', 'no-account']);
    expect(first.nextCursor).not.toBeNull();
    const second = await page({ limit: 2, sort: 'votes', cursor: first.nextCursor! });
    expect(second.items.map((s) => s.id)).toEqual(['fabrikam', 'contoso-new']);
    expect(second.nextCursor).toBeNull();
    // Within one month, with a filter.
    expect(await ids({ limit: 10, sort: 'votes', month: '2026-11', language: 'fi' })).toEqual([
      'fabrikam',
    ]);
  });

  it('refuses a cursor of the other order, or of another tenant', async () => {
    const newest = await page({ limit: 1 });
    await expect(page({ limit: 1, sort: 'votes', cursor: newest.nextCursor! })).rejects.toThrow(
      'Invalid cursor.',
    );
    const ranked = await storage.wall.page({ tenantId: otherTenant, limit: 1, sort: 'votes' });
    expect(ranked.items.map((s) => s.id)).toEqual(['contoso-elsewhere']);
    const foreign = await page({ limit: 1, sort: 'votes' });
    await expect(
      storage.wall.page({
        tenantId: otherTenant,
        limit: 1,
        sort: 'votes',
        cursor: foreign.nextCursor!,
      }),
    ).rejects.toThrow('Invalid cursor.');
  });

  it('counts the stories a filter matches', async () => {
    expect(await storage.wall.count({ tenantId })).toEqual({ total: 4, exact: true });
    expect(await storage.wall.count({ tenantId, account: 'Contoso Oy' })).toEqual({
      total: 2,
      exact: true,
    });
    expect(await storage.wall.count({ tenantId, language: 'en', month: '2026-11' })).toEqual({
      total: 2,
      exact: true,
    });
    // A text search is matched in the app, on the texts alone.
    expect(await storage.wall.count({ tenantId, q: 'JACKET', account: 'fabrikam' })).toEqual({
      total: 1,
      exact: true,
    });
    expect(await storage.wall.count({ tenantId, q: 'no such words' })).toEqual({
      total: 0,
      exact: true,
    });
  });

  it('shows a story that leaves the wall gone from the ranking at once', async () => {
    const fabrikam = stories.find((s) => s.id === 'fabrikam')!;
    await storage.wall.remove({ ...fabrikam, revision: fabrikam.revision + 1 });
    expect(await ids({ limit: 10, sort: 'votes' })).toEqual([
      'contoso-old',
      'no-account',
      'contoso-new',
    ]);
    expect(await storage.wall.count({ tenantId })).toEqual({ total: 3, exact: true });
  });
});

import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTableStorage, type TableStorage } from '../../../src/storage/tableStorage.js';
import { wallEntity } from '../../../src/storage/tableWallIndex.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const tenantId = 'tenant-legacy';
const prefix = uniqueTablePrefix();
let storage: TableStorage;
let raw: TableClient;

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));
const legacy = buildStory({
  tenantId,
  id: 'legacy-sales',
  team: 'Sales',
  status: 'published',
  publishedAt: at(2),
  updatedAt: at(2),
});
const current = buildStory({
  tenantId,
  id: 'current-sales',
  team: 'SALES ',
  status: 'published',
  publishedAt: at(3),
  updatedAt: at(3),
});

const ids = async (team: string) =>
  (await storage.wall.page({ tenantId, limit: 10, team })).items.map((s) => s.id);

beforeAll(async () => {
  storage = createTableStorage({
    connectionString: inject('azurite').connectionString,
    allowInsecureConnection: true,
    tablePrefix: prefix,
  });
  await storage.ensureTables();
  raw = TableClient.fromConnectionString(inject('azurite').connectionString, `${prefix}wall`, {
    allowInsecureConnection: true,
  });
  // A row as the wall wrote it before the `teamKey` column existed.
  const { teamKey: _teamKey, ...columns } = wallEntity(legacy);
  await raw.createEntity(columns);
  await storage.wall.upsert(current); // also records the month
});
afterAll(async () => {
  await storage.dropTables();
});

describe('the wall team filter on rows from before teamKey', () => {
  it('finds a story written before teamKey existed in any case, once storage is migrated', async () => {
    expect(await ids('Sales')).toEqual(['current-sales', 'legacy-sales']);
    const keyed = await storage.migrate();
    for (const team of ['sales', 'SALES', 'Sales']) {
      expect(await ids(team), team).toEqual(['current-sales', 'legacy-sales']);
    }
    expect(keyed).toBe(1);
    const row = await raw.getEntity<{ teamKey?: string; team?: string }>(
      `${tenantId}|202611`,
      wallEntity(legacy).rowKey,
    );
    expect(row.teamKey).toBe('sales');
    expect(row.team).toBe('Sales');
  });

  it('runs once: a second migration changes nothing', async () => {
    expect(await storage.migrate()).toBe(0);
  });
});

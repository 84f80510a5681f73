import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DEFAULT_SETTINGS, isDomainError, type WallFilter } from '../../../src/domain/index.js';
import { listWall } from '../../../src/domain/useCases/listWall.js';
import { fakeSettings, fakeWall } from '../../support/fakes.js';
import { buildActor, buildStory } from '../../support/factories.js';

const DEFAULT_TENANT = DEMO_TENANT_ID;
const OTHER_TENANT = '00000000-0000-4000-8000-0000000000ff';
const reader = buildActor(demoUsers().find((p) => p.id === DEMO_USER_IDS.service)!);

const settings = fakeSettings();

async function wallWith() {
  const wall = fakeWall();
  const published = (id: string, day: number, fields: { tenantId?: string; team?: string } = {}) =>
    buildStory({
      id,
      status: 'published',
      publishedAt: new Date(Date.UTC(2026, 10, day)),
      ...fields,
    });
  await wall.upsert(published('old', 1));
  await wall.upsert(published('new', 3, { team: 'Sales' }));
  await wall.upsert(published('mid', 2));
  await wall.upsert(published('foreign', 4, { tenantId: OTHER_TENANT }));
  return wall;
}

describe('listWall', () => {
  it("pages the actor's tenant's wall, newest first", async () => {
    const wall = await wallWith();
    const first = await listWall({ wall, settings }, reader, { limit: 2 });
    expect(first.items.map((s) => s.id)).toEqual(['new', 'mid']);
    expect(first.nextCursor).not.toBeNull();
    const second = await listWall({ wall, settings }, reader, {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((s) => s.id)).toEqual(['old']);
    expect(second.nextCursor).toBeNull();
  });

  it('passes the filter through', async () => {
    const wall = await wallWith();
    const page = await listWall({ wall, settings }, reader, { limit: 10, team: 'Sales' });
    expect(page.items.map((s) => s.id)).toEqual(['new']);
  });

  it('uses the actor’s tenant even if the filter names another', async () => {
    const wall = await wallWith();
    // Untyped input could smuggle a tenantId in; the actor's tenant must win.
    const filter = { limit: 10, tenantId: OTHER_TENANT } as WallFilter;
    const page = await listWall({ wall, settings }, reader, filter);
    expect(page.items.every((s) => s.tenantId === DEMO_TENANT_ID)).toBe(true);
    expect(page.items).toHaveLength(3);
  });

  it('counts the matching stories on a first page asked with total, not on later pages', async () => {
    const wall = await wallWith();
    const first = await listWall({ wall, settings }, reader, { limit: 2 }, { total: true });
    expect(first.count).toEqual({ total: 3, exact: true });
    const plain = await listWall({ wall, settings }, reader, { limit: 2 });
    expect(plain.count).toBeUndefined();
    const next = await listWall(
      { wall, settings },
      reader,
      { limit: 2, cursor: first.nextCursor! },
      { total: true },
    );
    expect(next.count).toBeUndefined();
  });

  it('refuses most voted where privacy mode ranks nothing by votes', async () => {
    const wall = await wallWith();
    const ranked = await listWall({ wall, settings }, reader, { limit: 10, sort: 'votes' });
    expect(ranked.items).toHaveLength(3);
    const privateSettings = fakeSettings({
      [DEFAULT_TENANT]: { ...DEFAULT_SETTINGS, privacy: { enabled: true } },
    });
    const refused = await listWall({ wall, settings: privateSettings }, reader, {
      limit: 10,
      sort: 'votes',
    }).catch((error: unknown) => error);
    expect(isDomainError(refused, 'votes_hidden')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, type Story } from '../../../src/domain/index.js';
import { getInsights } from '../../../src/domain/useCases/getInsights.js';
import { fakeWall, fakeWallStats, fixedClock } from '../../support/fakes.js';
import { buildActor, buildStory } from '../../support/factories.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string) => buildActor(people.find((p) => p.id === id)!);
const editor = actorOf(ids.editor);
const admin = actorOf(ids.admin);

let serial = 0;
/** A story published at `at` (ISO), in the demo tenant unless told otherwise. */
function published(at: string, overrides: Partial<Story> = {}): Story {
  const publishedAt = new Date(at);
  return buildStory({
    id: `story-${String(++serial).padStart(4, '0')}`,
    status: 'published',
    publishedAt,
    updatedAt: publishedAt,
    ...overrides,
  });
}

/** The use case on a fake wall holding `stories`, with the clock at 2 Nov 2026. */
async function setUp(stories: Story[] = []) {
  const wall = fakeWall();
  for (const story of stories) await wall.upsert(story);
  const stats = fakeWallStats(wall);
  const deps = { stats, clock: fixedClock(new Date('2026-11-02T09:00:00Z')) };
  return { deps, stats };
}

async function expectValidation(promise: Promise<unknown>, field: string): Promise<void> {
  await expect(promise).rejects.toSatisfy(
    (e) => e instanceof DomainError && e.code === 'validation' && e.details?.['field'] === field,
  );
}

describe('getInsights', () => {
  it('is for editors and admins only; others are refused before storage is read', async () => {
    const { deps, stats } = await setUp();
    await expect(getInsights(deps, editor)).resolves.toMatchObject({ total: 0 });
    await expect(getInsights(deps, admin)).resolves.toMatchObject({ total: 0 });
    const before = stats.calls.length;
    for (const id of [ids.employee, ids.manager, ids.driver]) {
      await expect(getInsights(deps, actorOf(id))).rejects.toSatisfy(
        (e) => e instanceof DomainError && e.code === 'forbidden',
      );
    }
    expect(stats.calls.length).toBe(before);
  });

  it('defaults to the last 12 months ending with the current one, every month listed', async () => {
    const { deps, stats } = await setUp();
    const insights = await getInsights(deps, editor);
    expect(insights.from).toBe('2025-12');
    expect(insights.to).toBe('2026-11');
    expect(insights.months.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(insights.months.every((m) => m.count === 0)).toBe(true);
    expect(insights).toMatchObject({ total: 0, teams: [], categories: [] });
    expect(stats.calls).toEqual([
      { tenantId: editor.tenantId, months: insights.months.map((m) => m.month) },
    ]);
  });

  it('counts per month (zeros included), team and category, most first', async () => {
    const { deps } = await setUp([
      published('2026-09-01T00:00:00Z', { team: 'Sales', category: 'care' }),
      published('2026-09-30T23:59:59Z', { team: 'Logistics', category: 'care' }),
      published('2026-11-01T00:00:00Z', { team: 'Sales', category: 'teamwork' }),
      published('2026-11-02T08:00:00Z', { team: 'Sales', category: 'care' }),
      published('2026-11-02T08:30:00Z', { team: 'Finance', category: 'quick-thinking' }),
      // Outside the range, and another tenant's: not counted.
      published('2026-07-31T23:59:59Z', { team: 'Sales' }),
      published('2026-10-15T12:00:00Z', { tenantId: 'another-tenant', team: 'Sales' }),
    ]);
    const insights = await getInsights(deps, admin, { from: '2026-08', to: '2026-11' });
    expect(insights).toEqual({
      from: '2026-08',
      to: '2026-11',
      total: 5,
      months: [
        { month: '2026-08', count: 0 },
        { month: '2026-09', count: 2 },
        { month: '2026-10', count: 0 },
        { month: '2026-11', count: 3 },
      ],
      // Most first; a tie in name order.
      teams: [
        { team: 'Sales', count: 3 },
        { team: 'Finance', count: 1 },
        { team: 'Logistics', count: 1 },
      ],
      categories: [
        { category: 'care', count: 3 },
        { category: 'quick-thinking', count: 1 },
        { category: 'teamwork', count: 1 },
      ],
    });
  });

  it('fills in a missing end: `to` is the current month, `from` 11 months before `to`', async () => {
    const { deps } = await setUp();
    const onlyFrom = await getInsights(deps, editor, { from: '2026-06' });
    expect([onlyFrom.from, onlyFrom.to, onlyFrom.months.length]).toEqual(['2026-06', '2026-11', 6]);
    const onlyTo = await getInsights(deps, editor, { to: '2025-03' });
    expect([onlyTo.from, onlyTo.to, onlyTo.months.length]).toEqual(['2024-04', '2025-03', 12]);
    const one = await getInsights(deps, editor, { from: '2026-02', to: '2026-02' });
    expect(one.months).toEqual([{ month: '2026-02', count: 0 }]);
  });

  it('spans a year boundary', async () => {
    const { deps } = await setUp([
      published('2025-12-31T23:00:00Z'),
      published('2026-01-01T01:00:00Z'),
    ]);
    const insights = await getInsights(deps, editor, { from: '2025-11', to: '2026-02' });
    expect(insights.months).toEqual([
      { month: '2025-11', count: 0 },
      { month: '2025-12', count: 1 },
      { month: '2026-01', count: 1 },
      { month: '2026-02', count: 0 },
    ]);
  });

  it('allows 24 months and refuses more, a reversed range and malformed months', async () => {
    const { deps, stats } = await setUp();
    const longest = await getInsights(deps, editor, { from: '2024-12', to: '2026-11' });
    expect(longest.months).toHaveLength(24);
    const calls = stats.calls.length;
    await expectValidation(getInsights(deps, editor, { from: '2024-11', to: '2026-11' }), 'from');
    // Only `from`, 25 months before the current one.
    await expectValidation(getInsights(deps, editor, { from: '2024-10' }), 'from');
    await expectValidation(getInsights(deps, editor, { from: '2026-05', to: '2026-04' }), 'from');
    await expectValidation(getInsights(deps, editor, { from: '2026-13' }), 'from');
    await expectValidation(getInsights(deps, editor, { from: '2026-1' }), 'from');
    await expectValidation(getInsights(deps, editor, { to: 'November' }), 'to');
    await expectValidation(getInsights(deps, editor, { to: '2026-00' }), 'to');
    expect(stats.calls.length).toBe(calls);
  });
});

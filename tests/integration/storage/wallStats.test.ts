import { describe, expect, it } from 'vitest';
import { DomainError, type MonthTally, type Story } from '../../../src/domain/index.js';
import { createCallCounter, type AdditionalPolicy } from '../../../src/storage/callCounter.js';
import { useTestStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const A = 'tenant-a';
const B = 'tenant-b';

/** `count` published stories of `month`, an hour apart, teams and categories in turn. */
function published(tenantId: string, month: string, count: number, prefix: string): Story[] {
  return Array.from({ length: count }, (_, i) => {
    const publishedAt = new Date(Date.parse(`${month}-01T00:00:00Z`) + i * 3_600_000);
    return buildStory({
      tenantId,
      id: `${prefix}-${String(i).padStart(3, '0')}`,
      team: ['Sales', "Logistics & O'Neill", 'Finance'][i % 3] ?? 'Sales',
      category: i % 2 === 0 ? 'care' : 'teamwork',
      status: 'published',
      publishedAt,
      updatedAt: publishedAt,
    });
  });
}

/** A tally as plain data, for `toEqual`. */
const plain = (tally: MonthTally) => ({
  month: tally.month,
  total: tally.total,
  teams: Object.fromEntries(tally.teams),
  categories: Object.fromEntries(tally.categories),
});

/** Records the URL of every request, to show what the counting asks storage for. */
function urlRecorder(): { policy: AdditionalPolicy['policy']; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    policy: {
      name: 'urlRecorder',
      async sendRequest(request, next) {
        urls.push(decodeURIComponent(request.url));
        return next(request);
      },
    },
  };
}

describe('TableWallStats', () => {
  const counter = createCallCounter();
  const recorder = urlRecorder();
  const storage = useTestStorage({
    additionalPolicies: [
      { policy: counter.policy, position: 'perRetry' },
      { policy: recorder.policy, position: 'perRetry' },
    ],
  });

  it('counts each month’s published stories per team and category, tenants apart', async () => {
    const stories = [
      ...published(A, '2026-08', 4, 'aug'),
      ...published(A, '2026-10', 7, 'oct'),
      // The last second of October and the first of November fall in their own months (UTC).
      buildStory({
        id: 'oct-last',
        status: 'published',
        team: 'Sales',
        category: 'care',
        publishedAt: new Date('2026-10-31T23:59:59.999Z'),
      }),
      ...published(A, '2026-11', 2, 'nov'),
      ...published(B, '2026-10', 5, 'other'),
    ].map((story) => (story.id === 'oct-last' ? { ...story, tenantId: A } : story));
    await Promise.all(stories.map((story) => storage.wall.upsert(story)));
    // Taken off the wall (archived): no longer counted.
    const archived = stories.find((s) => s.id === 'nov-001')!;
    await storage.wall.remove({ ...archived, status: 'archived', revision: 2 });

    const tallies = await storage.stats.tally(A, ['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(tallies.map(plain)).toEqual([
      {
        month: '2026-08',
        total: 4,
        teams: { Sales: 2, "Logistics & O'Neill": 1, Finance: 1 },
        categories: { care: 2, teamwork: 2 },
      },
      { month: '2026-09', total: 0, teams: {}, categories: {} },
      {
        month: '2026-10',
        total: 8,
        teams: { Sales: 4, "Logistics & O'Neill": 2, Finance: 2 },
        categories: { care: 5, teamwork: 3 },
      },
      { month: '2026-11', total: 1, teams: { Sales: 1 }, categories: { care: 1 } },
    ]);

    const other = await storage.stats.tally(B, ['2026-10', '2026-11']);
    expect(other.map((t) => [t.month, t.total])).toEqual([
      ['2026-10', 5],
      ['2026-11', 0],
    ]);
  });

  it('reads one partition per month, only the counted columns, never a scan', async () => {
    await Promise.all(published(A, '2025-03', 3, 'mar').map((s) => storage.wall.upsert(s)));
    counter.reset();
    recorder.urls.length = 0;
    const tallies = await storage.stats.tally(A, ['2025-02', '2025-03']);
    expect(tallies.map((t) => t.total)).toEqual([0, 3]);
    // Entities read = published stories in range; one query per month (each well under 1,000).
    expect(counter.calls).toBe(2);
    expect(counter.entitiesRead).toBe(3);
    const queries = recorder.urls.filter((url) => url.includes('$filter='));
    expect(queries).toHaveLength(2);
    for (const url of queries) {
      expect(url).toMatch(/\$filter=PartitionKey eq 'tenant-a\|2025\d\d'(&|$)/);
      expect(url).toContain('$select=team,category');
    }
  });

  it('refuses a malformed month and a bad tenant id', async () => {
    await expect(storage.stats.tally(A, ['2026-13'])).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'validation',
    );
    await expect(storage.stats.tally('a|b', ['2026-11'])).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'validation',
    );
  });
});

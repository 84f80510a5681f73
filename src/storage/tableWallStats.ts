import { odata, type TableClient } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type { MonthTally, WallStats } from '../domain/ports.js';
import { isMonthKey, joinKey, keyPart } from './keys.js';
import { guard } from './tableErrors.js';

/** Month partitions read at once; a range is at most a couple of dozen. */
const CONCURRENCY = 4;
/** Only what is counted: the service returns no other column of a row. */
const COLUMNS = ['team', 'category'];

/**
 * Counts over the wall in table `<prefix>wall` (see `createTableWallIndex`): each month of the
 * range is one query of its own partition `<tenant>|<YYYYMM>`, never a scan, selecting only
 * `team` and `category`; the counting is done here. Cost, honestly: every published story of the
 * range is read (one entity each, up to 1,000 per round trip) — a tenant publishing 500 stories
 * a month reads 6,000 small entities for a year. That is why the result is cached (see
 * `cacheWallStats`) rather than asked for on every view.
 */
export function createTableWallStats(client: TableClient): WallStats {
  async function tallyMonth(tenantId: string, month: string): Promise<MonthTally> {
    const partition = joinKey(tenantId, month.replace('-', ''));
    const teams = new Map<string, number>();
    const categories = new Map<string, number>();
    let total = 0;
    await guard('wall.stats', async () => {
      const rows = client.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${partition}`, select: COLUMNS },
      });
      for await (const row of rows) {
        total++;
        // A snapshot always has both; an odd row still counts in the month's total.
        if (typeof row['team'] === 'string') increment(teams, row['team']);
        if (typeof row['category'] === 'string') increment(categories, row['category']);
      }
    });
    return { month, total, teams, categories };
  }

  return {
    async tally(tenantId, months) {
      const tenant = keyPart(tenantId, 'tenantId');
      for (const month of months) {
        if (!/^\d{4}-\d{2}$/.test(month) || !isMonthKey(month.replace('-', ''))) {
          throw new DomainError('validation', 'Use YYYY-MM for the month.', { field: 'month' });
        }
      }
      const tallies: MonthTally[] = new Array<MonthTally>(months.length);
      let next = 0;
      const worker = async () => {
        while (next < months.length) {
          const index = next++;
          tallies[index] = await tallyMonth(tenant, months[index] as string);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, months.length) }, worker));
      return tallies;
    },
  };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

import type { TableClient, TransactionAction } from '@azure/data-tables';
import { demoStories } from '../../src/demo/demoStories.js';
import type { Story } from '../../src/domain/index.js';
import { joinKey, monthOf } from '../../src/storage/keys.js';
import type { TableStorage } from '../../src/storage/tableStorage.js';
import { wallEntity } from '../../src/storage/tableWallIndex.js';

/** Entity-group transactions hold at most 100 entities of one partition. */
const BATCH = 100;
/** Transactions in flight; Azurite is single-threaded, two overlap its work with ours. */
const IN_FLIGHT = 2;

/** One month partition of the wall to fill, newest story first. */
export interface MonthPlan {
  /** `YYYYMM`. */
  readonly month: string;
  /** The wall's PartitionKey of this month. */
  readonly partitionKey: string;
  /** The `index`-th newest story of the month (0 is the newest). */
  story(index: number): Story;
}

/**
 * Month partitions for the benchmark's wall, one per entry of `capacities`: the first is the
 * newest month (the one a first page reads): the current month when it is at least an hour old,
 * else the previous one. Month `k` holds up to `capacities[k]` stories spaced evenly inside it, so story `i` is the `i`-th newest
 * whatever was seeded so far, and growing a month from its oldest end keeps its first page the
 * same 30 stories at every size. Texts are the demo stories' (real lengths, both languages).
 */
export function monthPlans(
  tenantId: string,
  now: Date,
  capacities: readonly number[],
): MonthPlan[] {
  const templates = demoStories(tenantId, now).map((d) => d.story);
  const year = now.getUTCFullYear();
  let month = now.getUTCMonth();
  if (now.getTime() - Date.UTC(year, month, 1) < 3_600_000) month--;
  return capacities.map((capacity, k) => {
    const start = Date.UTC(year, month - k, 1);
    const end = Math.min(now.getTime(), Date.UTC(year, month - k + 1, 1) - 1);
    const stepMs = Math.max(1, Math.floor((end - start) / (capacity + 1)));
    const key = monthOf(new Date(start));
    return {
      month: key,
      partitionKey: joinKey(tenantId, key),
      story(index: number): Story {
        const template = templates[index % templates.length] as Story;
        const publishedAt = new Date(end - index * stepMs);
        return {
          ...template,
          id: `bench-${key}-${String(index).padStart(6, '0')}`,
          title: `${template.title} #${index}`,
          createdAt: new Date(publishedAt.getTime() - 86_400_000),
          updatedAt: publishedAt,
          publishedAt,
          voteCount: index % 17,
        };
      },
    };
  });
}

/**
 * Writes stories `from`..`to - 1` of `plan` into the wall table in entity-group transactions of
 * 100 (one partition each), as the rows the wall index itself writes (`wallEntity`). The month
 * is then recorded by one ordinary `wall.upsert`, as publishing does.
 */
export async function seedWall(
  wallTable: TableClient,
  storage: TableStorage,
  plan: MonthPlan,
  from: number,
  to: number,
): Promise<void> {
  const batches: number[] = [];
  for (let start = from; start < to; start += BATCH) batches.push(start);
  const worker = async () => {
    for (let start = batches.shift(); start !== undefined; start = batches.shift()) {
      const actions: TransactionAction[] = [];
      for (let i = start; i < Math.min(start + BATCH, to); i++) {
        actions.push(['create', wallEntity(plan.story(i))]);
      }
      await wallTable.submitTransaction(actions);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  // Records the month in the meta row; the row itself is already there at the same revision.
  await storage.wall.upsert(plan.story(from));
}

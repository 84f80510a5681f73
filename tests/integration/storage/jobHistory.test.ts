import { describe, expect, it } from 'vitest';
import type { JobRun } from '../../../src/domain/index.js';
import { useTestStorage } from '../../support/azurite.js';

/**
 * The history of scheduled jobs (`<tenant>|jobs` in the schedule table) against a real Azurite:
 * one record per tenant, job and occurrence, finished on its ETag, listed newest first.
 */
const storage = useTestStorage();

const MONDAY = new Date('2026-11-09T07:00:00.000Z');
const WEEK = 7 * 24 * 60 * 60 * 1000;

function run(overrides: Partial<JobRun> = {}): JobRun {
  return {
    tenantId: 'tenant-jobs-a',
    job: 'digest.weekly',
    scheduledFor: MONDAY,
    startedAt: new Date(MONDAY.getTime() + 5_000),
    outcome: 'running',
    stories: 2,
    recipients: 1,
    delivered: 0,
    unreachable: 0,
    failed: 0,
    titles: ['The borrowed jacket', 'Ompelin napin — “kiitos”'],
    ...overrides,
  };
}

describe('the history of scheduled jobs', () => {
  it('starts a run once per occurrence, and finishes it on the version it started', async () => {
    const etag = await storage.jobs.start(run());
    expect(etag).toEqual(expect.any(String));
    // Another instance, or a retry, starting the same occurrence: it is taken.
    expect(await storage.jobs.start(run({ startedAt: new Date() }))).toBeNull();
    // The monthly job of the same instant is another record.
    expect(await storage.jobs.start(run({ job: 'digest.monthly', titles: [] }))).not.toBeNull();

    const ended = run({
      outcome: 'sent',
      delivered: 1,
      finishedAt: new Date(MONDAY.getTime() + 9_000),
    });
    await storage.jobs.finish(ended, etag ?? '');
    // A second finish on the old version is a conflict, never a silent overwrite.
    await expect(storage.jobs.finish(ended, etag ?? '')).rejects.toMatchObject({
      code: 'conflict',
    });

    const [weekly] = (await storage.jobs.list('tenant-jobs-a', 10)).filter(
      (r) => r.job === 'digest.weekly',
    );
    expect(weekly).toEqual(ended);
  });

  it('lists a tenant’s runs, the most recently scheduled first, up to the limit', async () => {
    const tenantId = 'tenant-jobs-b';
    for (const weeks of [0, 2, 1]) {
      await storage.jobs.start(
        run({ tenantId, scheduledFor: new Date(MONDAY.getTime() + weeks * WEEK) }),
      );
    }
    await storage.jobs.start(run({ tenantId: 'tenant-jobs-c' }));
    const listed = await storage.jobs.list(tenantId, 2);
    expect(listed.map((r) => r.scheduledFor)).toEqual([
      new Date(MONDAY.getTime() + 2 * WEEK),
      new Date(MONDAY.getTime() + WEEK),
    ]);
    expect(listed.every((r) => r.tenantId === tenantId && r.outcome === 'running')).toBe(true);
    expect(listed[0]).not.toHaveProperty('finishedAt');
    expect(await storage.jobs.list('tenant-jobs-none', 10)).toEqual([]);
  });
});

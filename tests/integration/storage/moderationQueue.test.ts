import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StoryReport } from '../../../src/domain/index.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

/**
 * The moderation queue (`<tenant>|moderation` in the queues table) and the reports it shows,
 * against a real Azurite: one row per story, ordered by revision, read as one partition.
 */
const tenantId = 'tenant-moderation';
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

const T1 = new Date('2026-11-03T10:00:00.000Z');
let n = 0;

function report(reporterId: string, minutes: number, reason = 'It names a customer.') {
  return {
    reporterId,
    reporterName: `Reader ${reporterId}`,
    reason,
    at: new Date(T1.getTime() + minutes * 60_000),
  } satisfies StoryReport;
}

/** A published story with `reports`; ids are unique per test. */
function reported(reports: StoryReport[], overrides: Partial<Story> = {}): Story {
  return buildStory({
    tenantId,
    id: `reported-${++n}`,
    status: 'published',
    publishedAt: T1,
    reports,
    revision: 3,
    ...overrides,
  });
}

describe('TableModerationQueue', () => {
  it('keeps the story with its reports, and lists it back whole', async () => {
    const story = reported([report('r1', 0), report('r2', 5, 'Wrong “team”, ✓ ä')]);
    await storage.moderation.put(story);
    const listed = await storage.moderation.list(tenantId, 100);
    expect(listed.find((s) => s.id === story.id)).toEqual(story);
  });

  it('keeps the newest revision: an older snapshot or removal does not win', async () => {
    const story = reported([report('r1', 0)], { revision: 5 });
    await storage.moderation.put(story);
    // A slow write of the story before its second report, and a removal of an older revision.
    await storage.moderation.put({ ...story, reports: [], revision: 4 });
    await storage.moderation.remove({ ...story, reports: [], revision: 4 });
    const held = async () =>
      (await storage.moderation.list(tenantId, 100)).find((s) => s.id === story.id);
    expect(await held()).toEqual(story);

    const more = { ...story, reports: [report('r1', 0), report('r3', 9)], revision: 6 };
    await storage.moderation.put(more);
    expect(await held()).toEqual(more);

    // Dismissed: removed at its own revision; removing again is fine.
    await storage.moderation.remove({ ...more, reports: [], revision: 7 });
    await storage.moderation.remove({ ...more, reports: [], revision: 7 });
    expect(await held()).toBeUndefined();
  });

  it('keeps a hidden story without reports, for the editors to restore', async () => {
    const hidden = reported([], { status: 'hidden' });
    await storage.moderation.put(hidden);
    const listed = await storage.moderation.list(tenantId, 100);
    expect(listed.find((s) => s.id === hidden.id)).toEqual(hidden);
  });

  it('reads the queue as one partition query, never another tenant’s', async () => {
    const own = reported([report('r1', 0)]);
    const foreign = reported([report('r1', 0)], { tenantId: 'tenant-other-moderation' });
    await storage.moderation.put(own);
    await storage.moderation.put(foreign);

    counter.reset();
    const listed = await storage.moderation.list(tenantId, 100);
    expect(counter.calls).toBe(1);
    expect(listed.map((s) => s.id)).toContain(own.id);
    expect(listed.every((s) => s.tenantId === tenantId)).toBe(true);
    expect(
      (await storage.moderation.list('tenant-other-moderation', 100)).map((s) => s.id),
    ).toEqual([foreign.id]);
  });

  it('lists at most `limit` stories', async () => {
    const tenant = 'tenant-moderation-limit';
    for (let i = 0; i < 3; i++) {
      await storage.moderation.put(reported([report('r1', i)], { tenantId: tenant }));
    }
    expect(await storage.moderation.list(tenant, 2)).toHaveLength(2);
    expect(await storage.moderation.list(tenant, 10)).toHaveLength(3);
  });
});

describe('reports on the story row', () => {
  it('are stored with the story, and left out of the wall’s snapshot', async () => {
    const story = buildStory({
      tenantId,
      id: `row-${++n}`,
      status: 'published',
      publishedAt: T1,
    });
    await storage.stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    const ref = { tenantId, storyId: story.id };
    const read = await storage.stories.get(ref);
    // Never reported: no reports at all.
    expect(read?.value.reports).toBeUndefined();

    const withReport = { ...story, reports: [report('r1', 0)], revision: story.revision + 1 };
    await storage.stories.commit({
      story: withReport,
      expectedEtag: read!.etag,
      audit: [],
      outbox: [],
    });
    const again = await storage.stories.get(ref);
    expect(again?.value).toEqual(withReport);

    // Resolved: an empty list, not none (the projections take the story out of the queue).
    const resolved = { ...withReport, reports: [], revision: withReport.revision + 1 };
    await storage.stories.commit({
      story: resolved,
      expectedEtag: again!.etag,
      audit: [],
      outbox: [],
    });
    expect((await storage.stories.get(ref))?.value.reports).toEqual([]);

    // The wall's rows name no reporters.
    await storage.wall.upsert(withReport);
    const page = await storage.wall.page({ tenantId, limit: 50 });
    const onWall = page.items.find((s) => s.id === story.id);
    expect(onWall).toBeDefined();
    expect(onWall?.reports).toBeUndefined();
  });

  it('a hidden story and its moderation history read back', async () => {
    const story = buildStory({ tenantId, id: `row-${++n}`, status: 'hidden', publishedAt: T1 });
    await storage.stories.commit({
      story,
      expectedEtag: null,
      audit: [
        {
          id: `a-${n}`,
          at: T1,
          actorId: 'editor-1',
          actorName: 'Eeva Editor',
          action: 'hidden',
          surface: 'tab',
          comment: 'Customer asked us to.',
          detail: { reports: 2 },
        },
      ],
      outbox: [],
    });
    const ref = { tenantId, storyId: story.id };
    expect((await storage.stories.get(ref))?.value.status).toBe('hidden');
    expect(await storage.stories.audit(ref)).toEqual([
      expect.objectContaining({ action: 'hidden', detail: { reports: 2 } }),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Award } from '../../../src/domain/index.js';
import { useTestStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const storage = useTestStorage();

function award(tenantId: string, month: string, storyId: string, citation?: string): Award {
  const publishedAt = new Date(`${month}-05T10:00:00Z`);
  return {
    tenantId,
    month,
    story: buildStory({ tenantId, id: storyId, status: 'published', publishedAt, voteCount: 4 }),
    awardedBy: { id: 'editor-1', displayName: 'Eeva' },
    awardedAt: new Date('2026-11-01T08:00:00Z'),
    ...(citation !== undefined ? { citation } : {}),
  };
}

describe('TableAwardStore', () => {
  it('round-trips an award and lists a tenant’s winners newest month first', async () => {
    const { awards } = storage;
    await awards.put(award('tenant-a', '2026-09', 'a-9', 'Sewed a button on, unasked.'), null);
    await awards.put(award('tenant-a', '2025-12', 'a-12'), null);
    await awards.put(award('tenant-a', '2026-10', 'a-10'), null);
    await awards.put(award('tenant-b', '2026-11', 'b-11'), null);

    const read = await awards.get('tenant-a', '2026-09');
    expect(read?.value).toEqual(award('tenant-a', '2026-09', 'a-9', 'Sewed a button on, unasked.'));
    expect(read?.etag).toBeTruthy();
    expect(await awards.get('tenant-a', '2026-11')).toBeNull();

    const list = await awards.list('tenant-a', 24);
    expect(list.map((a) => a.month)).toEqual(['2026-10', '2026-09', '2025-12']);
    expect((await awards.list('tenant-a', 2)).map((a) => a.month)).toEqual(['2026-10', '2026-09']);
    expect((await awards.list('tenant-b', 24)).map((a) => a.story.id)).toEqual(['b-11']);
  });

  it('replaces a winner with its ETag and turns a stale or racing write into a conflict', async () => {
    const { awards } = storage;
    await awards.put(award('tenant-c', '2026-10', 'first'), null);
    const read = await awards.get('tenant-c', '2026-10');
    if (!read) throw new Error('award missing');

    // A second create of the same month lost the race.
    await expect(awards.put(award('tenant-c', '2026-10', 'racer'), null)).rejects.toMatchObject({
      code: 'conflict',
    });
    await awards.put(award('tenant-c', '2026-10', 'second'), read.etag);
    expect((await awards.get('tenant-c', '2026-10'))?.value.story.id).toBe('second');
    // The ETag read before the replacement is stale now.
    await expect(
      awards.put(award('tenant-c', '2026-10', 'third'), read.etag),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

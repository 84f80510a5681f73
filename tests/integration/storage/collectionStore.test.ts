import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/domain/index.js';
import { useTestStorage } from '../../support/azurite.js';

const storage = useTestStorage();

function collection(tenantId: string, id: string, overrides: Partial<Collection> = {}): Collection {
  return {
    tenantId,
    id,
    title: 'First week at the gala',
    description: '',
    storyIds: ['story-3', 'story-1', 'story-2'],
    createdAt: new Date('2026-11-01T08:00:00Z'),
    updatedAt: new Date('2026-11-01T08:00:00Z'),
    version: 1,
    ...overrides,
  };
}

describe('TableCollectionStore', () => {
  it('round-trips a collection, keeps its stories in order and lists a tenant’s own', async () => {
    const { collections } = storage;
    await collections.create(collection('tenant-a', 'c1'));
    await collections.create(
      collection('tenant-a', 'c2', { description: 'Ääkköset * _ [ok]', storyIds: [] }),
    );
    await collections.create(collection('tenant-b', 'c3'));

    const read = await collections.get('tenant-a', 'c1');
    expect(read?.value).toEqual(collection('tenant-a', 'c1'));
    expect(read?.etag).toBeTruthy();
    expect((await collections.get('tenant-a', 'c2'))?.value.description).toBe('Ääkköset * _ [ok]');
    expect(await collections.get('tenant-a', 'c3')).toBeNull();

    const list = await collections.list('tenant-a', 200);
    expect(list.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(await collections.list('tenant-a', 1)).toHaveLength(1);
    expect((await collections.list('tenant-b', 200)).map((c) => c.id)).toEqual(['c3']);
  });

  it('replaces and deletes on the ETag read; a stale one or a second create is a conflict', async () => {
    const { collections } = storage;
    await collections.create(collection('tenant-c', 'c1'));
    await expect(collections.create(collection('tenant-c', 'c1'))).rejects.toMatchObject({
      code: 'conflict',
    });
    const read = await collections.get('tenant-c', 'c1');
    if (!read) throw new Error('collection missing');

    const reordered = collection('tenant-c', 'c1', {
      storyIds: ['story-1', 'story-2', 'story-3'],
      version: 2,
    });
    await collections.replace(reordered, read.etag);
    expect((await collections.get('tenant-c', 'c1'))?.value.storyIds).toEqual([
      'story-1',
      'story-2',
      'story-3',
    ]);
    // The ETag read before the replacement is stale now, for a save and for a delete.
    await expect(
      collections.replace(collection('tenant-c', 'c1', { version: 2 }), read.etag),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(collections.delete('tenant-c', 'c1', read.etag)).rejects.toMatchObject({
      code: 'conflict',
    });

    const fresh = await collections.get('tenant-c', 'c1');
    if (!fresh) throw new Error('collection missing');
    await collections.delete('tenant-c', 'c1', fresh.etag);
    expect(await collections.get('tenant-c', 'c1')).toBeNull();
  });

  it('refuses an id that cannot be part of a key', async () => {
    await expect(storage.collections.get('tenant-a', 'a|b')).rejects.toMatchObject({
      code: 'validation',
    });
  });
});

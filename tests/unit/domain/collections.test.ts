import { describe, expect, it } from 'vitest';
import {
  COLLECTION_STORIES_MAX,
  createCollectionsService,
  DomainError,
  type Collection,
  type CollectionStore,
  type Story,
  type StoryRepository,
} from '../../../src/domain/index.js';
import { buildActor, buildStory, buildUser } from '../../support/factories.js';
import { fakeSettings, fixedClock, sequentialIds } from '../../support/fakes.js';

/** Journey 9: training collections — who may write them, what they hold, and stale saves. */

const editor = buildActor(buildUser({ id: 'editor-1', roles: ['editor'] }));
const admin = buildActor(buildUser({ id: 'admin-1', roles: ['admin'] }));
const employee = buildActor(buildUser({ id: 'emp-1', roles: ['employee'] }));

/** Collections by id, each with an ETag that every write changes, checked as storage does. */
function fakeCollections(): CollectionStore {
  const rows = new Map<string, { value: Collection; etag: string }>();
  let etag = 0;
  const key = (tenantId: string, id: string) => `${tenantId}|${id}`;
  const stale = () => new DomainError('conflict', 'stale');
  return {
    async get(tenantId, id) {
      return rows.get(key(tenantId, id)) ?? null;
    },
    async list(tenantId, limit) {
      return [...rows.values()]
        .filter((row) => row.value.tenantId === tenantId)
        .slice(0, limit)
        .map((row) => row.value);
    },
    async create(collection) {
      const k = key(collection.tenantId, collection.id);
      if (rows.has(k)) throw stale();
      rows.set(k, { value: collection, etag: String(++etag) });
    },
    async replace(collection, expected) {
      const k = key(collection.tenantId, collection.id);
      if (rows.get(k)?.etag !== expected) throw stale();
      rows.set(k, { value: collection, etag: String(++etag) });
    },
    async delete(tenantId, id, expected) {
      if (rows.get(key(tenantId, id))?.etag !== expected) throw stale();
      rows.delete(key(tenantId, id));
    },
  };
}

function storiesOf(stories: Story[]): Pick<StoryRepository, 'get'> & { set(story: Story): void } {
  const current = new Map(stories.map((story) => [story.id, story]));
  return {
    set: (story) => current.set(story.id, story),
    async get(ref) {
      const story = current.get(ref.storyId);
      return story && story.tenantId === ref.tenantId ? { value: story, etag: '1' } : null;
    },
  };
}

function setup() {
  const a = buildStory({ id: 'a', status: 'published' });
  const b = buildStory({ id: 'b', status: 'published' });
  const c = buildStory({ id: 'c', status: 'published' });
  const pending = buildStory({ id: 'p', status: 'pending' });
  const stories = storiesOf([a, b, c, pending]);
  const service = createCollectionsService({
    collections: fakeCollections(),
    stories,
    settings: fakeSettings(),
    clock: fixedClock(),
    ids: sequentialIds('col'),
  });
  return { service, stories, a, b, c };
}

describe('training collections', () => {
  it('are written by editors and admins and read by everyone, in order', async () => {
    const { service } = setup();
    const created = await service.createCollection(editor, {
      title: '  First day  ',
      description: '',
      storyIds: ['c', 'a', 'b'],
    });
    expect(created).toMatchObject({ title: 'First day', version: 1, storyIds: ['c', 'a', 'b'] });
    await expect(
      service.createCollection(employee, { title: 'Mine', description: '', storyIds: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      service.updateCollection(employee, created.id, {
        title: 'Mine',
        description: '',
        storyIds: [],
        version: 1,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.deleteCollection(employee, created.id)).rejects.toMatchObject({
      code: 'forbidden',
    });

    const view = await service.getCollection(employee, created.id);
    expect(view.stories.map((story) => story.id)).toEqual(['c', 'a', 'b']);
    expect((await service.listCollections(employee)).map((c) => c.id)).toEqual([created.id]);

    await service.deleteCollection(admin, created.id);
    await expect(service.getCollection(employee, created.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('take published stories only, each once, at most 100, with a title', async () => {
    const { service } = setup();
    const input = (storyIds: string[], title = 'Lesson') => ({ title, description: '', storyIds });
    for (const storyIds of [['p'], ['missing'], ['a', 'a']]) {
      await expect(service.createCollection(editor, input(storyIds))).rejects.toMatchObject({
        code: 'validation',
        details: { field: 'storyIds' },
      });
    }
    const many = Array.from({ length: COLLECTION_STORIES_MAX + 1 }, (_, i) => `s${i}`);
    await expect(service.createCollection(editor, input(many))).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(service.createCollection(editor, input([], ' '))).rejects.toMatchObject({
      code: 'validation',
      details: { field: 'title' },
    });
    await expect(
      service.createCollection(editor, input([], 'x'.repeat(121))),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('skip a story that left the wall, which may stay but not be added again', async () => {
    const { service, stories, b } = setup();
    const created = await service.createCollection(editor, {
      title: 'Lesson',
      description: '',
      storyIds: ['a', 'b'],
    });
    stories.set({ ...b, status: 'hidden' });
    expect(
      (await service.getCollection(employee, created.id)).stories.map((story) => story.id),
    ).toEqual(['a']);

    // Reordered with the hidden story kept: allowed.
    const saved = await service.updateCollection(editor, created.id, {
      title: 'Lesson',
      description: '',
      storyIds: ['b', 'a'],
      version: 1,
    });
    expect(saved.version).toBe(2);
    // Removed, it cannot come back while it is off the wall.
    await service.updateCollection(editor, created.id, {
      title: 'Lesson',
      description: '',
      storyIds: ['a'],
      version: 2,
    });
    await expect(
      service.updateCollection(editor, created.id, {
        title: 'Lesson',
        description: '',
        storyIds: ['a', 'b'],
        version: 3,
      }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('refuse a save made on a version that is no longer the stored one', async () => {
    const { service } = setup();
    const created = await service.createCollection(editor, {
      title: 'Lesson',
      description: '',
      storyIds: ['a'],
    });
    const edit = { title: 'Lesson', description: 'Why', storyIds: ['a', 'b'] };
    await service.updateCollection(editor, created.id, { ...edit, version: 1 });
    await expect(
      service.updateCollection(admin, created.id, { ...edit, storyIds: ['c'], version: 1 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const view = await service.getCollection(employee, created.id);
    expect(view.collection).toMatchObject({ version: 2, description: 'Why' });
    expect(view.stories.map((story) => story.id)).toEqual(['a', 'b']);
    await expect(
      service.updateCollection(editor, 'missing', { ...edit, version: 1 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

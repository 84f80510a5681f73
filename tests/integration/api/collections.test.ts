import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  CollectionDto,
  CollectionsDto,
  CollectionSummaryDto,
  StoryDto,
} from '../../../src/shared/dto.js';
import { csvRows } from '../../support/csv.js';
import { useTestApp } from '../../support/useTestApp.js';
import type { StoryDraft } from '../../../src/domain/index.js';
import { buildStoryDraft } from '../../support/factories.js';

/**
 * Training collections (journey 9) over HTTP: editors put published stories in order around a
 * lesson, everyone reads them, and a collection exports as Markdown and CSV.
 */

const { employee, manager, editor, admin } = DEMO_USER_IDS;

function draft(overrides: Partial<StoryDraft> = {}): StoryDraft {
  return buildStoryDraft({ featured: [], ...overrides });
}

describe('collections API', () => {
  const { api } = useTestApp();

  /** A story told by the employee and approved by their manager: on the wall. */
  async function published(overrides: Partial<StoryDraft> = {}): Promise<StoryDto> {
    const created = await api.post<StoryDto>('/api/stories', draft(overrides), { user: employee });
    expect(created.status).toBe(201);
    const approved = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(approved.body.status).toBe('published');
    return approved.body;
  }
  const create = (body: unknown, user: string = editor) =>
    api.post<CollectionSummaryDto & ApiErrorBody>('/api/collections', body, { user });
  const save = (id: string, body: unknown, user: string = editor) =>
    api.call<CollectionSummaryDto & ApiErrorBody>('PUT', `/api/collections/${id}`, {
      body,
      user,
    });
  const read = (id: string, user: string = employee) =>
    api.get<CollectionDto & ApiErrorBody>(`/api/collections/${id}`, { user });
  const ids = (collection: CollectionDto) => collection.stories.map((story) => story.id);

  it('editor creates, reorders and removes; everyone reads; a stale version is refused', async () => {
    const [a, b, c] = [
      await published({ title: 'Jacket for a guest who forgot his' }),
      await published({ title: 'Looking after a restless baby' }),
      await published({ title: 'A button sewn on, unasked' }),
    ] as [StoryDto, StoryDto, StoryDto];

    const created = await create({
      title: 'Beyond the brief',
      description: 'For the first day of temporary staff.',
      storyIds: [a.id, b.id, c.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Beyond the brief', storyCount: 3, version: 1 });
    const id = created.body.id;

    const first = await read(id);
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual([a.id, b.id, c.id]);
    expect(first.body.description).toBe('For the first day of temporary staff.');
    // A collection names no person: erasing someone has nothing to do in it.
    expect(Object.keys(first.body).sort()).toEqual([
      'createdAt',
      'description',
      'id',
      'stories',
      'title',
      'updatedAt',
      'version',
    ]);

    const listed = await api.get<CollectionsDto>('/api/collections', { user: employee });
    expect(listed.body.items.find((item) => item.id === id)).toMatchObject({ storyCount: 3 });

    // Reorder, then remove one.
    const reordered = await save(id, {
      version: 1,
      title: 'Beyond the brief',
      description: 'For the first day of temporary staff.',
      storyIds: [c.id, a.id, b.id],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.version).toBe(2);
    expect(ids((await read(id)).body)).toEqual([c.id, a.id, b.id]);

    const removed = await save(id, {
      version: 2,
      title: 'Beyond the brief',
      storyIds: [c.id, b.id],
    });
    expect(removed.status).toBe(200);
    const after = await read(id);
    expect(ids(after.body)).toEqual([c.id, b.id]);
    expect(after.body.description).toBe('');
    expect(after.body.version).toBe(3);

    // An edit made on version 2 after version 3 was saved: the other editor's save is kept.
    const stale = await save(id, { version: 2, title: 'Overwritten', storyIds: [a.id] }, admin);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect((await read(id)).body.title).toBe('Beyond the brief');
  });

  it('is written by editors and admins only, and read by everyone', async () => {
    const story = await published();
    const created = await create({ title: 'Care', storyIds: [story.id] }, admin);
    expect(created.status).toBe(201);
    const id = created.body.id;

    expect((await create({ title: 'Mine', storyIds: [] }, employee)).status).toBe(403);
    expect((await save(id, { version: 1, title: 'Mine', storyIds: [] }, employee)).status).toBe(
      403,
    );
    expect((await api.call('DELETE', `/api/collections/${id}`, { user: employee })).status).toBe(
      403,
    );
    expect((await read(id, employee)).status).toBe(200);
    expect((await read(id, manager)).status).toBe(200);

    const deleted = await api.call('DELETE', `/api/collections/${id}`, { user: editor });
    expect(deleted.status).toBe(204);
    expect((await read(id)).status).toBe(404);
    expect((await api.call('DELETE', `/api/collections/${id}`, { user: editor })).status).toBe(404);
  });

  it('takes only published stories, each once, and checks its input', async () => {
    const story = await published();
    const pending = await api.post<StoryDto>('/api/stories', draft(), { user: employee });

    const unpublished = await create({ title: 'Pending', storyIds: [pending.body.id] });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.code).toBe('validation');
    expect((await create({ title: 'Unknown', storyIds: ['no-such-story'] })).status).toBe(400);
    expect((await create({ title: 'Twice', storyIds: [story.id, story.id] })).status).toBe(400);
    expect((await create({ title: 'x'.repeat(121), storyIds: [] })).status).toBe(400);
    expect((await create({ title: '   ', storyIds: [] })).status).toBe(400);
    expect(
      (await create({ title: 'Long', description: 'x'.repeat(2001), storyIds: [] })).status,
    ).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `story-${i}`);
    expect((await create({ title: 'Many', storyIds: many })).status).toBe(400);
    expect((await create({ title: 'Extra', storyIds: [], extra: 1 })).status).toBe(400);
    expect((await read('not|an|id')).status).toBe(400);
    expect((await read('no-such-collection')).status).toBe(404);
  });

  it('skips a story that has left the wall, and exports the rest as Markdown and CSV', async () => {
    const kept = await published({
      title: 'A *bold* [claim](https://evil.example) <b>html</b>',
      situation: '# Not a heading\n1. not a list\n    not code\n> not a quote',
      customerQuote: 'Thank you, "really"!',
      team: 'Night shift',
    });
    const hidden = await published({ title: 'Soon hidden' });
    const archived = await published({ title: 'Soon archived' });
    const last = await published({ title: '=HYPERLINK("https://evil.example")' });
    const created = await create({
      title: 'Nights: Ääni & valo',
      description: '- first\n**second**',
      storyIds: [kept.id, hidden.id, archived.id, last.id],
    });
    const id = created.body.id;

    const hide = await api.post(
      `/api/moderation/${hidden.id}/hide`,
      { note: 'Checking with the customer.' },
      { user: editor },
    );
    expect(hide.status).toBe(200);
    const archive = await api.post(`/api/stories/${archived.id}/archive`, {}, { user: employee });
    expect(archive.status).toBe(200);

    const shown = await read(id);
    expect(shown.status).toBe(200);
    expect(ids(shown.body)).toEqual([kept.id, last.id]);
    // The stories left the wall but stay named, so a save that keeps them is not refused.
    const listed = await api.get<CollectionsDto>('/api/collections', { user: employee });
    expect(listed.body.items.find((item) => item.id === id)?.storyCount).toBe(4);
    const kept2 = await save(id, {
      version: 1,
      title: 'Nights: Ääni & valo',
      description: '- first\n**second**',
      storyIds: [last.id, kept.id, hidden.id],
    });
    expect(kept2.status).toBe(200);
    expect(ids((await read(id)).body)).toEqual([last.id, kept.id]);

    const csv = await api.get<string>(`/api/collections/${id}/export?format=csv`, {
      user: employee,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="story-wall-nights-aani-valo.csv"',
    );
    const [header, ...rows] = csvRows(csv.body);
    expect(header).toEqual([
      'position',
      'id',
      'title',
      'team',
      'category',
      'told_by',
      'featured',
      'published_at',
      'situation',
      'action',
      'outcome',
      'lesson',
      'customer_quote',
      'source_url',
    ]);
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['1', last.id, `'=HYPERLINK("https://evil.example")`],
      ['2', kept.id, kept.title],
    ]);
    expect(rows[1]?.[3]).toBe('Night shift');
    expect(rows[1]?.[12]).toBe('Thank you, "really"!');

    const md = await api.get<string>(`/api/collections/${id}/export?format=md`, { user: editor });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe(
      'attachment; filename="story-wall-nights-aani-valo.md"',
    );
    const text = md.body;
    expect(text.startsWith('# Nights: Ääni \\& valo\n\n\\- first\n\\*\\*second\\*\\*\n')).toBe(
      true,
    );
    expect(text).toContain('## 1. =HYPERLINK("https://evil.example")');
    expect(text).toContain(
      '## 2. A \\*bold\\* \\[claim\\](https://evil.example) \\<b\\>html\\</b\\>',
    );
    expect(text).toContain('\\# Not a heading\n1\\. not a list\nnot code\n\\> not a quote');
    expect(text).toContain('> Thank you, "really"!');
    expect(text).not.toContain('Soon hidden');
    expect(text).not.toContain('Soon archived');
    expect(text.indexOf('HYPERLINK')).toBeLessThan(text.indexOf('bold'));

    expect(
      (await api.get(`/api/collections/${id}/export?format=pdf`, { user: editor })).status,
    ).toBe(400);
    expect((await api.get(`/api/collections/${id}/export`, { user: editor })).status).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  HistoryDto,
  ModerationItemDto,
  ModerationQueueDto,
  StoryDto,
  WallPageDto,
} from '../../../src/shared/dto.js';
import { LIMITS } from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';
import type { StoryDraft } from '../../../src/domain/index.js';
import { buildStoryDraft } from '../../support/factories.js';

/**
 * Moderation over HTTP: readers report published stories; editors and admins read the queue and
 * hide, restore, correct or dismiss; hidden and archived stories are not readable by id for
 * people they do not concern.
 */
const { employee, manager, editor, admin, service, cloakroom } = DEMO_USER_IDS;

function draft(overrides: Partial<StoryDraft> = {}): StoryDraft {
  return buildStoryDraft({ featured: [], ...overrides });
}

describe('moderation API', () => {
  const { api } = useTestApp();

  /** A story told by the employee and approved by their manager: on the wall. */
  async function published(title = `Reported story ${Math.random()}`): Promise<StoryDto> {
    const created = await api.post<StoryDto>('/api/stories', draft({ title }), { user: employee });
    expect(created.status).toBe(201);
    const approved = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(approved.body.status).toBe('published');
    return approved.body;
  }
  const report = (id: string, user: string, reason: unknown = 'It names a customer.') =>
    api.post<ApiErrorBody>(`/api/stories/${id}/report`, { reason }, { user });
  const queue = (user: string = editor) =>
    api.get<ModerationQueueDto & ApiErrorBody>('/api/moderation', { user });
  const itemOf = async (id: string): Promise<ModerationItemDto | undefined> =>
    (await queue()).body.items.find((item) => item.story.id === id);
  const act = (id: string, action: string, user: string = editor, body: unknown = {}) =>
    api.post<StoryDto & ApiErrorBody>(`/api/moderation/${id}/${action}`, body, { user });
  const wallIds = async () =>
    (await api.get<WallPageDto>('/api/stories?limit=50', { user: service })).body.items.map(
      (s) => s.id,
    );
  const read = (id: string, user: string) => api.get<StoryDto>(`/api/stories/${id}`, { user });
  const history = async (id: string, user: string = employee) =>
    (await api.get<HistoryDto>(`/api/stories/${id}/history`, { user })).body.items;

  it('report → queue → hide → restore → report again → dismiss', async () => {
    const story = await published();

    // Two readers report it; a second report of the same reader changes nothing.
    expect((await report(story.id, service, 'It names a customer.')).status).toBe(204);
    expect((await report(story.id, service, 'Once more.')).status).toBe(204);
    expect((await report(story.id, cloakroom, 'The wrong team.')).status).toBe(204);

    const listed = await itemOf(story.id);
    expect(listed).toMatchObject({
      story: { id: story.id, status: 'published', title: story.title },
      reportCount: 2,
    });
    // Newest first, with who reported and when.
    expect(listed?.reports.map((r) => [r.reporter.id, r.reason])).toEqual([
      [cloakroom, 'The wrong team.'],
      [service, 'It names a customer.'],
    ]);
    expect(listed?.reports[0]?.reporter.displayName).toBe('Anna Naulakko');
    expect(Date.parse(listed!.reports[0]!.at)).toBeGreaterThanOrEqual(
      Date.parse(listed!.reports[1]!.at),
    );
    // Reporters are not in the history the author reads.
    expect((await history(story.id)).map((e) => e.type)).not.toContain('reported');

    // Hidden: off the wall at once, not readable by id for a reader; the author still reads it.
    expect(await wallIds()).toContain(story.id);
    const hidden = await act(story.id, 'hide', editor, { note: 'Checking with the customer.' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.status).toBe('hidden');
    expect(await wallIds()).not.toContain(story.id);
    expect((await read(story.id, service)).status).toBe(404);
    expect((await read(story.id, employee)).body.status).toBe('hidden');
    expect((await read(story.id, editor)).status).toBe(200);
    // Its reports are resolved; it stays in the queue to be restored.
    expect(await itemOf(story.id)).toMatchObject({
      story: { status: 'hidden' },
      reportCount: 0,
      reports: [],
    });
    // A reader who cannot see it cannot report it either.
    expect((await report(story.id, service)).status).toBe(404);
    expect((await history(story.id))[0]).toMatchObject({
      type: 'hidden',
      actor: { id: editor },
      detail: { comment: 'Checking with the customer.', reports: 2 },
    });

    // Restored by an admin: back on the wall and readable; out of the queue.
    const restored = await act(story.id, 'restore', admin);
    expect(restored.body.status).toBe('published');
    expect(restored.body.publishedAt).toBe(story.publishedAt);
    expect(await wallIds()).toContain(story.id);
    expect((await read(story.id, service)).status).toBe(200);
    expect(await itemOf(story.id)).toBeUndefined();
    expect((await history(story.id))[0]).toMatchObject({ type: 'restored', actor: { id: admin } });

    // Reported again, then dismissed: the story stays as it is and leaves the queue.
    expect((await report(story.id, service, 'Still not sure.')).status).toBe(204);
    expect((await itemOf(story.id))?.reportCount).toBe(1);
    const dismissed = await act(story.id, 'dismiss');
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'published', title: story.title });
    expect(await itemOf(story.id)).toBeUndefined();
    expect(await wallIds()).toContain(story.id);
    expect((await history(story.id))[0]).toMatchObject({
      type: 'reports_dismissed',
      detail: { reports: 1 },
    });
  });

  it('an edit with a note corrects the text and shows in the history', async () => {
    const story = await published();
    await report(story.id, service);
    const correction = {
      title: 'A spare umbrella for a guest',
      situation: 'A guest arrived soaked from a sudden downpour just before her talk.',
      action: story.action,
      outcome: story.outcome,
      lesson: story.lesson,
      note: 'Removed the customer’s name at her request.',
    };
    const edited = await act(story.id, 'edit', editor, correction);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      status: 'published',
      title: correction.title,
      situation: correction.situation,
    });
    expect((await read(story.id, service)).body.title).toBe(correction.title);
    // The correction answers the reports.
    expect(await itemOf(story.id)).toBeUndefined();
    const [event] = await history(story.id);
    expect(event).toMatchObject({
      type: 'edited',
      actor: { id: editor },
      detail: { comment: correction.note, reports: 1 },
    });
    expect(event?.detail['fields']).toEqual(['title', 'situation']);

    // The note is required, and the texts keep a story's limits.
    const noNote = await act(story.id, 'edit', editor, { ...correction, note: ' ' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields).toHaveProperty('note');
    const short = await act(story.id, 'edit', editor, { ...correction, title: 'x' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toHaveProperty('title');
    const unknown = await act(story.id, 'edit', editor, { ...correction, team: 'Other' });
    expect(unknown.status).toBe(400);
  });

  it('a report needs a reason within its limits', async () => {
    const story = await published();
    for (const body of [undefined, {}, { reason: '' }, { reason: '   ' }, { reason: 'no' }]) {
      const response = await api.post<ApiErrorBody>(`/api/stories/${story.id}/report`, body, {
        user: service,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('validation');
    }
    const long = await report(story.id, service, 'x'.repeat(LIMITS.reportReason.max + 1));
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toHaveProperty('reason');
    expect(await itemOf(story.id)).toBeUndefined();
    expect((await report('no-such-story', service)).status).toBe(404);
  });

  it('the queue and the actions are for editors and admins: 403 for everyone else', async () => {
    const story = await published();
    await report(story.id, service);
    for (const user of [employee, manager, service]) {
      const listed = await queue(user);
      expect(listed.status, user).toBe(403);
      expect(listed.body.error.code).toBe('forbidden');
      for (const action of ['hide', 'restore', 'dismiss']) {
        expect((await act(story.id, action, user)).status, `${action} ${user}`).toBe(403);
      }
      const edit = await act(story.id, 'edit', user, {
        ...draft({ title: 'Taken over' }),
        team: undefined,
        category: undefined,
        featured: undefined,
        consent: undefined,
        locale: undefined,
        note: 'Mine now.',
      });
      expect(edit.status, `edit ${user}`).toBe(403);
    }
    // Nothing changed.
    expect((await itemOf(story.id))?.reportCount).toBe(1);
    expect((await read(story.id, service)).body.title).toBe(story.title);
    expect((await queue(admin)).status).toBe(200);
  });

  it('an archived story is readable by id only by those it concerns', async () => {
    const story = await published();
    const archived = await api.post<StoryDto>(
      `/api/stories/${story.id}/archive`,
      {},
      {
        user: editor,
      },
    );
    expect(archived.body.status).toBe('archived');
    expect((await read(story.id, service)).status).toBe(404);
    expect((await read(story.id, employee)).body.status).toBe('archived');
    expect((await read(story.id, manager)).status).toBe(200);
    expect((await read(story.id, admin)).status).toBe(200);
  });
});

describe('moderation API rate limits', () => {
  const max = 3;
  const { api } = useTestApp({ env: { WRITES_PER_MINUTE: String(max) } });

  it('reports spend the reporter’s own report budget: 429 with Retry-After past it', async () => {
    const wall = await api.get<WallPageDto>('/api/stories?limit=10', { user: service });
    const story = wall.body.items.find((s) => s.author.id !== service);
    expect(story).toBeDefined();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let last: ApiErrorBody | undefined;
    for (let i = 0; i <= max; i++) {
      const response = await api.post<ApiErrorBody>(
        `/api/stories/${story!.id}/report`,
        { reason: `Reason number ${i}` },
        { user: service },
      );
      statuses.push(response.status);
      retryAfter = response.headers.get('retry-after');
      last = response.body;
    }
    expect(statuses).toEqual([204, 204, 204, 429]);
    expect(last?.error.code).toBe('rate_limited');
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another person's budget, and the same person's other actions, are untouched.
    expect(
      (
        await api.post(
          `/api/stories/${story!.id}/report`,
          { reason: 'Mine too.' },
          { user: cloakroom },
        )
      ).status,
    ).toBe(204);
    const vote = await api.post(`/api/stories/${story!.id}/vote`, undefined, { user: service });
    expect([200, 409]).toContain(vote.status);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  MyStoriesPageDto,
  StoryDto,
  StoryListDto,
  WallPageDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';
import { buildStoryDraft } from '../../support/factories.js';

/** Journey 10 over HTTP: my stories; edit and resubmit; withdraw; archive. */

const { employee, manager, editor, admin, service, cloakroom } = DEMO_USER_IDS;

/** The factory's draft; overrides may break its rules on purpose (a test of what is refused). */
function draft(overrides: Record<string, unknown> = {}) {
  return { ...buildStoryDraft({ featured: [cloakroom] }), ...overrides };
}

describe('journey 10 API', () => {
  const { api } = useTestApp();

  /** A new story told by `user`, a few ms after the previous one so "newest first" is clear. */
  async function tell(user: string, overrides: Record<string, unknown> = {}): Promise<StoryDto> {
    await sleep(5);
    const created = await api.post<StoryDto>('/api/stories', draft(overrides), { user });
    expect(created.status).toBe(201);
    return created.body;
  }
  const decide = (id: string, user: string, decision: string, comment?: string) =>
    api.post<StoryDto>(`/api/stories/${id}/decision`, { decision, comment }, { user });
  const queueOf = async (user: string) =>
    (await api.get<StoryListDto>('/api/approvals', { user })).body.items;
  const wallIds = async () =>
    (await api.get<WallPageDto>('/api/stories?limit=50')).body.items.map((s) => s.id);
  const resubmit = (id: string, body: unknown, user: string) =>
    api.call<StoryDto & ApiErrorBody>('PUT', `/api/stories/${id}`, { body, user });

  describe('GET /api/stories/mine', () => {
    it('lists the seeded demo stories of the caller (the seed fills the author index)', async () => {
      const wall = await api.get<WallPageDto>('/api/stories?limit=50');
      const seeded = wall.body.items.filter((s) => s.author.id === employee);
      expect(seeded.length).toBeGreaterThan(0);
      const mine = await api.get<MyStoriesPageDto>('/api/stories/mine?limit=50', {
        user: employee,
      });
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual(expect.arrayContaining(seeded));
      expect(mine.body.items.every((s) => s.author.id === employee)).toBe(true);
    });

    it('lists only the caller’s stories, in every status, newest first, paged', async () => {
      // The manager tells no demo story, so their list holds exactly what this test tells; their
      // stories are routed to the admin.
      const published = await tell(manager, { title: 'Published one' });
      const sentBack = await tell(manager, { title: 'Sent back one' });
      const rejected = await tell(manager, { title: 'Rejected one' });
      const withdrawn = await tell(manager, { title: 'Withdrawn one' });
      const pending = await tell(manager, { title: 'Pending one' });
      const someoneElses = await tell(employee, { title: 'Not the manager’s' });
      expect(published.approval.approvers[0]?.id).toBe(admin);
      expect((await decide(published.id, admin, 'approve')).status).toBe(200);
      expect((await decide(sentBack.id, admin, 'changes', 'Add the lesson.')).status).toBe(200);
      expect((await decide(rejected.id, admin, 'reject', 'Not a customer story.')).status).toBe(
        200,
      );
      const withdrawal = await api.post(`/api/stories/${withdrawn.id}/withdraw`, undefined, {
        user: manager,
      });
      expect(withdrawal.status).toBe(200);

      const ids: string[] = [];
      const statuses: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page = await api.get<MyStoriesPageDto>(`/api/stories/mine?limit=2${query}`, {
          user: manager,
        });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        ids.push(...page.body.items.map((s) => s.id));
        statuses.push(...page.body.items.map((s) => s.status));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(ids).toEqual([pending.id, withdrawn.id, rejected.id, sentBack.id, published.id]);
      expect(statuses).toEqual([
        'pending',
        'withdrawn',
        'rejected',
        'changes_requested',
        'published',
      ]);
      expect(ids).not.toContain(someoneElses.id);

      // The default page size is 30, so one page holds them all.
      const all = await api.get<MyStoriesPageDto>('/api/stories/mine', { user: manager });
      expect(all.body.items.map((s) => s.id)).toEqual(ids);
      expect(all.body.nextCursor).toBeNull();
    });

    it('refuses bad query values, and another person’s cursor, with 400', async () => {
      for (const query of [
        'limit=0',
        'limit=51',
        'limit=ten',
        'cursor=not-a-cursor',
        `cursor=${'a'.repeat(1025)}`,
        'sort=oldest',
      ]) {
        const response = await api.get<ApiErrorBody>(`/api/stories/mine?${query}`);
        expect(response.status, query).toBe(400);
        expect(response.body.error.code, query).toBe('validation');
      }
      const mine = await api.get<MyStoriesPageDto>('/api/stories/mine?limit=1', {
        user: employee,
      });
      expect(mine.body.nextCursor).toEqual(expect.any(String));
      const stolen = await api.get<ApiErrorBody>(
        `/api/stories/mine?limit=1&cursor=${encodeURIComponent(mine.body.nextCursor!)}`,
        { user: editor },
      );
      expect(stolen.status).toBe(400);
      expect(stolen.body.error.fields).toHaveProperty('cursor');
    });

    it('is refused to someone who is not signed in (401)', async () => {
      const response = await api.get<ApiErrorBody>('/api/stories/mine', { user: 'someone-else' });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthenticated');
    });
  });

  describe('PUT /api/stories/:id (edit and resubmit)', () => {
    it('sends a story back to the manager’s queue after they asked for changes', async () => {
      const story = await tell(employee, { title: 'First telling' });
      expect(story.approval.approvers[0]?.id).toBe(manager);
      const changes = await decide(story.id, manager, 'changes', 'Tell what the guest said.');
      expect(changes.body.status).toBe('changes_requested');
      expect((await queueOf(manager)).map((s) => s.id)).not.toContain(story.id);

      const edited = draft({
        title: 'Second telling',
        customerQuote: 'You saved my keynote!',
        featured: [],
      });
      const byManager = await resubmit(story.id, edited, manager);
      expect(byManager.status).toBe(403);
      expect(byManager.body.error.code).toBe('forbidden');

      const resubmitted = await resubmit(story.id, edited, employee);
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body).toMatchObject({
        id: story.id,
        status: 'pending',
        title: 'Second telling',
        customerQuote: 'You saved my keynote!',
        featured: [],
        // Approval starts again at the first stage, with the manager the only one asked.
        approval: { stage: 1, approvers: [{ id: manager }] },
        createdAt: story.createdAt,
      });
      expect(resubmitted.body.approval.waitingSince).toBe(resubmitted.body.updatedAt);
      expect(resubmitted.body.decisionComment).toBeUndefined();

      const queue = await queueOf(manager);
      expect(queue.find((s) => s.id === story.id)).toEqual(resubmitted.body);
      const mine = await api.get<MyStoriesPageDto>('/api/stories/mine', { user: employee });
      expect(mine.body.items.find((s) => s.id === story.id)).toEqual(resubmitted.body);

      // The manager can decide on it again.
      expect((await decide(story.id, manager, 'approve')).body.status).toBe('published');
    });

    it('refuses what may not be resubmitted: 409, 404, 400, 413 — and stores nothing', async () => {
      const pending = await tell(employee);
      const notDecided = await resubmit(pending.id, draft(), employee);
      expect(notDecided.status).toBe(409);
      expect(notDecided.body.error.code).toBe('illegal_transition');

      await decide(pending.id, manager, 'changes', 'More detail, please.');
      const invalid = await resubmit(pending.id, draft({ title: '', extra: true }), employee);
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.code).toBe('validation');
      expect(Object.keys(invalid.body.error.fields ?? {})).toEqual(
        expect.arrayContaining(['title']),
      );
      const noConsent = await resubmit(
        pending.id,
        draft({ customerQuote: 'Wow', consent: false }),
        employee,
      );
      expect(noConsent.status).toBe(400);
      const noBody = await api.call<ApiErrorBody>('PUT', `/api/stories/${pending.id}`, {
        user: employee,
      });
      expect(noBody.status).toBe(400);
      const malformed = await api.call<ApiErrorBody>('PUT', `/api/stories/${pending.id}`, {
        rawBody: '{"title": ',
        user: employee,
      });
      expect(malformed.status).toBe(400);
      const huge = await resubmit(pending.id, draft({ situation: 'x'.repeat(100_000) }), employee);
      expect(huge.status).toBe(413);
      const unknown = await resubmit('no-such-story', draft(), employee);
      expect(unknown.status).toBe(404);
      const badId = await resubmit('bad_id!', draft(), employee);
      expect(badId.status).toBe(400);
      // A stranger to the story does not learn that it exists.
      const stranger = await resubmit(pending.id, draft(), service);
      expect(stranger.status).toBe(404);

      const stored = await api.get<StoryDto>(`/api/stories/${pending.id}`, { user: employee });
      expect(stored.body.status).toBe('changes_requested');
      expect(stored.body.decisionComment).toBe('More detail, please.');
    });
  });

  describe('POST /api/stories/:id/withdraw', () => {
    it('withdraws the author’s pending story and takes it out of the queue', async () => {
      const story = await tell(employee);
      expect((await queueOf(manager)).map((s) => s.id)).toContain(story.id);

      const byManager = await api.post<ApiErrorBody>(
        `/api/stories/${story.id}/withdraw`,
        {},
        {
          user: manager,
        },
      );
      expect(byManager.status).toBe(403);
      expect(byManager.body.error.code).toBe('forbidden');
      const withBody = await api.post<ApiErrorBody>(
        `/api/stories/${story.id}/withdraw`,
        { reason: 'changed my mind' },
        { user: employee },
      );
      expect(withBody.status).toBe(400);

      const withdrawn = await api.post<StoryDto>(
        `/api/stories/${story.id}/withdraw`,
        {},
        {
          user: employee,
        },
      );
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ id: story.id, status: 'withdrawn' });
      expect((await queueOf(manager)).map((s) => s.id)).not.toContain(story.id);

      // A second click answers with the same story; a decision now is an illegal move.
      const again = await api.post<StoryDto>(`/api/stories/${story.id}/withdraw`, undefined, {
        user: employee,
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(withdrawn.body);
      const late = await decide(story.id, manager, 'approve');
      expect(late.status).toBe(409);
    });

    it('refuses to withdraw a published story (409) and an unknown one (404)', async () => {
      const story = await tell(employee);
      await decide(story.id, manager, 'approve');
      const published = await api.post<ApiErrorBody>(
        `/api/stories/${story.id}/withdraw`,
        {},
        {
          user: employee,
        },
      );
      expect(published.status).toBe(409);
      expect(published.body.error.code).toBe('illegal_transition');
      const unknown = await api.post<ApiErrorBody>(
        '/api/stories/no-such-story/withdraw',
        {},
        {
          user: employee,
        },
      );
      expect(unknown.status).toBe(404);
    });
  });

  describe('POST /api/stories/:id/archive', () => {
    it('takes the author’s published story off the wall', async () => {
      const story = await tell(employee);
      await decide(story.id, manager, 'approve');
      expect((await wallIds())[0]).toBe(story.id);

      const byColleague = await api.post<ApiErrorBody>(
        `/api/stories/${story.id}/archive`,
        {},
        {
          user: service,
        },
      );
      expect(byColleague.status).toBe(403);
      expect(byColleague.body.error.code).toBe('forbidden');
      expect(await wallIds()).toContain(story.id);

      const archived = await api.post<StoryDto>(`/api/stories/${story.id}/archive`, undefined, {
        user: employee,
      });
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ id: story.id, status: 'archived' });
      expect(archived.body.publishedAt).toEqual(expect.any(String));
      // This instance's own write drops its cached first page at once.
      expect(await wallIds()).not.toContain(story.id);
      const mine = await api.get<MyStoriesPageDto>('/api/stories/mine', { user: employee });
      expect(mine.body.items.find((s) => s.id === story.id)?.status).toBe('archived');
    });

    it('lets an editor archive a colleague’s story', async () => {
      const story = await tell(employee);
      await decide(story.id, manager, 'approve');
      const archived = await api.post<StoryDto>(
        `/api/stories/${story.id}/archive`,
        {},
        {
          user: editor,
        },
      );
      expect(archived.status).toBe(200);
      expect(await wallIds()).not.toContain(story.id);
    });

    it('refuses to archive a pending story (409), with a body (400), or unknown (404)', async () => {
      const story = await tell(employee);
      const pending = await api.post<ApiErrorBody>(
        `/api/stories/${story.id}/archive`,
        {},
        {
          user: employee,
        },
      );
      expect(pending.status).toBe(409);
      expect(pending.body.error.code).toBe('illegal_transition');
      const withBody = await api.post<ApiErrorBody>(`/api/stories/${story.id}/archive`, [], {
        user: employee,
      });
      expect(withBody.status).toBe(400);
      const unknown = await api.post<ApiErrorBody>(
        '/api/stories/no-such-story/archive',
        {},
        {
          user: employee,
        },
      );
      expect(unknown.status).toBe(404);
    });
  });
});

describe('journey 10 API under the write rate limit', () => {
  const max = 3;
  const { api } = useTestApp({ env: { WRITES_PER_MINUTE: String(max) } });

  it.each([
    ['PUT', '/api/stories/no-such-story'],
    ['POST', '/api/stories/no-such-story/withdraw'],
    ['POST', '/api/stories/no-such-story/archive'],
  ])('%s %s answers 429 past the per-person limit', async (method, path) => {
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const response = await api.call<ApiErrorBody>(method, path, {
        user: admin,
        body: method === 'PUT' ? draft() : {},
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.body.error.code).toBe('rate_limited');
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    // Reading is not a write: the author's list still answers.
    expect((await api.get('/api/stories/mine', { user: admin })).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { ApiErrorBody, StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';
import { buildStoryDraft } from '../../support/factories.js';

const { employee, manager, editor } = DEMO_USER_IDS;

/** The factory's draft; overrides may break its rules on purpose (a test of what is refused). */
function draft(overrides: Record<string, unknown> = {}) {
  return { ...buildStoryDraft({ featured: [DEMO_USER_IDS.cloakroom] }), ...overrides };
}

describe('story API', () => {
  const { api } = useTestApp();

  it('lists the seeded published stories newest first, paged with a cursor', async () => {
    const first = await api.get<WallPageDto>('/api/stories?limit=5');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(5);
    expect(first.body.items.every((s) => s.status === 'published')).toBe(true);
    const dates = first.body.items.map((s) => s.publishedAt ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const seen = new Set(first.body.items.map((s) => s.id));
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await api.get<WallPageDto>(
        `/api/stories?limit=5&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(next.status).toBe(200);
      for (const s of next.body.items) {
        expect(seen.has(s.id)).toBe(false);
        seen.add(s.id);
      }
      cursor = next.body.nextCursor;
    }
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });

  it('refuses bad query values with 400 and names the field', async () => {
    const tooMany = await api.get<ApiErrorBody>('/api/stories?limit=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('validation');
    expect(tooMany.body.error.fields).toHaveProperty('limit');
    const badMonth = await api.get<ApiErrorBody>('/api/stories?month=2026-13');
    expect(badMonth.status).toBe(400);
    const badCursor = await api.get<ApiErrorBody>('/api/stories?cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
    const unknown = await api.get<ApiErrorBody>('/api/stories?sort=oldest');
    expect(unknown.status).toBe(400);
  });

  it('reads each query string as its own, however often the same ones are asked', async () => {
    // The wall keeps each query string's check; a kept answer must never serve another string,
    // and a refused one must stay refused.
    for (let round = 0; round < 3; round++) {
      for (const limit of [2, 3, 2, 1]) {
        const page = await api.get<WallPageDto>(`/api/stories?limit=${limit}`);
        expect(page.status).toBe(200);
        expect(page.body.items).toHaveLength(limit);
      }
      const refused = await api.get<ApiErrorBody>('/api/stories?limit=500');
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toHaveProperty('limit');
      const repeated = await api.get<ApiErrorBody>('/api/stories?limit=2&limit=2');
      expect(repeated.status).toBe(400);
    }
  });

  it('submits, approves and publishes a story; the wall shows it first', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft(), { user: employee });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('pending');
    expect(created.body.approval.approvers[0]?.id).toBe(manager);
    expect(created.body.featured).toEqual([
      { id: DEMO_USER_IDS.cloakroom, displayName: 'Anna Naulakko' },
    ]);

    const wallBefore = await api.get<WallPageDto>('/api/stories?limit=50');
    expect(wallBefore.body.items.map((s) => s.id)).not.toContain(created.body.id);

    const queue = await api.get<{ items: StoryDto[] }>('/api/approvals', { user: manager });
    expect(queue.body.items.map((s) => s.id)).toContain(created.body.id);

    const byEmployee = await api.post<ApiErrorBody>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: employee },
    );
    expect(byEmployee.status).toBe(403);

    const approved = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('published');

    const again = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(again.status).toBe(200);

    const reject = await api.post<ApiErrorBody>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'reject' },
      { user: manager },
    );
    expect(reject.status).toBe(409);
    expect(reject.body.error.code).toBe('illegal_transition');

    const wall = await api.get<WallPageDto>('/api/stories?limit=5');
    expect(wall.body.items[0]?.id).toBe(created.body.id);
    const queueAfter = await api.get<{ items: StoryDto[] }>('/api/approvals', { user: manager });
    expect(queueAfter.body.items.map((s) => s.id)).not.toContain(created.body.id);
  });

  it('removes bidirectional controls from story text, so nothing displays reversed', async () => {
    // U+202E (right-to-left override) would show "txt.exe" as "exe.txt" and worse.
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    const created = await api.post<StoryDto>(
      '/api/stories',
      draft({
        title: `Spare \u202Eumbrella\u202C for a guest`,
        lesson: `${controls}Small, fast kindness is remembered longest.`,
        team: `Venue\u2067 services\u2069`,
        customerQuote: `Thank you!\u202D`,
      }),
      { user: employee },
    );
    expect(created.status).toBe(201);
    const told = JSON.stringify(created.body);
    expect(told).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(created.body.title).toBe('Spare umbrella for a guest');
    expect(created.body.team).toBe('Venue services');

    const decided = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'changes', comment: `Please \u202Eadd the date\u202C.` },
      { user: manager },
    );
    expect(decided.status).toBe(200);
    const history = await api.get<{ items: { detail?: Record<string, unknown> }[] }>(
      `/api/stories/${created.body.id}/history`,
      { user: employee },
    );
    expect(JSON.stringify(history.body)).toContain('Please add the date.');

    // Only controls is no text: counted after they are removed.
    const empty = await api.post<ApiErrorBody>('/api/stories', draft({ title: `${controls}ab` }), {
      user: employee,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toHaveProperty('title');
  });

  it('lets a featured colleague take their name off a published story at any time', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft(), { user: employee });
    const id = created.body.id;
    await api.post(`/api/stories/${id}/decision`, { decision: 'approve' }, { user: manager });

    const removed = await api.call<StoryDto>('DELETE', `/api/stories/${id}/featured/me`, {
      user: DEMO_USER_IDS.cloakroom,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.featured).toEqual([]);
    const wall = await api.get<WallPageDto>('/api/stories?limit=50');
    expect(wall.body.items.find((s) => s.id === id)?.featured).toEqual([]);
    const history = await api.get<{ items: { type: string }[] }>(`/api/stories/${id}/history`, {
      user: employee,
    });
    expect(history.body.items[0]?.type).toBe('featured_removed');

    // Someone the story never named changes nothing.
    const other = await api.call<StoryDto>('DELETE', `/api/stories/${id}/featured/me`, {
      user: editor,
    });
    expect(other.status).toBe(200);
    expect(other.body.featured).toEqual([]);
  });

  it('keeps pending stories private to the people involved', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft({ featured: [] }), {
      user: employee,
    });
    expect((await api.get(`/api/stories/${created.body.id}`, { user: employee })).status).toBe(200);
    expect((await api.get(`/api/stories/${created.body.id}`, { user: manager })).status).toBe(200);
    expect((await api.get(`/api/stories/${created.body.id}`, { user: editor })).status).toBe(200);
    const other = await api.get<ApiErrorBody>(`/api/stories/${created.body.id}`, {
      user: DEMO_USER_IDS.driver,
    });
    expect(other.status).toBe(404);
  });

  it('refuses invalid stories with 400 naming each field, and stores nothing', async () => {
    const before = await api.get<{ items: StoryDto[] }>('/api/approvals', { user: manager });
    const bad = await api.post<ApiErrorBody>(
      '/api/stories',
      draft({ title: '', category: 'bravery', sourceUrl: 'javascript:alert(1)', extra: 1 }),
      { user: employee },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    expect(Object.keys(bad.body.error.fields ?? {})).toEqual(
      expect.arrayContaining(['title', 'category', 'sourceUrl']),
    );
    const quoteWithoutConsent = await api.post<ApiErrorBody>(
      '/api/stories',
      draft({ customerQuote: 'Best service ever!', consent: false }),
      { user: employee },
    );
    expect(quoteWithoutConsent.status).toBe(400);
    const unknownColleague = await api.post<ApiErrorBody>(
      '/api/stories',
      draft({ featured: ['nobody'] }),
      { user: employee },
    );
    expect(unknownColleague.status).toBe(400);
    const after = await api.get<{ items: StoryDto[] }>('/api/approvals', { user: manager });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('answers malformed and oversized bodies with 400 and 413, never 5xx', async () => {
    const malformed = await api.call<ApiErrorBody>('POST', '/api/stories', {
      rawBody: '{"title": ',
      user: employee,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');
    const huge = await api.post<ApiErrorBody>(
      '/api/stories',
      draft({ situation: 'x'.repeat(100_000) }),
      { user: employee },
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('too_large');
    const notFound = await api.get<ApiErrorBody>('/api/stories/does-not-exist');
    expect(notFound.status).toBe(404);
    const badId = await api.get<ApiErrorBody>('/api/stories/%2F..%2Fetc');
    expect([400, 404]).toContain(badId.status);
    const noRoute = await api.get<ApiErrorBody>('/api/nothing-here');
    expect(noRoute.status).toBe(404);
    expect(noRoute.body.error.code).toBe('not_found');
  });

  it('counts one vote per person and refuses self-votes', async () => {
    const wall = await api.get<WallPageDto>('/api/stories?limit=1');
    const story = wall.body.items[0];
    if (!story) throw new Error('no story on the wall');
    const voter = [DEMO_USER_IDS.admin, DEMO_USER_IDS.editor, DEMO_USER_IDS.driver].find(
      (id) => id !== story.author.id && !story.featured.some((p) => p.id === id),
    );
    if (!voter) throw new Error('no eligible voter');
    const first = await api.post<StoryDto>(`/api/stories/${story.id}/vote`, undefined, {
      user: voter,
    });
    expect(first.status).toBe(200);
    expect(first.body.voteCount).toBe(story.voteCount! + 1);
    const second = await api.post<ApiErrorBody>(`/api/stories/${story.id}/vote`, undefined, {
      user: voter,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('already_voted');
    const self = await api.post<ApiErrorBody>(`/api/stories/${story.id}/vote`, undefined, {
      user: story.author.id,
    });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('self_vote');
    const onWall = await api.get<WallPageDto>('/api/stories?limit=1');
    expect(onWall.body.items[0]?.voteCount).toBe(story.voteCount! + 1);
  });
});

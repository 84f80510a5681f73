import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import {
  LIMITS,
  type ApiErrorBody,
  type StoryDto,
  type StoryListDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';
import type { StoryDraft } from '../../../src/domain/index.js';
import { buildStoryDraft } from '../../support/factories.js';

/** Journey 4 over HTTP: the approver (or an admin) hands a pending story to another person. */

const { employee, manager, editor, admin, service, driver, cloakroom } = DEMO_USER_IDS;

function draft(overrides: Partial<StoryDraft> = {}): StoryDraft {
  return buildStoryDraft({ featured: [driver], ...overrides });
}

describe('POST /api/stories/:id/reassign', () => {
  const { api } = useTestApp();

  /** The employee's new story, routed to their manager. */
  async function tell(): Promise<StoryDto> {
    const created = await api.post<StoryDto>('/api/stories', draft(), { user: employee });
    expect(created.status).toBe(201);
    expect(created.body.approval.approvers[0]?.id).toBe(manager);
    return created.body;
  }
  const reassign = (id: string, body: unknown, user: string) =>
    api.call<StoryDto & ApiErrorBody>('POST', `/api/stories/${id}/reassign`, { body, user });
  const queueOf = async (user: string) =>
    (await api.get<StoryListDto>('/api/approvals', { user })).body.items.map((s) => s.id);

  it('moves the story from the approver’s queue to the new approver’s', async () => {
    const story = await tell();
    expect(await queueOf(manager)).toContain(story.id);

    const response = await reassign(
      story.id,
      { approverId: editor, comment: 'On leave.' },
      manager,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: story.id,
      status: 'pending',
      // The editor now stands in for the manager, and is the only one asked.
      approval: { stage: 1, approvers: [{ id: editor, onBehalfOf: manager }] },
    });

    expect(await queueOf(manager)).not.toContain(story.id);
    expect(await queueOf(editor)).toContain(story.id);
    // The former approver may still read it, but it no longer waits for them: handing it on
    // again finds nothing to hand on (404), not a refusal of access.
    expect((await api.get<StoryDto>(`/api/stories/${story.id}`, { user: manager })).status).toBe(
      200,
    );
    const again = await reassign(story.id, { approverId: service }, manager);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
    // Deciding from a stale list gets the same answer (the tab says it is no longer available).
    const stale = await api.post<ApiErrorBody>(
      `/api/stories/${story.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(stale.status).toBe(404);
    expect(stale.body.error.code).toBe('not_found');
    // The new approver may decide on it now.
    const approved = await api.post<StoryDto>(
      `/api/stories/${story.id}/decision`,
      { decision: 'approve' },
      { user: editor },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('published');
    expect(await queueOf(editor)).not.toContain(story.id);
  });

  it('an admin may reassign a story routed to someone else', async () => {
    const story = await tell();
    const response = await reassign(story.id, { approverId: service }, admin);
    expect(response.status).toBe(200);
    expect(response.body.approval.approvers[0]?.id).toBe(service);
    expect(await queueOf(manager)).not.toContain(story.id);
    expect(await queueOf(service)).toEqual([story.id]);
  });

  it('refuses the author, the current approver and an unknown person (400 on approverId)', async () => {
    const story = await tell();
    for (const approverId of [employee, manager, '00000000-0000-4000-8000-000000000999']) {
      const response = await reassign(story.id, { approverId }, manager);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation');
      expect(Object.keys(response.body.error.fields ?? {})).toEqual(['approverId']);
    }
    expect(await queueOf(manager)).toContain(story.id);
  });

  it('refuses a malformed body naming every bad field, and unknown fields', async () => {
    const story = await tell();
    const bad = await reassign(
      story.id,
      { approverId: '', comment: 'x'.repeat(LIMITS.comment.max + 1) },
      manager,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['approverId', 'comment']);
    const extra = await reassign(story.id, { approverId: editor, decision: 'approve' }, manager);
    expect(extra.status).toBe(400);
    const none = await api.call<ApiErrorBody>('POST', `/api/stories/${story.id}/reassign`, {
      user: manager,
    });
    expect(none.status).toBe(400);
    const badId = await reassign('not an id!', { approverId: editor }, manager);
    expect(badId.status).toBe(400);
  });

  it('an employee who is not the approver is forbidden (403); a stranger finds nothing (404)', async () => {
    const story = await tell();
    for (const user of [employee, driver, editor]) {
      const response = await reassign(story.id, { approverId: service }, user);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    }
    const stranger = await reassign(story.id, { approverId: service }, cloakroom);
    expect(stranger.status).toBe(404);
    expect((await reassign('no-such-story', { approverId: service }, manager)).status).toBe(404);
    expect(await queueOf(manager)).toContain(story.id);
  });

  it('a decided story cannot be reassigned (409 illegal_transition)', async () => {
    const story = await tell();
    await api.post(`/api/stories/${story.id}/decision`, { decision: 'reject' }, { user: manager });
    const response = await reassign(story.id, { approverId: editor }, admin);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('illegal_transition');
  });
});

describe('POST /api/stories/:id/reassign under the write rate limit', () => {
  const max = 3;
  const { api } = useTestApp({ env: { WRITES_PER_MINUTE: String(max) } });

  it('answers 429 past the per-person limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const response = await api.call<ApiErrorBody>('POST', '/api/stories/no-such-story/reassign', {
        user: admin,
        body: { approverId: editor },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.body.error.code).toBe('rate_limited');
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
  });
});

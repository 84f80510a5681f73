import { pendingApproval } from '../../support/factories.js';
const T0 = new Date('2026-11-02T09:00:00Z');
import { waitingApprovers } from '../../../src/domain/index.js';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  DomainError,
  syncProjections,
  type ApprovalQueue,
  type Story,
  type StoryStatus,
  type User,
} from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { reassignStory } from '../../../src/domain/useCases/reassignStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { buildStoryDeps, fakeAuthors, fakeDue, fakeWall } from '../../support/fakes.js';
import { buildStory, buildStoryDraft } from '../../support/factories.js';
import { HOUR, demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);
const admin = actorOf(ids.admin);

/**
 * An approval queue keyed by approver and story, as the table adapter is (the shared fake keys
 * by story alone, so it cannot show a row left behind in the former approver's queue).
 */
function queueByApprover(): ApprovalQueue & { rows: Map<string, Story> } {
  const rows = new Map<string, Story>();
  const keyOf = (s: Story) => `${s.tenantId}|${waitingApprovers(s.approval)[0]}|${s.id}`;
  return {
    rows,
    async put(story) {
      const held = rows.get(keyOf(story));
      if (!held || held.revision < story.revision) rows.set(keyOf(story), story);
    },
    async remove(story) {
      const held = rows.get(keyOf(story));
      if (held && held.revision <= story.revision) rows.delete(keyOf(story));
    },
    async list(tenantId, approverId, limit) {
      return [...rows.values()]
        .filter((s) => s.tenantId === tenantId && waitingApprovers(s.approval)[0] === approverId)
        .slice(0, limit);
    },
  };
}

/** The employee's story, pending with the manager; the clock moved on. */
async function submitted() {
  const approvals = queueByApprover();
  const ctx = buildStoryDeps(people, { approvals });
  const story = await submitStory(ctx.deps, employee, buildStoryDraft());
  ctx.clock.advance(HOUR);
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  const kinds = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
  const stored = async () => (await ctx.stories.get(ref))?.value;
  const queueOf = async (userId: string) =>
    (await approvals.list(DEMO_TENANT_ID, userId, 10)).map((s) => s.id);
  return { ...ctx, approvals, story, ref, kinds, stored, queueOf };
}

describe('reassignStory', () => {
  it('hands a pending story to another person: new approver, next revision, same status', async () => {
    const { deps, story, clock, stored } = await submitted();
    const reassigned = await reassignStory(deps, manager, story.id, ids.editor);
    expect(reassigned).toEqual({
      ...story,
      approval: pendingApproval(ids.editor, 'approver', T0),
      updatedAt: clock.now(),
      revision: story.revision + 1,
    });
    expect(await stored()).toEqual(reassigned);
  });

  it('moves the story from the former approver’s queue to the new one', async () => {
    const { deps, story, queueOf } = await submitted();
    expect(await queueOf(ids.manager)).toEqual([story.id]);
    await reassignStory(deps, manager, story.id, ids.editor);
    expect(await queueOf(ids.manager)).toEqual([]);
    expect(await queueOf(ids.editor)).toEqual([story.id]);
  });

  it('audits the reassignment with its comment and asks the new approver', async () => {
    const { deps, story, clock, stories, ref, kinds, committed } = await submitted();
    await reassignStory(deps, manager, story.id, ids.editor, '  I am on leave next week.  ');
    const audit = await stories.audit(ref);
    expect(audit.map((e) => e.action)).toEqual(['submitted', 'routed', 'reassigned']);
    expect(audit[1]).toMatchObject({
      actorId: ids.manager,
      at: clock.now(),
      comment: 'I am on leave next week.',
    });
    expect(kinds('approval.requested').map((m) => m.payload)).toEqual([
      { approval: pendingApproval(ids.manager, 'approver', T0) },
      { approval: pendingApproval(ids.editor, 'approver', T0) },
    ]);
    // The repair message names the former queue, at the reassignment's revision.
    expect(kinds('story.project').map((m) => m.payload)).toEqual([
      {},
      { formerApproverId: ids.manager, formerRevision: story.revision + 1 },
    ]);
    expect(kinds('story.decided')).toEqual([]);
    expect(committed).toEqual([ref, ref]);
  });

  it('keeps no comment in the audit when none (or only spaces) is given', async () => {
    const { deps, story, stories, ref } = await submitted();
    await reassignStory(deps, manager, story.id, ids.editor, '   ');
    expect((await stories.audit(ref))[1]).not.toHaveProperty('comment');
  });

  it('an admin may reassign a story routed to someone else', async () => {
    const { deps, story, stored, queueOf } = await submitted();
    const reassigned = await reassignStory(deps, admin, story.id, ids.service);
    expect(waitingApprovers(reassigned.approval)[0]).toBe(ids.service);
    expect(await stored()).toEqual(reassigned);
    expect(await queueOf(ids.manager)).toEqual([]);
    expect(await queueOf(ids.service)).toEqual([story.id]);
  });

  it('the new approver may then decide; the former one no longer even sees it', async () => {
    const { deps, story } = await submitted();
    await reassignStory(deps, manager, story.id, ids.editor);
    expect(await errorOf(decideStory(deps, manager, story.id, 'approve'))).toMatchObject({
      code: 'not_found',
    });
    const approved = await decideStory(deps, actorOf(ids.editor), story.id, 'approve');
    expect(approved.status).toBe('published');
  });

  it.each([
    ['the author', ids.employee],
    ['a featured colleague', ids.driver],
    ['an editor', ids.editor],
  ])('%s may not reassign (forbidden)', async (_, userId) => {
    const { deps, story, stored, stories, ref } = await submitted();
    const error = await errorOf(reassignStory(deps, actorOf(userId), story.id, ids.service));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(await stored()).toEqual(story);
    expect((await stories.audit(ref)).map((e) => e.action)).toEqual(['submitted', 'routed']);
  });

  it('an admin who wrote the story may not route it (forbidden)', async () => {
    const { deps, stories } = buildStoryDeps(people);
    const story = buildStory({
      authorId: ids.admin,
      approval: pendingApproval(ids.manager, 'approver', T0),
    });
    await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    expect(await errorOf(reassignStory(deps, admin, story.id, ids.editor))).toMatchObject({
      code: 'forbidden',
    });
  });

  it('a person who may not see the story finds nothing (not_found)', async () => {
    const { deps, story, stored } = await submitted();
    expect(
      await errorOf(reassignStory(deps, actorOf(ids.cloakroom), story.id, ids.service)),
    ).toMatchObject({ code: 'not_found' });
    expect(await errorOf(reassignStory(deps, manager, 'no-such-story', ids.service))).toMatchObject(
      { code: 'not_found' },
    );
    expect(await stored()).toEqual(story);
  });

  it.each([
    ['the author', ids.employee, /author/],
    ['the current approver', ids.manager, /already the approver/],
    ['an unknown person', '00000000-0000-4000-8000-000000000999', /not a known person/],
  ])('refuses %s as the new approver (validation on approverId)', async (_, to, message) => {
    const { deps, story, stored, kinds } = await submitted();
    const error = await errorOf(reassignStory(deps, manager, story.id, to));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'validation', details: { field: 'approverId' } });
    expect((error as Error).message).toMatch(message);
    expect(await stored()).toEqual(story);
    expect(kinds('approval.requested')).toHaveLength(1);
  });

  it.each<StoryStatus>(['changes_requested', 'published', 'rejected', 'withdrawn', 'archived'])(
    'a %s story cannot be reassigned (illegal_transition)',
    async (status) => {
      const { deps, stories } = buildStoryDeps(people);
      const story = buildStory({
        status,
        authorId: ids.employee,
        approval: pendingApproval(ids.manager, 'approver', T0),
        ...(status === 'published' || status === 'archived' ? { publishedAt: new Date() } : {}),
      });
      await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
      const error = await errorOf(reassignStory(deps, manager, story.id, ids.editor));
      expect(error).toMatchObject({ code: 'illegal_transition' });
      const ref = { tenantId: story.tenantId, storyId: story.id };
      expect((await stories.get(ref))?.value).toEqual(story);
    },
  );

  it('retries a commit that lost a race, from a fresh read', async () => {
    const { deps, story, stories, stored, queueOf } = await submitted();
    const commit = vi
      .spyOn(stories, 'commit')
      .mockRejectedValueOnce(new DomainError('conflict', 'stale etag'));
    const reassigned = await reassignStory(deps, manager, story.id, ids.editor);
    expect(commit).toHaveBeenCalledTimes(2);
    expect(await stored()).toEqual(reassigned);
    expect(await queueOf(ids.manager)).toEqual([]);
  });

  it('loses cleanly to a decision that got in first', async () => {
    const { deps, story, stories, stored } = await submitted();
    const get = stories.get.bind(stories);
    let interfered = false;
    vi.spyOn(stories, 'get').mockImplementation(async (ref) => {
      const current = await get(ref);
      if (current && !interfered) {
        interfered = true;
        await decideStory(deps, manager, story.id, 'approve');
        return current; // the stale read: its commit loses the race and is retried
      }
      return current;
    });
    const error = await errorOf(reassignStory(deps, manager, story.id, ids.editor));
    expect(error).toMatchObject({ code: 'illegal_transition' });
    expect(waitingApprovers((await stored())!.approval)[0]).toBe(ids.manager);
  });

  it('a failed inline removal is left to the outbox: the commit stands', async () => {
    const { deps, story, approvals, stored, queueOf, kinds } = await submitted();
    vi.spyOn(approvals, 'remove').mockRejectedValueOnce(new Error('storage unavailable'));
    const reassigned = await reassignStory(deps, manager, story.id, ids.editor);
    expect(await stored()).toEqual(reassigned);
    expect(await queueOf(ids.manager)).toEqual([story.id]); // left behind for now

    // What the `story.project` handler does with the message committed with the change.
    expect(kinds('story.project').length).toBeGreaterThan(0);
    const projections = { wall: fakeWall(), approvals, authors: fakeAuthors(), due: fakeDue() };
    await syncProjections(projections, reassigned);
    expect(await queueOf(ids.manager)).toEqual([]);
    expect(await queueOf(ids.editor)).toEqual([story.id]);
  });

  it('the repair of an old reassignment keeps a story that came back to that approver', async () => {
    const { deps, story, approvals, queueOf, kinds, stored } = await submitted();
    await reassignStory(deps, manager, story.id, ids.editor);
    await reassignStory(deps, actorOf(ids.editor), story.id, ids.manager);
    expect(await queueOf(ids.manager)).toEqual([story.id]);
    expect(await queueOf(ids.editor)).toEqual([]);
    // The first reassignment's repair runs late (e.g. after a crash): manager keeps the story.
    // The story says everyone it was routed to, so a repair needs nothing else.
    expect(kinds('story.project').length).toBeGreaterThan(1);
    const projections = { wall: fakeWall(), approvals, authors: fakeAuthors(), due: fakeDue() };
    await syncProjections(projections, (await stored())!);
    expect(await queueOf(ids.manager)).toEqual([story.id]);
    expect(await queueOf(ids.editor)).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  DomainError,
  syncProjections,
  waitingApprovers,
  type StoryStatus,
  type User,
} from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { reassignStory } from '../../../src/domain/useCases/reassignStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { canSee } from '../../../src/domain/visibility.js';
import { buildStoryDeps, fakeProjections } from '../../support/fakes.js';
import { buildStory, buildStoryDraft, pendingApproval } from '../../support/factories.js';
import { HOUR, demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);
const admin = actorOf(ids.admin);

/** The employee's story, pending with the manager; the clock moved on. */
async function submitted() {
  const ctx = buildStoryDeps(people);
  const { approvals } = ctx;
  const story = await submitStory(ctx.deps, employee, buildStoryDraft());
  ctx.clock.advance(HOUR);
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  const kinds = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
  const stored = async () => (await ctx.stories.get(ref))?.value;
  const queueOf = async (userId: string) =>
    (await approvals.list(DEMO_TENANT_ID, userId, 10)).map((s) => s.id);
  return { ...ctx, story, ref, kinds, stored, queueOf };
}

describe('reassignStory', () => {
  it('hands a pending story to another person: new approver, next revision, same status', async () => {
    const { deps, story, clock, stored } = await submitted();
    const reassigned = await reassignStory(deps, manager, story.id, ids.editor);
    expect(reassigned).toEqual({
      ...story,
      approval: {
        ...story.approval,
        // The editor stands in for the manager in the same stage, which keeps its start.
        stage: {
          ...story.approval.stage,
          slots: [{ userId: ids.editor, displayName: 'Eeva Editor', onBehalfOf: ids.manager }],
        },
        // The manager was asked once, so keeps the right to read the story and its history.
        asked: [ids.manager, ids.editor],
      },
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
    expect(audit[2]).toMatchObject({
      actorId: ids.manager,
      at: clock.now(),
      comment: 'I am on leave next week.',
      detail: { from: ['Mikko Manager'], to: 'Eeva Editor' },
    });
    expect(audit[2]?.detail).not.toHaveProperty('override');
    expect(kinds('approval.requested').map((m) => m.payload)).toEqual([
      { approverId: ids.manager },
      { approverId: ids.editor },
    ]);
    // The repair needs no hint of the former queue: the story names everyone it was routed to.
    expect(kinds('story.project').map((m) => m.payload)).toEqual([{}, {}]);
    // The manager's posted card loses its buttons.
    expect(kinds('cards.refresh')).toHaveLength(1);
    expect(kinds('story.decided')).toEqual([]);
    expect(committed).toEqual([ref, ref]);
  });

  it('keeps no comment in the audit when none (or only spaces) is given', async () => {
    const { deps, story, stories, ref } = await submitted();
    await reassignStory(deps, manager, story.id, ids.editor, '   ');
    const reassigned = (await stories.audit(ref)).at(-1);
    expect(reassigned?.action).toBe('reassigned');
    expect(reassigned).not.toHaveProperty('comment');
  });

  it('an admin may reassign a story routed to someone else (an override)', async () => {
    const { deps, story, stored, queueOf, stories, ref } = await submitted();
    const reassigned = await reassignStory(deps, admin, story.id, ids.service);
    expect(waitingApprovers(reassigned.approval)).toEqual([ids.service]);
    expect((await stories.audit(ref)).at(-1)).toMatchObject({
      action: 'reassigned',
      actorId: ids.admin,
      detail: { from: ['Mikko Manager'], to: 'Niklas Palvelu', override: true },
    });
    expect(await stored()).toEqual(reassigned);
    expect(await queueOf(ids.manager)).toEqual([]);
    expect(await queueOf(ids.service)).toEqual([story.id]);
  });

  it('the new approver may then decide; the former one may read it but no longer decide', async () => {
    const { deps, story, stored } = await submitted();
    await reassignStory(deps, manager, story.id, ids.editor);
    expect(canSee(manager, (await stored())!)).toBe(true);
    // Deciding or handing it on again finds nothing of theirs to act on: not an access error.
    expect(await errorOf(decideStory(deps, manager, story.id, 'approve'))).toMatchObject({
      code: 'not_found',
    });
    expect(await errorOf(reassignStory(deps, manager, story.id, ids.service))).toMatchObject({
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
      approval: pendingApproval(ids.manager),
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
        approval: pendingApproval(ids.manager),
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
    expect(await stored()).toMatchObject({ status: 'published', decidedBy: ids.manager });
    expect((await stored())?.approval.asked).toEqual([ids.manager]);
  });

  it('a failed inline removal is left to the outbox: the commit stands', async () => {
    const { deps, story, approvals, stored, queueOf, kinds } = await submitted();
    vi.spyOn(approvals, 'remove').mockRejectedValueOnce(new Error('storage unavailable'));
    const reassigned = await reassignStory(deps, manager, story.id, ids.editor);
    expect(await stored()).toEqual(reassigned);
    expect(await queueOf(ids.manager)).toEqual([story.id]); // left behind for now

    // What the `story.project` handler does with the message committed with the change.
    expect(kinds('story.project').length).toBeGreaterThan(0);
    const projections = fakeProjections({ approvals });
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
    const projections = fakeProjections({ approvals });
    await syncProjections(projections, (await stored())!);
    expect(await queueOf(ids.manager)).toEqual([story.id]);
    expect(await queueOf(ids.editor)).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, waitingApprovers, type Story, type User } from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import type { Decision } from '../../../src/domain/workflow.js';
import { runDueWork } from '../../../src/domain/useCases/runDueWork.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { buildStoryDeps, grantsOf } from '../../support/fakes.js';
import { buildStory, buildStoryDraft, pendingApproval } from '../../support/factories.js';
import { HOUR, demoActor, errorOf, submittedDemoStory } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);

const submitted = submittedDemoStory;

describe('decideStory', () => {
  describe('approve', () => {
    it('publishes the story at the clock’s time, decided by the approver', async () => {
      const { deps, story, clock, stored } = await submitted();
      const decided = await decideStory(deps, manager, story.id, 'approve');
      expect(decided).toMatchObject({
        status: 'published',
        decidedBy: ids.manager,
        publishedAt: clock.now(),
        updatedAt: clock.now(),
        createdAt: story.createdAt,
      });
      expect(decided.publishedAt).not.toEqual(story.createdAt);
      expect(await stored()).toEqual(decided);
    });

    it('commits the decision as the next revision', async () => {
      const { deps, story } = await submitted();
      expect(story.revision).toBe(1);
      expect((await decideStory(deps, manager, story.id, 'approve')).revision).toBe(2);
      // A repeated decision changes nothing, so it is no new revision either.
      expect((await decideStory(deps, manager, story.id, 'approve')).revision).toBe(2);
    });

    it('puts the story on the wall and takes it out of the approval queue', async () => {
      const { deps, story, wall, approvals } = await submitted();
      const decided = await decideStory(deps, manager, story.id, 'approve');
      expect(wall.entries()).toEqual([decided]);
      expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    });

    it('audits the approval and queues story.decided', async () => {
      const { deps, story, clock, actions, kinds, stories, ref, committed } = await submitted();
      await decideStory(deps, manager, story.id, 'approve');
      expect(await actions()).toEqual(['submitted', 'routed', 'approved', 'published']);
      const audit = await stories.audit(ref);
      expect(audit.slice(2)).toEqual([
        expect.objectContaining({ action: 'approved', actorId: ids.manager, at: clock.now() }),
        expect.objectContaining({ action: 'published', actorId: ids.manager, at: clock.now() }),
      ]);
      expect(kinds('story.decided').map((m) => m.payload)).toEqual([{ decision: 'approve' }]);
      expect(kinds('story.project').length).toBe(2);
      expect(committed).toEqual([ref, ref]);
    });
  });

  describe('featured colleagues (journey 5)', () => {
    /** A story featuring the driver and the service colleague (the author too, and twice). */
    async function featuring() {
      const ctx = buildStoryDeps(people);
      const story = await submitStory(
        ctx.deps,
        employee,
        buildStoryDraft({ featured: [ids.driver, ids.employee, ids.service, ids.driver] }),
      );
      const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
      const notices = () => ctx.stories.outboxOf(ref).filter((m) => m.kind === 'featured.notify');
      return { ...ctx, story, notices };
    }

    it('queues one message per featured colleague on approval, not to the author', async () => {
      const { deps, story, notices } = await featuring();
      expect(story.featured.map((p) => p.id)).toEqual([ids.driver, ids.employee, ids.service]);
      await decideStory(deps, manager, story.id, 'approve');
      expect(notices().map((m) => m.payload)).toEqual([
        { userId: ids.driver },
        { userId: ids.service },
      ]);
      expect(new Set(notices().map((m) => m.id)).size).toBe(2);
    });

    it('queues them with the approval, and never again on a repeated approval', async () => {
      const { deps, story, notices, committed } = await featuring();
      await decideStory(deps, manager, story.id, 'approve');
      await decideStory(deps, manager, story.id, 'approve');
      expect(notices()).toHaveLength(2);
      expect(committed).toHaveLength(2);
    });

    it.each([
      ['changes', 'Add the lesson.'],
      ['reject', 'No'],
    ] as const)('queues none when the story is not published (%s)', async (decision, comment) => {
      const { deps, story, notices } = await featuring();
      await decideStory(deps, manager, story.id, decision, comment);
      expect(notices()).toEqual([]);
    });

    it('queues none for a story that features nobody', async () => {
      const { deps, stories } = buildStoryDeps(people);
      const story = await submitStory(deps, employee, buildStoryDraft({ featured: [] }));
      await decideStory(deps, manager, story.id, 'approve');
      const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
      expect(stories.outboxOf(ref).map((m) => m.kind)).not.toContain('featured.notify');
    });
  });

  describe('request changes', () => {
    it.each([undefined, '', '   '])('requires a comment (%j)', async (comment) => {
      const { deps, story, stored, actions } = await submitted();
      const error = await errorOf(decideStory(deps, manager, story.id, 'changes', comment));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'validation', details: { field: 'comment' } });
      expect((await stored())?.status).toBe('pending');
      expect(await actions()).toEqual(['submitted', 'routed']);
    });

    it('sends the story back with the trimmed comment', async () => {
      const { deps, story, approvals, wall, actions, stories, ref } = await submitted();
      const decided = await decideStory(deps, manager, story.id, 'changes', '  Add the lesson. ');
      expect(decided).toMatchObject({
        status: 'changes_requested',
        decisionComment: 'Add the lesson.',
        decidedBy: ids.manager,
      });
      expect(decided.publishedAt).toBeUndefined();
      expect(await actions()).toEqual(['submitted', 'routed', 'changes_requested']);
      expect((await stories.audit(ref)).at(-1)).toMatchObject({
        action: 'changes_requested',
        comment: 'Add the lesson.',
      });
      expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
      expect(wall.entries()).toEqual([]);
    });
  });

  describe('reject', () => {
    it('rejects the story, keeps it off the wall and out of the queue', async () => {
      const { deps, story, approvals, wall, actions, kinds } = await submitted();
      const decided = await decideStory(deps, manager, story.id, 'reject', 'Not a customer story');
      expect(decided).toMatchObject({
        status: 'rejected',
        decisionComment: 'Not a customer story',
        decidedBy: ids.manager,
      });
      expect(decided.publishedAt).toBeUndefined();
      expect(await actions()).toEqual(['submitted', 'routed', 'rejected']);
      expect(kinds('story.decided').map((m) => m.payload)).toEqual([{ decision: 'reject' }]);
      expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
      expect(wall.entries()).toEqual([]);
    });
  });

  describe('who may decide', () => {
    it.each([
      ['the author', ids.employee],
      ['a featured colleague', ids.driver],
      ['an editor', ids.editor],
    ])('refuses %s with forbidden and changes nothing', async (_, userId) => {
      const { deps, story, stored, actions, committed } = await submitted();
      const error = await errorOf(decideStory(deps, actorOf(userId), story.id, 'approve'));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'forbidden' });
      expect(await stored()).toEqual(story);
      expect(await actions()).toEqual(['submitted', 'routed']);
      expect(committed).toHaveLength(1);
    });

    it('does not let an approver approve their own story', async () => {
      const ctx = buildStoryDeps(people);
      const own = await submitStory(ctx.deps, manager, buildStoryDraft());
      expect(waitingApprovers(own.approval)[0]).not.toBe(ids.manager);
      const error = await errorOf(decideStory(ctx.deps, manager, own.id, 'approve'));
      expect(error).toMatchObject({ code: 'forbidden' });
      const decided = await decideStory(
        ctx.deps,
        actorOf(waitingApprovers(own.approval)[0]!),
        own.id,
        'approve',
      );
      expect(decided.status).toBe('published');
    });

    // Defence in depth: routing never picks the author, but the stored approval alone is not
    // trusted for that (bad data, or a future "reassign" to the author).
    it('refuses the author even when the stored story names them as approver', async () => {
      const { deps, stories, committed } = buildStoryDeps(people);
      const story = buildStory({
        authorId: ids.manager,
        approval: pendingApproval(ids.manager),
      });
      await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
      const error = await errorOf(decideStory(deps, manager, story.id, 'approve'));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'forbidden' });
      const ref = { tenantId: story.tenantId, storyId: story.id };
      expect((await stories.get(ref))?.value).toEqual(story);
      expect(await stories.audit(ref)).toEqual([]);
      expect(committed).toEqual([]);
    });
  });

  describe('admin override', () => {
    const admin = actorOf(ids.admin);

    it('an admin decides in place of the approvers, giving a reason, and the history says so', async () => {
      const { deps, story, clock, stories, ref, approvals, wall } = await submitted();
      expect(waitingApprovers(story.approval)).toEqual([ids.manager]);
      const decided = await decideStory(deps, admin, story.id, 'approve', '  Mikko is away.  ');
      expect(decided).toMatchObject({
        status: 'published',
        decidedBy: ids.admin,
        decisionComment: 'Mikko is away.',
        publishedAt: clock.now(),
      });
      expect((await stories.audit(ref)).slice(2)).toEqual([
        expect.objectContaining({
          action: 'approved',
          actorId: ids.admin,
          comment: 'Mikko is away.',
          detail: { stage: 1, stages: 1, override: true },
        }),
        expect.objectContaining({ action: 'published', actorId: ids.admin }),
      ]);
      expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
      expect(wall.entries()).toEqual([decided]);
    });

    it('an admin may reject in place of the approvers, with a reason', async () => {
      const { deps, story, actions } = await submitted();
      const decided = await decideStory(deps, admin, story.id, 'reject', 'Duplicate story.');
      expect(decided).toMatchObject({ status: 'rejected', decidedBy: ids.admin });
      expect(await actions()).toEqual(['submitted', 'routed', 'rejected']);
    });

    it.each([undefined, '', '   '])(
      'an override without a reason (%j) is refused and changes nothing',
      async (reason) => {
        const { deps, story, stored, actions, committed } = await submitted();
        const error = await errorOf(decideStory(deps, admin, story.id, 'approve', reason));
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'validation', details: { field: 'comment' } });
        expect(await stored()).toEqual(story);
        expect(await actions()).toEqual(['submitted', 'routed']);
        expect(committed).toHaveLength(1);
      },
    );

    it('an admin who is the waiting approver decides as the approver: no reason needed', async () => {
      const users = demoUsers().map((u) =>
        u.id === ids.employee ? { ...u, managerId: ids.admin } : u,
      );
      const ctx = buildStoryDeps(users);
      const story = await submitStory(ctx.deps, actorOf(ids.employee, users), buildStoryDraft());
      expect(waitingApprovers(story.approval)).toEqual([ids.admin]);
      const decided = await decideStory(ctx.deps, actorOf(ids.admin, users), story.id, 'approve');
      expect(decided.status).toBe('published');
      const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
      const approved = (await ctx.stories.audit(ref)).find((e) => e.action === 'approved');
      expect(approved?.detail).toEqual({ stage: 1, stages: 1 });
    });
  });

  describe('not found', () => {
    it('for an unknown story', async () => {
      const { deps } = await submitted();
      const error = await errorOf(decideStory(deps, manager, 'no-such-story', 'approve'));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'not_found' });
    });

    it('for a story the actor may not see', async () => {
      const { deps, story, stored } = await submitted();
      const error = await errorOf(decideStory(deps, actorOf(ids.service), story.id, 'approve'));
      expect(error).toMatchObject({ code: 'not_found' });
      expect((await stored())?.status).toBe('pending');
    });

    it('for the same approver id in another tenant', async () => {
      const { deps, story, stored } = await submitted();
      const foreign = demoUsers('00000000-0000-4000-8000-0000000000ff');
      const error = await errorOf(
        decideStory(deps, actorOf(ids.manager, foreign), story.id, 'approve'),
      );
      expect(error).toMatchObject({ code: 'not_found' });
      expect((await stored())?.status).toBe('pending');
    });
  });

  describe('idempotence', () => {
    it.each([
      ['approve', undefined],
      ['reject', 'No'],
      ['changes', 'Add the lesson.'],
    ] as const)(
      'repeating %s returns the same story without a second audit or outbox row',
      async (decision: Decision, comment) => {
        const { deps, story, clock, actions, kinds, committed, ref } = await submitted();
        const first = await decideStory(deps, manager, story.id, decision, comment);
        const history = await actions();
        clock.advance(HOUR); // the repeat comes later: a retried card action
        const again = await decideStory(deps, manager, story.id, decision, comment);
        expect(again).toEqual(first);
        expect(await actions()).toEqual(history);
        expect(kinds('story.decided')).toHaveLength(1);
        expect(committed).toEqual([ref, ref]);
      },
    );

    it.each([
      ['approve', 'reject', 'x'],
      ['approve', 'changes', 'x'],
      ['reject', 'approve', undefined],
      ['changes', 'approve', undefined],
      ['changes', 'reject', 'x'],
    ] as const)(
      'refuses a different decision after %s (%s) with illegal_transition',
      async (first, second, comment) => {
        const { deps, story, stored, actions } = await submitted();
        const decided = await decideStory(deps, manager, story.id, first, 'first decision');
        const history = await actions();
        const error = await errorOf(decideStory(deps, manager, story.id, second, comment));
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'illegal_transition' });
        expect(await stored()).toEqual(decided);
        expect(await actions()).toEqual(history);
      },
    );
  });

  describe('asked again in the same stage', () => {
    it('an approver an escalation hands the stage to, after they approved, decides again', async () => {
      // Everyone must approve: the manager and the driver, whose own manager is the manager.
      const ctx = buildStoryDeps(people);
      const settings = grantsOf(people);
      await ctx.settings.putTenantSettings(
        DEMO_TENANT_ID,
        {
          ...settings,
          version: 2,
          approval: {
            ...settings.approval,
            stages: [
              { approvers: { kind: 'people', ids: [ids.manager, ids.driver] }, mode: 'all' },
            ],
          },
        },
        '1',
      );
      const story = await submitStory(ctx.deps, employee, buildStoryDraft());
      const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
      await decideStory(ctx.deps, manager, story.id, 'approve');
      // The driver never answers: two reminders, then the stage goes up to his manager.
      for (const day of [2, 4, 6]) {
        ctx.clock.set(new Date(story.createdAt.getTime() + day * 24 * HOUR));
        await runDueWork(ctx.deps, ref);
      }
      const escalated = (await ctx.stories.get(ref))!.value;
      // The manager holds two slots: his own, approved, and the driver's, waiting.
      const { mode, slots } = escalated.approval.stage;
      expect(mode).toBe('any');
      expect(slots.map((s) => [s.userId, s.approvedAt !== undefined, s.onBehalfOf])).toEqual([
        [ids.manager, true, undefined],
        [ids.manager, false, ids.driver],
      ]);
      expect(waitingApprovers(escalated.approval)).toEqual([ids.manager]);

      const decided = await decideStory(ctx.deps, manager, story.id, 'approve');
      expect(decided.status).toBe('published');
    });
  });

  describe('concurrency', () => {
    it('retries a commit that lost a race (stale ETag) and succeeds', async () => {
      const { deps, story, stories, actions, stored } = await submitted();
      const commit = vi
        .spyOn(stories, 'commit')
        .mockRejectedValueOnce(new DomainError('conflict', 'stale etag'));
      const decided = await decideStory(deps, manager, story.id, 'approve');
      expect(commit).toHaveBeenCalledTimes(2);
      expect(decided.status).toBe('published');
      expect(await stored()).toEqual(decided);
      expect(await actions()).toEqual(['submitted', 'routed', 'approved', 'published']);
    });

    it('re-reads the story after a conflict, keeping the other writer’s change', async () => {
      const { deps, story, stories, stored } = await submitted();
      const get = stories.get.bind(stories);
      let interfered = false;
      vi.spyOn(stories, 'get').mockImplementation(async (ref) => {
        const current = await get(ref);
        if (current && !interfered) {
          interfered = true;
          // Another instance changes the story between this read and the decision's write.
          await stories.commit({
            story: {
              ...current.value,
              title: 'Edited elsewhere',
              revision: current.value.revision + 1,
            },
            expectedEtag: current.etag,
            audit: [],
            outbox: [],
          });
        }
        return current;
      });
      const decided = await decideStory(deps, manager, story.id, 'approve');
      expect(decided).toMatchObject({ status: 'published', title: 'Edited elsewhere' });
      expect(await stored()).toEqual(decided);
    });

    it('a double click decides once', async () => {
      const { deps, story, actions, kinds } = await submitted();
      const [a, b] = await Promise.all([
        decideStory(deps, manager, story.id, 'approve'),
        decideStory(deps, manager, story.id, 'approve'),
      ]);
      expect(a).toEqual(b);
      expect(a.status).toBe('published');
      expect(await actions()).toEqual(['submitted', 'routed', 'approved', 'published']);
      expect(kinds('story.decided')).toHaveLength(1);
    });

    it('of two different concurrent decisions exactly one wins', async () => {
      const { deps, story, stored, actions } = await submitted();
      const results = await Promise.allSettled([
        decideStory(deps, manager, story.id, 'approve'),
        decideStory(deps, manager, story.id, 'reject', 'No'),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toMatchObject({ code: 'illegal_transition' });
      const winner = (won[0] as PromiseFulfilledResult<Story>).value;
      expect(await stored()).toEqual(winner);
      // One decision in the history: the winner's, and nothing of the loser.
      expect(await actions()).toEqual(
        winner.status === 'published'
          ? ['submitted', 'routed', 'approved', 'published']
          : ['submitted', 'routed', 'rejected'],
      );
    });

    it('gives up with conflict after repeated lost races', async () => {
      const { deps, story, stories, stored } = await submitted();
      const commit = vi
        .spyOn(stories, 'commit')
        .mockRejectedValue(new DomainError('conflict', 'stale etag'));
      const error = await errorOf(decideStory(deps, manager, story.id, 'approve'));
      expect(error).toMatchObject({ code: 'conflict' });
      expect(commit.mock.calls.length).toBeGreaterThan(1);
      commit.mockRestore();
      expect((await stored())?.status).toBe('pending');
    });
  });
});

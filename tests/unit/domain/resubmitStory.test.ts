import { describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  DomainError,
  waitingApprovers,
  type User,
  type StoryStatus,
} from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { resubmitStory } from '../../../src/domain/useCases/resubmitStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildStory, buildStoryDraft, pendingApproval } from '../../support/factories.js';
import { HOUR, demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);

/** The employee's story with a customer quote, sent back by the manager; the clock moved on. */
async function sentBack() {
  const ctx = buildStoryDeps(people);
  const submitted = await submitStory(
    ctx.deps,
    employee,
    buildStoryDraft({ customerQuote: 'Best evening ever!', sourceUrl: 'https://example.com/post' }),
  );
  ctx.clock.advance(HOUR);
  const story = await decideStory(ctx.deps, manager, submitted.id, 'changes', 'Add the lesson.');
  ctx.clock.advance(HOUR);
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  const kinds = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
  const actions = async () => (await ctx.stories.audit(ref)).map((e) => e.action);
  const stored = async () => (await ctx.stories.get(ref))?.value;
  return { ...ctx, story, ref, kinds, actions, stored };
}

const edited = buildStoryDraft({
  title: 'The borrowed jacket, told again',
  lesson: 'A gesture costs little and is remembered for years.',
  featured: [ids.driver, ids.service],
});

describe('resubmitStory', () => {
  it('puts the edited story back to pending with the new fields and no decision', async () => {
    const { deps, story, clock, stored } = await sentBack();
    const resubmitted = await resubmitStory(deps, employee, story.id, edited);
    expect(resubmitted).toMatchObject({
      id: story.id,
      status: 'pending',
      title: edited.title,
      lesson: edited.lesson,
      featured: [
        { id: ids.driver, displayName: 'Tomi Kuljettaja' },
        { id: ids.service, displayName: 'Niklas Palvelu' },
      ],
      // Its approval starts again from the first stage, now: expiry counts from the resubmission.
      approval: pendingApproval(ids.manager, 'Mikko Manager', clock.now()),
      authorId: ids.employee,
      createdAt: story.createdAt,
      updatedAt: clock.now(),
      revision: story.revision + 1,
    });
    expect(resubmitted.decisionComment).toBeUndefined();
    expect(resubmitted.decidedBy).toBeUndefined();
    expect(await stored()).toEqual(resubmitted);
  });

  it('replaces the optional fields too: what the new draft leaves out is gone', async () => {
    const { deps, story } = await sentBack();
    expect(story.customerQuote).toBe('Best evening ever!');
    const resubmitted = await resubmitStory(deps, employee, story.id, edited);
    expect(resubmitted.customerQuote).toBeUndefined();
    expect(resubmitted.sourceUrl).toBeUndefined();
  });

  it('audits the resubmission and asks the approver again', async () => {
    const { deps, story, clock, actions, kinds, stories, ref, committed } = await sentBack();
    await resubmitStory(deps, employee, story.id, edited);
    expect(await actions()).toEqual([
      'submitted',
      'routed',
      'changes_requested',
      'resubmitted',
      'routed',
    ]);
    expect((await stories.audit(ref)).slice(3)).toEqual([
      expect.objectContaining({ action: 'resubmitted', actorId: ids.employee, at: clock.now() }),
      expect.objectContaining({
        action: 'routed',
        at: clock.now(),
        detail: { stage: 1, stages: 1, mode: 'any', approvers: ['Mikko Manager'] },
      }),
    ]);
    expect(kinds('approval.requested').map((m) => m.payload)).toEqual([
      { approverId: ids.manager },
      { approverId: ids.manager },
    ]);
    expect(kinds('story.project')).toHaveLength(3);
    expect(committed).toEqual([ref, ref, ref]);
  });

  it('puts the story back in the approver’s queue and updates the author’s list', async () => {
    const { deps, story, approvals, authors } = await sentBack();
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    const resubmitted = await resubmitStory(deps, employee, story.id, edited);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([resubmitted]);
    expect(authors.entries()).toEqual([resubmitted]);
  });

  it('routes the story again, as a new submission would be', async () => {
    const { deps, story, users, approvals, kinds } = await sentBack();
    // The author moved to a team led by the admin while the story was with them.
    const author = people.find((p) => p.id === ids.employee)!;
    await users.upsert({ ...author, managerId: ids.admin });
    const resubmitted = await resubmitStory(deps, employee, story.id, edited);
    expect(waitingApprovers(resubmitted.approval)).toEqual([ids.admin]);
    // The manager asked in the first round keeps the story in its history, not in their queue.
    expect(resubmitted.approval.asked).toEqual([ids.manager, ids.admin]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.admin, 10)).toEqual([resubmitted]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    expect(kinds('approval.requested').at(-1)?.payload).toEqual({ approverId: ids.admin });
  });

  describe('refusals change nothing', () => {
    it.each([
      ['the approver', ids.manager],
      ['a featured colleague', ids.driver],
      ['an editor', ids.editor],
      ['an admin', ids.admin],
    ])('only the author may resubmit: %s is forbidden', async (_, userId) => {
      const { deps, story, stored, actions, committed } = await sentBack();
      const error = await errorOf(resubmitStory(deps, actorOf(userId), story.id, edited));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'forbidden' });
      expect(await stored()).toEqual(story);
      expect(await actions()).toEqual(['submitted', 'routed', 'changes_requested']);
      expect(committed).toHaveLength(2);
    });

    it('an unknown story is not found', async () => {
      const { deps } = await sentBack();
      const error = await errorOf(resubmitStory(deps, employee, 'no-such-story', edited));
      expect(error).toMatchObject({ code: 'not_found' });
    });

    it('a story the actor may not see is not found, not forbidden', async () => {
      const { deps, story, stored } = await sentBack();
      const error = await errorOf(resubmitStory(deps, actorOf(ids.cloakroom), story.id, edited));
      expect(error).toMatchObject({ code: 'not_found' });
      expect(await stored()).toEqual(story);
    });

    it.each<StoryStatus>(['pending', 'published', 'rejected', 'withdrawn', 'archived'])(
      'a %s story cannot be resubmitted (illegal_transition)',
      async (status) => {
        const { deps, stories } = buildStoryDeps(people);
        const story = buildStory({
          status,
          ...(status === 'published' || status === 'archived' ? { publishedAt: new Date() } : {}),
        });
        await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
        const error = await errorOf(resubmitStory(deps, employee, story.id, edited));
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'illegal_transition' });
        const ref = { tenantId: story.tenantId, storyId: story.id };
        expect((await stories.get(ref))?.value).toEqual(story);
      },
    );

    it('a customer quote without consent is a validation error', async () => {
      const { deps, story, stored } = await sentBack();
      const error = await errorOf(
        resubmitStory(deps, employee, story.id, {
          ...edited,
          customerQuote: 'Wow',
          consent: false,
        }),
      );
      expect(error).toMatchObject({ code: 'validation', details: { field: 'consent' } });
      expect(await stored()).toEqual(story);
    });

    it('unknown featured colleagues are a validation error', async () => {
      const { deps, story, stored } = await sentBack();
      const error = await errorOf(
        resubmitStory(deps, employee, story.id, { ...edited, featured: ['nobody'] }),
      );
      expect(error).toMatchObject({ code: 'validation', details: { field: 'featured' } });
      expect(await stored()).toEqual(story);
    });

    it('resubmitting twice is refused the second time: the story already waits', async () => {
      const { deps, story, actions } = await sentBack();
      await resubmitStory(deps, employee, story.id, edited);
      const error = await errorOf(resubmitStory(deps, employee, story.id, edited));
      expect(error).toMatchObject({ code: 'illegal_transition' });
      expect(await actions()).toEqual([
        'submitted',
        'routed',
        'changes_requested',
        'resubmitted',
        'routed',
      ]);
    });
  });

  describe('concurrency', () => {
    it('commits on the ETag it read and retries a lost race from a fresh read', async () => {
      const { deps, story, stories, stored, actions } = await sentBack();
      const commit = vi
        .spyOn(stories, 'commit')
        .mockRejectedValueOnce(new DomainError('conflict', 'stale etag'));
      const resubmitted = await resubmitStory(deps, employee, story.id, edited);
      expect(commit).toHaveBeenCalledTimes(2);
      expect(commit.mock.calls[1]?.[0].expectedEtag).toEqual(expect.any(String));
      expect(await stored()).toEqual(resubmitted);
      expect(await actions()).toEqual([
        'submitted',
        'routed',
        'changes_requested',
        'resubmitted',
        'routed',
      ]);
    });

    it('of a resubmission and a withdrawal racing, the later sees the other’s result', async () => {
      const { deps, story, stories, stored } = await sentBack();
      const get = stories.get.bind(stories);
      let interfered = false;
      vi.spyOn(stories, 'get').mockImplementation(async (ref) => {
        const current = await get(ref);
        if (current && !interfered) {
          interfered = true;
          // The author withdraws the story from another tab between this read and the write.
          await stories.commit({
            story: { ...current.value, status: 'withdrawn', revision: current.value.revision + 1 },
            expectedEtag: current.etag,
            audit: [],
            outbox: [],
          });
        }
        return current;
      });
      const error = await errorOf(resubmitStory(deps, employee, story.id, edited));
      expect(error).toMatchObject({ code: 'illegal_transition' });
      expect((await stored())?.status).toBe('withdrawn');
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, waitingApprovers, type User } from '../../../src/domain/index.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import {
  buildActor,
  buildStoryDraft,
  buildUser,
  pendingApproval,
} from '../../support/factories.js';
import { demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);

describe('submitStory', () => {
  it('stores the story as pending, routed to the author’s manager', async () => {
    const { deps, stories, clock } = buildStoryDeps(people);
    const story = await submitStory(deps, employee, buildStoryDraft());

    const stored = await stories.get({ tenantId: DEMO_TENANT_ID, storyId: story.id });
    expect(stored?.value).toEqual(story);
    expect(story).toMatchObject({
      tenantId: DEMO_TENANT_ID,
      status: 'pending',
      approval: pendingApproval(ids.manager, 'Mikko Manager', clock.now()),
      authorId: ids.employee,
      authorName: 'Emma Employee',
      title: 'The borrowed jacket',
      voteCount: 0,
      revision: 1,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(story.publishedAt).toBeUndefined();
    expect(story.decidedBy).toBeUndefined();
  });

  it('takes time and ids from the injected clock and generator', async () => {
    const { deps, clock } = buildStoryDeps(people);
    clock.set(new Date('2027-01-15T12:30:00Z'));
    const story = await submitStory(deps, employee, buildStoryDraft());
    expect(story.createdAt).toEqual(new Date('2027-01-15T12:30:00Z'));
    expect(story.id).toBe('id-0001');
  });

  it('routes an author without a manager to an approver', async () => {
    const { deps } = buildStoryDeps(people);
    const story = await submitStory(deps, actorOf(ids.admin), buildStoryDraft());
    // The default policy's fallback: those with the approver role, here the manager.
    expect(waitingApprovers(story.approval)).toEqual([ids.manager]);
    expect(story.approval.stage.fallback).toBe('no_manager');
  });

  it('resolves featured colleagues to their names, once each', async () => {
    const { deps } = buildStoryDeps(people);
    const story = await submitStory(
      deps,
      employee,
      buildStoryDraft({ featured: [ids.service, ids.cloakroom, ids.service] }),
    );
    expect(story.featured).toEqual([
      { id: ids.service, displayName: 'Niklas Palvelu' },
      { id: ids.cloakroom, displayName: 'Anna Naulakko' },
    ]);
  });

  it('refuses unknown featured colleagues, naming them, and stores nothing', async () => {
    const { deps, stories, committed } = buildStoryDeps(people);
    const error = await errorOf(
      submitStory(
        deps,
        employee,
        buildStoryDraft({ featured: [ids.driver, 'ghost-1', 'ghost-2'] }),
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'validation',
      details: { field: 'featured', unknown: ['ghost-1', 'ghost-2'] },
    });
    expect(stories.all()).toEqual([]);
    expect(committed).toEqual([]);
  });

  it('treats a colleague of another tenant as unknown', async () => {
    const outsider: User = buildUser({ tenantId: 'other-tenant', id: 'outsider' });
    const { deps } = buildStoryDeps([...people, outsider]);
    const error = await errorOf(
      submitStory(deps, employee, buildStoryDraft({ featured: ['outsider'] })),
    );
    expect(error).toMatchObject({ code: 'validation', details: { unknown: ['outsider'] } });
  });

  it('refuses a customer quote without consent and stores nothing', async () => {
    const { deps, stories, wall, approvals, committed } = buildStoryDeps(people);
    const error = await errorOf(
      submitStory(
        deps,
        employee,
        buildStoryDraft({ customerQuote: 'Best service ever!', consent: false }),
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'validation', details: { field: 'consent' } });
    expect(stories.all()).toEqual([]);
    expect(wall.entries()).toEqual([]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    expect(committed).toEqual([]);
  });

  it('keeps a customer quote given with consent', async () => {
    const { deps } = buildStoryDeps(people);
    const story = await submitStory(
      deps,
      employee,
      buildStoryDraft({ customerQuote: 'Best service ever!', consent: true }),
    );
    expect(story.customerQuote).toBe('Best service ever!');
  });

  it('fails with no_approver and stores nothing when nobody can decide', async () => {
    const lonely = buildUser({ id: 'lonely', roles: ['employee', 'approver'] });
    const { deps, stories } = buildStoryDeps([lonely]);
    const error = await errorOf(
      submitStory(deps, buildActor(lonely), buildStoryDraft({ featured: [] })),
    );
    expect(error).toMatchObject({ code: 'no_approver' });
    expect(stories.all()).toEqual([]);
  });

  it('records a submitted audit event by the author', async () => {
    const { deps, stories, clock } = buildStoryDeps(people);
    const story = await submitStory(deps, employee, buildStoryDraft());
    const audit = await stories.audit({ tenantId: DEMO_TENANT_ID, storyId: story.id });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'submitted', actorId: ids.employee, at: clock.now() }),
      // Whom routing asked, and in which stage, as the same change.
      expect.objectContaining({
        action: 'routed',
        actorId: ids.employee,
        at: clock.now(),
        detail: { stage: 1, stages: 1, mode: 'any', approvers: ['Mikko Manager'] },
      }),
    ]);
  });

  it('queues the approval request for the approver and a projection repair', async () => {
    const { deps, stories } = buildStoryDeps(people);
    const story = await submitStory(deps, employee, buildStoryDraft());
    const outbox = stories.outboxOf({ tenantId: DEMO_TENANT_ID, storyId: story.id });
    expect(outbox.map((m) => m.kind).sort()).toEqual(['approval.requested', 'story.project']);
    const request = outbox.find((m) => m.kind === 'approval.requested');
    expect(request?.payload).toEqual({ approverId: ids.manager });
  });

  it('puts the story in the approver’s queue and not on the wall', async () => {
    const { deps, approvals, wall } = buildStoryDeps(people);
    const story = await submitStory(deps, employee, buildStoryDraft());
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([story]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.admin, 10)).toEqual([]);
    expect(wall.entries()).toEqual([]);
  });

  it('tells the relay about the commit', async () => {
    const { deps, committed } = buildStoryDeps(people);
    const story = await submitStory(deps, employee, buildStoryDraft());
    expect(committed).toEqual([{ tenantId: DEMO_TENANT_ID, storyId: story.id }]);
  });

  it('gives each story its own id', async () => {
    const { deps, stories } = buildStoryDeps(people);
    const a = await submitStory(deps, employee, buildStoryDraft());
    const b = await submitStory(deps, employee, buildStoryDraft({ title: 'The button' }));
    expect(a.id).not.toBe(b.id);
    expect(stories.all()).toHaveLength(2);
  });
});

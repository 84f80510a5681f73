import { describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, type User } from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { voteStory } from '../../../src/domain/useCases/voteStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildActor, buildStoryDraft, buildUser } from '../../support/factories.js';
import { demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);
const service = actorOf(ids.service);
const cloakroom = actorOf(ids.cloakroom);

/** A story by the demo employee featuring the driver; published unless `publish` is false. */
async function story(publish = true) {
  const ctx = buildStoryDeps(people);
  const submitted = await submitStory(ctx.deps, employee, buildStoryDraft());
  const current = publish
    ? await decideStory(ctx.deps, manager, submitted.id, 'approve')
    : submitted;
  const ref = { tenantId: DEMO_TENANT_ID, storyId: current.id };
  ctx.committed.length = 0;
  const count = async () => (await ctx.stories.get(ref))?.value.voteCount;
  const wallCount = () => ctx.wall.entries().find((s) => s.id === current.id)?.voteCount;
  return { ...ctx, story: current, ref, count, wallCount };
}

describe('voteStory', () => {
  it('counts a vote and stores the count', async () => {
    const { deps, story: published, count } = await story();
    const voted = await voteStory(deps, service, published.id);
    expect(voted.voteCount).toBe(published.voteCount + 1);
    expect(await count()).toBe(1);
    const again = await voteStory(deps, cloakroom, published.id);
    expect(again.voteCount).toBe(2);
    expect(await count()).toBe(2);
  });

  it('commits each vote as the next revision', async () => {
    const { deps, story: published } = await story();
    expect(published.revision).toBe(2);
    expect((await voteStory(deps, service, published.id)).revision).toBe(3);
    expect((await voteStory(deps, cloakroom, published.id)).revision).toBe(4);
  });

  it('lets the approver vote like any colleague', async () => {
    const { deps, story: published } = await story();
    expect((await voteStory(deps, manager, published.id)).voteCount).toBe(1);
  });

  it('records the vote row, the projection repair and tells the relay', async () => {
    const { deps, story: published, stories, ref, committed } = await story();
    const before = stories.outboxOf(ref).filter((m) => m.kind === 'story.project').length;
    await voteStory(deps, service, published.id);
    expect((await stories.reactionOf(ref, 'vote', ids.service)) !== null).toBe(true);
    expect((await stories.reactionOf(ref, 'vote', ids.cloakroom)) !== null).toBe(false);
    const after = stories.outboxOf(ref).filter((m) => m.kind === 'story.project').length;
    expect(after).toBe(before + 1);
    expect(committed).toEqual([ref]);
  });

  it('updates the wall entry’s vote count', async () => {
    const { deps, story: published, wallCount } = await story();
    expect(wallCount()).toBe(0);
    await voteStory(deps, service, published.id);
    expect(wallCount()).toBe(1);
  });

  it('refuses a second vote with already_voted and leaves the count', async () => {
    const { deps, story: published, count, wallCount } = await story();
    await voteStory(deps, service, published.id);
    const error = await errorOf(voteStory(deps, service, published.id));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'already_voted' });
    expect(await count()).toBe(1);
    expect(wallCount()).toBe(1);
  });

  it.each([
    ['the author', ids.employee],
    ['a featured colleague', ids.driver],
  ])('refuses %s with self_vote', async (_, userId) => {
    const { deps, story: published, count, stories, ref } = await story();
    const error = await errorOf(voteStory(deps, actorOf(userId), published.id));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'self_vote' });
    expect(await count()).toBe(0);
    expect((await stories.reactionOf(ref, 'vote', userId)) !== null).toBe(false);
  });

  it('refuses a vote on a story that is not published with not_found', async () => {
    const { deps, story: pending, count } = await story(false);
    expect(pending.status).toBe('pending');
    const error = await errorOf(voteStory(deps, service, pending.id));
    expect(error).toMatchObject({ code: 'not_found' });
    expect(await count()).toBe(0);
  });

  it.each(['reject', 'changes'] as const)(
    'refuses a vote on a story after %s with not_found',
    async (decision) => {
      const { deps, story: pending } = await story(false);
      await decideStory(deps, manager, pending.id, decision, 'Not yet');
      const error = await errorOf(voteStory(deps, service, pending.id));
      expect(error).toMatchObject({ code: 'not_found' });
    },
  );

  it('refuses a vote on an unknown story with not_found', async () => {
    const { deps } = await story();
    const error = await errorOf(voteStory(deps, service, 'no-such-story'));
    expect(error).toMatchObject({ code: 'not_found' });
  });

  it('does not reach a story of another tenant', async () => {
    const { deps, story: published, count } = await story();
    const foreign = demoUsers('00000000-0000-4000-8000-0000000000ff');
    const error = await errorOf(voteStory(deps, actorOf(ids.service, foreign), published.id));
    expect(error).toMatchObject({ code: 'not_found' });
    expect(await count()).toBe(0);
  });

  describe('concurrency', () => {
    it('counts every one of simultaneous votes by different people', async () => {
      const { deps, story: published, count, wallCount } = await story();
      const voters = [ids.service, ids.cloakroom, ids.editor, ids.admin, ids.manager];
      await Promise.all(voters.map((id) => voteStory(deps, actorOf(id), published.id)));
      expect(await count()).toBe(voters.length);
      expect(wallCount()).toBe(voters.length);
    });

    it('counts a dozen simultaneous votes (the retry budget of one story)', async () => {
      const voters = Array.from({ length: 12 }, (_, i) =>
        buildUser({ id: `voter-${String(i).padStart(2, '0')}` }),
      );
      const ctx = buildStoryDeps([...people, ...voters]);
      const submitted = await submitStory(ctx.deps, employee, buildStoryDraft());
      await decideStory(ctx.deps, manager, submitted.id, 'approve');
      await Promise.all(voters.map((v) => voteStory(ctx.deps, buildActor(v), submitted.id)));
      const stored = await ctx.stories.get({ tenantId: DEMO_TENANT_ID, storyId: submitted.id });
      expect(stored?.value.voteCount).toBe(voters.length);
    });

    it('counts a simultaneous double vote once', async () => {
      const { deps, story: published, count } = await story();
      const results = await Promise.allSettled([
        voteStory(deps, service, published.id),
        voteStory(deps, service, published.id),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect(lost?.reason).toMatchObject({ code: 'already_voted' });
      expect(await count()).toBe(1);
    });

    it('retries a commit that lost a race and counts the vote once', async () => {
      const { deps, story: published, stories, count } = await story();
      const commit = vi
        .spyOn(stories, 'commit')
        .mockRejectedValueOnce(new DomainError('conflict', 'stale etag'));
      const voted = await voteStory(deps, service, published.id);
      expect(commit).toHaveBeenCalledTimes(2);
      expect(voted.voteCount).toBe(1);
      expect(await count()).toBe(1);
    });
  });
});

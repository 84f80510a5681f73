import { describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, type User, type StoryStatus } from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { withdrawStory } from '../../../src/domain/useCases/withdrawStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildStory } from '../../support/factories.js';
import { HOUR, demoActor, errorOf, submittedDemoStory } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);

const submitted = submittedDemoStory;

describe('withdrawStory', () => {
  it('withdraws a pending story and takes it out of the approver’s queue', async () => {
    const { deps, story, clock, approvals, authors, stored } = await submitted();
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toHaveLength(1);
    const withdrawn = await withdrawStory(deps, employee, story.id);
    expect(withdrawn).toEqual({
      ...story,
      status: 'withdrawn',
      updatedAt: clock.now(),
      revision: story.revision + 1,
    });
    expect(await stored()).toEqual(withdrawn);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    // The author still sees it in their own list, as withdrawn.
    expect(authors.entries()).toEqual([withdrawn]);
  });

  it('withdraws a story sent back for changes', async () => {
    const { deps, story } = await submitted();
    await decideStory(deps, manager, story.id, 'changes', 'Add the lesson.');
    const withdrawn = await withdrawStory(deps, employee, story.id);
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('audits the withdrawal and queues only the projection repair', async () => {
    const { deps, story, clock, actions, kinds, stories, ref, committed } = await submitted();
    await withdrawStory(deps, employee, story.id);
    expect(await actions()).toEqual(['submitted', 'routed', 'withdrawn']);
    expect((await stories.audit(ref)).at(-1)).toMatchObject({
      action: 'withdrawn',
      actorId: ids.employee,
      at: clock.now(),
    });
    expect(kinds('story.project')).toHaveLength(2);
    expect(kinds('approval.requested')).toHaveLength(1); // the submission's
    expect(kinds('story.decided')).toEqual([]);
    expect(committed).toEqual([ref, ref]);
  });

  it('withdrawing again returns the story and changes nothing (a double click)', async () => {
    const { deps, story, clock, actions, committed } = await submitted();
    const first = await withdrawStory(deps, employee, story.id);
    clock.advance(HOUR);
    expect(await withdrawStory(deps, employee, story.id)).toEqual(first);
    expect(await actions()).toEqual(['submitted', 'routed', 'withdrawn']);
    expect(committed).toHaveLength(2);
  });

  it.each<StoryStatus>(['published', 'rejected', 'archived'])(
    'a %s story cannot be withdrawn (illegal_transition)',
    async (status) => {
      const { deps, stories } = buildStoryDeps(people);
      const story = buildStory({
        status,
        ...(status === 'rejected' ? {} : { publishedAt: new Date() }),
      });
      await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
      const error = await errorOf(withdrawStory(deps, employee, story.id));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'illegal_transition' });
      const ref = { tenantId: story.tenantId, storyId: story.id };
      expect((await stories.get(ref))?.value).toEqual(story);
    },
  );

  it.each([
    ['the approver', ids.manager],
    ['a featured colleague', ids.driver],
    ['an editor', ids.editor],
    ['an admin', ids.admin],
  ])('only the author may withdraw: %s is forbidden', async (_, userId) => {
    const { deps, story, stored, actions } = await submitted();
    const error = await errorOf(withdrawStory(deps, actorOf(userId), story.id));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(await stored()).toEqual(story);
    expect(await actions()).toEqual(['submitted', 'routed']);
  });

  it('an unknown story, or one the actor may not see, is not found', async () => {
    const { deps, story, stored } = await submitted();
    expect(await errorOf(withdrawStory(deps, employee, 'no-such-story'))).toMatchObject({
      code: 'not_found',
    });
    expect(await errorOf(withdrawStory(deps, actorOf(ids.cloakroom), story.id))).toMatchObject({
      code: 'not_found',
    });
    expect(await stored()).toEqual(story);
  });

  it('retries a commit that lost a race, from a fresh read', async () => {
    const { deps, story, stories, stored, actions } = await submitted();
    const commit = vi
      .spyOn(stories, 'commit')
      .mockRejectedValueOnce(new DomainError('conflict', 'stale etag'));
    const withdrawn = await withdrawStory(deps, employee, story.id);
    expect(commit).toHaveBeenCalledTimes(2);
    expect(await stored()).toEqual(withdrawn);
    expect(await actions()).toEqual(['submitted', 'routed', 'withdrawn']);
  });

  it('loses cleanly to an approval that got in first', async () => {
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
    const error = await errorOf(withdrawStory(deps, employee, story.id));
    expect(error).toMatchObject({ code: 'illegal_transition' });
    expect((await stored())?.status).toBe('published');
  });
});

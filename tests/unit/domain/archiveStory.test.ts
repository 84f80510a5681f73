import { describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, type User, type StoryStatus } from '../../../src/domain/index.js';
import { archiveStory } from '../../../src/domain/useCases/archiveStory.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildActor, buildStory, buildStoryDraft } from '../../support/factories.js';
import { HOUR, demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);

/** The employee's story, approved by the manager and on the wall; the clock moved on. */
async function published() {
  const ctx = buildStoryDeps(people);
  const submitted = await submitStory(ctx.deps, employee, buildStoryDraft());
  ctx.clock.advance(HOUR);
  const story = await decideStory(ctx.deps, manager, submitted.id, 'approve');
  ctx.clock.advance(HOUR);
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  const kinds = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
  const actions = async () => (await ctx.stories.audit(ref)).map((e) => e.action);
  const stored = async () => (await ctx.stories.get(ref))?.value;
  return { ...ctx, story, ref, kinds, actions, stored };
}

describe('archiveStory', () => {
  it('archives a published story and takes it off the wall', async () => {
    const { deps, story, clock, wall, authors, stored } = await published();
    expect(wall.entries()).toEqual([story]);
    const archived = await archiveStory(deps, employee, story.id);
    expect(archived).toEqual({
      ...story,
      status: 'archived',
      updatedAt: clock.now(),
      revision: story.revision + 1,
    });
    // When it was published stays part of its history.
    expect(archived.publishedAt).toEqual(story.publishedAt);
    expect(await stored()).toEqual(archived);
    expect(wall.entries()).toEqual([]);
    expect(authors.entries()).toEqual([archived]);
  });

  it('audits the archiving and queues the projection repair', async () => {
    const { deps, story, clock, actions, kinds, stories, ref, committed } = await published();
    await archiveStory(deps, actorOf(ids.editor), story.id);
    expect(await actions()).toEqual(['submitted', 'routed', 'approved', 'published', 'archived']);
    expect((await stories.audit(ref)).at(-1)).toMatchObject({
      action: 'archived',
      actorId: ids.editor,
      at: clock.now(),
    });
    expect(kinds('story.project')).toHaveLength(3);
    expect(committed).toEqual([ref, ref, ref]);
  });

  it.each([
    ['the author', ids.employee],
    ['an editor', ids.editor],
    ['an admin', ids.admin],
  ])('%s may archive', async (_, userId) => {
    const { deps, story } = await published();
    expect((await archiveStory(deps, actorOf(userId), story.id)).status).toBe('archived');
  });

  it.each([
    ['the approver who published it', ids.manager],
    ['a featured colleague', ids.driver],
    ['another colleague', ids.cloakroom],
  ])('%s may not archive (forbidden)', async (_, userId) => {
    const { deps, story, stored, wall, actions } = await published();
    const error = await errorOf(archiveStory(deps, actorOf(userId), story.id));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'forbidden' });
    expect(await stored()).toEqual(story);
    expect(wall.entries()).toEqual([story]);
    expect(await actions()).toEqual(['submitted', 'routed', 'approved', 'published']);
  });

  it('archiving again returns the story and changes nothing', async () => {
    const { deps, story, clock, actions, committed } = await published();
    const first = await archiveStory(deps, employee, story.id);
    clock.advance(HOUR);
    expect(await archiveStory(deps, actorOf(ids.admin), story.id)).toEqual(first);
    expect(await actions()).toEqual(['submitted', 'routed', 'approved', 'published', 'archived']);
    expect(committed).toHaveLength(3);
  });

  it.each<StoryStatus>(['pending', 'changes_requested', 'rejected', 'withdrawn'])(
    'a %s story cannot be archived (illegal_transition)',
    async (status) => {
      const { deps, stories } = buildStoryDeps(people);
      const story = buildStory({ status });
      await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
      const error = await errorOf(archiveStory(deps, employee, story.id));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'illegal_transition' });
      const ref = { tenantId: story.tenantId, storyId: story.id };
      expect((await stories.get(ref))?.value).toEqual(story);
    },
  );

  it('an unknown story is not found', async () => {
    const { deps } = await published();
    expect(await errorOf(archiveStory(deps, employee, 'no-such-story'))).toMatchObject({
      code: 'not_found',
    });
  });

  it('another tenant’s editor does not find the story', async () => {
    const { deps, story, stored } = await published();
    const foreign = buildActor(demoUsers('00000000-0000-4000-8000-0000000000ff')[2]!);
    expect(foreign.roles).toContain('editor');
    expect(await errorOf(archiveStory(deps, foreign, story.id))).toMatchObject({
      code: 'not_found',
    });
    expect(await stored()).toEqual(story);
  });

  it('keeps the vote cast between its read and its write', async () => {
    const { deps, story, stories, stored } = await published();
    const get = stories.get.bind(stories);
    let interfered = false;
    vi.spyOn(stories, 'get').mockImplementation(async (ref) => {
      const current = await get(ref);
      if (current && !interfered) {
        interfered = true;
        await stories.commit({
          story: { ...current.value, voteCount: 1, revision: current.value.revision + 1 },
          expectedEtag: current.etag,
          audit: [],
          reaction: { kind: 'vote', personId: ids.service, at: new Date() },
          outbox: [],
        });
      }
      return current;
    });
    const archived = await archiveStory(deps, employee, story.id);
    expect(archived).toMatchObject({ status: 'archived', voteCount: 1 });
    expect(await stored()).toEqual(archived);
  });
});

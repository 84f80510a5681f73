import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { DomainError, type User } from '../../../src/domain/index.js';
import { getStory } from '../../../src/domain/useCases/getStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildStory } from '../../support/factories.js';
import { demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);

async function withStory(status: 'pending' | 'published') {
  const ctx = buildStoryDeps(people);
  const story = buildStory({ status });
  await ctx.stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
  return { ...ctx, story };
}

describe('getStory', () => {
  it('returns a published story to any colleague', async () => {
    const { deps, story } = await withStory('published');
    await expect(getStory(deps, actorOf(ids.service), story.id)).resolves.toEqual(story);
  });

  it.each([ids.employee, ids.manager, ids.driver, ids.editor, ids.admin])(
    'returns a pending story to %s, whom it concerns',
    async (userId) => {
      const { deps, story } = await withStory('pending');
      await expect(getStory(deps, actorOf(userId), story.id)).resolves.toEqual(story);
    },
  );

  it('answers not_found, not forbidden, for a pending story of someone else', async () => {
    const { deps, story } = await withStory('pending');
    const error = await errorOf(getStory(deps, actorOf(ids.service), story.id));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'not_found' });
  });

  it('answers not_found for an unknown story', async () => {
    const { deps } = await withStory('published');
    const error = await errorOf(getStory(deps, actorOf(ids.service), 'no-such-story'));
    expect(error).toMatchObject({ code: 'not_found' });
  });

  it('answers not_found to an admin of another tenant', async () => {
    const { deps, story } = await withStory('published');
    const foreign = demoUsers('00000000-0000-4000-8000-0000000000ff');
    const error = await errorOf(getStory(deps, actorOf(ids.admin, foreign), story.id));
    expect(error).toMatchObject({ code: 'not_found' });
  });
});

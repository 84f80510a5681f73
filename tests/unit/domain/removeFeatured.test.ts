import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { removeFeatured } from '../../../src/domain/useCases/removeFeatured.js';
import { demoActor, errorOf, submittedDemoStory } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const actorOf = (id: string) => demoActor(id, demoUsers());

describe('removeFeatured', () => {
  it('takes a featured colleague’s name off a published story, with a history event', async () => {
    const { deps, story, stored, actions, kinds } = await submittedDemoStory();
    expect(story.featured.map((p) => p.id)).toContain(ids.driver);
    await decideStory(deps, actorOf(ids.manager), story.id, 'approve');
    const refreshesBefore = kinds('cards.refresh').length;

    const changed = await removeFeatured(deps, actorOf(ids.driver), story.id);
    expect(changed.featured.map((p) => p.id)).not.toContain(ids.driver);
    expect(changed.status).toBe('published');
    expect((await stored())?.featured).toEqual(changed.featured);
    expect((await actions()).at(-1)).toBe('featured_removed');
    // Every posted card is brought up to date, and the wall's copy too.
    expect(kinds('cards.refresh').length).toBe(refreshesBefore + 1);
    expect(kinds('story.project').length).toBeGreaterThan(0);
  });

  it('works while the story still waits for approval', async () => {
    const { deps, story } = await submittedDemoStory();
    const changed = await removeFeatured(deps, actorOf(ids.driver), story.id);
    expect(changed.featured.map((p) => p.id)).not.toContain(ids.driver);
    expect(changed.status).toBe('pending');
  });

  it('changes nothing for someone the story does not name, and nothing when asked twice', async () => {
    const { deps, story, actions } = await submittedDemoStory();
    await decideStory(deps, actorOf(ids.manager), story.id, 'approve');
    const before = await actions();
    const unchanged = await removeFeatured(deps, actorOf(ids.cloakroom), story.id);
    expect(unchanged.featured).toEqual(story.featured);
    await removeFeatured(deps, actorOf(ids.driver), story.id);
    await removeFeatured(deps, actorOf(ids.driver), story.id);
    expect((await actions()).length).toBe(before.length + 1);
  });

  it('does not reveal a pending story to someone it does not name', async () => {
    const { deps, story } = await submittedDemoStory();
    expect(await errorOf(removeFeatured(deps, actorOf(ids.cloakroom), story.id))).toMatchObject({
      code: 'not_found',
    });
  });
});

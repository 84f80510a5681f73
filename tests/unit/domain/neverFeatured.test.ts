import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { createSuggestionsService } from '../../../src/domain/suggestionsService.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { removeFeatured } from '../../../src/domain/useCases/removeFeatured.js';
import { rotate } from '../../../src/domain/useCases/suggestions.js';
import { demoActor, submittedDemoStory } from '../../support/domainFixtures.js';
import { buildUser } from '../../support/factories.js';
import { fakeFeaturedPeople, fakeSettings, fakeUsers, fixedClock } from '../../support/fakes.js';

const ids = DEMO_USER_IDS;
const DAY = 24 * 60 * 60 * 1000;

/** The suggestions over the story fixture's own storage, as the composition root wires them. */
function suggestionsOf(ctx: Awaited<ReturnType<typeof submittedDemoStory>>) {
  return createSuggestionsService({
    settings: ctx.settings,
    users: ctx.users,
    featuredPeople: ctx.deps.featuredPeople,
    clock: ctx.clock,
  });
}

const names = (people: readonly { displayName: string }[]) =>
  people.map((p) => p.displayName).sort();

describe('colleagues never featured', () => {
  it('are everyone but the caller until a published story names someone', async () => {
    const ctx = await submittedDemoStory();
    const suggestions = suggestionsOf(ctx);
    const emma = demoActor(ids.employee);
    // Pending: the driver the story features is not featured yet.
    const before = await suggestions.neverFeatured(emma, { limit: 20 });
    expect(names(before)).toEqual(names(demoUsers().filter((u) => u.id !== ids.employee)));

    await decideStory(ctx.deps, demoActor(ids.manager), ctx.story.id, 'approve');
    const after = await suggestions.neverFeatured(emma, { limit: 20 });
    expect(after.map((p) => p.id)).not.toContain(ids.driver);
    expect(after.map((p) => p.id)).not.toContain(ids.employee);
    expect(after).toHaveLength(before.length - 1);
    // Once featured stays featured, even after the story is archived.
    expect(ctx.featuredPeople.entries(DEMO_TENANT_ID).get(ids.driver)).toEqual({ featured: true });
  });

  it('never include someone who took their name off a story, nor anyone erased', async () => {
    const ctx = await submittedDemoStory();
    const suggestions = suggestionsOf(ctx);
    // Tomi takes his name off the story before it is published: never suggested from then on.
    await removeFeatured(ctx.deps, demoActor(ids.driver), ctx.story.id);
    await ctx.users.remove(DEMO_TENANT_ID, ids.cloakroom);
    const found = await suggestions.neverFeatured(demoActor(ids.employee), { limit: 20 });
    expect(found.map((p) => p.id)).not.toContain(ids.driver);
    expect(found.map((p) => p.id)).not.toContain(ids.cloakroom);
    expect(ctx.featuredPeople.entries(DEMO_TENANT_ID).get(ids.driver)).toEqual({ declined: true });
  });

  it('leave out the app itself, pseudonyms and people known by id only; filter by team in any case', async () => {
    const users = fakeUsers([
      buildUser({ id: 'a', displayName: 'Alma', team: 'Sales' }),
      buildUser({ id: 'b', displayName: 'Bea', team: 'Logistics' }),
      buildUser({ id: 'c', displayName: 'c' }),
      buildUser({ id: 'erased-1', displayName: 'A former colleague' }),
      buildUser({ id: 'story-wall', displayName: 'Story Wall' }),
      buildUser({ tenantId: 'other', id: 'd', displayName: 'Dora', team: 'Sales' }),
    ]);
    const suggestions = createSuggestionsService({
      settings: fakeSettings(),
      users,
      featuredPeople: fakeFeaturedPeople(),
      clock: fixedClock(new Date(0)),
    });
    const caller = demoActor(ids.employee);
    expect(await suggestions.neverFeatured(caller, { limit: 20 })).toEqual([
      { id: 'a', displayName: 'Alma' },
      { id: 'b', displayName: 'Bea' },
    ]);
    expect(await suggestions.neverFeatured(caller, { team: ' sALES', limit: 20 })).toEqual([
      { id: 'a', displayName: 'Alma' },
    ]);
    expect(await suggestions.neverFeatured(caller, { limit: 1 })).toHaveLength(1);
  });

  it('rotate one place a day, the same all day long', async () => {
    const users = fakeUsers(
      ['Cecilia', 'Aino', 'Bertta'].map((name) =>
        buildUser({ id: `id-${name}`, displayName: name }),
      ),
    );
    const clock = fixedClock(new Date(Date.UTC(2030, 0, 1, 0, 0)));
    const suggestions = createSuggestionsService({
      settings: fakeSettings(),
      users,
      featuredPeople: fakeFeaturedPeople(),
      clock,
    });
    const caller = demoActor(ids.employee);
    const order = async () =>
      (await suggestions.neverFeatured(caller, { limit: 3 })).map((p) => p.displayName);
    const first = await order();
    expect([...first].sort()).toEqual(['Aino', 'Bertta', 'Cecilia']);
    clock.advance(DAY - 1);
    expect(await order()).toEqual(first);
    clock.advance(1);
    expect(await order()).toEqual([...first.slice(1), first[0]]);
  });

  it('rotate from the day’s place in name order', () => {
    expect(rotate([], new Date(5 * DAY))).toEqual([]);
    expect(rotate(['a', 'b', 'c'], new Date(0))).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], new Date(4 * DAY + 5))).toEqual(['b', 'c', 'a']);
  });
});

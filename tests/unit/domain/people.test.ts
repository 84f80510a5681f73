import { describe, expect, it } from 'vitest';
import { createPeople, type UserDirectory } from '../../../src/domain/index.js';
import { buildUser } from '../../support/factories.js';
import { buildStoryDeps } from '../../support/fakes.js';

/** The directory of `buildStoryDeps`, counting the person reads that reach it. */
function countingDeps() {
  const person = buildUser({ id: 'ana', displayName: 'Ana' });
  const { deps } = buildStoryDeps([person]);
  let reads = 0;
  const users: UserDirectory = {
    ...deps.users,
    get: (tenantId, userId) => {
      reads += 1;
      return deps.users.get(tenantId, userId);
    },
  };
  return { person, deps: { ...deps, users }, reads: () => reads };
}

describe('resolving who calls', () => {
  it('looks a person up once when their first requests arrive together', async () => {
    // Opening the tab sends the wall, its count and /api/me at once: three sign-ins of one
    // person, which must share one lookup instead of each reading the person's row.
    const { person, deps, reads } = countingDeps();
    const people = createPeople(deps);
    const found = await Promise.all(
      [1, 2, 3].map(() => people.actorOf(person.tenantId, person.id, 'tab', {}, false)),
    );
    expect(found.map((f) => f?.actor.displayName)).toEqual(['Ana', 'Ana', 'Ana']);
    expect(reads()).toBe(1);
    // Reused afterwards, from the cache, as before.
    await people.actorOf(person.tenantId, person.id, 'tab', {}, false);
    expect(reads()).toBe(1);
  });

  it('does not share a lookup between different sign-in hints, nor one that was forgotten', async () => {
    const { person, deps, reads } = countingDeps();
    const people = createPeople(deps);
    const first = people.actorOf(person.tenantId, person.id, 'tab', {}, false);
    people.forget({ tenantId: person.tenantId, userId: person.id });
    const second = people.actorOf(person.tenantId, person.id, 'tab', { appRoles: ['admin'] });
    await Promise.all([first, second]);
    expect(reads()).toBe(2);
  });
});

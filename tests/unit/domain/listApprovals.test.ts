import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { listApprovals } from '../../../src/domain/useCases/listApprovals.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildActor, buildStoryDraft } from '../../support/factories.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string) => buildActor(people.find((p) => p.id === id)!);

describe('listApprovals', () => {
  it('lists the pending stories routed to the actor, oldest first', async () => {
    const { deps, clock } = buildStoryDeps(people);
    const first = await submitStory(deps, actorOf(ids.employee), buildStoryDraft());
    clock.advance(1000);
    const second = await submitStory(deps, actorOf(ids.service), buildStoryDraft());
    clock.advance(1000);
    // The manager's own story goes to the admin, not to the manager's queue.
    await submitStory(deps, actorOf(ids.manager), buildStoryDraft());

    const queue = await listApprovals(deps, actorOf(ids.manager));
    expect(queue.map((s) => s.id)).toEqual([first.id, second.id]);
  });

  it('honours the limit', async () => {
    const { deps } = buildStoryDeps(people);
    await submitStory(deps, actorOf(ids.employee), buildStoryDraft());
    await submitStory(deps, actorOf(ids.service), buildStoryDraft());
    expect(await listApprovals(deps, actorOf(ids.manager), 1)).toHaveLength(1);
  });

  it('is empty for someone with nothing routed to them', async () => {
    const { deps } = buildStoryDeps(people);
    await submitStory(deps, actorOf(ids.employee), buildStoryDraft());
    expect(await listApprovals(deps, actorOf(ids.editor))).toEqual([]);
  });
});

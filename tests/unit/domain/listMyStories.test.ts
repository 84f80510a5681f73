import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { listMyStories } from '../../../src/domain/useCases/listMyStories.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { withdrawStory } from '../../../src/domain/useCases/withdrawStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildActor, buildStoryDraft } from '../../support/factories.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string) => buildActor(people.find((p) => p.id === id)!);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);

describe('listMyStories', () => {
  it('lists the actor’s own stories in every status, newest first', async () => {
    const { deps, clock } = buildStoryDeps(people);
    const told = async (title: string) => {
      clock.advance(1000);
      return submitStory(deps, employee, buildStoryDraft({ title }));
    };
    const first = await told('First story');
    const second = await told('Second story');
    const third = await told('Third story');
    const fourth = await told('Fourth story');
    await decideStory(deps, manager, first.id, 'approve');
    await decideStory(deps, manager, second.id, 'changes', 'Add the lesson.');
    await decideStory(deps, manager, third.id, 'reject', 'Not a customer story.');
    await withdrawStory(deps, employee, fourth.id);
    // Someone else's story is not the employee's.
    await submitStory(deps, actorOf(ids.service), buildStoryDraft());

    const page = await listMyStories(deps, employee, { limit: 30 });
    expect(page.items.map((s) => [s.title, s.status])).toEqual([
      ['Fourth story', 'withdrawn'],
      ['Third story', 'rejected'],
      ['Second story', 'changes_requested'],
      ['First story', 'published'],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages with the cursor it returns', async () => {
    const { deps, clock } = buildStoryDeps(people);
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      await submitStory(deps, employee, buildStoryDraft({ title: `Story ${i}` }));
    }
    const first = await listMyStories(deps, employee, { limit: 2 });
    expect(first.items.map((s) => s.title)).toEqual(['Story 4', 'Story 3']);
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await listMyStories(deps, employee, { limit: 2, cursor });
      seen.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(seen.map((s) => s.title)).toEqual([
      'Story 4',
      'Story 3',
      'Story 2',
      'Story 1',
      'Story 0',
    ]);
  });

  it('refuses a cursor made for someone else', async () => {
    const { deps, clock } = buildStoryDeps(people);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await submitStory(deps, employee, buildStoryDraft());
    }
    const { nextCursor } = await listMyStories(deps, employee, { limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    await expect(
      listMyStories(deps, actorOf(ids.service), { limit: 1, cursor: nextCursor! }),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('is empty for someone who has told nothing', async () => {
    const { deps } = buildStoryDeps(people);
    await submitStory(deps, employee, buildStoryDraft());
    expect(await listMyStories(deps, actorOf(ids.editor), { limit: 30 })).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { archiveStory } from '../../../src/domain/useCases/archiveStory.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { resubmitStory } from '../../../src/domain/useCases/resubmitStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { voteStory } from '../../../src/domain/useCases/voteStory.js';
import { withdrawStory } from '../../../src/domain/useCases/withdrawStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildActor, buildStoryDraft } from '../../support/factories.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string) => buildActor(people.find((p) => p.id === id)!);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);

/**
 * Journeys 4, 5, 7 and 10: every change that alters what a posted card shows queues
 * `cards.refresh` in its own transaction; publication queues `channel.post`.
 */
async function submitted() {
  const ctx = buildStoryDeps(people);
  const story = await submitStory(ctx.deps, employee, buildStoryDraft());
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  const messages = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
  return { ...ctx, story, messages };
}

describe('outbox messages for posted cards', () => {
  it('a submission queues no refresh: nothing is posted yet', async () => {
    const { messages } = await submitted();
    expect(messages('cards.refresh')).toEqual([]);
  });

  it.each(['reject', 'changes'] as const)('a decision (%s) refreshes every card', async (d) => {
    const { deps, story, messages } = await submitted();
    await decideStory(deps, manager, story.id, d, 'Because.');
    expect(messages('cards.refresh').map((m) => m.payload)).toEqual([{}]);
    expect(messages('channel.post')).toEqual([]);
  });

  it('an approval refreshes every card and posts the story to the channel', async () => {
    const { deps, story, messages } = await submitted();
    await decideStory(deps, manager, story.id, 'approve');
    expect(messages('cards.refresh').map((m) => m.payload)).toEqual([{}]);
    expect(messages('channel.post')).toHaveLength(1);
    // A repeated click changes nothing and queues nothing more.
    await decideStory(deps, manager, story.id, 'approve');
    expect(messages('cards.refresh')).toHaveLength(1);
    expect(messages('channel.post')).toHaveLength(1);
  });

  it('a withdrawal, a resubmission and an archive refresh every card', async () => {
    const withdrawn = await submitted();
    await withdrawStory(withdrawn.deps, employee, withdrawn.story.id);
    expect(withdrawn.messages('cards.refresh')).toHaveLength(1);

    const sentBack = await submitted();
    await decideStory(sentBack.deps, manager, sentBack.story.id, 'changes', 'More detail.');
    await resubmitStory(sentBack.deps, employee, sentBack.story.id, buildStoryDraft());
    expect(sentBack.messages('cards.refresh')).toHaveLength(2);

    const archived = await submitted();
    await decideStory(archived.deps, manager, archived.story.id, 'approve');
    await archiveStory(archived.deps, employee, archived.story.id);
    expect(archived.messages('cards.refresh')).toHaveLength(2);
  });

  it('a vote refreshes only the channel cards, which show the count', async () => {
    const { deps, story, messages } = await submitted();
    await decideStory(deps, manager, story.id, 'approve');
    await voteStory(deps, actorOf(ids.service), story.id);
    expect(messages('cards.refresh').map((m) => m.payload)).toEqual([{}, { only: 'channel' }]);
  });
});

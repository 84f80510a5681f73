import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  MAX_REACTION_QUERY,
  type ErasureDeps,
  type ReactionKind,
  type User,
} from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { erasePerson } from '../../../src/domain/useCases/erasure.js';
import { exportPersonalData } from '../../../src/domain/useCases/exportPersonalData.js';
import {
  myReactions,
  reactToStory,
  takeBackReaction,
} from '../../../src/domain/useCases/reactions.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { fakeAwards, fakeErasureRegister } from '../../support/erasureFakes.js';
import { buildStoryDeps, fakeConversations, fakePostedCards } from '../../support/fakes.js';
import { buildStoryDraft } from '../../support/factories.js';
import { demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);
const service = actorOf(ids.service);
const cloakroom = actorOf(ids.cloakroom);

/** A published story by the demo employee featuring the driver. */
async function published(ctx = buildStoryDeps(people)) {
  const submitted = await submitStory(ctx.deps, employee, buildStoryDraft());
  const story = await decideStory(ctx.deps, manager, submitted.id, 'approve');
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  ctx.committed.length = 0;
  const stored = async () => (await ctx.stories.get(ref))!.value;
  const onWall = () => ctx.wall.entries().find((s) => s.id === story.id);
  return { ...ctx, story, ref, stored, onWall };
}

describe('reactToStory: "I learned from this"', () => {
  it('counts one per person, beside the votes, on the story and the wall', async () => {
    const { deps, story, stored, onWall, stories, ref } = await published();
    const learned = await reactToStory(deps, service, story.id, 'learned');
    expect(learned.learnedCount).toBe(1);
    expect(learned.voteCount).toBe(0);
    expect(learned.revision).toBe(story.revision + 1);
    await reactToStory(deps, cloakroom, story.id, 'learned');
    expect((await stored()).learnedCount).toBe(2);
    expect(onWall()?.learnedCount).toBe(2);
    expect(await stories.reactionOf(ref, 'learned', ids.service)).toMatchObject({
      kind: 'learned',
      personId: ids.service,
    });
    // A learned row is not a vote.
    expect(await stories.reactionOf(ref, 'vote', ids.service)).toBeNull();
  });

  it('refuses a second one with already_reacted and leaves the count', async () => {
    const { deps, story, stored } = await published();
    await reactToStory(deps, service, story.id, 'learned');
    const error = await errorOf(reactToStory(deps, service, story.id, 'learned'));
    expect(error).toMatchObject({ code: 'already_reacted' });
    expect((await stored()).learnedCount).toBe(1);
  });

  it.each([
    ['the author', ids.employee],
    ['a featured colleague', ids.driver],
  ])('refuses one from %s with self_reaction, as votes refuse self_vote', async (_, userId) => {
    const { deps, story, stored } = await published();
    expect(await errorOf(reactToStory(deps, actorOf(userId), story.id, 'learned'))).toMatchObject({
      code: 'self_reaction',
    });
    expect(await errorOf(reactToStory(deps, actorOf(userId), story.id, 'vote'))).toMatchObject({
      code: 'self_vote',
    });
    expect((await stored()).learnedCount).toBe(0);
  });

  it('refuses a story that is not published with not_found', async () => {
    const ctx = buildStoryDeps(people);
    const pending = await submitStory(ctx.deps, employee, buildStoryDraft());
    const error = await errorOf(reactToStory(ctx.deps, service, pending.id, 'learned'));
    expect(error).toMatchObject({ code: 'not_found' });
  });

  it('records the person index row, so erasure and export find it', async () => {
    const { deps, story, personIndex } = await published();
    await reactToStory(deps, service, story.id, 'learned');
    expect(await personIndex.list(DEMO_TENANT_ID, ids.service)).toEqual([
      { storyId: story.id, involvements: ['learned'] },
    ]);
  });

  it('projects the wall; only a vote refreshes the channel card, which shows votes alone', async () => {
    const { deps, story, stories, ref } = await published();
    const kinds = () => stories.outboxOf(ref).map((m) => m.kind);
    const before = kinds().filter((k) => k === 'cards.refresh').length;
    await reactToStory(deps, service, story.id, 'learned');
    expect(kinds().filter((k) => k === 'cards.refresh')).toHaveLength(before);
    await reactToStory(deps, service, story.id, 'vote');
    expect(kinds().filter((k) => k === 'cards.refresh')).toHaveLength(before + 1);
  });
});

describe('takeBackReaction', () => {
  it.each<[ReactionKind, string]>([
    ['vote', 'not_voted'],
    ['learned', 'not_reacted'],
  ])('takes back a %s: the row and one from the count; a missing one is %s', async (kind, code) => {
    const { deps, story, stored, stories, ref, onWall } = await published();
    const count = async () => {
      const s = await stored();
      return kind === 'vote' ? s.voteCount : s.learnedCount;
    };
    await reactToStory(deps, service, story.id, kind);
    await reactToStory(deps, cloakroom, story.id, kind);
    expect(await count()).toBe(2);
    await takeBackReaction(deps, service, story.id, kind);
    expect(await count()).toBe(1);
    expect(await stories.reactionOf(ref, kind, ids.service)).toBeNull();
    expect(await stories.reactionOf(ref, kind, ids.cloakroom)).not.toBeNull();
    expect(kind === 'vote' ? onWall()?.voteCount : onWall()?.learnedCount).toBe(1);
    expect(await errorOf(takeBackReaction(deps, service, story.id, kind))).toMatchObject({
      code,
    });
    expect(await count()).toBe(1);
    // Taken back, it can be given again.
    await reactToStory(deps, service, story.id, kind);
    expect(await count()).toBe(2);
  });

  it('counts exactly under simultaneous reactions and take-backs of many people', async () => {
    const { deps, story, stored } = await published();
    const others = [ids.service, ids.cloakroom, ids.editor, ids.admin, ids.manager];
    await Promise.all(
      others.slice(0, 2).map((id) => reactToStory(deps, actorOf(id), story.id, 'learned')),
    );
    await Promise.all([
      ...others.slice(0, 2).map((id) => takeBackReaction(deps, actorOf(id), story.id, 'learned')),
      ...others.slice(2).map((id) => reactToStory(deps, actorOf(id), story.id, 'learned')),
      ...others.map((id) => reactToStory(deps, actorOf(id), story.id, 'vote')),
    ]);
    const final = await stored();
    expect(final.learnedCount).toBe(3);
    expect(final.voteCount).toBe(others.length);
  });
});

describe('myReactions', () => {
  it('tells which of the stories asked the caller voted for and learned from', async () => {
    const ctx = buildStoryDeps(people);
    const first = await published(ctx);
    const second = await published(ctx);
    await reactToStory(ctx.deps, service, first.story.id, 'vote');
    await reactToStory(ctx.deps, service, second.story.id, 'learned');
    await reactToStory(ctx.deps, cloakroom, second.story.id, 'vote');
    expect(
      await myReactions(ctx.deps, service, [first.story.id, second.story.id, 'no-such-story']),
    ).toEqual([
      { storyId: first.story.id, voted: true, learned: false },
      { storyId: second.story.id, voted: false, learned: true },
      { storyId: 'no-such-story', voted: false, learned: false },
    ]);
  });

  it(`answers at most ${MAX_REACTION_QUERY} stories, each once`, async () => {
    const ctx = buildStoryDeps(people);
    const many = Array.from({ length: MAX_REACTION_QUERY + 1 }, (_, i) => `s-${i}`);
    expect(await errorOf(myReactions(ctx.deps, service, many))).toMatchObject({
      code: 'validation',
    });
    expect(await myReactions(ctx.deps, service, ['s-1', 's-1'])).toHaveLength(1);
  });
});

describe('erasure and export of "I learned from this"', () => {
  it('lists them in the export, then erases them with each story’s count', async () => {
    const ctx = buildStoryDeps(people);
    const { deps, story, stored, ref } = await published(ctx);
    const erasure: ErasureDeps = {
      ...deps,
      personalData: ctx.stories,
      register: fakeErasureRegister(),
      postedCards: fakePostedCards(),
      conversations: fakeConversations(),
      awards: fakeAwards(),
    };
    await reactToStory(deps, service, story.id, 'learned');
    await reactToStory(deps, cloakroom, story.id, 'learned');
    const exported = await exportPersonalData(erasure, service, ids.service);
    expect(exported.learned.map((l) => l.story.id)).toEqual([story.id]);
    expect(exported.votes).toEqual([]);

    const receipt = await erasePerson(erasure, service, ids.service);
    expect(receipt.erased.learned).toEqual({ count: 1, ids: [story.id] });
    expect((await stored()).learnedCount).toBe(1);
    expect(await ctx.stories.reactionOf(ref, 'learned', ids.service)).toBeNull();
    expect(await ctx.stories.reactionOf(ref, 'learned', ids.cloakroom)).not.toBeNull();
    expect((await exportPersonalData(erasure, service, ids.service)).learned).toEqual([]);
  });
});

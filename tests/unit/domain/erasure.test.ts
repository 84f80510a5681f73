import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  DEFAULT_SETTINGS,
  ERASED_NAME,
  waitingApprovers,
  type AuditEvent,
  type ErasureDeps,
} from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import {
  erasePerson,
  purgeStoryHandler,
  resumeErasures,
  RESUME_AFTER_MS,
  scrubEvent,
  settingsWithout,
} from '../../../src/domain/useCases/erasure.js';
import { exportPersonalData } from '../../../src/domain/useCases/exportPersonalData.js';
import { reassignStory } from '../../../src/domain/useCases/reassignStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { voteStory } from '../../../src/domain/useCases/voteStory.js';
import { demoActor, errorOf } from '../../support/domainFixtures.js';
import { fakeAwards, fakeErasureRegister } from '../../support/erasureFakes.js';
import { buildStoryDraft } from '../../support/factories.js';
import { buildStoryDeps, fakeConversations, fakePostedCards } from '../../support/fakes.js';

/**
 * Journey 12: a person's data erased everywhere (GDPR article 17) and exported (article 15),
 * on the fakes. Storage's own part is tested against Azurite (tests/integration/storage).
 */

const ids = DEMO_USER_IDS;
const T = DEMO_TENANT_ID;
const EMMA = ids.employee;
const EMMA_NAME = 'Emma Employee';
const actor = (id: string) => demoActor(id, demoUsers());
const ref = (storyId: string) => ({ tenantId: T, storyId });

/**
 * Emma (the demo employee) told a pending story (S1, its approval card posted to Mikko) and a
 * published one (S2, story of the month); voted for the driver's story (S3) and — before the
 * person index existed — for the service person's (S6); is featured in S4; has S5 waiting for
 * her decision (an admin handed it to her; her copy of its card is posted); holds a delegation
 * and is someone's delegate; has an approver grant and names a category's stage; and the bot has
 * a conversation with her.
 */
async function world() {
  const ctx = buildStoryDeps(demoUsers());
  const register = fakeErasureRegister();
  const postedCards = fakePostedCards();
  const conversations = fakeConversations();
  const awards = fakeAwards();
  let erasedCalls = 0;
  const deps: ErasureDeps = {
    ...ctx.deps,
    personalData: ctx.stories,
    register,
    postedCards,
    conversations,
    awards,
    onErased: () => erasedCalls++,
  };
  const held = await ctx.settings.getTenantSettings(T);
  const settings = held!.value;
  await ctx.settings.putTenantSettings(
    T,
    {
      ...settings,
      roles: [...settings.roles, { role: 'approver', kind: 'person', id: EMMA }],
      approval: {
        ...settings.approval,
        byCategory: {
          teamwork: { stages: [{ approvers: { kind: 'people', ids: [EMMA] }, mode: 'any' }] },
        },
      },
    },
    held!.etag,
  );

  const s1 = await submitStory(deps, actor(EMMA), buildStoryDraft({ title: 'Emma pending' }));
  const s2 = await submitStory(deps, actor(EMMA), buildStoryDraft({ title: 'Emma published' }));
  await decideStory(deps, actor(ids.manager), s2.id, 'approve');
  const s3 = await submitStory(
    deps,
    actor(ids.driver),
    buildStoryDraft({ featured: [ids.service] }),
  );
  await decideStory(deps, actor(ids.manager), s3.id, 'approve');
  await voteStory(deps, actor(EMMA), s3.id);
  const s4 = await submitStory(deps, actor(ids.service), buildStoryDraft({ featured: [EMMA] }));
  await decideStory(deps, actor(ids.manager), s4.id, 'approve');
  const s5 = await submitStory(deps, actor(ids.cloakroom), buildStoryDraft());
  await reassignStory(deps, actor(ids.admin), s5.id, EMMA, 'Emma knows this guest');
  const s6 = await submitStory(deps, actor(ids.service), buildStoryDraft({ featured: [] }));
  const s6Published = await decideStory(deps, actor(ids.manager), s6.id, 'approve');
  // A vote from before the person index: its row only, no index row.
  const legacyVote = await ctx.stories.get(ref(s6.id));
  await ctx.stories.commit({
    story: { ...s6Published, voteCount: 1, revision: s6Published.revision + 1 },
    expectedEtag: legacyVote!.etag,
    audit: [],
    outbox: [],
    reaction: { kind: 'vote', personId: EMMA, at: ctx.clock.now() },
  });

  await postedCards.add(ref(s1.id), {
    activityId: 'card-s1-mikko',
    reference: '{"conversation":{"id":"a:mikko"}}',
    kind: 'approval',
    locale: 'fi',
    userId: ids.manager,
  });
  await postedCards.add(ref(s5.id), {
    activityId: 'card-s5-emma',
    reference: '{"conversation":{"id":"a:emma"}}',
    kind: 'approval',
    locale: 'en',
    userId: EMMA,
  });
  const month = (await ctx.stories.get(ref(s2.id)))!.value.publishedAt!.toISOString().slice(0, 7);
  await awards.put(
    {
      tenantId: T,
      month,
      story: (await ctx.stories.get(ref(s2.id)))!.value,
      awardedBy: { id: ids.editor, displayName: 'Eeva Editor' },
      awardedAt: ctx.clock.now(),
    },
    null,
  );
  const far = new Date(ctx.clock.now().getTime() + 7 * 86_400_000);
  await ctx.delegations.put({
    tenantId: T,
    userId: EMMA,
    delegateId: ids.driver,
    from: ctx.clock.now(),
    until: far,
    setBy: EMMA,
  });
  await ctx.delegations.put({
    tenantId: T,
    userId: ids.cloakroom,
    delegateId: EMMA,
    from: ctx.clock.now(),
    until: far,
    setBy: ids.cloakroom,
  });
  await conversations.put(T, EMMA, '{"conversation":{"id":"a:emma"}}');

  const story = async (id: string) => (await ctx.stories.get(ref(id)))?.value ?? null;
  const trace = async (id: string) =>
    JSON.stringify({ story: await story(id), audit: await ctx.stories.audit(ref(id)) });
  return {
    ...ctx,
    deps,
    register,
    postedCards,
    conversations,
    awards,
    month,
    erased: () => erasedCalls,
    s: { s1: s1.id, s2: s2.id, s3: s3.id, s4: s4.id, s5: s5.id, s6: s6.id },
    story,
    trace,
  };
}

const kinds = (w: Awaited<ReturnType<typeof world>>, id: string) =>
  w.stories.outboxOf(ref(id)).map((m) => m.kind);

describe('erasePerson', () => {
  it('returns a receipt that lists each kind of their data and where it was', async () => {
    const w = await world();
    const receipt = await erasePerson(w.deps, actor(ids.admin), EMMA);
    const { erased } = receipt;
    expect(receipt.personId).toBe(EMMA);
    expect(receipt.pseudonymId).toMatch(/^erased-/);
    expect(receipt.requestedBy).toBe(ids.admin);
    expect(receipt.completedAt).toBeInstanceOf(Date);
    expect(erased.storiesDeleted).toEqual({ count: 1, ids: [w.s.s1] });
    expect(erased.storiesPseudonymised).toEqual({ count: 1, ids: [w.s.s2] });
    expect([...erased.votes.ids].sort()).toEqual([w.s.s3, w.s.s6].sort());
    expect(erased.votes.count).toBe(2);
    expect(erased.featured).toEqual({ count: 1, ids: [w.s.s4] });
    expect(erased.approvalsReassigned).toEqual({ count: 1, ids: [w.s.s5] });
    expect(erased.history.ids).toContain(w.s.s5);
    // Mikko's copy of S1's card, and Emma's own copy of S5's.
    expect(erased.postedCards.count).toBe(2);
    expect([...erased.postedCards.ids].sort()).toEqual([w.s.s1, w.s.s5].sort());
    expect(erased.awards).toEqual({ count: 1, ids: [w.month] });
    expect(erased.delegations.count).toBe(2);
    expect(erased.roleGrants).toEqual({ count: 2, ids: ['approver', 'approvalPolicy'] });
    expect(erased.user.count).toBe(1);
    expect(erased.conversation.count).toBe(1);
    expect(receipt.legacySearch.complete).toBe(true);
    expect(w.register.records()).toMatchObject([{ status: 'done', receipt }]);
    expect(w.erased()).toBe(1);
  });

  it('deletes their story that was never published, and queues its cards’ deletion and purge', async () => {
    const w = await world();
    await erasePerson(w.deps, actor(ids.admin), EMMA);
    expect(await w.story(w.s.s1)).toBeNull();
    expect(kinds(w, w.s.s1)).toEqual(expect.arrayContaining(['cards.delete', 'story.purge']));
    expect(await w.approvals.list(T, ids.manager, 50)).not.toContainEqual(
      expect.objectContaining({ id: w.s.s1 }),
    );
    expect(await w.approvals.list(T, '~all', 50)).not.toContainEqual(
      expect.objectContaining({ id: w.s.s1 }),
    );
    expect((await w.authors.list(T, EMMA, { limit: 50 })).items).toEqual([]);
    expect(w.committed).toContainEqual(ref(w.s.s1));
  });

  it('keeps their published story under a pseudonym, on the wall and in the award too', async () => {
    const w = await world();
    const { pseudonymId } = await erasePerson(w.deps, actor(ids.admin), EMMA);
    const kept = await w.story(w.s.s2);
    expect(kept).toMatchObject({
      status: 'published',
      authorId: pseudonymId,
      authorName: ERASED_NAME,
      title: 'Emma published',
    });
    expect(w.wall.entries().find((s) => s.id === w.s.s2)?.authorId).toBe(pseudonymId);
    expect((await w.authors.list(T, pseudonymId, { limit: 50 })).items.map((s) => s.id)).toEqual([
      w.s.s2,
    ]);
    expect((await w.awards.get(T, w.month))?.value.story).toMatchObject({
      authorId: pseudonymId,
      authorName: ERASED_NAME,
    });
    // Every card posted for it shows the pseudonym.
    expect(kinds(w, w.s.s2)).toContain('cards.refresh');
  });

  it('takes back their votes, each story’s count equal to its vote rows', async () => {
    const w = await world();
    expect((await w.story(w.s.s3))?.voteCount).toBe(1);
    await erasePerson(w.deps, actor(ids.admin), EMMA);
    for (const id of [w.s.s3, w.s.s6]) {
      expect(await w.stories.reactionOf(ref(id), 'vote', EMMA)).toBeNull();
      expect((await w.story(id))?.voteCount).toBe(0);
    }
    expect(w.wall.entries().find((s) => s.id === w.s.s3)?.voteCount).toBe(0);
  });

  it('takes their name off stories featuring them', async () => {
    const w = await world();
    await erasePerson(w.deps, actor(ids.admin), EMMA);
    expect((await w.story(w.s.s4))?.featured).toEqual([]);
    expect(w.wall.entries().find((s) => s.id === w.s.s4)?.featured).toEqual([]);
  });

  it('hands a decision waiting for them to the fallback, with a history event and a card', async () => {
    const w = await world();
    await erasePerson(w.deps, actor(ids.admin), EMMA);
    const s5 = (await w.story(w.s.s5))!;
    expect(s5.status).toBe('pending');
    expect(waitingApprovers(s5.approval)).toEqual([ids.manager]);
    const last = (await w.stories.audit(ref(w.s.s5))).find(
      (e) => e.action === 'reassigned' && e.detail?.['erasure'] === true,
    );
    expect(last?.detail).toMatchObject({ from: [ERASED_NAME], to: ['Mikko Manager'] });
    const asks = w.stories
      .outboxOf(ref(w.s.s5))
      .filter((m) => m.kind === 'approval.requested')
      .map((m) => m.payload['approverId']);
    expect(asks.at(-1)).toBe(ids.manager);
    // Her own copy of the card is deleted; the others are refreshed.
    expect(w.stories.outboxOf(ref(w.s.s5))).toContainEqual(
      expect.objectContaining({ kind: 'cards.delete', payload: { activityId: 'card-s5-emma' } }),
    );
    expect(await w.approvals.list(T, EMMA, 50)).toEqual([]);
    expect((await w.approvals.list(T, ids.manager, 50)).map((s) => s.id)).toContain(w.s.s5);
  });

  it('leaves no trace of their id or name in the stories that stay, nor in their history', async () => {
    const w = await world();
    // The history named her before: she submitted, she was asked, she voted.
    expect(await w.trace(w.s.s2)).toContain(EMMA);
    expect(await w.trace(w.s.s5)).toContain(EMMA_NAME);
    await erasePerson(w.deps, actor(ids.admin), EMMA);
    for (const id of [w.s.s2, w.s.s3, w.s.s4, w.s.s5, w.s.s6]) {
      const trace = await w.trace(id);
      expect(trace).not.toContain(EMMA);
      expect(trace).not.toContain(EMMA_NAME);
    }
    // What the admin wrote when handing S5 to her stays, as theirs.
    const events: AuditEvent[] = await w.stories.audit(ref(w.s.s5));
    expect(events.find((e) => e.comment === 'Emma knows this guest')?.actorId).toBe(ids.admin);
    for (const story of [...w.wall.entries(), ...w.authors.entries()]) {
      expect(JSON.stringify(story)).not.toContain(EMMA);
    }
  });

  it('removes her row, conversation, index, delegations and grants; the settings stay valid', async () => {
    const w = await world();
    const before = (await w.settings.getTenantSettings(T))!.value;
    await erasePerson(w.deps, actor(ids.admin), EMMA);
    expect(await w.users.get(T, EMMA)).toBeNull();
    expect(await w.conversations.get(T, EMMA)).toBeNull();
    expect(await w.personIndex.list(T, EMMA)).toEqual([]);
    expect(await w.delegations.get(T, EMMA)).toBeNull();
    expect(await w.delegations.get(T, ids.cloakroom)).toBeNull();
    const after = (await w.settings.getTenantSettings(T))!.value;
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedBy).toBe(ids.admin);
    expect(JSON.stringify(after)).not.toContain(EMMA);
    // The stage that named only her now names the policy's fallback.
    expect(after.approval.byCategory?.['teamwork']?.stages[0]?.approvers).toEqual(
      before.approval.fallback,
    );
    expect(after.roles.length).toBe(before.roles.length - 1);
  });

  it('answers a second request with the same receipt, changing nothing', async () => {
    const w = await world();
    const first = await erasePerson(w.deps, actor(ids.admin), EMMA);
    const commits = w.committed.length;
    const writes = w.register.puts;
    const second = await erasePerson(w.deps, actor(ids.admin), EMMA);
    expect(second).toEqual(first);
    expect(w.committed.length).toBe(commits);
    expect(w.register.puts).toBe(writes);
  });

  it('carries on an erasure cut short, on the next request, to the same receipt', async () => {
    const w = await world();
    const list = w.delegations.list.bind(w.delegations);
    let failing = true;
    w.delegations.list = async (tenantId) => {
      // The crash comes after the stories were done (the survey reads the list first).
      if (failing && w.register.records()[0]?.status === 'running') {
        failing = false;
        throw new Error('the instance died');
      }
      return list(tenantId);
    };
    await expect(erasePerson(w.deps, actor(ids.admin), EMMA)).rejects.toThrow('the instance died');
    const [cut] = w.register.records();
    expect(cut?.status).toBe('running');
    expect(await w.story(w.s.s1)).toBeNull();
    expect(await w.users.get(T, EMMA)).not.toBeNull();

    const receipt = await erasePerson(w.deps, actor(ids.admin), EMMA);
    expect(receipt.erased).toEqual(cut?.receipt.erased);
    expect(receipt.pseudonymId).toBe(cut?.receipt.pseudonymId);
    expect(w.register.records()[0]?.status).toBe('done');
    expect(await w.users.get(T, EMMA)).toBeNull();
    expect(await w.delegations.get(T, ids.cloakroom)).toBeNull();
  });

  it('is carried on in the background once its record has not moved for a while', async () => {
    const w = await world();
    const remove = w.users.remove.bind(w.users);
    let failing = true;
    w.users.remove = async (tenantId, userId) => {
      if (failing) {
        failing = false;
        throw new Error('storage went away');
      }
      return remove(tenantId, userId);
    };
    await expect(erasePerson(w.deps, actor(ids.admin), EMMA)).rejects.toThrow('storage went away');
    expect(await resumeErasures(w.deps)).toBe(0);
    w.clock.advance(RESUME_AFTER_MS + 1);
    expect(await resumeErasures(w.deps)).toBe(1);
    expect(w.register.records()[0]?.status).toBe('done');
    expect(await w.users.get(T, EMMA)).toBeNull();
    expect(await resumeErasures(w.deps)).toBe(0);
  });

  it('keeps a story published between the survey and its deletion, and says so', async () => {
    const w = await world();
    const put = w.register.put.bind(w.register);
    w.register.put = async (record, etag) => {
      const written = await put(record, etag);
      // The approval races the erasure: it lands right after the receipt was first written.
      if (etag === null) await decideStory(w.deps, actor(ids.manager), w.s.s1, 'approve');
      return written;
    };
    const receipt = await erasePerson(w.deps, actor(ids.admin), EMMA);
    expect(receipt.erased.storiesDeleted.ids).toEqual([]);
    expect([...receipt.erased.storiesPseudonymised.ids].sort()).toEqual([w.s.s1, w.s.s2].sort());
    expect(await w.story(w.s.s1)).toMatchObject({
      status: 'published',
      authorName: ERASED_NAME,
    });
  });

  it('lets only admins erase someone else; anyone may erase themselves', async () => {
    const w = await world();
    expect(await errorOf(erasePerson(w.deps, actor(ids.driver), EMMA))).toMatchObject({
      code: 'forbidden',
    });
    expect(w.register.records()).toEqual([]);
    const receipt = await erasePerson(w.deps, actor(EMMA), EMMA);
    // Who asked is the pseudonym: the receipt names her once, as the one erased.
    expect(receipt.requestedBy).toBe(receipt.pseudonymId);
    expect(await w.users.get(T, EMMA)).toBeNull();
  });

  it('refuses a pseudonym or the app itself', async () => {
    const w = await world();
    for (const id of ['erased-1234', 'story-wall']) {
      expect(await errorOf(erasePerson(w.deps, actor(ids.admin), id))).toMatchObject({
        code: 'validation',
      });
    }
  });
});

describe('the person index', () => {
  it('records those a change brings in: featured, asked, voters and others who acted', async () => {
    const w = await world();
    const involvements = async (personId: string, storyId: string) =>
      (await w.personIndex.list(T, personId)).find((row) => row.storyId === storyId)
        ?.involvements ?? [];
    expect(await involvements(ids.driver, w.s.s1)).toEqual(['featured']);
    expect(await involvements(ids.manager, w.s.s1)).toEqual(['asked']);
    expect(await involvements(EMMA, w.s.s3)).toEqual(['voted']);
    expect(await involvements(EMMA, w.s.s4)).toEqual(['featured']);
    expect(await involvements(EMMA, w.s.s5)).toEqual(['asked']);
    expect(await involvements(ids.admin, w.s.s5)).toEqual(['acted']);
    // The author needs no row: her stories are in her own list.
    expect(await involvements(EMMA, w.s.s1)).toEqual([]);
  });
});

describe('exportPersonalData', () => {
  it('holds each kind of her data before the erasure, and nothing after it', async () => {
    const w = await world();
    const data = await exportPersonalData(w.deps, actor(EMMA), EMMA);
    expect(data.profile).toMatchObject({ id: EMMA, displayName: EMMA_NAME });
    expect(data.botConversation).toBe(true);
    expect(data.stories.map((s) => s.story.id).sort()).toEqual([w.s.s1, w.s.s2].sort());
    expect(data.stories.find((s) => s.story.id === w.s.s2)?.history.map((e) => e.action)).toEqual(
      expect.arrayContaining(['submitted', 'approved']),
    );
    expect(data.votes.map((v) => v.story.id).sort()).toEqual([w.s.s3, w.s.s6].sort());
    expect(data.featuredIn.map((s) => s.id)).toEqual([w.s.s4]);
    expect(data.routedTo.map((s) => s.id)).toEqual([w.s.s5]);
    expect(data.delegations.map((d) => d.userId).sort()).toEqual([EMMA, ids.cloakroom].sort());
    expect(data.roleGrants).toEqual([{ role: 'approver', kind: 'person', id: EMMA }]);

    await erasePerson(w.deps, actor(ids.admin), EMMA);
    const after = await exportPersonalData(w.deps, actor(ids.admin), EMMA);
    expect(after).toMatchObject({
      profile: null,
      botConversation: false,
      stories: [],
      votes: [],
      featuredIn: [],
      routedTo: [],
      actedOn: [],
      delegations: [],
      roleGrants: [],
    });
  });

  it('is for the person themselves and admins only', async () => {
    const w = await world();
    expect(await errorOf(exportPersonalData(w.deps, actor(ids.driver), EMMA))).toMatchObject({
      code: 'forbidden',
    });
    expect((await exportPersonalData(w.deps, actor(ids.admin), EMMA)).profile?.id).toBe(EMMA);
  });
});

describe('purgeStoryHandler', () => {
  it('purges an erased story only once its cards are deleted, and never a story that exists', async () => {
    const w = await world();
    const purge = purgeStoryHandler({
      stories: w.stories,
      personalData: w.stories,
      postedCards: w.postedCards,
    });
    const message = (storyId: string) => ({
      ...w.stories.outboxOf(ref(storyId))[0]!,
      ref: ref(storyId),
    });
    // A story that exists keeps its rows.
    await purge(message(w.s.s2));
    expect(await w.story(w.s.s2)).not.toBeNull();

    await erasePerson(w.deps, actor(ids.admin), EMMA);
    const queued = message(w.s.s1);
    await expect(purge(queued)).rejects.toThrow(/posted cards/);
    expect(await w.stories.auditRows(ref(w.s.s1))).not.toEqual([]);
    await w.postedCards.remove(ref(w.s.s1), 'card-s1-mikko');
    await purge(queued);
    expect(await w.stories.auditRows(ref(w.s.s1))).toEqual([]);
    expect(w.stories.outboxOf(ref(w.s.s1))).toEqual([]);
  });
});

describe('the pure rules', () => {
  it('scrubEvent replaces the actor and their names in the facts, and keeps what they wrote', () => {
    const event: AuditEvent = {
      id: 'e1',
      at: new Date(0),
      actorId: EMMA,
      actorName: EMMA_NAME,
      action: 'approved',
      surface: 'card',
      comment: 'Lovely story',
      detail: { approvers: [EMMA_NAME, 'Mikko Manager'], to: EMMA_NAME, stage: 1 },
    };
    const scrubbed = scrubEvent(event, EMMA, 'erased-x', new Set([EMMA_NAME]));
    expect(scrubbed).toEqual({
      ...event,
      actorId: 'erased-x',
      actorName: ERASED_NAME,
      detail: { approvers: [ERASED_NAME, 'Mikko Manager'], to: ERASED_NAME, stage: 1 },
    });
    const other = { ...event, actorId: ids.manager, actorName: 'Mikko Manager', detail: {} };
    expect(scrubEvent(other, EMMA, 'erased-x', new Set([EMMA_NAME]))).toBe(other);
  });

  it('settingsWithout keeps the document valid when the fallback named only them', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      version: 3,
      approval: {
        ...DEFAULT_SETTINGS.approval,
        stages: [
          {
            approvers: { kind: 'people' as const, ids: [EMMA, ids.manager] },
            mode: 'all' as const,
          },
        ],
        fallback: { kind: 'people' as const, ids: [EMMA] },
      },
    };
    const next = settingsWithout(settings, EMMA, 'erased-x');
    expect(next?.approval.stages[0]?.approvers).toEqual({ kind: 'people', ids: [ids.manager] });
    expect(next?.approval.fallback).toEqual(DEFAULT_SETTINGS.approval.fallback);
    expect(settingsWithout(DEFAULT_SETTINGS, EMMA, 'erased-x')).toBeNull();
  });
});

describe('the last admin', () => {
  async function tenantWithAdmins(
    adminIds: readonly string[],
    configAdmins: readonly string[] = [],
  ) {
    const ctx = buildStoryDeps(demoUsers(), { configAdmins });
    const held = (await ctx.settings.getTenantSettings(T))!;
    await ctx.settings.putTenantSettings(
      T,
      {
        ...held.value,
        roles: [
          ...held.value.roles.filter((grant) => grant.role !== 'admin'),
          ...adminIds.map((id) => ({ role: 'admin' as const, kind: 'person' as const, id })),
        ],
      },
      held.etag,
    );
    const deps: ErasureDeps = {
      ...ctx.deps,
      personalData: ctx.stories,
      register: fakeErasureRegister(),
      postedCards: fakePostedCards(),
      conversations: fakeConversations(),
      awards: fakeAwards(),
    };
    return deps;
  }

  it('is not erased while holding the only admin grant: someone else is given the role first', async () => {
    const deps = await tenantWithAdmins([ids.admin]);
    expect(await errorOf(erasePerson(deps, actor(ids.admin), ids.admin))).toMatchObject({
      code: 'conflict',
      details: { field: 'roles' },
    });
    expect(await deps.users.get(T, ids.admin)).not.toBeNull();
  });

  it('is erased when another admin grant remains, or an admin is named in configuration', async () => {
    const two = await tenantWithAdmins([ids.admin, ids.editor]);
    await expect(erasePerson(two, actor(ids.admin), ids.admin)).resolves.toMatchObject({
      personId: ids.admin,
    });
    const configured = await tenantWithAdmins([ids.admin], ['someone-configured']);
    await expect(erasePerson(configured, actor(ids.admin), ids.admin)).resolves.toMatchObject({
      personId: ids.admin,
    });
  });
});

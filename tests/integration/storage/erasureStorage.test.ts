import { describe, expect, it } from 'vitest';
import {
  DomainError,
  ERASURE_KINDS,
  type ErasureRecord,
  type StoryChange,
} from '../../../src/domain/index.js';
import { useTestStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

/**
 * The storage of erasure and export (journey 12) against Azurite: the person index, what erasure
 * needs of the story partitions, the removals, and the erasure register.
 */

const T0 = new Date('2026-11-02T09:00:00.123Z');
const tenantId = 'tenant-erasure';
const storage = useTestStorage();
let n = 0;

function freshStory(overrides: Parameters<typeof buildStory>[0] = {}) {
  return buildStory({ tenantId, id: `er-${++n}`, createdAt: T0, updatedAt: T0, ...overrides });
}

function create(story = freshStory(), actorId = story.authorId): StoryChange {
  return {
    story,
    expectedEtag: null,
    audit: [
      {
        id: `audit-${story.id}`,
        at: T0,
        actorId,
        actorName: 'Someone',
        action: 'submitted',
        surface: 'tab',
        detail: { approvers: ['Mikko Manager'] },
      },
    ],
    outbox: [{ id: `out-${story.id}`, kind: 'story.project', createdAt: T0, payload: {} }],
  };
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

/** A published story with one vote of `voterId`, committed as `voteStory` commits it. */
async function votedStory(voterId: string, tenant = tenantId) {
  const story = freshStory({ tenantId: tenant, status: 'published', publishedAt: T0 });
  const saved = await storage.stories.commit(create(story));
  const voted = await storage.stories.commit({
    story: { ...story, voteCount: 1, revision: story.revision + 1 },
    expectedEtag: saved.etag,
    audit: [],
    outbox: [],
    reaction: { kind: 'vote', personId: voterId, at: T0 },
  });
  return { story: voted.value, etag: voted.etag, ref: { tenantId: tenant, storyId: story.id } };
}

describe('TablePersonIndex', () => {
  it('merges what is recorded per story, lists a person’s stories, and drops them all', async () => {
    await storage.personIndex.add(tenantId, 'p-1', 's-a', ['voted']);
    await storage.personIndex.add(tenantId, 'p-1', 's-a', ['featured']);
    await storage.personIndex.add(tenantId, 'p-1', 's-b', ['asked', 'acted']);
    await storage.personIndex.add(tenantId, 'p-2', 's-a', ['voted']);
    await storage.personIndex.add('other-tenant', 'p-1', 's-c', ['voted']);
    const listed = await storage.personIndex.list(tenantId, 'p-1');
    expect(listed.sort((a, b) => a.storyId.localeCompare(b.storyId))).toEqual([
      { storyId: 's-a', involvements: ['voted', 'featured'] },
      { storyId: 's-b', involvements: ['asked', 'acted'] },
    ]);
    expect(await storage.personIndex.list(tenantId, 'p-1', ['voted', 'learned'])).toEqual([
      { storyId: 's-a', involvements: ['voted', 'featured'] },
    ]);
    expect(await storage.personIndex.list(tenantId, 'p-1', [])).toEqual([]);
    await storage.personIndex.drop(tenantId, 'p-1');
    expect(await storage.personIndex.list(tenantId, 'p-1')).toEqual([]);
    expect(await storage.personIndex.list(tenantId, 'p-2')).toHaveLength(1);
    expect(await storage.personIndex.list('other-tenant', 'p-1')).toHaveLength(1);
    await storage.personIndex.drop(tenantId, 'p-1');
    await expectCode(storage.personIndex.add(tenantId, 'a|b', 's', ['voted']), 'validation');
  });
});

describe('TableStoryPersonalData', () => {
  it('reads a vote and takes it back with the count, in one transaction', async () => {
    const { story, etag, ref } = await votedStory('voter-1');
    expect(await storage.stories.reactionOf(ref, 'vote', 'voter-1')).toEqual({
      kind: 'vote',
      personId: 'voter-1',
      at: T0,
    });
    expect(await storage.stories.reactionOf(ref, 'vote', 'voter-2')).toBeNull();
    const change: StoryChange = {
      story: { ...story, voteCount: 0, revision: story.revision + 1 },
      expectedEtag: etag,
      audit: [],
      outbox: [
        { id: `out-retract-${story.id}`, kind: 'story.project', createdAt: T0, payload: {} },
      ],
      takeBack: { kind: 'vote', personId: 'voter-1' },
    };
    // A stale ETag changes nothing: the vote row and the count stay together.
    await expectCode(
      storage.stories.commit({ ...change, expectedEtag: 'W/"datetime\'2000\'"' }),
      'conflict',
    );
    expect(await storage.stories.reactionOf(ref, 'vote', 'voter-1')).not.toBeNull();
    const saved = await storage.stories.commit(change);
    expect(saved.value.voteCount).toBe(0);
    expect((await storage.stories.get(ref))?.etag).toBe(saved.etag);
    expect(await storage.stories.reactionOf(ref, 'vote', 'voter-1')).toBeNull();
    // Taken back already: the row is gone, so the transaction (count included) fails.
    await expectCode(
      storage.stories.commit({
        ...change,
        story: { ...saved.value, voteCount: -1, revision: saved.value.revision + 1 },
        expectedEtag: saved.etag,
      }),
      'conflict',
    );
    expect((await storage.stories.get(ref))?.value.voteCount).toBe(0);
  });

  it('deletes a story on its ETag with its outbox rows; the story is not found from then on', async () => {
    const story = freshStory();
    const ref = { tenantId, storyId: story.id };
    const saved = await storage.stories.commit(create(story));
    const outbox = [
      { id: `del-${story.id}-1`, kind: 'cards.delete' as const, createdAt: T0, payload: {} },
      { id: `del-${story.id}-2`, kind: 'story.purge' as const, createdAt: T0, payload: {} },
    ];
    await expectCode(storage.personalData.deleteStory(ref, 'W/"stale"', outbox), 'conflict');
    expect(await storage.stories.get(ref)).not.toBeNull();

    await storage.personalData.deleteStory(ref, saved.etag, outbox);
    expect(await storage.stories.get(ref)).toBeNull();
    const pending = await storage.outbox.pending(ref, new Date(T0.getTime() + 1));
    const queued = pending.map((m) => m.kind);
    expect(queued.sort()).toEqual(['cards.delete', 'story.project', 'story.purge']);
    // Its cards are deleted before its rows are purged.
    const order = pending.map((m) => m.kind).filter((kind) => kind !== 'story.project');
    expect(order).toEqual(['cards.delete', 'story.purge']);
    // A writer that read the story before cannot bring it back.
    await expectCode(
      storage.stories.commit({
        ...create(story),
        expectedEtag: saved.etag,
        story: { ...story, revision: 2 },
      }),
      'conflict',
    );
    // Deleting again is a lost race: there is no story to delete.
    await expectCode(storage.personalData.deleteStory(ref, saved.etag, outbox), 'conflict');
  });

  it('replaces history events in place, keeping their order, and skips one that is gone', async () => {
    const story = freshStory();
    const ref = { tenantId, storyId: story.id };
    const saved = await storage.stories.commit(create(story, 'person-h'));
    const later = new Date(T0.getTime() + 1000);
    await storage.stories.commit({
      story: { ...story, revision: 2 },
      expectedEtag: saved.etag,
      audit: [
        {
          id: `a2-${story.id}`,
          at: later,
          actorId: 'boss',
          actorName: 'Boss',
          action: 'approved',
          surface: 'card',
          comment: 'Nice',
        },
      ],
      outbox: [],
    });
    const rows = await storage.personalData.auditRows(ref);
    expect(rows.map((r) => r.event.actorId)).toEqual(['person-h', 'boss']);
    const first = rows[0]!;
    await storage.personalData.replaceAudit(ref, [
      {
        key: first.key,
        event: {
          ...first.event,
          actorId: 'erased-1',
          actorName: 'A former colleague',
          detail: { approvers: ['A former colleague'] },
        },
      },
      { key: 'audit|0000000000000|00|gone', event: first.event },
    ]);
    const history = await storage.stories.audit(ref);
    expect(history.map((e) => [e.actorId, e.actorName])).toEqual([
      ['erased-1', 'A former colleague'],
      ['boss', 'Boss'],
    ]);
    expect(history[0]?.detail).toEqual({ approvers: ['A former colleague'] });
    expect(history[1]?.comment).toBe('Nice');
    expect(await storage.personalData.auditRows(ref)).toHaveLength(2);
    await expectCode(
      storage.personalData.replaceAudit(ref, [{ key: 'story', event: first.event }]),
      'validation',
    );
  });

  it('purges every row left of a story: tombstone, history, votes, outbox and cards', async () => {
    const { story, etag, ref } = await votedStory('voter-p');
    await storage.postedCards.add(ref, {
      activityId: '1:abc/def',
      reference: '{}',
      kind: 'channel',
      locale: 'en',
    });
    await storage.personalData.deleteStory(ref, etag, [
      { id: `purge-${story.id}`, kind: 'story.purge', createdAt: T0, payload: {} },
    ]);
    await storage.personalData.purge(ref);
    expect(await storage.stories.audit(ref)).toEqual([]);
    expect(await storage.stories.reactionOf(ref, 'vote', 'voter-p')).toBeNull();
    expect(await storage.postedCards.list(ref)).toEqual([]);
    expect(await storage.outbox.pending(ref, new Date('2100-01-01T00:00:00Z'))).toEqual([]);
    // Nothing left, not even the tombstone: a new story could take the id.
    await storage.stories.commit(create({ ...story, revision: 1 }));
    await storage.personalData.purge(ref);
    await storage.personalData.purge(ref);
    expect(await storage.stories.get(ref)).toBeNull();
  });

  it('finds votes and mentions from before the person index, in one tenant only', async () => {
    const person = 'legacy-person';
    const voted = await votedStory(person);
    const featuring = freshStory({ featured: [{ id: person, displayName: 'Legacy' }] });
    await storage.stories.commit(create(featuring));
    const acted = freshStory();
    await storage.stories.commit(create(acted, person));
    const decided = freshStory({ status: 'published', publishedAt: T0, decidedBy: person });
    await storage.stories.commit(create(decided));
    await storage.stories.commit(create(freshStory()));
    const elsewhere = await votedStory(person, 'tenant-erasure-other');

    const found = await storage.personalData.legacyInvolvement(tenantId, person, 10_000);
    expect(found.votes).toEqual([voted.story.id]);
    expect([...found.stories].sort()).toEqual([featuring.id, acted.id, decided.id].sort());
    expect(found.complete).toBe(true);
    expect(found.scanned).toBeGreaterThan(4);
    expect(found.votes).not.toContain(elsewhere.story.id);

    const bounded = await storage.personalData.legacyInvolvement(tenantId, person, 2);
    expect(bounded.complete).toBe(false);
  });
});

describe('removals', () => {
  it('forgets a person’s row, conversation and own list; absent is fine', async () => {
    await storage.users.upsert({ tenantId, id: 'gone-1', displayName: 'Gone', roles: [] });
    await storage.conversations.put(tenantId, 'gone-1', '{"x":1}');
    const told = freshStory({ authorId: 'gone-1' });
    await storage.authors.put(told);
    await storage.authors.put(freshStory({ authorId: 'stays-1' }));
    await storage.users.remove(tenantId, 'gone-1');
    await storage.conversations.remove(tenantId, 'gone-1');
    await storage.authors.forget(tenantId, 'gone-1');
    expect(await storage.users.get(tenantId, 'gone-1')).toBeNull();
    expect(await storage.conversations.get(tenantId, 'gone-1')).toBeNull();
    expect((await storage.authors.list(tenantId, 'gone-1', { limit: 10 })).items).toEqual([]);
    expect((await storage.authors.list(tenantId, 'stays-1', { limit: 10 })).items).toHaveLength(1);
    await storage.users.remove(tenantId, 'gone-1');
    await storage.conversations.remove(tenantId, 'gone-1');
    await storage.authors.forget(tenantId, 'gone-1');
  });
});

describe('TableErasureRegister', () => {
  const erased = Object.fromEntries(
    ERASURE_KINDS.map((kind) => [kind, { count: 0, ids: [] as string[] }]),
  ) as unknown as ErasureRecord['receipt']['erased'];
  const record = (personId: string, overrides: Partial<ErasureRecord> = {}): ErasureRecord => ({
    tenantId,
    status: 'running',
    updatedAt: T0,
    receipt: {
      personId,
      pseudonymId: `erased-${personId}`,
      requestedBy: 'admin-1',
      requestedAt: T0,
      erased: { ...erased, votes: { count: 2, ids: ['s1', 's2'] } },
      legacySearch: { scanned: 12, complete: true },
    },
    ...overrides,
  });

  it('creates a record once, replaces it on its ETag, and reads it back whole', async () => {
    const first = record('reg-1');
    const etag = await storage.register.put(first, null);
    await expectCode(storage.register.put(first, null), 'conflict');
    expect(await storage.register.get(tenantId, 'reg-1')).toEqual({ value: first, etag });
    const done = record('reg-1', {
      status: 'done',
      receipt: { ...first.receipt, completedAt: new Date(T0.getTime() + 5000) },
    });
    const next = await storage.register.put(done, etag);
    await expectCode(storage.register.put(first, etag), 'conflict');
    expect(await storage.register.get(tenantId, 'reg-1')).toEqual({ value: done, etag: next });
    expect(await storage.register.get(tenantId, 'nobody')).toBeNull();
  });

  it('lists unfinished records that have not moved since a time, of any tenant', async () => {
    const stale = record('reg-stale', { updatedAt: new Date(T0.getTime() - 60_000) });
    const fresh = record('reg-fresh', { updatedAt: new Date(T0.getTime() + 60_000) });
    const finished = record('reg-done', { status: 'done', updatedAt: new Date(0) });
    const otherTenant = {
      ...record('reg-other'),
      tenantId: 'tenant-erasure-2',
      updatedAt: new Date(1000),
    };
    for (const r of [stale, fresh, finished, otherTenant]) await storage.register.put(r, null);
    const found = await storage.register.unfinished(T0, 10);
    const names = found.map((r) => `${r.tenantId}/${r.receipt.personId}`);
    expect(names).toContain(`${tenantId}/reg-stale`);
    expect(names).toContain('tenant-erasure-2/reg-other');
    expect(names).not.toContain(`${tenantId}/reg-fresh`);
    expect(names).not.toContain(`${tenantId}/reg-done`);
    expect(await storage.register.unfinished(T0, 1)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  ALL_PENDING_QUEUE,
  backoffMs,
  createInlineProjections,
  createOutboxRelay,
  projectStoryHandler,
  syncProjections,
  trySyncProjections,
  type ApprovalQueue,
  type Clock,
  type StoryDeps,
  type Story,
  type StoryStatus,
  type WallWriteHint,
} from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { voteStory } from '../../../src/domain/useCases/voteStory.js';
import { withdrawStory } from '../../../src/domain/useCases/withdrawStory.js';
import {
  buildStoryDeps,
  fakeApprovals,
  fakeClosed,
  fakeFeaturedPeople,
  fakeDue,
  fakeAuthors,
  fakeProjections,
  type fakeStories,
  fakeWall,
  silentLogger,
} from '../../support/fakes.js';
import {
  buildActor,
  buildStory,
  buildStoryDraft,
  recordingLogger,
} from '../../support/factories.js';
import { everyKind } from '../../support/outboxHandlers.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string) => buildActor(people.find((p) => p.id === id)!);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);
const T1 = new Date('2026-11-03T10:00:00Z');

/**
 * A fake that can be switched off: every port method fails while `down` is true. The fake's own
 * inspection helper (`entries`) keeps working, so tests can look at what was written.
 */
function switchable<T extends object>(target: T): T & { down: boolean } {
  const state = { down: false };
  const wrapped = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    wrapped[name] =
      typeof value === 'function' && name !== 'entries'
        ? (...args: unknown[]) =>
            state.down
              ? Promise.reject(new Error(`${name}: storage unavailable`))
              : (value as (...a: unknown[]) => unknown)(...args)
        : value;
  }
  return Object.defineProperty(wrapped, 'down', {
    get: () => state.down,
    set: (v: boolean) => {
      state.down = v;
    },
  }) as T & { down: boolean };
}

async function contents(wall: ReturnType<typeof fakeWall>, approvals: ApprovalQueue) {
  return {
    wall: wall.entries().map((s) => s.id),
    queue: (await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).map((s) => s.id),
  };
}

const projections = () => fakeProjections();

describe('syncProjections', () => {
  it.each<[string, { status: StoryStatus; publishedAt?: Date }, string[], string[]]>([
    ['pending', { status: 'pending' }, [], ['story-0001']],
    ['published', { status: 'published', publishedAt: T1 }, ['story-0001'], []],
    ['changes_requested', { status: 'changes_requested' }, [], []],
    ['rejected', { status: 'rejected' }, [], []],
    ['withdrawn', { status: 'withdrawn' }, [], []],
    ['archived', { status: 'archived', publishedAt: T1 }, [], []],
  ])('puts a %s story where it belongs', async (_, fields, wallIds, queueIds) => {
    const { wall, approvals, authors, moderation } = projections();
    // Start from a stale state (an older revision), as after a lost update: in the queue, and on
    // the wall if the story was ever published (a story that never was cannot be on the wall).
    await approvals.put(buildStory({ revision: 1 }), ids.manager);
    if (fields.status === 'archived') {
      await wall.upsert(buildStory({ status: 'published', publishedAt: T1, revision: 1 }));
    }
    const story = buildStory({ ...fields, revision: 2 });
    await syncProjections(
      {
        wall,
        approvals,
        authors,
        moderation,
        due: fakeDue(),
        closed: fakeClosed(),
        featuredPeople: fakeFeaturedPeople(),
      },
      story,
    );
    expect(await contents(wall, approvals)).toEqual({ wall: wallIds, queue: queueIds });
    // The author's own list holds the story in every status.
    expect(authors.entries()).toEqual([story]);
  });

  it('tells the wall a story this change published is new there, and no other', async () => {
    const deps = projections();
    const hints: unknown[] = [];
    const wall = {
      ...deps.wall,
      upsert: (story: Story, hint?: WallWriteHint) => {
        hints.push(hint);
        return deps.wall.upsert(story);
      },
    };
    const pending = buildStory({ status: 'pending', revision: 1 });
    const published = { ...pending, status: 'published' as const, publishedAt: T1, revision: 2 };
    const voted = { ...published, voteCount: 1, revision: 3 };
    // The approval (before: pending), a vote (before: published), a repair (before unknown).
    await syncProjections({ ...deps, wall }, published, pending);
    await syncProjections({ ...deps, wall }, voted, published);
    await syncProjections({ ...deps, wall }, voted);
    expect(hints).toEqual([{ newOnWall: true }, undefined, undefined]);
  });

  it('is idempotent', async () => {
    const deps = projections();
    const story = buildStory({ status: 'published', publishedAt: T1, voteCount: 3 });
    await syncProjections(deps, story);
    await syncProjections(deps, story);
    expect(deps.wall.entries()).toEqual([story]);
    expect(deps.authors.entries()).toEqual([story]);
  });

  it('keeps the newer snapshot on the wall when an older one arrives late', async () => {
    const deps = projections();
    const { wall, authors } = deps;
    const newer = buildStory({ status: 'published', publishedAt: T1, voteCount: 2, revision: 4 });
    await syncProjections(deps, newer);
    await syncProjections(deps, { ...newer, voteCount: 1, revision: 3 });
    expect(wall.entries()).toEqual([newer]);
    expect(authors.entries()).toEqual([newer]);
    // The same revision again is the same snapshot: nothing to write.
    await syncProjections(deps, { ...newer, voteCount: 99 });
    expect(wall.entries()).toEqual([newer]);
    expect(authors.entries()).toEqual([newer]);
  });

  it('keeps a resubmitted story in the queue when an older removal arrives late', async () => {
    const deps = projections();
    const resubmitted = buildStory({ status: 'pending', revision: 3 });
    await syncProjections(deps, resubmitted);
    await syncProjections(deps, buildStory({ status: 'changes_requested', revision: 2 }));
    expect(await contents(deps.wall, deps.approvals)).toEqual({
      wall: [],
      queue: [resubmitted.id],
    });
    expect(deps.authors.entries()).toEqual([resubmitted]);
  });

  it('trySyncProjections logs a failure instead of throwing, and says it failed', async () => {
    const wall = switchable(fakeWall());
    wall.down = true;
    const logger = recordingLogger();
    const story = buildStory({ status: 'published', publishedAt: T1 });
    await expect(trySyncProjections({ ...projections(), wall, logger }, story)).resolves.toBe(
      false,
    );
    expect(logger.entries).toMatchObject([
      { level: 'warn', context: { tenantId: story.tenantId, storyId: story.id } },
    ]);
  });

  it('syncProjections itself reports the failure', async () => {
    const wall = switchable(fakeWall());
    wall.down = true;
    const story = buildStory({ status: 'published', publishedAt: T1 });
    await expect(syncProjections({ ...projections(), wall }, story)).rejects.toThrow(
      'storage unavailable',
    );
  });
});

describe('projection failures in the use cases', () => {
  function setup() {
    const wall = switchable(fakeWall());
    const approvals = switchable(fakeApprovals());
    const authors = switchable(fakeAuthors());
    const logger = recordingLogger();
    const ctx = buildStoryDeps(people, { wall, approvals, authors, logger });
    return { ...ctx, wall, approvals, authors, logger };
  }

  it('submit succeeds when the approval queue is down, logs it, and is repaired later', async () => {
    const { deps, stories, approvals, logger, committed } = setup();
    approvals.down = true;
    const story = await submitStory(deps, employee, buildStoryDraft());

    expect(story.status).toBe('pending');
    expect(stories.all()).toEqual([story]);
    expect(committed).toHaveLength(1);
    expect(logger.entries).toMatchObject([{ level: 'warn', context: { storyId: story.id } }]);

    approvals.down = false;
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    await syncProjections(deps, story);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([story]);
  });

  it('submit does not need the wall', async () => {
    const { deps, wall, logger } = setup();
    wall.down = true;
    const story = await submitStory(deps, employee, buildStoryDraft());
    expect(story.status).toBe('pending');
    expect(logger.entries).toEqual([]);
  });

  it('approve succeeds when the wall is down, logs it, and is repaired later', async () => {
    const { deps, wall, approvals, logger, stories, committed } = setup();
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    wall.down = true;
    const published = await decideStory(deps, manager, submitted.id, 'approve');

    expect(published.status).toBe('published');
    expect(stories.all()).toEqual([published]);
    expect(committed).toHaveLength(2);
    expect(logger.entries).toMatchObject([{ level: 'warn', context: { storyId: published.id } }]);
    // The queue was still updated; only the wall is behind.
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);

    wall.down = false;
    expect(wall.entries()).toEqual([]);
    await syncProjections(deps, published);
    expect(wall.entries()).toEqual([published]);
  });

  it('a withdrawal succeeds when the author index is down, and is repaired later', async () => {
    const { deps, authors, approvals, logger, stories, clock } = setup();
    const relay = relayFor(deps, stories, clock);
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    await relay.sweep();
    authors.down = true;
    const withdrawn = await withdrawStory(deps, employee, submitted.id);
    expect(withdrawn.status).toBe('withdrawn');
    expect(logger.entries).toMatchObject([{ level: 'warn', context: { storyId: submitted.id } }]);
    // The queue was still updated; only the author's list is behind.
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
    expect(authors.entries()).toEqual([submitted]);

    authors.down = false;
    clock.advance(backoffMs(0));
    await relay.sweep();
    expect(authors.entries()).toEqual([withdrawn]);
  });

  it('the story.project outbox message repairs it through the relay', async () => {
    const { deps, wall, stories, clock } = setup();
    const relay = relayFor(deps, stories, clock);
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    await relay.sweep();
    wall.down = true;
    const published = await decideStory(deps, manager, submitted.id, 'approve');
    await relay.sweep(); // the wall is still down: the message stays for a retry
    expect(wall.entries()).toEqual([]);

    wall.down = false;
    clock.advance(backoffMs(0));
    await relay.sweep();
    expect(wall.entries()).toEqual([published]);
    expect(stories.outboxOf({ tenantId: DEMO_TENANT_ID, storyId: published.id })).toEqual([]);
  });
});

describe('projection ordering under concurrent votes', () => {
  // Each vote writes its own snapshot of the story to the wall inline, *after* its commit. If
  // vote A's inline write (count 1) is slow and vote B commits (count 2), syncs, and the relay
  // runs both story.project messages (re-reading count 2) before A's write lands, A's stale
  // snapshot arrives last and no outbox message is left to repair it. Projections are therefore
  // ordered by the story's revision: the wall ignores a snapshot older than the one it holds.
  it('a slow inline projection does not leave the wall behind the story', async () => {
    const base = fakeWall();
    let release: (() => void) | undefined;
    const wall: typeof base = {
      ...base,
      async upsert(story) {
        if (story.voteCount === 1) await new Promise<void>((resolve) => (release = resolve));
        return base.upsert(story);
      },
    };
    const ctx = buildStoryDeps(people, { wall });
    const { deps, stories, clock } = ctx;
    const relay = relayFor(deps, stories, clock);
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    await decideStory(deps, manager, submitted.id, 'approve');
    await relay.sweep();

    const voteA = voteStory(deps, actorOf(ids.service), submitted.id);
    await until(() => release !== undefined); // A committed; its wall write is in flight
    await voteStory(deps, actorOf(ids.cloakroom), submitted.id);
    await relay.relay({ tenantId: DEMO_TENANT_ID, storyId: submitted.id });
    release!();
    await voteA;
    await relay.sweep();

    const stored = await stories.get({ tenantId: DEMO_TENANT_ID, storyId: submitted.id });
    expect(stored?.value.voteCount).toBe(2);
    expect(base.entries()[0]?.voteCount).toBe(stored?.value.voteCount);
    expect(base.entries()).toEqual([stored?.value]);
  });
});

/** A relay whose story.project handler does what the real one does: re-read, then sync. */
function relayFor(deps: StoryDeps, stories: ReturnType<typeof fakeStories>, clock: Clock) {
  const noop = async () => {};
  return createOutboxRelay({
    outbox: stories,
    clock,
    logger: silentLogger,
    handlers: everyKind(noop, {
      'story.project': async (m) => {
        const current = await stories.get(m.ref);
        if (current) await syncProjections(deps, current.value);
      },
    }),
  });
}

/** Lets pending promise callbacks run until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await Promise.resolve();
  if (!condition()) throw new Error('condition never held');
}

describe('the featured people index', () => {
  /** The featured-people fake, with every `markFeatured` call recorded. */
  function counted() {
    const inner = fakeFeaturedPeople();
    const marked: string[][] = [];
    const featuredPeople = {
      ...inner,
      markFeatured: (tenantId: string, personIds: readonly string[]) => {
        marked.push([...personIds]);
        return inner.markFeatured(tenantId, personIds);
      },
    };
    return { featuredPeople, marked, inner };
  }

  it('is written when a story is published, not again when it is voted for', async () => {
    const { featuredPeople, marked, inner } = counted();
    const { deps } = buildStoryDeps(people, { featuredPeople });
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    await decideStory(deps, manager, submitted.id, 'approve');
    expect(marked).toEqual([[ids.driver]]);

    // The projections follow every vote (the count is on the wall); who is featured did not change.
    await voteStory(deps, manager, submitted.id);
    expect(marked).toEqual([[ids.driver]]);
    expect([...inner.entries(DEMO_TENANT_ID).keys()]).toEqual([ids.driver]);
  });

  it('is written again by a repair, which does not know what changed', async () => {
    const { featuredPeople, marked } = counted();
    const { deps } = buildStoryDeps(people, { featuredPeople });
    const story = buildStory({ status: 'published', publishedAt: T1 });
    await syncProjections(deps, story);
    await syncProjections(deps, story);
    expect(marked).toEqual([[ids.driver], [ids.driver]]);
  });
});

describe('the approval queues after a change that keeps them as they were', () => {
  /** The approval-queue fake, with every `remove` recorded as `approverId`. */
  function counted() {
    const inner = fakeApprovals();
    const removed: string[] = [];
    const approvals: ApprovalQueue = {
      ...inner,
      remove: (story, approverId) => {
        removed.push(approverId);
        return inner.remove(story, approverId);
      },
    };
    return { approvals, removed };
  }

  it('leaves the queues alone when a vote re-projects a published story', async () => {
    const { approvals, removed } = counted();
    const { deps } = buildStoryDeps(people, { approvals });
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    await decideStory(deps, manager, submitted.id, 'approve');
    // Publishing takes the story out of the manager's queue and the queue of every pending story.
    expect(removed.sort()).toEqual([ALL_PENDING_QUEUE, ids.manager].sort());

    removed.length = 0;
    await voteStory(deps, actorOf(ids.admin), submitted.id);
    expect(removed).toEqual([]);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
  });

  it('a repair, which does not know the story before, still removes it from every queue', async () => {
    const { approvals, removed } = counted();
    const { deps } = buildStoryDeps(people, { approvals });
    const pending = buildStory({ status: 'pending' });
    await syncProjections(deps, pending);
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toHaveLength(1);

    const published = { ...pending, status: 'published' as const, publishedAt: T1, revision: 2 };
    // Given a `before` that was published too, the inline run would skip the queues; a repair
    // passes none and takes the story out of them.
    await syncProjections(deps, published);
    expect(removed.sort()).toEqual([ALL_PENDING_QUEUE, ids.manager].sort());
    expect(await approvals.list(DEMO_TENANT_ID, ids.manager, 10)).toEqual([]);
  });
});

describe('the story.project message after an inline projection', () => {
  function setup() {
    const wall = switchable(fakeWall());
    const inlineProjections = createInlineProjections();
    const ctx = buildStoryDeps(people, { wall, inlineProjections });
    let reads = 0;
    const stories = {
      ...ctx.stories,
      get: (ref: Parameters<typeof ctx.stories.get>[0]) => {
        reads++;
        return ctx.stories.get(ref);
      },
    };
    const relay = createOutboxRelay({
      outbox: ctx.stories,
      clock: ctx.clock,
      logger: silentLogger,
      handlers: everyKind(async () => {}, {
        'story.project': projectStoryHandler({ ...ctx.deps, stories }),
      }),
    });
    return { ...ctx, wall, relay, reads: () => reads };
  }

  it('completes without reading the story again when the inline run succeeded', async () => {
    const { deps, stories, relay, reads } = setup();
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    await decideStory(deps, manager, submitted.id, 'approve');
    await relay.sweep();

    expect(reads()).toBe(0);
    expect(await stories.pending({ tenantId: DEMO_TENANT_ID, storyId: submitted.id }, T1)).toEqual(
      [],
    );
  });

  it('still repairs a projection that failed inline', async () => {
    const { deps, wall, relay, reads } = setup();
    const submitted = await submitStory(deps, employee, buildStoryDraft());
    await relay.sweep();
    wall.down = true;
    const published = await decideStory(deps, manager, submitted.id, 'approve');
    expect(wall.entries()).toEqual([]);

    wall.down = false;
    await relay.sweep();
    expect(reads()).toBe(1);
    expect(wall.entries()).toEqual([published]);
  });
});

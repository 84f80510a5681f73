import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import {
  ALL_PENDING_QUEUE,
  DEFAULT_SETTINGS,
  createScheduler,
  isDomainError,
  waitingApprovers,
  type Actor,
  type ApprovalPolicy,
  type ApproverSpec,
  type AuditAction,
  type DomainErrorCode,
  type DueKind,
  type Role,
  type StageMode,
  type Story,
  type StoryStatus,
} from '../../../src/domain/index.js';
import { setDelegation, clearDelegation } from '../../../src/domain/useCases/delegations.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { reassignStory } from '../../../src/domain/useCases/reassignStory.js';
import { resubmitStory } from '../../../src/domain/useCases/resubmitStory.js';
import { runDueWork } from '../../../src/domain/useCases/runDueWork.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { withdrawStory } from '../../../src/domain/useCases/withdrawStory.js';
import { buildStoryDeps, fakeSettings, fakeUsers } from '../../support/fakes.js';
import { buildStoryDraft, buildUser, recordingLogger } from '../../support/factories.js';

/**
 * Model-based test of the approval workflow: random sequences of submissions, decisions,
 * reassignments, delegations, resubmissions, withdrawals and scheduler ticks, under random
 * policies, run against the real use cases on fakes and against a small reference model of the
 * rules (docs/PRODUCT.md, "Approval workflow"). After every step the two must agree, and the
 * invariants hold: a story is in the queues of exactly the people it waits for, is published only
 * when every stage was satisfied, is never decided twice, never goes to its author, and its
 * history is in time order.
 */

const TENANT = 'tenant-model';
const T0 = new Date('2026-11-02T09:00:00Z').getTime();
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const REMIND_MS = 2 * DAY;
const MAX_STORIES = 3;

const AUTHOR = 'a';
/** Who reports to whom, as the directory says. */
const MANAGER: Readonly<Record<string, string>> = {
  a: 'm1',
  p1: 'm1',
  p2: 'm1',
  p3: 'm1',
  m1: 'm2',
  e1: 'm2',
  e2: 'm2',
};
/** Everyone who can act, the author included; `x` has no part in any story. */
const POOL = ['a', 'm1', 'm2', 'p1', 'p2', 'p3', 'r1', 'e1', 'e2', 'ad', 'x'] as const;
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  g1: ['p1', 'p2', 'a'],
  editors: ['e1', 'e2'],
};
/** Rita approves by a grant to her, the editors' group edits, `ad` is the configured admin. */
const HOLDERS: Readonly<Record<'approver' | 'editor' | 'admin', readonly string[]>> = {
  approver: ['r1'],
  editor: GROUPS.editors ?? [],
  admin: ['ad'],
};
const ROLES: Readonly<Record<string, readonly Role[]>> = {
  r1: ['employee', 'approver'],
  e1: ['employee', 'editor'],
  e2: ['employee', 'editor'],
  ad: ['employee', 'admin'],
};

const actorOf = (userId: string): Actor => ({
  tenantId: TENANT,
  userId,
  displayName: `Person ${userId}`,
  roles: ROLES[userId] ?? ['employee'],
  surface: 'tab',
});
const isAdmin = (userId: string) => ROLES[userId]?.includes('admin') ?? false;
const isEditor = (userId: string) => ROLES[userId]?.includes('editor') ?? false;

// ---------------------------------------------------------------- the reference model

interface Slot {
  readonly userId: string;
  readonly approved: boolean;
  readonly onBehalfOf?: string;
}

interface StoryModel {
  status: StoryStatus;
  stage: number;
  mode: StageMode;
  slots: Slot[];
  asked: string[];
  startedAt: number;
  nudgedAt: number;
  reminders: number;
  decidedBy: string | undefined;
  /** The stages approved in the current round, in the order they were approved. */
  satisfied: number[];
  revision: number;
}

interface Delegation {
  readonly delegateId: string;
  readonly from: number;
  readonly until: number;
}

interface Model {
  now: number;
  readonly policy: ApprovalPolicy;
  readonly stories: StoryModel[];
  readonly delegations: Map<string, Delegation>;
}

interface Real {
  readonly ctx: ReturnType<typeof buildStoryDeps>;
  readonly ids: string[];
  readonly tick: () => Promise<number>;
  readonly errors: () => readonly unknown[];
}

const waitingOf = (s: StoryModel) => s.slots.filter((x) => !x.approved).map((x) => x.userId);
const withAsked = (asked: readonly string[], ids: readonly string[]) => [
  ...asked,
  ...ids.filter((id, i) => !asked.includes(id) && ids.indexOf(id) === i),
];

/** Each person, or their delegate while away (a short chain); never the author, each once. */
function standIns(m: Model, ids: readonly string[]): Slot[] {
  const slots: Slot[] = [];
  for (const id of ids) {
    let current = id;
    const seen = new Set([id]);
    for (let hop = 0; hop < 3; hop++) {
      const d = m.delegations.get(current);
      if (!d || m.now < d.from || m.now >= d.until) break;
      if (seen.has(d.delegateId) || d.delegateId === AUTHOR) break;
      seen.add(d.delegateId);
      current = d.delegateId;
    }
    if (current === AUTHOR || slots.some((s) => s.userId === current)) continue;
    slots.push({ userId: current, approved: false, ...(current !== id ? { onBehalfOf: id } : {}) });
  }
  return slots;
}

function named(spec: ApproverSpec): readonly string[] {
  switch (spec.kind) {
    case 'manager':
      return [MANAGER[AUTHOR] ?? ''];
    case 'people':
      return spec.ids;
    case 'group':
      return GROUPS[spec.groupId] ?? [];
    case 'role':
      return HOLDERS[spec.role];
  }
}

/** Routing of stage `index`: the stage's people, else the fallback role, else the admins. */
function route(m: Model, index: number): { slots: Slot[]; mode: StageMode } {
  const stage = m.policy.stages[index]!;
  const slots = standIns(m, named(stage.approvers));
  if (slots.length > 0) return { slots, mode: stage.mode };
  const fallback = standIns(m, HOLDERS.approver);
  return { slots: fallback.length > 0 ? fallback : standIns(m, HOLDERS.admin), mode: 'any' };
}

/** Escalation past each waiting approver; null when nobody is above them (a reminder instead). */
function escalate(m: Model, s: StoryModel): Slot[] | null {
  const waiting = s.slots.filter((x) => !x.approved);
  const next: Slot[] = [];
  for (const slot of waiting) {
    const past = (slots: Slot[]) => slots.filter((x) => x.userId !== slot.userId);
    const manager = MANAGER[slot.userId];
    let replacing = past(manager ? standIns(m, [manager]) : []);
    if (replacing.length === 0) {
      const others = (ids: readonly string[]) => ids.filter((id) => id !== slot.userId);
      const fallback = standIns(m, others(HOLDERS.approver));
      replacing = past(fallback.length > 0 ? fallback : standIns(m, others(HOLDERS.admin)));
    }
    if (replacing.length === 0) {
      if (!next.some((x) => x.userId === slot.userId)) next.push(slot);
      continue;
    }
    for (const p of replacing) {
      if (next.some((x) => x.userId === p.userId)) continue;
      next.push({ userId: p.userId, approved: false, onBehalfOf: slot.userId });
    }
  }
  return next.every((x) => waiting.some((w) => w.userId === x.userId)) ? null : next;
}

/** When the next nudge or expiry of a pending story is, and what it is (expiry wins a tie). */
function nextDueOf(m: Model, s: StoryModel): { kind: DueKind; at: number } {
  const { escalateAfterReminders: after, expireAfterMs } = m.policy;
  const nudge = {
    kind: after !== undefined && s.reminders >= after ? ('escalate' as const) : ('remind' as const),
    at: s.nudgedAt + REMIND_MS,
  };
  if (expireAfterMs === undefined) return nudge;
  const expire = { kind: 'expire' as const, at: s.startedAt + expireAfterMs };
  return nudge.at < expire.at ? nudge : expire;
}

/** What the scheduler must do at `now`: a story whose time ran out expires. */
function dueAt(m: Model, s: StoryModel): DueKind | null {
  const due = nextDueOf(m, s);
  if (due.at > m.now) return null;
  const { expireAfterMs } = m.policy;
  return expireAfterMs !== undefined && s.startedAt + expireAfterMs <= m.now ? 'expire' : due.kind;
}

function startRound(m: Model, asked: readonly string[]): Omit<StoryModel, 'status' | 'revision'> {
  const { slots, mode } = route(m, 0);
  return {
    stage: 0,
    mode,
    slots,
    asked: withAsked(
      asked,
      slots.map((s) => s.userId),
    ),
    startedAt: m.now,
    nudgedAt: m.now,
    reminders: 0,
    decidedBy: undefined,
    satisfied: [],
  };
}

function canSee(userId: string, s: StoryModel): boolean {
  if (s.status === 'published') return true;
  return userId === AUTHOR || s.asked.includes(userId) || isEditor(userId) || isAdmin(userId);
}

// ---------------------------------------------------------------- running and checking

/** What a call should do: change the story, change nothing (a repeat), or fail with a code. */
type Expected = 'ok' | 'noop' | DomainErrorCode;

/** The domain error code a call failed with, or 'ok'. Anything else fails the run. */
async function outcome(call: Promise<unknown>): Promise<'ok' | DomainErrorCode> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

async function expectOutcome(s: StoryModel | null, expected: Expected, call: Promise<unknown>) {
  expect(await outcome(call)).toBe(expected === 'noop' ? 'ok' : expected);
  if (s && expected === 'ok') s.revision += 1;
}

const DECISION_ENDS: readonly AuditAction[] = [
  'published',
  'rejected',
  'changes_requested',
  'expired',
];

async function checkInvariants(m: Model, r: Real): Promise<void> {
  const { ctx } = r;
  expect(r.errors()).toEqual([]);
  const stored: Story[] = [];
  for (const [i, id] of r.ids.entries()) {
    const s = m.stories[i]!;
    const ref = { tenantId: TENANT, storyId: id };
    const story = (await ctx.stories.get(ref))!.value;
    stored.push(story);
    const { approval } = story;

    // The real story is the model's.
    expect({
      status: story.status,
      revision: story.revision,
      decidedBy: story.decidedBy,
      stage: approval.stage.index,
      mode: approval.stage.mode,
      slots: approval.stage.slots.map((x) => ({
        userId: x.userId,
        approved: x.approvedAt !== undefined,
        ...(x.onBehalfOf ? { onBehalfOf: x.onBehalfOf } : {}),
      })),
      asked: approval.asked,
      startedAt: approval.startedAt.getTime(),
      nudgedAt: approval.nudgedAt.getTime(),
      reminders: approval.reminders,
    }).toEqual({
      status: s.status,
      revision: s.revision,
      decidedBy: s.decidedBy,
      stage: s.stage,
      mode: s.mode,
      slots: s.slots,
      asked: s.asked,
      startedAt: s.startedAt,
      nudgedAt: s.nudgedAt,
      reminders: s.reminders,
    });

    // Nothing is ever routed to the author.
    expect(approval.asked).not.toContain(AUTHOR);
    expect(approval.stage.slots.map((x) => x.userId)).not.toContain(AUTHOR);

    // Published only when every stage was satisfied, in order.
    if (story.status === 'published') {
      expect(s.satisfied).toEqual(m.policy.stages.map((_, index) => index));
      expect(approval.stage.index).toBe(m.policy.stages.length - 1);
    }

    // The history is in time order; each round is decided at most once, and nothing follows
    // its decision but a withdrawal.
    const audit = await ctx.stories.audit(ref);
    const times = audit.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    let round: AuditAction[] = [];
    for (const event of [...audit.map((e) => e.action), 'submitted' as const]) {
      if (event === 'submitted' || event === 'resubmitted') {
        const end = round.findIndex((a) => DECISION_ENDS.includes(a));
        expect(round.filter((a) => DECISION_ENDS.includes(a)).length).toBeLessThanOrEqual(1);
        if (end >= 0) expect(round.slice(end + 1).every((a) => a === 'withdrawn')).toBe(true);
        round = [];
      }
      round.push(event);
    }

    // The scheduler's time index holds the story's next due work.
    if (story.status === 'pending') {
      const at = nextDueOf(m, s).at;
      expect(ctx.due.entries().some((e) => e.ref.storyId === id && e.at.getTime() === at)).toBe(
        true,
      );
    }
  }

  // A story is in the queues of exactly the people it waits for (and in the admins' list of
  // everything pending), nowhere else.
  for (const person of [...POOL, ALL_PENDING_QUEUE]) {
    const queued = (await ctx.approvals.list(TENANT, person, 100)).map((q) => q.id).sort();
    const expected = stored
      .filter(
        (q) =>
          q.status === 'pending' &&
          (person === ALL_PENDING_QUEUE || waitingApprovers(q.approval).includes(person)),
      )
      .map((q) => q.id)
      .sort();
    expect(queued, `queue of ${person}`).toEqual(expected);
  }
}

// ---------------------------------------------------------------- the commands

type Cmd = fc.AsyncCommand<Model, Real>;

/** Who acts: one of the people the story waits for, or anyone at all. */
interface Who {
  readonly waiting: boolean;
  readonly pick: number;
}

function whoActs(s: StoryModel, who: Who): string {
  const waiting = waitingOf(s);
  return who.waiting && s.status === 'pending' && waiting.length > 0
    ? waiting[who.pick % waiting.length]!
    : POOL[who.pick % POOL.length]!;
}

const pickStory = (m: Readonly<Model>, pick: number) => pick % m.stories.length;
const hasStories = (m: Readonly<Model>) => m.stories.length > 0;

class Submit implements Cmd {
  check = (m: Readonly<Model>) => m.stories.length < MAX_STORIES;
  async run(m: Model, r: Real) {
    const story = await submitStory(r.ctx.deps, actorOf(AUTHOR), buildStoryDraft({ featured: [] }));
    r.ids.push(story.id);
    m.stories.push({ status: 'pending', revision: 1, ...startRound(m, []) });
    await checkInvariants(m, r);
  }
  toString = () => 'submit';
}

class Decide implements Cmd {
  constructor(
    readonly story: number,
    readonly who: Who,
    readonly decision: 'approve' | 'reject' | 'changes',
    readonly comment: boolean,
  ) {}
  check = hasStories;
  async run(m: Model, r: Real) {
    const i = pickStory(m, this.story);
    const s = m.stories[i]!;
    const userId = whoActs(s, this.who);
    const expected = this.expect(s, userId);
    await expectOutcome(
      s,
      expected,
      decideStory(
        r.ctx.deps,
        actorOf(userId),
        r.ids[i]!,
        this.decision,
        this.comment ? 'Because.' : undefined,
      ),
    );
    if (expected === 'ok') this.apply(m, s, userId);
    await checkInvariants(m, r);
  }
  private expect(s: StoryModel, userId: string): Expected {
    const { decision, comment } = this;
    if (decision === 'changes' && !comment) return 'validation';
    if (!canSee(userId, s)) return 'not_found';
    if (userId === AUTHOR || (!s.asked.includes(userId) && !isAdmin(userId))) return 'forbidden';
    const outcomeStatus: Record<typeof decision, StoryStatus> = {
      approve: 'published',
      reject: 'rejected',
      changes: 'changes_requested',
    };
    if (s.status !== 'pending') {
      return s.status === outcomeStatus[decision] && s.decidedBy === userId
        ? 'noop'
        : 'illegal_transition';
    }
    const mine = s.slots.filter((x) => x.userId === userId);
    if (decision === 'approve' && mine.length > 0 && mine.every((x) => x.approved)) return 'noop';
    const waiting = waitingOf(s).includes(userId);
    // Asked once but no longer waiting (handed on, or the stage moved on): nothing to act on.
    if (!waiting && !isAdmin(userId)) return 'not_found';
    if (!waiting && !comment) return 'validation';
    return 'ok';
  }
  private apply(m: Model, s: StoryModel, userId: string) {
    if (this.decision !== 'approve') {
      s.status = this.decision === 'reject' ? 'rejected' : 'changes_requested';
      s.decidedBy = userId;
      return;
    }
    const override = !waitingOf(s).includes(userId);
    s.slots = s.slots.map((x) =>
      x.userId === userId && !x.approved ? { ...x, approved: true } : x,
    );
    if (!override && s.mode === 'all' && s.slots.some((x) => !x.approved)) return;
    s.satisfied.push(s.stage);
    if (s.stage + 1 < m.policy.stages.length) {
      const next = route(m, s.stage + 1);
      s.stage += 1;
      s.mode = next.mode;
      s.slots = next.slots;
      s.asked = withAsked(
        s.asked,
        next.slots.map((x) => x.userId),
      );
      s.reminders = 0;
      s.nudgedAt = m.now;
      return;
    }
    s.status = 'published';
    s.decidedBy = userId;
  }
  toString = () =>
    `decide(${this.story}, ${JSON.stringify(this.who)}, ${this.decision}, ${this.comment})`;
}

class Reassign implements Cmd {
  constructor(
    readonly story: number,
    readonly who: Who,
    readonly to: string,
  ) {}
  check = hasStories;
  async run(m: Model, r: Real) {
    const i = pickStory(m, this.story);
    const s = m.stories[i]!;
    const userId = whoActs(s, this.who);
    const expected = this.expect(s, userId);
    await expectOutcome(
      s,
      expected,
      reassignStory(r.ctx.deps, actorOf(userId), r.ids[i]!, this.to),
    );
    if (expected === 'ok') {
      const own = s.slots.find((x) => x.userId === userId && !x.approved);
      const replaced = own ? [own] : s.slots.filter((x) => !x.approved);
      s.slots = [
        ...s.slots.filter((x) => !replaced.includes(x) && x.userId !== this.to),
        { userId: this.to, approved: false, onBehalfOf: replaced[0]!.userId },
      ];
      s.asked = withAsked(s.asked, [this.to]);
    }
    await checkInvariants(m, r);
  }
  private expect(s: StoryModel, userId: string): Expected {
    if (!canSee(userId, s)) return 'not_found';
    if (userId === AUTHOR || (!s.asked.includes(userId) && !isAdmin(userId))) return 'forbidden';
    if (s.status !== 'pending') return 'illegal_transition';
    if (!waitingOf(s).includes(userId) && !isAdmin(userId)) return 'not_found';
    if (this.to === AUTHOR || waitingOf(s).includes(this.to)) return 'validation';
    if (!(POOL as readonly string[]).includes(this.to)) return 'validation';
    return 'ok';
  }
  toString = () => `reassign(${this.story}, ${JSON.stringify(this.who)}, ${this.to})`;
}

class Delegate implements Cmd {
  constructor(
    readonly person: string,
    readonly delegate: string,
    readonly days: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const actor = actorOf(this.person);
    if (this.days === 0) {
      await clearDelegation(r.ctx.deps, actor);
      m.delegations.delete(this.person);
    } else {
      const until = m.now + this.days * DAY;
      const expected = this.person === this.delegate ? 'validation' : 'ok';
      await expectOutcome(
        null,
        expected,
        setDelegation(r.ctx.deps, actor, {
          delegateId: this.delegate,
          from: new Date(m.now),
          until: new Date(until),
        }),
      );
      if (expected === 'ok') {
        m.delegations.set(this.person, { delegateId: this.delegate, from: m.now, until });
      }
    }
    // Stories already waiting stay where they are.
    await checkInvariants(m, r);
  }
  toString = () => `delegate(${this.person} → ${this.delegate}, ${this.days}d)`;
}

class Tick implements Cmd {
  constructor(readonly ms: number) {}
  check = hasStories;
  async run(m: Model, r: Real) {
    m.now += this.ms;
    r.ctx.clock.set(new Date(m.now));
    // Ticks until nothing due is left in the time index (each tick takes a batch).
    for (let i = 0; i < 20 && (await r.ctx.due.due(new Date(m.now), 1)).length > 0; i++) {
      await r.tick();
    }
    for (const s of m.stories) {
      for (let kind = s.status === 'pending' ? dueAt(m, s) : null; kind; kind = dueAt(m, s)) {
        s.revision += 1;
        const next = kind === 'escalate' ? escalate(m, s) : null;
        if (kind === 'expire') {
          s.status = 'changes_requested';
          break;
        }
        if (next) {
          s.slots = [...s.slots.filter((x) => x.approved), ...next];
          s.mode = 'any';
          s.reminders = 0;
          s.asked = withAsked(
            s.asked,
            next.map((x) => x.userId),
          );
        } else {
          s.reminders += 1;
        }
        s.nudgedAt = m.now;
      }
    }
    await checkInvariants(m, r);
  }
  toString = () => `tick(+${this.ms / HOUR}h)`;
}

class Resubmit implements Cmd {
  constructor(readonly story: number) {}
  check = hasStories;
  async run(m: Model, r: Real) {
    const i = pickStory(m, this.story);
    const s = m.stories[i]!;
    const expected = s.status === 'changes_requested' ? 'ok' : 'illegal_transition';
    const draft = buildStoryDraft({ featured: [], title: 'Told again' });
    await expectOutcome(s, expected, resubmitStory(r.ctx.deps, actorOf(AUTHOR), r.ids[i]!, draft));
    if (expected === 'ok') Object.assign(s, { status: 'pending' }, startRound(m, s.asked));
    await checkInvariants(m, r);
  }
  toString = () => `resubmit(${this.story})`;
}

class Withdraw implements Cmd {
  constructor(readonly story: number) {}
  check = hasStories;
  async run(m: Model, r: Real) {
    const i = pickStory(m, this.story);
    const s = m.stories[i]!;
    const expected =
      s.status === 'withdrawn'
        ? 'noop'
        : s.status === 'pending' || s.status === 'changes_requested'
          ? 'ok'
          : 'illegal_transition';
    await expectOutcome(s, expected, withdrawStory(r.ctx.deps, actorOf(AUTHOR), r.ids[i]!));
    if (expected === 'ok') s.status = 'withdrawn';
    await checkInvariants(m, r);
  }
  toString = () => `withdraw(${this.story})`;
}

// ---------------------------------------------------------------- generators

const specArb: fc.Arbitrary<ApproverSpec> = fc.oneof(
  fc.constant({ kind: 'manager' as const }),
  fc
    .subarray(['p1', 'p2', 'm1', 'a', 'm2'], { minLength: 1 })
    .map((ids) => ({ kind: 'people' as const, ids })),
  fc
    .constantFrom('g1', 'editors', 'no-such-group')
    .map((groupId) => ({ kind: 'group' as const, groupId })),
  fc.constantFrom('approver', 'editor').map((role) => ({ kind: 'role' as const, role })),
);

const policyArb: fc.Arbitrary<ApprovalPolicy> = fc
  .record({
    stages: fc.array(
      fc.record({ approvers: specArb, mode: fc.constantFrom<StageMode>('any', 'all') }),
      { minLength: 1, maxLength: 3 },
    ),
    escalateAfter: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    expireDays: fc.option(fc.integer({ min: 5, max: 15 }), { nil: undefined }),
  })
  .map(({ stages, escalateAfter, expireDays }) => ({
    stages,
    fallback: { kind: 'role', role: 'approver' },
    remindAfterMs: REMIND_MS,
    ...(escalateAfter !== undefined ? { escalateAfterReminders: escalateAfter } : {}),
    ...(expireDays !== undefined ? { expireAfterMs: expireDays * DAY } : {}),
  }));

// Mostly someone the story waits for, so that stories move through their stages.
const whoArb: fc.Arbitrary<Who> = fc.record({
  waiting: fc.constantFrom(true, true, true, false),
  pick: fc.nat(),
});
const decideArb = fc
  .tuple(
    fc.nat(),
    whoArb,
    fc.constantFrom('approve', 'approve', 'approve', 'approve', 'reject', 'changes'),
    fc.boolean(),
  )
  .map(([story, who, decision, comment]) => new Decide(story, who, decision, comment));

const commandsArb = fc.commands<Model, Real, false>(
  [
    fc.constant(new Submit()),
    decideArb,
    decideArb,
    decideArb,
    fc
      .tuple(fc.nat(), whoArb, fc.constantFrom<string>(...POOL, 'ghost'))
      .map(([story, who, to]) => new Reassign(story, who, to)),
    fc
      .tuple(fc.constantFrom(...POOL), fc.constantFrom(...POOL), fc.integer({ min: 0, max: 4 }))
      .map(([person, delegate, days]) => new Delegate(person, delegate, days)),
    fc.constantFrom(HOUR, DAY, 2 * DAY, 3 * DAY, 6 * DAY).map((ms) => new Tick(ms)),
    fc.constantFrom(HOUR, DAY, 2 * DAY, 3 * DAY, 6 * DAY).map((ms) => new Tick(ms)),
    fc.nat().map((story) => new Resubmit(story)),
    fc.nat().map((story) => new Withdraw(story)),
  ],
  { maxCommands: 30, size: 'max' },
);

/** The real system on fakes: the organisation above, `policy` saved, a scheduler over it all. */
function setup(policy: ApprovalPolicy) {
  return (): { model: Model; real: Real } => {
    const people = POOL.map((id) =>
      buildUser({
        tenantId: TENANT,
        id,
        displayName: `Person ${id}`,
        ...(MANAGER[id] ? { managerId: MANAGER[id] } : {}),
      }),
    );
    const users = fakeUsers(people);
    const logger = recordingLogger();
    const ctx = buildStoryDeps(people, {
      users,
      directory: createDemoDirectory({ users, groups: GROUPS }),
      settings: fakeSettings({
        [TENANT]: {
          ...DEFAULT_SETTINGS,
          version: 1,
          approval: policy,
          roles: [
            { role: 'approver', kind: 'person', id: 'r1' },
            { role: 'editor', kind: 'group', id: 'editors' },
          ],
        },
      }),
      configAdmins: ['ad'],
      logger,
    });
    ctx.clock.set(new Date(T0));
    const scheduler = createScheduler({
      due: ctx.due,
      run: (ref) => runDueWork(ctx.deps, ref),
      clock: ctx.clock,
      logger,
      batch: 5,
    });
    return {
      model: { now: T0, policy, stories: [], delegations: new Map() },
      real: {
        ctx,
        ids: [],
        tick: () => scheduler.tick(),
        errors: () => logger.entries.filter((e) => e.level !== 'info'),
      },
    };
  };
}

describe('approval workflow (model-based)', () => {
  it('agrees with the reference model and keeps its invariants under random policies', async () => {
    await fc.assert(
      fc.asyncProperty(policyArb, commandsArb, (policy, commands) =>
        fc.asyncModelRun(setup(policy), commands),
      ),
      { numRuns: 50 },
    );
  }, 60_000);
});

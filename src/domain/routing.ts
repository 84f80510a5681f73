import type { ApprovalSlot, FallbackReason, StageRun } from './approval.js';
import { DomainError, isDomainError } from './errors.js';
import type { ApprovalPlan, ApproverSpec } from './policy.js';
import type { AuditDetail, DelegationStore, UserDirectory } from './ports.js';
import { holdersOf, type RoleDeps } from './roles.js';

/** What routing reads: the directory, the role grants, the delegations and the known people. */
export interface RoutingDeps extends RoleDeps {
  readonly users: UserDirectory;
  readonly delegations: Pick<DelegationStore, 'get'>;
}

/** More approvers than this in one stage is a broadcast, not an approval; the rest are left out. */
export const MAX_STAGE_APPROVERS = 25;
/** How far a chain of delegations is followed (A is away → B, B is away → C, …). */
const MAX_DELEGATION_HOPS = 3;

/** A line for the story's history that routing wants written: whom it asked, and why. */
export interface RoutingNote {
  readonly action: 'routed' | 'delegated';
  readonly detail: AuditDetail;
}

export interface Routed {
  readonly run: StageRun;
  readonly notes: readonly RoutingNote[];
}

interface Person {
  readonly id: string;
  readonly displayName: string;
}

/** Who the story is about: its tenant and author (who never approves it). */
export interface RoutingSubject {
  readonly tenantId: string;
  readonly authorId: string;
}

/**
 * Finds who decides stage `index` of `plan` at `now`: the people the stage names, each replaced
 * by their delegate when they are away, never the author. When that leaves nobody — no manager,
 * the directory unavailable, an empty group — the plan's fallback decides (first to respond),
 * and failing that the tenant's admins; the history says why. Only when there is nobody at all
 * is the story refused (DomainError('no_approver')): a submission is never stored unrouted.
 */
export async function routeStage(
  deps: RoutingDeps,
  subject: RoutingSubject,
  plan: ApprovalPlan,
  index: number,
  now: Date,
): Promise<Routed> {
  const stage = plan.stages[index];
  if (!stage) throw new DomainError('validation', `The plan has no stage ${index + 1}.`);
  const notes: RoutingNote[] = [];
  const named = await resolveSpec(deps, subject, stage.approvers);
  let slots = await standIns(deps, subject, named.people, now, notes);
  let fallback: FallbackReason | undefined;
  if (slots.length === 0) {
    fallback = named.reason ?? 'no_one_eligible';
    slots = await fallbackSlots(deps, subject, plan, now, notes, undefined, {
      unsure: fallback === 'directory_unavailable',
    });
  }
  const run: StageRun = {
    index,
    mode: fallback ? 'any' : stage.mode,
    slots,
    startedAt: now,
    ...(fallback ? { fallback } : {}),
  };
  notes.unshift({
    action: 'routed',
    detail: {
      stage: index + 1,
      stages: plan.stages.length,
      mode: run.mode,
      approvers: slots.map((s) => s.displayName),
      ...(fallback ? { fallback } : {}),
    },
  });
  return { run, notes };
}

/**
 * The people who take over from `slots` when they do not answer: each one's manager (and their
 * delegate, if away); where there is none, the plan's fallback. Returns the new slots, each
 * standing in for the person it replaces.
 */
export async function escalateSlots(
  deps: RoutingDeps,
  subject: RoutingSubject,
  plan: ApprovalPlan,
  slots: readonly ApprovalSlot[],
  now: Date,
  notes: RoutingNote[],
): Promise<ApprovalSlot[]> {
  const next: ApprovalSlot[] = [];
  for (const slot of slots) {
    let manager: Person | null = null;
    try {
      manager = await deps.directory.manager(subject.tenantId, slot.userId);
    } catch (error) {
      if (!isDomainError(error, 'unavailable')) throw error;
    }
    const found = manager ? await standIns(deps, subject, [manager], now, notes) : [];
    // Escalation goes past the person: never back to them through the fallback (a manager who
    // holds the fallback role himself); where nobody is above them, they stay asked.
    const above = (candidates: ApprovalSlot[]) =>
      candidates.filter((s) => s.userId !== slot.userId);
    let replacing = above(found);
    if (replacing.length === 0) {
      replacing = above(await fallbackSlots(deps, subject, plan, now, notes, slot.userId));
    }
    if (replacing.length === 0) {
      if (!next.some((s) => s.userId === slot.userId)) next.push(slot);
      continue;
    }
    for (const person of replacing) {
      if (next.some((s) => s.userId === person.userId)) continue;
      next.push({
        userId: person.userId,
        displayName: person.displayName,
        onBehalfOf: slot.userId,
      });
    }
  }
  return next.slice(0, MAX_STAGE_APPROVERS);
}

/** The approver slot of `userId` (a reassignment's new approver): their name as known. */
export async function slotOf(
  deps: RoutingDeps,
  tenantId: string,
  userId: string,
  onBehalfOf?: string,
): Promise<ApprovalSlot | null> {
  const person = await personOf(deps, tenantId, userId);
  if (!person) return null;
  return { userId, displayName: person.displayName, ...(onBehalfOf ? { onBehalfOf } : {}) };
}

/**
 * The plan's fallback approvers (each replaced by their delegate while away), else the tenant's
 * admins; never the author, nor `passing`. Nobody at all: DomainError('no_approver'), or no one
 * when `passing` is given (an escalation past them, an erasure of them decides what then). When
 * the directory or storage could not answer on the way (`unsure`, or here), nobody found is not
 * proof that nobody is configured: DomainError('unavailable'), so the caller tries again later.
 */
export async function fallbackSlots(
  deps: RoutingDeps,
  subject: RoutingSubject,
  plan: ApprovalPlan,
  now: Date,
  notes: RoutingNote[],
  /** Someone who may not be the fallback (the person an escalation goes past). */
  passing?: string,
  /** Whether the people asked first were not found because the directory could not answer. */
  options: { readonly unsure?: boolean } = {},
): Promise<ApprovalSlot[]> {
  const others = (people: Person[]) => people.filter((p) => p.id !== passing);
  const fallback = await resolveSpec(deps, subject, plan.fallback);
  const slots = await standIns(deps, subject, others(fallback.people), now, notes);
  if (slots.length > 0) return slots;
  const admins = await lastResortAdmins(deps, subject.tenantId);
  const last = await standIns(
    deps,
    subject,
    others(await named(deps, subject.tenantId, admins.ids)),
    now,
    notes,
  );
  if (last.length > 0) return last;
  if (passing !== undefined) return [];
  if (options.unsure || fallback.reason === 'directory_unavailable' || admins.unsure) {
    throw new DomainError('unavailable', 'No approver could be found just now.');
  }
  throw new DomainError('no_approver', 'No approver is configured for this tenant.');
}

/**
 * The tenant's admins, who decide when nobody else can. The directory being unable to list a
 * group granted the admin role must not refuse the story: the configured admins still decide
 * (`unsure` says the list may be short).
 */
async function lastResortAdmins(
  deps: RoutingDeps,
  tenantId: string,
): Promise<{ ids: readonly string[]; unsure: boolean }> {
  try {
    return { ids: await holdersOf(deps, tenantId, 'admin'), unsure: false };
  } catch (error) {
    if (isDomainError(error, 'unavailable')) return { ids: deps.configAdmins, unsure: true };
    throw error;
  }
}

/** The people a spec names, or why it names nobody. Directory trouble is a reason, not an error. */
async function resolveSpec(
  deps: RoutingDeps,
  subject: RoutingSubject,
  spec: ApproverSpec,
): Promise<{ people: Person[]; reason?: FallbackReason }> {
  try {
    switch (spec.kind) {
      case 'manager': {
        const manager = await deps.directory.manager(subject.tenantId, subject.authorId);
        return manager ? { people: [manager] } : { people: [], reason: 'no_manager' };
      }
      case 'people':
        return { people: await named(deps, subject.tenantId, spec.ids) };
      case 'group': {
        const members = await deps.directory.groupMembers(
          subject.tenantId,
          spec.groupId,
          MAX_STAGE_APPROVERS + 1,
        );
        return members ? { people: members } : { people: [], reason: 'no_group' };
      }
      case 'role':
        return {
          people: await named(
            deps,
            subject.tenantId,
            await holdersOf(deps, subject.tenantId, spec.role),
          ),
        };
    }
  } catch (error) {
    if (isDomainError(error, 'unavailable')) return { people: [], reason: 'directory_unavailable' };
    throw error;
  }
}

/**
 * Each person, or their delegate while they are away (following a short chain); never the author,
 * each once, at most `MAX_STAGE_APPROVERS`. A delegation used is noted for the history.
 */
async function standIns(
  deps: RoutingDeps,
  subject: RoutingSubject,
  people: readonly Person[],
  now: Date,
  notes: RoutingNote[],
): Promise<ApprovalSlot[]> {
  const slots: ApprovalSlot[] = [];
  for (const person of people) {
    let current: Person = person;
    const seen = new Set([person.id]);
    for (let hop = 0; hop < MAX_DELEGATION_HOPS; hop++) {
      const delegation = await deps.delegations.get(subject.tenantId, current.id);
      if (!delegation || now < delegation.from || now >= delegation.until) break;
      if (seen.has(delegation.delegateId) || delegation.delegateId === subject.authorId) break;
      const delegate = await personOf(deps, subject.tenantId, delegation.delegateId);
      if (!delegate) break;
      notes.push({
        action: 'delegated',
        detail: { from: current.displayName, to: delegate.displayName },
      });
      seen.add(delegate.id);
      current = delegate;
    }
    if (current.id === subject.authorId || slots.some((s) => s.userId === current.id)) continue;
    slots.push({
      userId: current.id,
      displayName: current.displayName,
      ...(current.id !== person.id ? { onBehalfOf: person.id } : {}),
    });
    if (slots.length === MAX_STAGE_APPROVERS) break;
  }
  return slots;
}

/** The people with these ids and their names: as the app knows them, else as the directory does. */
async function named(
  deps: RoutingDeps,
  tenantId: string,
  ids: readonly string[],
): Promise<Person[]> {
  const people = await Promise.all(
    ids.slice(0, MAX_STAGE_APPROVERS + 1).map((id) => personOf(deps, tenantId, id)),
  );
  return people.filter((p): p is Person => p !== null);
}

async function personOf(deps: RoutingDeps, tenantId: string, id: string): Promise<Person | null> {
  const known = await deps.users.get(tenantId, id);
  if (known) return { id, displayName: known.displayName };
  try {
    const person = await deps.directory.person(tenantId, id);
    return person ? { id, displayName: person.displayName } : null;
  } catch (error) {
    // A named person is still asked when the directory cannot say their name just now.
    if (isDomainError(error, 'unavailable')) return { id, displayName: id };
    throw error;
  }
}

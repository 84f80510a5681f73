import { DomainError } from '../errors.js';
import type { Clock, Delegation, DelegationStore, Directory, UserDirectory } from '../ports.js';
import { hasRole, type Actor } from '../user.js';

export interface DelegationDeps {
  readonly delegations: DelegationStore;
  readonly users: UserDirectory;
  readonly directory: Directory;
  readonly clock: Clock;
}

/** "While I'm away, send my approvals to …" as asked for. */
export interface DelegationInput {
  /** Whose approvals; the actor's own when absent (anyone's for an admin). */
  readonly userId?: string;
  readonly delegateId: string;
  readonly from: Date;
  readonly until: Date;
}

/** The longest window a delegation may cover; a longer absence is a reassignment of duties. */
const MAX_WINDOW_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * Sets a person's delegation (their own, or anyone's for an admin), replacing the one they had.
 * Stories routed to them from `from` until `until` go to the delegate instead, and the story's
 * history says so; stories already waiting stay (reassign those).
 */
export async function setDelegation(
  deps: DelegationDeps,
  actor: Actor,
  input: DelegationInput,
): Promise<Delegation> {
  const userId = mayManage(actor, input.userId);
  if (input.delegateId === userId) {
    throw new DomainError('validation', 'Choose someone else to stand in for you.', {
      field: 'delegateId',
    });
  }
  const now = deps.clock.now();
  if (input.until.getTime() <= input.from.getTime() || input.until.getTime() <= now.getTime()) {
    throw new DomainError('validation', 'The window must end after it starts, in the future.', {
      field: 'until',
    });
  }
  if (input.until.getTime() - input.from.getTime() > MAX_WINDOW_MS) {
    throw new DomainError('validation', 'A delegation covers at most a year.', { field: 'until' });
  }
  if (!(await isKnown(deps, actor.tenantId, input.delegateId))) {
    throw new DomainError('validation', 'The delegate is not a known person.', {
      field: 'delegateId',
    });
  }
  const delegation: Delegation = {
    tenantId: actor.tenantId,
    userId,
    delegateId: input.delegateId,
    from: input.from,
    until: input.until,
    setBy: actor.userId,
  };
  await deps.delegations.put(delegation);
  return delegation;
}

/** Ends a person's delegation (their own, or anyone's for an admin); none is fine. */
export async function clearDelegation(
  deps: DelegationDeps,
  actor: Actor,
  userId?: string,
): Promise<void> {
  await deps.delegations.remove(actor.tenantId, mayManage(actor, userId));
}

/** The actor's own delegation; every delegation of the tenant for an admin. */
export async function listDelegations(deps: DelegationDeps, actor: Actor): Promise<Delegation[]> {
  if (hasRole(actor, 'admin')) return deps.delegations.list(actor.tenantId);
  const own = await deps.delegations.get(actor.tenantId, actor.userId);
  return own ? [own] : [];
}

function mayManage(actor: Actor, userId: string | undefined): string {
  const whose = userId ?? actor.userId;
  if (whose !== actor.userId && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only admins set delegations for others.');
  }
  return whose;
}

async function isKnown(deps: DelegationDeps, tenantId: string, userId: string): Promise<boolean> {
  if (await deps.users.get(tenantId, userId)) return true;
  return (await deps.directory.person(tenantId, userId)) !== null;
}

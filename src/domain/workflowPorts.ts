import type { StoryRef } from './ports.js';
import type { Locale } from './user.js';

/*
 * The ports of the approval workflow's surroundings: the organisation's directory, delegations
 * and the scheduler's time index (docs/adr/0005-approval-policies-and-scheduler.md).
 */

/** A person as the organisation's directory knows them. `id` is the Entra object id. */
export interface DirectoryPerson {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  /** The person's preferred language, when it is one the app speaks. */
  readonly locale?: Locale;
  readonly department?: string;
}

/**
 * The organisation's directory: Microsoft Graph in a real tenant, the demo people in local mode.
 * Read-only. When the directory cannot answer (throttled, failing, too slow) a method throws
 * DomainError('unavailable'), with `details.retryAfterMs` when the directory said when to come
 * back; the caller decides what to do instead (an approval policy falls back, see `routing.ts`).
 */
export interface Directory {
  /** One person; null when the directory has no such person. */
  person(tenantId: string, userId: string): Promise<DirectoryPerson | null>;
  /** The person's manager; null when they have none (or are unknown). */
  manager(tenantId: string, userId: string): Promise<DirectoryPerson | null>;
  /** People whose name or mail starts with `query`, for pickers; at most `limit`. */
  search(tenantId: string, query: string, limit: number): Promise<DirectoryPerson[]>;
  /**
   * The people in a group, nested groups included, at most `limit`; null when there is no such
   * group.
   */
  groupMembers(tenantId: string, groupId: string, limit: number): Promise<DirectoryPerson[] | null>;
}

/** One story with scheduled work (a reminder, an escalation or an expiry) due at `at`. */
export interface DueEntry {
  readonly ref: StoryRef;
  readonly at: Date;
  /** Storage version, for the conditional write of `claim`. */
  readonly etag: string;
}

/**
 * The scheduler's time index: which stories have work due when. A projection of the stories'
 * approval state, so it may hold stale entries (the story has moved on); the scheduler checks the
 * story itself and drops them. Read by time range, never by scanning the stories.
 */
export interface DueIndex {
  /** Records that `ref` has work due at `at`; recording it again changes nothing. */
  put(ref: StoryRef, at: Date): Promise<void>;
  /** Entries due at or before `now` that no instance holds, oldest first, at most `limit`. */
  due(now: Date, limit: number): Promise<DueEntry[]>;
  /** Takes an entry for this instance until `leaseUntil`; null when another instance took it. */
  claim(entry: DueEntry, leaseUntil: Date): Promise<DueEntry | null>;
  /** Forgets a claimed entry once its work is done (or found stale). */
  done(entry: DueEntry): Promise<void>;
}

/** "While I'm away, send my approvals to …": one person's delegation, for a window of time. */
export interface Delegation {
  readonly tenantId: string;
  readonly userId: string;
  readonly delegateId: string;
  readonly from: Date;
  /** Exclusive. */
  readonly until: Date;
  /** Who set it: the person themselves or an admin. */
  readonly setBy: string;
}

/** Delegations, one per person (a new one replaces the old). */
export interface DelegationStore {
  get(tenantId: string, userId: string): Promise<Delegation | null>;
  list(tenantId: string): Promise<Delegation[]>;
  put(delegation: Delegation): Promise<void>;
  /** Absent is fine. */
  remove(tenantId: string, userId: string): Promise<void>;
}

import type { AuditEvent, OutboxMessage, StoryRef, Versioned } from './ports.js';

/*
 * The ports of erasure and export of a person's data (GDPR articles 17 and 15): the index of the
 * stories a person has a part in, what erasure needs of the story partitions beyond
 * `StoryRepository`, and the register of erasures. See `useCases/erasure.ts`.
 */

/** How a person has a part in a story of someone else (their own are in `AuthorIndex`). */
export type Involvement =
  /** They voted for it. */
  | 'voted'
  /** They said they learned from it ("I learned from this"). */
  | 'learned'
  /** It features them. */
  | 'featured'
  /** It was routed to them for a decision. */
  | 'asked'
  /** They acted on it otherwise (an admin's override, an editor's archive, a report, …). */
  | 'acted';

/** One story of the person index, with how the person has a part in it. */
export interface IndexedStory {
  readonly storyId: string;
  readonly involvements: readonly Involvement[];
}

/**
 * The stories each person has a part in, keyed by person, so erasure and export find them
 * without scanning every story. It is written *before* the change it records commits (a row per
 * person and story cannot share the story's transaction: it lives in the person's partition), so
 * it may name a story where that change never happened: readers check the story itself.
 */
export interface PersonIndex {
  /** Records that `personId` has a part in the story; recording it again changes nothing. */
  add(
    tenantId: string,
    personId: string,
    storyId: string,
    involvements: readonly Involvement[],
  ): Promise<void>;
  /**
   * Every story recorded for the person: one partition query; with `only`, the stories where the
   * person has one of those involvements (filtered by storage).
   */
  list(tenantId: string, personId: string, only?: readonly Involvement[]): Promise<IndexedStory[]>;
  /**
   * `list` for what the tab shows the person (which stories they reacted to): may be a few
   * seconds behind a story recorded through another instance. Never for erasure or export.
   */
  listForView(
    tenantId: string,
    personId: string,
    only?: readonly Involvement[],
  ): Promise<IndexedStory[]>;
  /** Forgets the person's whole index (the last step of their erasure); none is fine. */
  drop(tenantId: string, personId: string): Promise<void>;
}

/** A history event with its storage key, so it can be replaced in place. */
export interface StoredAuditEvent {
  /** Opaque to the domain. */
  readonly key: string;
  readonly event: AuditEvent;
}

/**
 * What a bounded query over one tenant's story partitions found of a person: the data written
 * before the person index existed. Candidates only: erasure reads each story to decide.
 */
export interface LegacyInvolvement {
  /** Stories with a vote row of the person. */
  readonly votes: readonly string[];
  /** Stories whose row or history names the person (featured, asked, decided, reported, acted). */
  readonly stories: readonly string[];
  /** Rows the query returned. */
  readonly scanned: number;
  /** False when the bound was reached before the tenant's partitions were all read. */
  readonly complete: boolean;
}

/**
 * What erasure and export need of the story partitions beyond `StoryRepository` (a reaction is
 * read with `reactionOf` and taken back with `commit`, as the person would).
 */
export interface StoryPersonalData {
  /**
   * Deletes the story row on the ETag it was read at and writes `outbox` beside it, in one
   * transaction (stale: DomainError('conflict')). From then on the story is not found; its
   * other rows (history, cards, outbox) stay until `purge`, so its posted cards can still be
   * found and deleted.
   */
  deleteStory(ref: StoryRef, etag: string, outbox: readonly OutboxMessage[]): Promise<void>;
  /** The story's history in the order it happened, with each event's key. */
  auditRows(ref: StoryRef): Promise<StoredAuditEvent[]>;
  /** Replaces history events in place (by key); an event that is gone is skipped. */
  replaceAudit(ref: StoryRef, rows: readonly StoredAuditEvent[]): Promise<void>;
  /** Deletes every row left in the story's partition; none is fine. */
  purge(ref: StoryRef): Promise<void>;
  /** See `LegacyInvolvement`; reads at most `maxRows` rows. */
  legacyInvolvement(
    tenantId: string,
    personId: string,
    maxRows: number,
  ): Promise<LegacyInvolvement>;
}

/** What an erasure removed, per kind: how many, and where (story ids, months or roles). */
export interface ErasureEntry {
  readonly count: number;
  readonly ids: readonly string[];
}

/** The kinds of personal data an erasure removes, in the order the receipt lists them. */
export const ERASURE_KINDS = [
  /** Their stories that were never published, with every row and projection. */
  'storiesDeleted',
  /** Their published (or archived, or hidden) stories, kept with a pseudonym as author. */
  'storiesPseudonymised',
  /** Their votes: the vote rows, each story's count one less. */
  'votes',
  /** Their "I learned from this": the rows, each story's count one less. */
  'learned',
  /** Stories that featured them, their name taken off. */
  'featured',
  /** Stories waiting for their decision, handed to the policy's fallback. */
  'approvalsReassigned',
  /** Other stories whose approval record, reports or history named them, now the pseudonym. */
  'history',
  /** Cards posted in Teams that were deleted: those of deleted stories and their own copies. */
  'postedCards',
  /** Stories of the month whose copy named them (ids: months). */
  'awards',
  /** Delegations they set, received or made for others. */
  'delegations',
  /** Role grants naming them in the settings document, and approval stages naming them. */
  'roleGrants',
  /** Their row among the people the app knows. */
  'user',
  /** The bot's conversation reference with them. */
  'conversation',
] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];

export type ErasureFindings = Readonly<Record<ErasureKind, ErasureEntry>>;

/**
 * The receipt of an erasure: what was (or is being) erased, where, and how the search went.
 * Story ids and counts only: no names, no texts.
 */
export interface ErasureReceipt {
  /** The Entra object id of the erased person. */
  readonly personId: string;
  /** What their kept stories and history show instead of them. */
  readonly pseudonymId: string;
  /** Who asked: an admin's id, or the pseudonym when the person asked for it themselves. */
  readonly requestedBy: string;
  readonly requestedAt: Date;
  /** Absent while it runs. */
  readonly completedAt?: Date;
  readonly erased: ErasureFindings;
  /**
   * Data from before the person index existed (votes, mentions, history) is found by a bounded
   * query over the tenant's story partitions: how many rows it read, and whether it read them all.
   */
  readonly legacySearch: { readonly scanned: number; readonly complete: boolean };
}

/** One erasure as the register keeps it. */
export interface ErasureRecord {
  readonly tenantId: string;
  readonly status: 'running' | 'done';
  /** When the work last moved on; an unfinished record untouched for long was cut short. */
  readonly updatedAt: Date;
  readonly receipt: ErasureReceipt;
}

/**
 * The register of erasures: one record per tenant and person, written before any data is touched
 * and marked done after the last step, so an erasure cut short (a crash, an outage) is carried on
 * from its record and a repeated request answers the same receipt. Writes are conditional.
 */
export interface ErasureRegister {
  get(tenantId: string, personId: string): Promise<Versioned<ErasureRecord> | null>;
  /**
   * Creates the record (`etag` null; one that exists: DomainError('conflict')) or replaces it on
   * the ETag it was read at (stale: DomainError('conflict')); returns the new ETag.
   */
  put(record: ErasureRecord, etag: string | null): Promise<string>;
  /** Unfinished records of any tenant last moved on before `before`, at most `limit`. */
  unfinished(before: Date, limit: number): Promise<ErasureRecord[]>;
}

import type { Collection } from './collections.js';
import type { DelegationStore, Directory, DueIndex } from './workflowPorts.js';
import type { PersonIndex } from './erasurePorts.js';
import type { TenantSettings } from './policy.js';
import type { Story } from './story.js';
import type { InlineProjections } from './inlineProjections.js';
import type { Locale, Surface, User } from './user.js';

export type * from './workflowPorts.js';
export type * from './jobPorts.js';

/** The only source of time for the domain; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}

/** The only source of new ids for the domain; tests pass a sequence. */
export interface IdGenerator {
  newId(): string;
}

/** Where to log what the domain cannot report to a caller (background work, repairs). */
export interface Logger {
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

export interface StoryRef {
  readonly tenantId: string;
  readonly storyId: string;
}

/** A value with the storage version it was read at, for conditional writes. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

export type AuditAction =
  | 'submitted'
  | 'routed'
  | 'delegated'
  | 'approved'
  | 'changes_requested'
  | 'rejected'
  | 'resubmitted'
  | 'withdrawn'
  | 'published'
  | 'archived'
  | 'reassigned'
  | 'reminded'
  | 'escalated'
  | 'expired'
  | 'featured_removed'
  /** A featured colleague asked to confirm (`confirmFeatured`) agreed to be named. */
  | 'featured_confirmed'
  // Moderation (editors and admins): off the wall and cards, published again, text corrected,
  // reports closed without a change.
  | 'hidden'
  | 'restored'
  | 'edited'
  | 'reports_dismissed'
  /** Chosen story of the month by an editor (journey 8); `detail.month`. */
  | 'awarded';

/** Facts of an event, for the timeline: who was asked, which stage, why a fallback. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** One line of a story's history: who did what, when, from where. */
export interface AuditEvent {
  readonly id: string;
  readonly at: Date;
  readonly actorId: string;
  /** The actor's name when it happened. */
  readonly actorName: string;
  readonly action: AuditAction;
  readonly surface: Surface;
  readonly comment?: string;
  readonly detail?: AuditDetail;
}

/** Side effects that must happen after a state change, performed by the outbox relay. */
export type OutboxKind =
  /** Send the approval card to the story's approver. */
  | 'approval.requested'
  /** Tell the author of a decision. */
  | 'story.decided'
  /** Tell one featured colleague (`payload.userId`) that the story featuring them is published. */
  | 'featured.notify'
  /**
   * Ask one featured colleague (`payload.userId`) to confirm being named in the story
   * (`confirmFeatured`): a card with "Confirm" and "Remove my name".
   */
  | 'featured.ask'
  /** Bring the wall index and approval queues in line with the story. */
  | 'story.project'
  /**
   * Update every card posted for the story (`PostedCards`) to what it shows now;
   * `payload.only: 'channel'` limits it to channel cards (a vote changes nothing else).
   */
  | 'cards.refresh'
  /** Post the published story's card to the tenant's publication channel, if one is set. */
  | 'channel.post'
  /**
   * Delete posted cards in Teams (erasure): `payload.activityId` names one copy; without it,
   * every card of a story that is gone.
   */
  | 'cards.delete'
  /** Delete every row left of an erased story, once its posted cards are deleted. */
  | 'story.purge'
  /**
   * Announce the story of the month (`payload.month`) in the tenant's publication channel, if
   * one is set: a card recorded as a posted card (kind `award`), so later changes update it.
   */
  | 'award.announce'
  /**
   * Tell one person (`payload.userId`: the author or a featured colleague shown publicly) that
   * the story is the story of the month (`payload.month`), in their language.
   */
  | 'award.notify'
  /**
   * Deliver one event (`payload.event`) to one webhook (`payload.webhookId`), signed (Standard
   * Webhooks); an admin's retry names the delivery it repeats (`deliveryId`, `deliveryAt`).
   */
  | 'webhook.deliver';

export interface OutboxMessage {
  readonly id: string;
  readonly kind: OutboxKind;
  readonly createdAt: Date;
  readonly payload: Readonly<Record<string, string | number | boolean>>;
}

/** An outbox message not yet done, with its retry state. */
export interface PendingOutboxMessage extends OutboxMessage {
  readonly ref: StoryRef;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  /** Storage version, for the conditional writes of `claim`. */
  readonly etag: string;
}

/** What a person can do once to a published story: vote for it, or say they learned from it. */
export type ReactionKind = 'vote' | 'learned';

/** One person's reaction to a story: a row keyed (story, kind, person), so it counts once. */
export interface Reaction {
  readonly kind: ReactionKind;
  readonly personId: string;
  readonly at: Date;
}

/**
 * One atomic change of a story aggregate: the story, its audit event, its outbox messages and
 * (for a reaction given or taken back) the reaction row are written together or not at all.
 */
export interface StoryChange {
  /** The story after the change; its `revision` is one more than the one read (1 when new). */
  readonly story: Story;
  /** The ETag the story was read at; null when the story is new. */
  readonly expectedEtag: string | null;
  /** What happened, for the story's history; several events when one change does several things. */
  readonly audit: readonly AuditEvent[];
  readonly outbox: readonly OutboxMessage[];
  /** A reaction row to create: the story's count of that kind is one more. */
  readonly reaction?: Reaction;
  /** A reaction row to delete: the story's count of that kind is one less. */
  readonly takeBack?: Pick<Reaction, 'kind' | 'personId'>;
}

/**
 * The story aggregate store. `commit` is a conditional write: a changed ETag is a
 * DomainError('conflict'); an existing reaction row of the same person and kind is the kind's
 * "already" error (`already_voted`, `already_reacted`); a reaction row to take back that is gone
 * is DomainError('conflict') (read again).
 */
export interface StoryRepository {
  get(ref: StoryRef): Promise<Versioned<Story> | null>;
  /**
   * `get` for showing a story (the tab's story view): may be a few seconds behind a change made
   * through another instance. Never to decide or change anything: that reads `get`.
   */
  getForView(ref: StoryRef): Promise<Versioned<Story> | null>;
  commit(change: StoryChange): Promise<Versioned<Story>>;
  /**
   * The newest version of the story this instance read or committed a short while ago; null
   * when it has none. It may be stale (changed through another instance, or erased): only to
   * judge a change committed on its ETag, with a refusal judged again on `get` (`onLatestStory`).
   * Optional: without it every change reads first.
   */
  recent?(ref: StoryRef): Versioned<Story> | null;
  /** The person's reaction of that kind to the story; null when there is none. */
  reactionOf(ref: StoryRef, kind: ReactionKind, personId: string): Promise<Reaction | null>;
  audit(ref: StoryRef): Promise<AuditEvent[]>;
}

/** The outbox rows kept beside each story; see `outboxRelay.ts`. */
export interface OutboxStore {
  /** Messages of one story whose next attempt is due. */
  pending(ref: StoryRef, now: Date): Promise<PendingOutboxMessage[]>;
  /** Messages of any story whose next attempt is due; a background sweep, not a hot read. */
  due(now: Date, limit: number): Promise<PendingOutboxMessage[]>;
  /**
   * Takes a message for one worker until `leaseUntil` (a conditional write on the version it was
   * read at); null when another worker took it first.
   */
  claim(message: PendingOutboxMessage, leaseUntil: Date): Promise<PendingOutboxMessage | null>;
  complete(message: PendingOutboxMessage): Promise<void>;
  /**
   * As `claim`, for messages of one story at once, all or none (one transaction in its
   * partition); null when any was taken or changed meanwhile, or the store cannot (then claim
   * them one by one). Optional: a store without it is claimed message by message.
   */
  claimAll?(
    messages: readonly PendingOutboxMessage[],
    leaseUntil: Date,
  ): Promise<PendingOutboxMessage[] | null>;
  /** As `complete`, for claimed messages of one story at once. Optional, like `claimAll`. */
  completeAll?(messages: readonly PendingOutboxMessage[]): Promise<void>;
  retryLater(message: PendingOutboxMessage, nextAttemptAt: Date, error: string): Promise<void>;
  /**
   * Stops retrying a message that cannot succeed: it is never due again, and its row stays with
   * the error for an operator to read.
   */
  giveUp(message: PendingOutboxMessage, error: string): Promise<void>;
  /**
   * Queues one message for a story outside a state change (an admin's retry of a webhook
   * delivery); a single-row write, so it is whole or absent.
   */
  enqueue(ref: StoryRef, message: OutboxMessage): Promise<void>;
}

/** A request for one page of the wall, already validated. */
export interface WallQuery {
  readonly tenantId: string;
  readonly limit: number;
  readonly cursor?: string;
  readonly team?: string;
  readonly category?: string;
  /** `YYYY-MM` */
  readonly month?: string;
  readonly q?: string;
  /** The customer account, matched without regard to case. */
  readonly account?: string;
  /** The language the story is told in. */
  readonly language?: Locale;
  /**
   * `newest` (the default): newest first, every month. `votes`: most voted first, among the
   * newest `WALL_RANKED_MAX` stories that match (of `month` when given), newest first on a tie.
   */
  readonly sort?: WallSort;
}

/** How the wall is ordered. */
export type WallSort = 'newest' | 'votes';

/** The filters of the wall, without paging or order: what `WallIndex.count` counts. */
export type WallFilters = Omit<WallQuery, 'limit' | 'cursor' | 'sort'>;

/**
 * How many stories match a wall's filters. `exact` is false when counting stopped at its bound
 * (`WALL_COUNT_MAX` rows read) and `total` is a lower bound.
 */
export interface WallCount {
  readonly total: number;
  readonly exact: boolean;
}

/** Stories one page of the wall holds at most (what the wall's adapter reads in one query). */
export const WALL_PAGE_MAX = 100;
/** Stories ranked by votes are taken from at most this many newest matching stories. */
export const WALL_RANKED_MAX = 2_000;
/** Rows a count reads at most; past it the count is a lower bound. */
export const WALL_COUNT_MAX = 20_000;

/** One page of stories, and the opaque cursor of the next one (null after the last). */
export interface StoryPage {
  readonly items: Story[];
  readonly nextCursor: string | null;
}

/** A page of the wall. */
export interface WallPage extends StoryPage {
  /**
   * Set on a first page the wall's cache served or just filled (`cacheWallPages`): the same
   * number means the same read of the same stories, so what was made of it (its encoded bytes,
   * docs/adr/0010) may be reused. Every new read — after a change to the wall, or once the cache's
   * time is up — has a new number. Absent on pages read straight from storage.
   */
  readonly revision?: number;
}

/** A request for one page of a list, already validated. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * The published stories of a tenant, newest first. A projection of the story aggregates, ordered
 * by `Story.revision`: a write older than what is held is ignored, so writes may land in any order.
 */
/** What the caller of `WallIndex.upsert` knows of the row the snapshot goes to. */
export interface WallWriteHint {
  /**
   * No earlier revision of the story was published, so none had a row at its keys (they follow
   * from the publish time): the adapter may create the row without looking for it first. Only a
   * hint: a row there after all (a repeated run) is still compared by revision.
   */
  readonly newOnWall?: boolean;
}

export interface WallIndex {
  /** Stores the snapshot unless the wall already holds the same or a newer revision. */
  upsert(story: Story, hint?: WallWriteHint): Promise<void>;
  /** Takes the story off the wall unless it holds a newer revision; absent is fine. */
  remove(story: Story): Promise<void>;
  /** A malformed cursor is DomainError('validation'). */
  page(query: WallQuery): Promise<WallPage>;
  /**
   * The page `page(query)` would answer now, when a cache holds it fresh in memory; undefined
   * otherwise (never reads storage). Lets the busiest read, the wall's first page, be answered
   * without waiting (docs/PERFORMANCE.md). Adapters without a cache leave it out.
   */
  cachedPage?(query: WallQuery): WallPage | undefined;
  /** How many published stories match the filters (may be briefly cached by the adapter). */
  count(filters: WallFilters): Promise<WallCount>;
}

/** How text search results are ordered: by relevance (the default), newest or most voted first. */
export type SearchOrder = 'relevance' | 'newest' | 'votes';

/** A text search of a tenant's wall, already validated: the words, the wall's filters, a window. */
export interface SearchQuery extends Omit<WallFilters, 'q'> {
  /** What the reader typed; the adapter splits, folds and stems it. */
  readonly text: string;
  readonly order: SearchOrder;
  /** Hits to skip (a later page); 0 for the first. */
  readonly offset: number;
  /** Hits to return at most; 0 only counts. */
  readonly limit: number;
}

/** A story a search found, with what locates its snapshot on the wall (`WallSnapshots`). */
export interface SearchHit {
  readonly storyId: string;
  readonly publishedAt: Date;
}

/** One window of a search: the matching stories in order, and how many match in all. */
export interface SearchResult {
  readonly hits: readonly SearchHit[];
  readonly total: number;
}

/**
 * The wall's own snapshots of given stories, read by key: what a search shows of its hits, so a
 * page of search results shows exactly what the wall would (absent once taken off the wall).
 */
export interface WallSnapshots {
  /** The snapshots in the order asked, null where the wall holds no such story. */
  read(tenantId: string, hits: readonly SearchHit[]): Promise<(Story | null)[]>;
}

/**
 * A full-text index of the published stories (docs/adr/0009-search-port.md). A projection of the
 * story aggregates fed with the wall (`searchableWall`): the outbox's `story.project` repairs it as
 * it repairs the wall, and it keeps the newest `revision` it sees, so writes may land in any order.
 * It indexes only `searchableText` — what every reader of the wall sees — with the wall's filter
 * fields (tenant, team key, category, month, account, language), never people's names.
 */
export interface SearchIndex {
  /**
   * Whether the index holds every published story (an embedded index builds itself at start-up);
   * until then the wall searches by scanning, as it did before the index existed.
   */
  ready(): boolean;
  /** Indexes the published story unless the index holds the same or a newer revision. */
  put(story: Story): Promise<void>;
  /** Takes the story out unless the index holds a newer revision; absent is fine. */
  remove(story: Story): Promise<void>;
  /** Matching stories of the tenant, every filter combined with the text (all its words). */
  search(query: SearchQuery): Promise<SearchResult>;
}

/**
 * The stories waiting for each approver. A projection of the story aggregates, ordered as the
 * wall: one row per story and approver it waits for.
 */
export interface ApprovalQueue {
  /** Stores the snapshot in `approverId`'s queue unless it holds the same or a newer revision. */
  put(story: Story, approverId: string): Promise<void>;
  /** Takes the story out of `approverId`'s queue unless it holds a newer revision. */
  remove(story: Story, approverId: string): Promise<void>;
  list(tenantId: string, approverId: string, limit: number): Promise<Story[]>;
  /**
   * `list` for the approvals view: may answer that nothing waits from a view of the tenant's
   * pending stories a few seconds old (a story routed through another instance shows within
   * them). Never for work that must see every row (erasure, export): that is `list`.
   */
  listForView(tenantId: string, approverId: string, limit: number): Promise<Story[]>;
}

/**
 * Every story of each author, in every status, newest first (by when it was first told). A
 * projection of the story aggregates, ordered by `Story.revision` as the wall: a write older than
 * what is held is ignored, so writes may land in any order. An author's stories stay listed
 * whatever happens to them, so there is no removal.
 */
export interface AuthorIndex {
  /** Stores the snapshot unless the index already holds the same or a newer revision. */
  put(story: Story): Promise<void>;
  /** Takes the story off its author's list unless it holds a newer revision; absent is fine. */
  remove(story: Story): Promise<void>;
  /** A malformed cursor, or one made for another author or tenant, is DomainError('validation'). */
  list(tenantId: string, authorId: string, page: PageRequest): Promise<StoryPage>;
  /** Erasure only: forgets the author's whole list (their kept stories are listed elsewhere). */
  forget(tenantId: string, authorId: string): Promise<void>;
}

/**
 * The stories of each tenant that need an editor (moderation): published ones with open reports,
 * and hidden ones until they are restored or archived. A projection of the story aggregates
 * (the reports live on the story), ordered by `Story.revision` as the wall.
 */
export interface ModerationQueue {
  /** Stores the snapshot, reports included, unless the queue holds the same or a newer revision. */
  put(story: Story): Promise<void>;
  /** Takes the story out unless the queue holds a newer revision; absent is fine. */
  remove(story: Story): Promise<void>;
  /** The tenant's stories in the queue, at most `limit`, in no particular order. */
  list(tenantId: string, limit: number): Promise<Story[]>;
}

/** A rejected or withdrawn story, with when it was closed. */
export interface ClosedEntry {
  readonly ref: StoryRef;
  readonly closedAt: Date;
}

/**
 * The rejected and withdrawn stories of each tenant, by when they were closed, so that the
 * retention setting deletes the old ones with a range read, never a scan of the stories. A
 * projection of the story aggregates; it may hold entries of stories deleted since, which the
 * retention run drops.
 */
export interface ClosedIndex {
  /** Records the closed story at its `updatedAt`; recording it again changes nothing. */
  put(story: Story): Promise<void>;
  /** Entries closed at or before `cutoff`, oldest first, at most `limit`. */
  closedBefore(tenantId: string, cutoff: Date, limit: number): Promise<ClosedEntry[]>;
  /** Forgets an entry; absent is fine. */
  remove(entry: ClosedEntry): Promise<void>;
}

/**
 * Who of a tenant may not be nudged toward as "not yet featured": everyone ever named to everyone
 * in a published story, and everyone who took their name off a story ("Remove my name"). A
 * projection of the stories for the story forms' nudge (`suggestNeverFeatured`); a row stays when
 * its story is archived (once featured is featured) and goes with the person's erasure.
 */
export interface FeaturedPeopleIndex {
  /** Records the people as named in a published story; recording them again changes nothing. */
  markFeatured(tenantId: string, personIds: readonly string[]): Promise<void>;
  /** Records that the person declined being named: they are never suggested again. */
  markDeclined(tenantId: string, personId: string): Promise<void>;
  /** The ids recorded for the tenant (featured or declined), at most `limit`. */
  list(tenantId: string, limit: number): Promise<string[]>;
  /** Forgets the person (erasure); none is fine. */
  remove(tenantId: string, personId: string): Promise<void>;
}

/**
 * A key a server-to-server caller sends instead of a Teams sign-in (`Authorization: Bearer
 * swk_<id>_<secret>`): only the hash of its secret is kept.
 */
export interface ApiKeyRecord {
  readonly tenantId: string;
  /** 16 lowercase letters and digits; the part of the key that finds the record. */
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  /** SHA-256 of the secret, hex. */
  readonly hash: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly lastUsedAt?: Date;
}

/** API keys by id, across tenants (a presented key names no tenant). */
export interface ApiKeyStore {
  get(id: string): Promise<ApiKeyRecord | null>;
  list(tenantId: string): Promise<ApiKeyRecord[]>;
  /** Creates the record; an id taken already is DomainError('conflict'). */
  create(key: ApiKeyRecord): Promise<void>;
  /** Deletes the tenant's key; false when it has none of that id. */
  remove(tenantId: string, id: string): Promise<boolean>;
  /** Records a use; a key deleted meanwhile stays deleted. */
  touch(id: string, at: Date): Promise<void>;
}

/** The people of a tenant known to the app. */
export interface UserDirectory {
  get(tenantId: string, userId: string): Promise<User | null>;
  list(tenantId: string): Promise<User[]>;
  upsert(user: User): Promise<void>;
  /** Forgets the person (erasure); none is fine. */
  remove(tenantId: string, userId: string): Promise<void>;
}

/** Everything the story use cases need. */
export interface StoryDeps {
  readonly stories: StoryRepository;
  readonly wall: WallIndex;
  readonly approvals: ApprovalQueue;
  readonly authors: AuthorIndex;
  readonly moderation: ModerationQueue;
  readonly due: DueIndex;
  /** Rejected and withdrawn stories by closing time, for the retention setting. */
  readonly closed: ClosedIndex;
  readonly users: UserDirectory;
  readonly directory: Directory;
  readonly settings: SettingsStore;
  readonly delegations: DelegationStore;
  /** The stories each person has a part in, for erasure and export (written before a change). */
  readonly personIndex: PersonIndex;
  /** Who was ever featured in a published story or declined it (the "not yet featured" nudge). */
  readonly featuredPeople: FeaturedPeopleIndex;
  /** The ids of the admins named in configuration (`ADMIN_USER_IDS`), of every tenant. */
  readonly configAdmins: readonly string[];
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  /** Called after every commit so the outbox relay can start at once; must not throw. */
  readonly onCommitted: (ref: StoryRef) => void;
  /**
   * The inline projections this instance ran, so their `story.project` messages skip the repair
   * (shared with the relay's handler); absent, every message repairs.
   */
  readonly inlineProjections?: InlineProjections;
  /**
   * Starts work no answer waits for (a card action's projections), so the composition root can
   * account for it and wait for it at shutdown; absent, it simply runs.
   */
  readonly runDetached?: <T>(work: () => Promise<T>) => Promise<T>;
}

export type { Locale };

/**
 * How to reach each person proactively (the bot's conversation reference, kept opaque here).
 * Written when a person talks to the bot or installs it.
 */
export interface ConversationStore {
  get(tenantId: string, userId: string): Promise<string | null>;
  put(tenantId: string, userId: string, reference: string): Promise<void>;
  /** Forgets the person's reference (erasure); none is fine. */
  remove(tenantId: string, userId: string): Promise<void>;
}

/** How many stories were published in one month (UTC), in all and per team and category. */
export interface MonthTally {
  /** `YYYY-MM` */
  readonly month: string;
  readonly total: number;
  readonly teams: ReadonlyMap<string, number>;
  readonly categories: ReadonlyMap<string, number>;
}

/** Counts of a tenant's published stories, read from the wall: an overview for insight. */
export interface WallStats {
  /**
   * One tally per month asked for (`YYYY-MM`), in the same order; a month without stories tallies
   * zero. A malformed month is DomainError('validation').
   */
  tally(tenantId: string, months: readonly string[]): Promise<MonthTally[]>;
}

/** Everything the insight use cases need. */
export interface InsightsDeps {
  readonly stats: WallStats;
  readonly clock: Clock;
}

/**
 * What a posted card shows: the approval card (journey 4), a channel story card (journey 5) or
 * the story of the month's announcement in the channel (journey 8).
 */
export type PostedCardKind = 'approval' | 'channel' | 'award';

/** One card the bot posted for a story, so it can be updated when the story changes. */
export interface PostedCard {
  /** The Teams activity id of the posted message. */
  readonly activityId: string;
  /** The bot's conversation reference of where it was posted (opaque here). */
  readonly reference: string;
  readonly kind: PostedCardKind;
  readonly locale: Locale;
  /** Entra object id of the person an approval card was sent to; absent for channel cards. */
  readonly userId?: string;
  /** Their Teams user id, whose client refreshes the approval card while it is pending. */
  readonly teamsUserId?: string;
  /**
   * The outbox message that sent it, so a message run again (its completion lost in a crash)
   * finds its card sent and sends no second one.
   */
  readonly messageId?: string;
}

/** Every card posted for a story, kept with the story (journeys 4 and 10). */
export interface PostedCards {
  /** Records a posted card; recording the same activity again replaces it. */
  add(ref: StoryRef, card: PostedCard): Promise<void>;
  list(ref: StoryRef): Promise<PostedCard[]>;
  /** Forgets a copy Teams refuses for good (the chat or message is gone); absent is fine. */
  remove(ref: StoryRef, activityId: string): Promise<void>;
}

/** The channel where published stories are posted (journey 5). */
export interface PublicationChannel {
  /** The bot's conversation reference of the channel (opaque here). */
  readonly reference: string;
  /** The language of the cards posted there: that of the admin who chose the channel. */
  readonly locale: Locale;
  readonly setBy: string;
  readonly setAt: Date;
}

/** A tenant's settings that admins set (journey 11). */
export interface SettingsStore {
  getPublicationChannel(tenantId: string): Promise<PublicationChannel | null>;
  setPublicationChannel(tenantId: string, channel: PublicationChannel): Promise<void>;
  /** The saved settings document; null when no admin has saved one yet. */
  getTenantSettings(tenantId: string): Promise<Versioned<TenantSettings> | null>;
  /**
   * What `getTenantSettings` would answer now, when a cache holds it fresh in memory; undefined
   * otherwise (never reads storage). Adapters without a cache leave it out.
   */
  cachedTenantSettings?(tenantId: string): Versioned<TenantSettings> | null | undefined;
  /**
   * Saves the document conditionally: on the ETag it was read at, or null when creating it; a
   * stale or lost race is DomainError('conflict').
   */
  putTenantSettings(tenantId: string, settings: TenantSettings, etag: string | null): Promise<void>;
}

/** The story an editor chose as the story of a month (journey 8). */
export interface Award {
  readonly tenantId: string;
  /** `YYYY-MM`, the month the story was published in. */
  readonly month: string;
  /** A snapshot of the story when it was chosen. */
  readonly story: Story;
  readonly awardedBy: { readonly id: string; readonly displayName: string };
  readonly awardedAt: Date;
  readonly citation?: string;
}

/**
 * The winners of a tenant, one per month. `put` is a conditional write: with the ETag of the
 * award it replaces, or null to create; a stale or lost race is DomainError('conflict').
 */
export interface AwardStore {
  get(tenantId: string, month: string): Promise<Versioned<Award> | null>;
  /** Newest month first. */
  list(tenantId: string, limit: number): Promise<Award[]>;
  put(award: Award, etag: string | null): Promise<void>;
}

/** Everything the award use cases need. */
export interface AwardsDeps {
  readonly awards: AwardStore;
  readonly stories: StoryRepository;
  readonly wall: WallIndex;
  /** Privacy mode: whether the shortlist is ranked by votes, and who sees the counts. */
  readonly settings: Pick<SettingsStore, 'getTenantSettings'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Called after the winner's history is written, so the outbox relay starts at once. */
  readonly onCommitted: (ref: StoryRef) => void;
}

/**
 * The training collections of a tenant (journey 9). Writes are conditional: `create` fails with
 * DomainError('conflict') when the id exists, `replace` and `delete` when the ETag is stale.
 */
export interface CollectionStore {
  get(tenantId: string, id: string): Promise<Versioned<Collection> | null>;
  /** At most `limit` collections, in no particular order. */
  list(tenantId: string, limit: number): Promise<Collection[]>;
  create(collection: Collection): Promise<void>;
  replace(collection: Collection, etag: string): Promise<void>;
  delete(tenantId: string, id: string, etag: string): Promise<void>;
}

/** Everything the collection use cases need. */
export interface CollectionsDeps {
  readonly collections: CollectionStore;
  /** Read to check that an added story is on the wall, and to present a collection's stories. */
  readonly stories: Pick<StoryRepository, 'get'>;
  /** Privacy mode: who sees vote counts. */
  readonly settings: Pick<SettingsStore, 'getTenantSettings'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

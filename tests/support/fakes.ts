import { createDemoDirectory } from '../../src/directory/demoDirectory.js';
import {
  DEFAULT_SETTINGS,
  alreadyReacted,
  DomainError,
  type Reaction,
  type Delegation,
  type DelegationStore,
  type ClosedEntry,
  type ClosedIndex,
  type FeaturedPeopleIndex,
  type DueEntry,
  type DueIndex,
  type TenantSettings,
  type ApprovalQueue,
  type AuditEvent,
  type AuthorIndex,
  type Clock,
  type ConversationStore,
  type IdGenerator,
  type Logger,
  type ModerationQueue,
  type MonthTally,
  type OutboxStore,
  type PendingOutboxMessage,
  type Projections,
  type PostedCard,
  type PostedCards,
  type PublicationChannel,
  type SettingsStore,
  type Story,
  type StoryChange,
  type StoryDeps,
  type StoryRef,
  type StoryRepository,
  type User,
  type UserDirectory,
  type Versioned,
  type WallIndex,
  type WallPage,
  type WallFilters,
  type WallQuery,
  type WallStats,
} from '../../src/domain/index.js';
import type { StoryPersonalData } from '../../src/domain/erasurePorts.js';
import { fakePersonIndex } from './erasureFakes.js';

/**
 * In-memory fakes of the domain's ports, for unit tests of the domain and of the bot's cards
 * and handlers. Storage behaviour itself is tested against a real Azurite, never against these.
 */

export function fixedClock(start = new Date('2026-11-02T09:00:00Z')): Clock & {
  advance(ms: number): void;
  set(date: Date): void;
} {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = date.getTime();
    },
  };
}

/**
 * A clock that starts at `start` and then runs at real speed: for a whole app in a test, whose
 * timers and back-offs need time to pass, on a calendar date the test chooses.
 */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** Real time moved forward by the test; app instances given the same one read the same time. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}

export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return { newId: () => `${prefix}-${String(++n).padStart(4, '0')}` };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

const key = (ref: StoryRef) => `${ref.tenantId}|${ref.storyId}`;
const reactionKey = (r: Pick<Reaction, 'kind' | 'personId'>) => `${r.kind}|${r.personId}`;
/** Where a given-up outbox message is parked: never due again. */
const NEVER = new Date('9999-12-31T00:00:00.000Z');

export function fakeStories(): StoryRepository &
  OutboxStore &
  StoryPersonalData & { all(): Story[]; outboxOf(ref: StoryRef): PendingOutboxMessage[] } {
  const rows = new Map<
    string,
    {
      story: Story;
      etag: number;
      /**
       * `kind|person` → when (reactions); erased stories are kept as a tombstone until purged,
       * as in storage.
       */
      reactions: Map<string, Date>;
      erased?: boolean;
      audit: AuditEvent[];
      outbox: Map<string, PendingOutboxMessage>;
    }
  >();
  let version = 0;
  const tag = () => String(++version);
  return {
    async get(ref) {
      const row = rows.get(key(ref));
      return row && !row.erased ? { value: row.story, etag: String(row.etag) } : null;
    },
    getForView(ref) {
      return this.get(ref);
    },
    async commit(change: StoryChange): Promise<Versioned<Story>> {
      const ref = { tenantId: change.story.tenantId, storyId: change.story.id };
      const existing = rows.get(key(ref));
      if (existing?.erased) throw new DomainError('conflict', 'erased');
      if (change.expectedEtag === null && existing) throw new DomainError('conflict', 'exists');
      if (change.expectedEtag !== null && String(existing?.etag) !== change.expectedEtag) {
        throw new DomainError('conflict', 'stale etag');
      }
      // The contract every use case must keep (projections are ordered by it): a new story is
      // revision 1 or later, a change is exactly one more than the revision it was read at.
      const revision = existing ? existing.story.revision + 1 : change.story.revision;
      if (change.story.revision !== revision || revision < 1) {
        throw new Error(`Story ${ref.storyId} committed at revision ${change.story.revision}.`);
      }
      if (change.reaction && existing?.reactions.has(reactionKey(change.reaction))) {
        throw alreadyReacted(change.reaction.kind);
      }
      if (change.takeBack && !existing?.reactions.has(reactionKey(change.takeBack))) {
        throw new DomainError('conflict', 'reaction gone');
      }
      const etag = Number(tag());
      const row = existing ?? {
        story: change.story,
        etag,
        reactions: new Map<string, Date>(),
        audit: [] as AuditEvent[],
        outbox: new Map<string, PendingOutboxMessage>(),
      };
      row.story = change.story;
      row.etag = etag;
      if (change.reaction) row.reactions.set(reactionKey(change.reaction), change.reaction.at);
      if (change.takeBack) row.reactions.delete(reactionKey(change.takeBack));
      row.audit.push(...change.audit);
      for (const m of change.outbox) {
        row.outbox.set(m.id, { ...m, ref, attempts: 0, nextAttemptAt: m.createdAt, etag: tag() });
      }
      rows.set(key(ref), row);
      return { value: change.story, etag: String(etag) };
    },
    async reactionOf(ref, kind, personId) {
      const at = rows.get(key(ref))?.reactions.get(reactionKey({ kind, personId }));
      return at ? { kind, personId, at } : null;
    },
    async audit(ref) {
      return [...(rows.get(key(ref))?.audit ?? [])];
    },
    async pending(ref, now) {
      return [...(rows.get(key(ref))?.outbox.values() ?? [])].filter((m) => m.nextAttemptAt <= now);
    },
    async due(now, limit) {
      return [...rows.values()]
        .flatMap((r) => [...r.outbox.values()])
        .filter((m) => m.nextAttemptAt <= now)
        .slice(0, limit);
    },
    async claim(message, leaseUntil) {
      const box = rows.get(key(message.ref))?.outbox;
      const current = box?.get(message.id);
      if (!box || !current || current.etag !== message.etag) return null;
      const claimed = { ...current, nextAttemptAt: leaseUntil, etag: tag() };
      box.set(message.id, claimed);
      return claimed;
    },
    async complete(message) {
      rows.get(key(message.ref))?.outbox.delete(message.id);
    },
    async retryLater(message, nextAttemptAt) {
      const box = rows.get(key(message.ref))?.outbox;
      if (!box?.has(message.id)) return;
      box.set(message.id, {
        ...message,
        attempts: message.attempts + 1,
        nextAttemptAt,
        etag: tag(),
      });
    },
    async giveUp(message) {
      const box = rows.get(key(message.ref))?.outbox;
      if (!box?.has(message.id)) return;
      box.set(message.id, {
        ...message,
        attempts: message.attempts + 1,
        nextAttemptAt: NEVER,
        etag: tag(),
      });
    },
    async enqueue(ref, m) {
      const row = rows.get(key(ref));
      if (!row) throw new Error('No such story partition.');
      row.outbox.set(m.id, { ...m, ref, attempts: 0, nextAttemptAt: m.createdAt, etag: tag() });
    },
    // What erasure and export need (`StoryPersonalData`), with the table adapter's rules.
    async deleteStory(ref, etag, outbox) {
      const row = rows.get(key(ref));
      if (!row || row.erased || String(row.etag) !== etag) {
        throw new DomainError('conflict', 'stale etag');
      }
      row.erased = true;
      row.etag = Number(tag());
      for (const m of outbox) {
        row.outbox.set(m.id, { ...m, ref, attempts: 0, nextAttemptAt: m.createdAt, etag: tag() });
      }
    },
    async auditRows(ref) {
      return (rows.get(key(ref))?.audit ?? []).map((event) => ({ key: event.id, event }));
    },
    async replaceAudit(ref, replaced) {
      const row = rows.get(key(ref));
      if (!row) return;
      row.audit = row.audit.map(
        (event) => replaced.find((r) => r.key === event.id)?.event ?? event,
      );
    },
    async purge(ref) {
      rows.delete(key(ref));
    },
    async legacyInvolvement(tenantId, personId) {
      const votes: string[] = [];
      const stories: string[] = [];
      let scanned = 0;
      for (const row of rows.values()) {
        if (row.story.tenantId !== tenantId) continue;
        scanned++;
        if (row.reactions.has(reactionKey({ kind: 'vote', personId }))) votes.push(row.story.id);
        const { story } = row;
        if (
          story.featured.some((p) => p.id === personId) ||
          story.approval.asked.includes(personId) ||
          story.decidedBy === personId ||
          row.audit.some((e) => e.actorId === personId)
        ) {
          stories.push(story.id);
        }
      }
      return { votes, stories, scanned, complete: true };
    },
    all: () => [...rows.values()].filter((r) => !r.erased).map((r) => r.story),
    outboxOf: (ref) => [...(rows.get(key(ref))?.outbox.values() ?? [])],
  };
}

/**
 * A projection store that keeps the newest revision of each story, as the table adapters do: a
 * write of the same or an older revision is ignored, and so is the removal of a newer one.
 */
function projection() {
  const entries = new Map<string, Story>();
  const keyOf = (story: Story) => key({ tenantId: story.tenantId, storyId: story.id });
  return {
    entries,
    write(story: Story) {
      const held = entries.get(keyOf(story));
      if (!held || held.revision < story.revision) entries.set(keyOf(story), story);
    },
    remove(story: Story) {
      const held = entries.get(keyOf(story));
      if (held && held.revision <= story.revision) entries.delete(keyOf(story));
    },
  };
}

/** The Table Storage wall's text search: a case-insensitive substring of the story's texts. */
function matchesText(story: Story, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return [story.title, story.situation, story.action, story.outcome, story.lesson, story.team].some(
    (text) => text.toLowerCase().includes(needle),
  );
}

export function fakeWall(): WallIndex & { entries(): Story[] } {
  const { entries, write, remove } = projection();
  /** The tenant's stories matching every filter, newest first. */
  const matching = (query: WallFilters) =>
    [...entries.values()]
      .filter((s) => s.tenantId === query.tenantId)
      .filter((s) => !query.team || s.team === query.team)
      .filter((s) => !query.category || s.category === query.category)
      .filter((s) => !query.q || matchesText(s, query.q))
      .filter((s) => !query.account || s.accountName?.toLowerCase() === query.account.toLowerCase())
      .filter((s) => !query.language || s.locale === query.language)
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0));
  return {
    async upsert(story) {
      write(story);
    },
    async remove(story) {
      remove(story);
    },
    async page(query: WallQuery): Promise<WallPage> {
      const offset = query.cursor ? Number(query.cursor) : 0;
      if (!Number.isInteger(offset) || offset < 0) throw new DomainError('validation', 'cursor');
      const all = matching(query);
      if (query.sort === 'votes') all.sort((a, b) => b.voteCount - a.voteCount);
      const items = all.slice(offset, offset + query.limit);
      const next = offset + query.limit;
      return { items, nextCursor: next < all.length ? String(next) : null };
    },
    async count(filters) {
      return { total: matching(filters).length, exact: true };
    },
    entries: () => [...entries.values()],
  };
}

/** One row per story and approver, newest revision kept, as the table adapter keeps them. */
export function fakeApprovals(): ApprovalQueue {
  const queue = new Map<string, Story>();
  const keyOf = (story: Story, approverId: string) => `${approverId}|${story.tenantId}|${story.id}`;
  return {
    async put(story, approverId) {
      const held = queue.get(keyOf(story, approverId));
      if (!held || held.revision < story.revision) queue.set(keyOf(story, approverId), story);
    },
    async remove(story, approverId) {
      const held = queue.get(keyOf(story, approverId));
      if (held && held.revision <= story.revision) queue.delete(keyOf(story, approverId));
    },
    async list(tenantId, approverId, limit) {
      return [...queue.entries()]
        .filter(([key, s]) => s.tenantId === tenantId && key.startsWith(`${approverId}|`))
        .map(([, s]) => s)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .slice(0, limit);
    },
    listForView(tenantId, approverId, limit) {
      return this.list(tenantId, approverId, limit);
    },
  };
}

/** The moderation queue in memory: one row per story, the newest revision kept. */
export function fakeModeration(): ModerationQueue & { entries(): Story[] } {
  const { entries, write, remove } = projection();
  return {
    async put(story) {
      write(story);
    },
    async remove(story) {
      remove(story);
    },
    async list(tenantId, limit) {
      return [...entries.values()].filter((s) => s.tenantId === tenantId).slice(0, limit);
    },
    entries: () => [...entries.values()],
  };
}

/** The scheduler's time index in memory, with the table adapter's claim rule (one version). */
/** Closed stories by closing time, as the table adapter keeps them (one row per time and id). */
export function fakeClosed(): ClosedIndex & { entries(): ClosedEntry[] } {
  const rows = new Map<string, ClosedEntry>();
  const keyOf = (entry: ClosedEntry) =>
    `${entry.ref.tenantId}|${String(entry.closedAt.getTime()).padStart(13, '0')}|${entry.ref.storyId}`;
  return {
    async put(story) {
      const entry = {
        ref: { tenantId: story.tenantId, storyId: story.id },
        closedAt: story.updatedAt,
      };
      if (!rows.has(keyOf(entry))) rows.set(keyOf(entry), entry);
    },
    async closedBefore(tenantId, cutoff, limit) {
      return [...rows.entries()]
        .filter(([, e]) => e.ref.tenantId === tenantId && e.closedAt.getTime() <= cutoff.getTime())
        .sort(([a], [b]) => a.localeCompare(b))
        .slice(0, limit)
        .map(([, e]) => e);
    },
    async remove(entry) {
      rows.delete(keyOf(entry));
    },
    entries: () => [...rows.values()],
  };
}

/** Who was featured or declined, per tenant; `entries` shows each person's marks. */
export function fakeFeaturedPeople(): FeaturedPeopleIndex & {
  entries(tenantId: string): Map<string, { featured?: true; declined?: true }>;
} {
  const rows = new Map<string, Map<string, { featured?: true; declined?: true }>>();
  const of = (tenantId: string) => {
    const found = rows.get(tenantId) ?? new Map<string, { featured?: true; declined?: true }>();
    rows.set(tenantId, found);
    return found;
  };
  return {
    async markFeatured(tenantId, personIds) {
      for (const id of personIds) of(tenantId).set(id, { ...of(tenantId).get(id), featured: true });
    },
    async markDeclined(tenantId, personId) {
      of(tenantId).set(personId, { ...of(tenantId).get(personId), declined: true });
    },
    async list(tenantId, limit) {
      return [...of(tenantId).keys()].sort().slice(0, limit);
    },
    async remove(tenantId, personId) {
      of(tenantId).delete(personId);
    },
    entries: (tenantId) => new Map(of(tenantId)),
  };
}

export function fakeDue(): DueIndex & { entries(): DueEntry[] } {
  const rows = new Map<string, DueEntry & { leaseUntil?: Date }>();
  let version = 0;
  const keyOf = (ref: StoryRef, at: Date) => `${at.getTime()}|${ref.tenantId}|${ref.storyId}`;
  return {
    async put(ref, at) {
      if (!rows.has(keyOf(ref, at))) rows.set(keyOf(ref, at), { ref, at, etag: String(++version) });
    },
    async due(now, limit) {
      return [...rows.values()]
        .filter((e) => e.at <= now && !(e.leaseUntil && e.leaseUntil > now))
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .slice(0, limit)
        .map(({ ref, at, etag }) => ({ ref, at, etag }));
    },
    async claim(entry, leaseUntil) {
      const held = rows.get(keyOf(entry.ref, entry.at));
      if (!held || held.etag !== entry.etag) return null;
      const claimed = { ...held, leaseUntil, etag: String(++version) };
      rows.set(keyOf(entry.ref, entry.at), claimed);
      return { ref: claimed.ref, at: claimed.at, etag: claimed.etag };
    },
    async done(entry) {
      const held = rows.get(keyOf(entry.ref, entry.at));
      if (held?.etag === entry.etag) rows.delete(keyOf(entry.ref, entry.at));
    },
    entries: () => [...rows.values()],
  };
}

export function fakeDelegations(): DelegationStore {
  const rows = new Map<string, Delegation>();
  return {
    async get(tenantId, userId) {
      return rows.get(`${tenantId}|${userId}`) ?? null;
    },
    async list(tenantId) {
      return [...rows.values()].filter((d) => d.tenantId === tenantId);
    },
    async put(delegation) {
      rows.set(`${delegation.tenantId}|${delegation.userId}`, delegation);
    },
    async remove(tenantId, userId) {
      rows.delete(`${tenantId}|${userId}`);
    },
  };
}

/** The settings an admin would have saved to give `users` the roles they list. */
export function grantsOf(users: readonly User[]): TenantSettings {
  return {
    ...DEFAULT_SETTINGS,
    version: 1,
    roles: users.flatMap((user) =>
      user.roles.flatMap((role) =>
        role === 'employee' ? [] : [{ role, kind: 'person' as const, id: user.id }],
      ),
    ),
  };
}

/**
 * Every story per author, newest first (by creation, then id, as the table's RowKey orders them).
 * The cursor is an offset in the author's list, kept with the author it was made for: another
 * author's (or tenant's) cursor is refused as the table adapter refuses it.
 */
export function fakeAuthors(): AuthorIndex & { entries(): Story[] } {
  const { entries, write } = projection();
  return {
    async put(story) {
      write(story);
    },
    async list(tenantId, authorId, page) {
      const owner = `${tenantId}|${authorId}|`;
      let offset = 0;
      if (page.cursor !== undefined) {
        offset = page.cursor.startsWith(owner) ? Number(page.cursor.slice(owner.length)) : NaN;
        if (!Number.isInteger(offset) || offset < 0) throw new DomainError('validation', 'cursor');
      }
      const all = [...entries.values()]
        .filter((s) => s.tenantId === tenantId && s.authorId === authorId)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
      const next = offset + page.limit;
      return {
        items: all.slice(offset, next),
        nextCursor: next < all.length ? `${owner}${next}` : null,
      };
    },
    async remove(story) {
      const held = entries.get(`${story.tenantId}|${story.id}`);
      if (held && held.revision <= story.revision) entries.delete(`${story.tenantId}|${story.id}`);
    },
    async forget(tenantId, authorId) {
      for (const [k, story] of entries) {
        if (story.tenantId === tenantId && story.authorId === authorId) entries.delete(k);
      }
    },
    entries: () => [...entries.values()],
  };
}

export function fakeUsers(initial: readonly User[] = []): UserDirectory {
  const users = new Map(initial.map((u) => [`${u.tenantId}|${u.id}`, u]));
  return {
    async get(tenantId, userId) {
      return users.get(`${tenantId}|${userId}`) ?? null;
    },
    async list(tenantId) {
      return [...users.values()].filter((u) => u.tenantId === tenantId);
    },
    async upsert(user) {
      users.set(`${user.tenantId}|${user.id}`, user);
    },
    async remove(tenantId, userId) {
      users.delete(`${tenantId}|${userId}`);
    },
  };
}

export function fakeConversations(): ConversationStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    async get(tenantId, userId) {
      return entries.get(`${tenantId}|${userId}`) ?? null;
    },
    async put(tenantId, userId, reference) {
      entries.set(`${tenantId}|${userId}`, reference);
    },
    async remove(tenantId, userId) {
      entries.delete(`${tenantId}|${userId}`);
    },
  };
}

/** Fresh fakes of every projection, some replaced by `overrides`. */
export function fakeProjections<T extends Partial<Projections>>(overrides: T = {} as T) {
  return {
    wall: fakeWall(),
    approvals: fakeApprovals(),
    authors: fakeAuthors(),
    moderation: fakeModeration(),
    due: fakeDue(),
    closed: fakeClosed(),
    featuredPeople: fakeFeaturedPeople(),
    ...overrides,
  };
}

/** A full set of story dependencies on fakes, with the fakes exposed for assertions. */
export function buildStoryDeps(users: readonly User[] = [], overrides: Partial<StoryDeps> = {}) {
  const stories = fakeStories();
  const wall = fakeWall();
  const approvals = fakeApprovals();
  const authors = fakeAuthors();
  const moderation = fakeModeration();
  const directory = fakeUsers(users);
  const due = fakeDue();
  const closed = fakeClosed();
  const featuredPeople = fakeFeaturedPeople();
  const tenants = [...new Set(users.map((u) => u.tenantId))];
  const settings = fakeSettings(Object.fromEntries(tenants.map((t) => [t, grantsOf(users)])));
  const delegations = fakeDelegations();
  const personIndex = fakePersonIndex();
  const clock = fixedClock();
  const committed: StoryRef[] = [];
  const deps: StoryDeps = {
    stories,
    wall,
    approvals,
    authors,
    moderation,
    due,
    closed,
    users: directory,
    // The demo adapter over the fake people: managers from their `managerId`.
    directory: createDemoDirectory({ users: directory, groups: {} }),
    settings,
    delegations,
    personIndex,
    featuredPeople,
    configAdmins: [],
    clock,
    ids: sequentialIds(),
    logger: silentLogger,
    onCommitted: (ref) => committed.push(ref),
    ...overrides,
  };
  return {
    deps,
    stories,
    wall,
    approvals,
    authors,
    moderation,
    due,
    closed,
    settings,
    delegations,
    personIndex,
    featuredPeople,
    users: directory,
    clock,
    committed,
  };
}

/**
 * Counts over a fake wall's published stories, as the table adapter counts its month partitions
 * (UTC months of `publishedAt`); `calls` records each `tally`'s months for assertions.
 */
export function fakeWallStats(wall: { entries(): Story[] }): WallStats & {
  calls: { tenantId: string; months: readonly string[] }[];
} {
  const calls: { tenantId: string; months: readonly string[] }[] = [];
  return {
    calls,
    async tally(tenantId, months) {
      calls.push({ tenantId, months });
      return months.map((month): MonthTally => {
        const teams = new Map<string, number>();
        const categories = new Map<string, number>();
        const stories = wall
          .entries()
          .filter(
            (s) => s.tenantId === tenantId && s.publishedAt?.toISOString().slice(0, 7) === month,
          );
        for (const s of stories) {
          teams.set(s.team, (teams.get(s.team) ?? 0) + 1);
          categories.set(s.category, (categories.get(s.category) ?? 0) + 1);
        }
        return { month, total: stories.length, teams, categories };
      });
    },
  };
}

/** The cards posted per story, as the table adapter keeps them (one per activity id). */
export function fakePostedCards(): PostedCards & { entries: Map<string, Map<string, PostedCard>> } {
  const entries = new Map<string, Map<string, PostedCard>>();
  return {
    entries,
    async add(ref, card) {
      const cards = entries.get(key(ref)) ?? new Map<string, PostedCard>();
      cards.set(card.activityId, card);
      entries.set(key(ref), cards);
    },
    async list(ref) {
      return [...(entries.get(key(ref))?.values() ?? [])];
    },
    async remove(ref, activityId) {
      entries.get(key(ref))?.delete(activityId);
    },
  };
}

/** Tenant settings in memory. */
export function fakeSettings(
  initial: Readonly<Record<string, TenantSettings>> = {},
): SettingsStore & { channels: Map<string, PublicationChannel> } {
  const channels = new Map<string, PublicationChannel>();
  const documents = new Map(Object.entries(initial).map(([t, v]) => [t, { value: v, etag: '1' }]));
  let version = 1;
  return {
    channels,
    async getPublicationChannel(tenantId) {
      return channels.get(tenantId) ?? null;
    },
    async setPublicationChannel(tenantId, channel) {
      channels.set(tenantId, channel);
    },
    async getTenantSettings(tenantId) {
      return documents.get(tenantId) ?? null;
    },
    async putTenantSettings(tenantId, settings, etag) {
      const held = documents.get(tenantId);
      if ((held?.etag ?? null) !== etag) throw new DomainError('conflict', 'stale settings');
      documents.set(tenantId, { value: settings, etag: String(++version) });
    },
  };
}

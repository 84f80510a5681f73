import { waitingApprovers, withAsked, type ApprovalSlot } from '../approval.js';
import { routingEvents } from '../approvalStart.js';
import { DomainError, isDomainError } from '../errors.js';
import {
  ERASURE_KINDS,
  type ErasureFindings,
  type ErasureKind,
  type ErasureReceipt,
  type ErasureRecord,
  type ErasureRegister,
  type StoryPersonalData,
} from '../erasurePorts.js';
import type { OutboxHandler } from '../outboxRelay.js';
import {
  DEFAULT_SETTINGS,
  type ApprovalPolicy,
  type ApproverSpec,
  type PolicyStage,
  type TenantSettings,
} from '../policy.js';
import type {
  AuditDetail,
  AuditEvent,
  AwardStore,
  ConversationStore,
  OutboxMessage,
  PostedCards,
  ReactionKind,
  StoryDeps,
  StoryRepository,
  Versioned,
} from '../ports.js';
import { trySyncProjections } from '../projections.js';
import { APP_ACTOR_ID, ERASED_NAME, isPseudonym, newPseudonym } from '../pseudonyms.js';
import { reactionOutbox, withReactionCount } from '../reactions.js';
import { retryOnConflict } from '../retry.js';
import { tenantSettings } from '../roles.js';
import {
  cardsDeleteMessage,
  deleteStory,
  FINAL_REVISION,
  type DeletionOutcome,
} from '../storyDeletion.js';
import { fallbackSlots, type RoutingNote } from '../routing.js';
import {
  approvalRequests,
  auditOf,
  changeStory,
  projectMessage,
  refreshCardsMessage,
} from '../storyChange.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';

/*
 * Erasure of a person's data (GDPR article 17, journey 12). The rule (docs/PRODUCT.md):
 *
 * - Their stories that were never published (pending, sent back, rejected, withdrawn, expired)
 *   are deleted: the story row at once (it is not found from then on), its projections, then —
 *   through the outbox — every card posted for it and every row left in its partition.
 * - Their stories that were published (published, archived, hidden) are company knowledge and
 *   stay, with a pseudonym as author ("A former colleague"): a random id, the same for all their
 *   stories, that leads nowhere.
 * - Everywhere else their id and name give way to the pseudonym or go: their votes (each
 *   story's count stays equal to its vote rows), featured mentions, decisions waiting for them
 *   (handed to the policy's fallback), their place in approval records, reports and history
 *   (comments they wrote on a kept story stay, signed by the pseudonym), their own copies of
 *   posted cards, award copies, delegations, role grants and approval stages naming them, the
 *   publication channel's "set by", the bot's conversation with them, their index rows and
 *   their row among the known people.
 *
 * It is safe to run again and to resume: a survey (reads only) writes the receipt to the
 * erasure register first; then each step is idempotent and judged on what is stored now, and
 * the record is marked done after the last one. A run cut short is carried on by the next
 * request for the same person, or by the background tick once the record has not moved for a
 * while (`resumeErasures`). A request after it is done answers the same receipt.
 */

/** What erasure and export read and write. */
export interface ErasureDeps extends StoryDeps {
  readonly personalData: StoryPersonalData;
  readonly register: ErasureRegister;
  readonly postedCards: PostedCards;
  readonly conversations: ConversationStore;
  readonly awards: AwardStore;
  /** Called once an erasure is done (e.g. to drop cached people and roles); must not throw. */
  readonly onErased?: () => void;
}

/** Rows the query for data from before the person index reads at most, per tenant. */
export const LEGACY_MAX_ROWS = 20_000;
/** An unfinished erasure untouched this long was cut short; the background tick carries it on. */
export const RESUME_AFTER_MS = 10 * 60_000;
/** Queue rows and awards read at most. */
const MAX_LISTED = 1_000;
/** Pages of the author's own list read at most (100 stories each). */
const MAX_AUTHOR_PAGES = 100;

/** The app itself, making an erasure's changes; admin so that it reads every story it acts on. */
export function erasureActor(tenantId: string): Actor {
  return {
    tenantId,
    userId: APP_ACTOR_ID,
    displayName: 'Story Wall',
    roles: ['admin'],
    surface: 'api',
  };
}

/**
 * Erases `personId` of the actor's tenant everywhere and returns the receipt. Admins may erase
 * anyone; everyone may erase themselves. A second request answers the receipt of the first (and
 * finishes it if it was cut short).
 */
export async function erasePerson(
  deps: ErasureDeps,
  actor: Actor,
  personId: string,
): Promise<ErasureReceipt> {
  requireSelfOrAdmin(actor, personId, 'erase');
  const held = await deps.register.get(actor.tenantId, personId);
  if (held?.value.status === 'done') return held.value.receipt;
  if (!held) await refuseLastAdmin(deps, actor.tenantId, personId);
  const record = held ?? (await begin(deps, actor, personId));
  return (await carryOn(deps, record, false)) ?? record.value.receipt;
}

/**
 * An erasure that would take away the tenant's only admin grant is refused until someone else
 * is given the role, so a tenant never locks itself out of Settings (saving the settings refuses
 * the same). An admin named in configuration (`ADMIN_USER_IDS`) keeps the tenant safe; admins of
 * Entra app roles hold no grant, so erasing one never trips this.
 */
async function refuseLastAdmin(deps: ErasureDeps, tenantId: string, personId: string) {
  const { value } = await tenantSettings(deps.settings, tenantId);
  const admins = value.roles.filter((grant) => grant.role === 'admin');
  const theirs = (grant: (typeof admins)[number]) =>
    grant.kind === 'person' && grant.id === personId;
  if (!admins.some(theirs)) return;
  if (admins.some((grant) => !theirs(grant))) return;
  if (deps.configAdmins.some((id) => id !== personId)) return;
  throw new DomainError(
    'conflict',
    'This person holds the only admin grant; give the admin role to someone else first.',
    { field: 'roles' },
  );
}

/**
 * Carries on erasures that were cut short (their record has not moved for `RESUME_AFTER_MS`),
 * at most `limit`; returns how many it finished. Each is claimed with a conditional write of
 * its record, so of several instances one carries it on. Never throws.
 */
export async function resumeErasures(deps: ErasureDeps, limit = 5): Promise<number> {
  let finished = 0;
  try {
    const before = new Date(deps.clock.now().getTime() - RESUME_AFTER_MS);
    for (const stale of await deps.register.unfinished(before, limit)) {
      try {
        const held = await deps.register.get(stale.tenantId, stale.receipt.personId);
        if (!held || held.value.status === 'done') continue;
        if (await carryOn(deps, held, true)) finished++;
      } catch (error) {
        deps.logger.error(
          { err: error, tenantId: stale.tenantId },
          'erasure could not be carried on; the next tick tries again',
        );
      }
    }
  } catch (error) {
    deps.logger.error({ err: error }, 'unfinished erasures could not be listed');
  }
  return finished;
}

/** Only admins act for others; anyone may ask about themselves. */
export function requireSelfOrAdmin(actor: Actor, personId: string, what: string): void {
  if (personId !== actor.userId && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', `Only admins may ${what} someone else's data.`);
  }
  if (personId === APP_ACTOR_ID || isPseudonym(personId)) {
    throw new DomainError('validation', 'That is not a person.', { field: 'id' });
  }
}

// ---------------------------------------------------------------------------------------------
// The survey: what there is to erase (reads only), written to the register before any change.

/** Every story that may hold the person's data, from keyed reads and the bounded legacy query. */
export interface Candidates {
  /** Their own stories, from their list ("My stories"). */
  readonly authored: readonly string[];
  /** Everyone else's stories that may name them, sorted. */
  readonly others: readonly string[];
  /** Of those, where they may have voted. */
  readonly voted: ReadonlySet<string>;
  /** Of those, where they may have said they learned (always indexed: no legacy rows). */
  readonly learned: ReadonlySet<string>;
  readonly legacySearch: ErasureReceipt['legacySearch'];
}

/** Finds every story that may hold the person's data; see `Candidates`. */
export async function gatherCandidates(
  deps: Pick<ErasureDeps, 'authors' | 'personIndex' | 'approvals' | 'personalData'>,
  tenantId: string,
  personId: string,
): Promise<Candidates> {
  const authored: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_AUTHOR_PAGES; page++) {
    const result = await deps.authors.list(tenantId, personId, {
      limit: 100,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    authored.push(...result.items.map((story) => story.id));
    if (result.nextCursor === null) break;
    cursor = result.nextCursor;
  }
  const [indexed, queued, legacy] = await Promise.all([
    deps.personIndex.list(tenantId, personId),
    deps.approvals.list(tenantId, personId, MAX_LISTED),
    deps.personalData.legacyInvolvement(tenantId, personId, LEGACY_MAX_ROWS),
  ]);
  const voted = new Set([
    ...indexed.filter((row) => row.involvements.includes('voted')).map((row) => row.storyId),
    ...legacy.votes,
  ]);
  const learned = new Set(
    indexed.filter((row) => row.involvements.includes('learned')).map((row) => row.storyId),
  );
  const own = new Set(authored);
  const others = new Set([
    ...indexed.map((row) => row.storyId),
    ...queued.map((story) => story.id),
    ...legacy.stories,
    ...voted,
  ]);
  return {
    authored: [...own],
    others: [...others].filter((id) => !own.has(id)).sort(),
    voted,
    learned,
    legacySearch: { scanned: legacy.scanned, complete: legacy.complete },
  };
}

/** An accumulator of findings per kind. */
function findings() {
  const entries = new Map<ErasureKind, { count: number; ids: string[] }>();
  return {
    add(kind: ErasureKind, id?: string, count = 1): void {
      const entry = entries.get(kind) ?? { count: 0, ids: [] };
      entry.count += count;
      if (id !== undefined && !entry.ids.includes(id)) entry.ids.push(id);
      entries.set(kind, entry);
    },
    done(): ErasureFindings {
      return Object.fromEntries(
        ERASURE_KINDS.map((kind) => {
          const entry = entries.get(kind) ?? { count: 0, ids: [] };
          return [kind, { count: entry.count, ids: [...entry.ids] }];
        }),
      ) as Record<ErasureKind, { count: number; ids: string[] }>;
    },
  };
}

async function survey(
  deps: ErasureDeps,
  tenantId: string,
  personId: string,
): Promise<Pick<ErasureReceipt, 'erased' | 'legacySearch'>> {
  const found = findings();
  const candidates = await gatherCandidates(deps, tenantId, personId);
  for (const storyId of [...candidates.authored, ...candidates.others]) {
    const ref = { tenantId, storyId };
    const story = (await deps.stories.get(ref))?.value;
    if (!story) continue;
    const cards = await deps.postedCards.list(ref);
    if (story.authorId === personId) {
      if (story.publishedAt === undefined) {
        found.add('storiesDeleted', storyId);
        if (cards.length > 0) found.add('postedCards', storyId, cards.length);
        continue;
      }
      found.add('storiesPseudonymised', storyId);
    } else {
      if (candidates.voted.has(storyId) && (await deps.stories.reactionOf(ref, 'vote', personId))) {
        found.add('votes', storyId);
      }
      if (
        candidates.learned.has(storyId) &&
        (await deps.stories.reactionOf(ref, 'learned', personId))
      ) {
        found.add('learned', storyId);
      }
      if (story.featured.some((p) => p.id === personId)) found.add('featured', storyId);
      if (story.status === 'pending' && waitingApprovers(story.approval).includes(personId)) {
        found.add('approvalsReassigned', storyId);
      }
      const history = await deps.personalData.auditRows(ref);
      if (
        namesInApproval(story, personId) ||
        history.some((row) => row.event.actorId === personId)
      ) {
        found.add('history', storyId);
      }
    }
    const own = cards.filter((card) => card.userId === personId).length;
    if (own > 0) found.add('postedCards', storyId, own);
  }

  for (const award of await deps.awards.list(tenantId, MAX_LISTED)) {
    if (namesPerson(award.story, personId) || award.awardedBy.id === personId) {
      found.add('awards', award.month);
    }
  }
  const own = await deps.delegations.get(tenantId, personId);
  if (own) found.add('delegations');
  for (const delegation of await deps.delegations.list(tenantId)) {
    if (delegation.userId === personId) continue;
    if (delegation.delegateId === personId || delegation.setBy === personId) {
      found.add('delegations');
    }
  }
  const settings = await deps.settings.getTenantSettings(tenantId);
  if (settings) {
    for (const grant of settings.value.roles) {
      if (grant.kind === 'person' && grant.id === personId) found.add('roleGrants', grant.role);
    }
    const named = policyMentions(settings.value.approval, personId);
    if (named > 0) found.add('roleGrants', 'approvalPolicy', named);
  }
  if (await deps.users.get(tenantId, personId)) found.add('user');
  if (await deps.conversations.get(tenantId, personId)) found.add('conversation');
  return { erased: found.done(), legacySearch: candidates.legacySearch };
}

async function begin(
  deps: ErasureDeps,
  actor: Actor,
  personId: string,
): Promise<Versioned<ErasureRecord>> {
  const { erased, legacySearch } = await survey(deps, actor.tenantId, personId);
  const now = deps.clock.now();
  const pseudonymId = newPseudonym(deps.ids);
  const record: ErasureRecord = {
    tenantId: actor.tenantId,
    status: 'running',
    updatedAt: now,
    receipt: {
      personId,
      pseudonymId,
      // Who asked is kept; a person erasing themselves is named by their pseudonym.
      requestedBy: actor.userId === personId ? pseudonymId : actor.userId,
      requestedAt: now,
      erased,
      legacySearch,
    },
  };
  try {
    return { value: record, etag: await deps.register.put(record, null) };
  } catch (error) {
    // Another request for the same person began meanwhile: theirs is the one carried out.
    if (!isDomainError(error, 'conflict')) throw error;
    const other = await deps.register.get(actor.tenantId, personId);
    if (!other) throw error;
    return other;
  }
}

// ---------------------------------------------------------------------------------------------
// Carrying it out: every step idempotent, judged on what is stored now.

/** What the steps of one run share. */
interface Run {
  readonly deps: ErasureDeps;
  readonly tenantId: string;
  readonly personId: string;
  readonly pseudonymId: string;
  readonly actor: Actor;
  /** The names the person went by (their row, the stories), replaced in history details. */
  readonly names: Set<string>;
  held: Versioned<ErasureRecord>;
}

/**
 * Runs every step of the erasure of `start` and marks it done; returns its receipt. `exclusive`
 * (the background tick): first claim the record (a conditional write), and leave it (null) when
 * another instance moved it on meanwhile.
 */
async function carryOn(
  deps: ErasureDeps,
  start: Versioned<ErasureRecord>,
  exclusive: boolean,
): Promise<ErasureReceipt | null> {
  const { tenantId, receipt } = start.value;
  const now = deps.clock.now();
  let held: Versioned<ErasureRecord>;
  try {
    const touched: ErasureRecord = { ...start.value, updatedAt: now };
    held = { value: touched, etag: await deps.register.put(touched, start.etag) };
  } catch (error) {
    if (!isDomainError(error, 'conflict')) throw error;
    if (exclusive) return null;
    const fresh = await deps.register.get(tenantId, receipt.personId);
    if (!fresh) throw error;
    if (fresh.value.status === 'done') return fresh.value.receipt;
    held = fresh;
  }
  const user = await deps.users.get(tenantId, receipt.personId);
  const run: Run = {
    deps,
    tenantId,
    personId: receipt.personId,
    pseudonymId: receipt.pseudonymId,
    actor: erasureActor(tenantId),
    names: new Set(user ? [user.displayName] : []),
    held,
  };
  const { erased } = held.value.receipt;

  for (const storyId of erased.storiesDeleted.ids) {
    const outcome = await deleteOwnStory(run, storyId);
    // Published meanwhile (an approval that raced the erasure): it stays, with the pseudonym.
    if (outcome === 'kept') {
      await updateRecord(run, (record) => moveStory(record, storyId));
      await scrubOne(run, storyId);
    }
  }
  const kept = new Set([
    ...erased.storiesPseudonymised.ids,
    ...erased.featured.ids,
    ...erased.approvalsReassigned.ids,
    ...erased.history.ids,
    ...erased.postedCards.ids.filter((id) => !erased.storiesDeleted.ids.includes(id)),
  ]);
  for (const storyId of kept) await scrubOne(run, storyId);
  for (const storyId of erased.votes.ids) await takeBack(run, storyId, 'vote');
  for (const storyId of erased.learned.ids) await takeBack(run, storyId, 'learned');
  for (const month of erased.awards.ids) await scrubAward(run, month);
  await eraseDelegations(run);
  await scrubSettings(run);
  await scrubChannel(run);
  // Whatever is left in their own partitions: stale queue rows, their list, their index.
  for (const story of await deps.approvals.list(tenantId, run.personId, MAX_LISTED)) {
    await deps.approvals.remove({ ...story, revision: FINAL_REVISION }, run.personId);
  }
  await deps.authors.forget(tenantId, run.personId);
  await deps.personIndex.drop(tenantId, run.personId);
  await deps.featuredPeople.remove(tenantId, run.personId);
  await deps.conversations.remove(tenantId, run.personId);
  await deps.users.remove(tenantId, run.personId);

  await updateRecord(run, (record) => ({
    ...record,
    status: 'done',
    receipt: { ...record.receipt, completedAt: record.receipt.completedAt ?? deps.clock.now() },
  }));
  deps.onErased?.();
  return run.held.value.receipt;
}

/** Writes a change of the record on the version held; after a lost race, on a fresh read. */
async function updateRecord(
  run: Run,
  change: (record: ErasureRecord) => ErasureRecord,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = run.held;
    const next = { ...change(current.value), updatedAt: run.deps.clock.now() };
    try {
      run.held = { value: next, etag: await run.deps.register.put(next, current.etag) };
      return;
    } catch (error) {
      if (!isDomainError(error, 'conflict') || attempt >= 12) throw error;
      const fresh = await run.deps.register.get(run.tenantId, run.personId);
      if (!fresh) throw error;
      run.held = fresh;
    }
  }
}

/** The receipt with a story moved from "deleted" to "kept with the pseudonym". */
function moveStory(record: ErasureRecord, storyId: string): ErasureRecord {
  const { erased } = record.receipt;
  if (!erased.storiesDeleted.ids.includes(storyId)) return record;
  const deleted = erased.storiesDeleted.ids.filter((id) => id !== storyId);
  return {
    ...record,
    receipt: {
      ...record.receipt,
      erased: {
        ...erased,
        storiesDeleted: { count: deleted.length, ids: deleted },
        storiesPseudonymised: {
          count: erased.storiesPseudonymised.count + 1,
          ids: [...erased.storiesPseudonymised.ids, storyId],
        },
      },
    },
  };
}

/**
 * Deletes one of the person's stories that was never published (see `deleteStory`); their own
 * list goes as a whole at the end. 'kept' when it has been published meanwhile.
 */
function deleteOwnStory(run: Run, storyId: string): Promise<DeletionOutcome> {
  return deleteStory(run.deps, { tenantId: run.tenantId, storyId }, (story) => {
    if (story.authorId !== run.personId) return 'gone';
    return story.publishedAt !== undefined ? 'kept' : 'deleted';
  });
}

/**
 * Takes the person out of a story that stays: its record (author, featured, approvers, decider,
 * reports) in one change with its projections and posted cards, a decision waiting for them
 * handed to the policy's fallback; then its history in place; then their queue row.
 */
async function scrubOne(run: Run, storyId: string): Promise<void> {
  const { deps, personId, pseudonymId } = run;
  const ref = { tenantId: run.tenantId, storyId };
  let story: Story;
  try {
    story = await changeStory(deps, run.actor, storyId, async (current, now) => {
      // Their own story not yet published is deleted, not kept.
      if (current.authorId === personId && current.publishedAt === undefined) return null;
      if (!namesPerson(current, personId)) return null;
      for (const name of namesOf(current, personId)) run.names.add(name);
      const audit: AuditEvent[] = [];
      const outbox: OutboxMessage[] = [];
      let next = current;
      if (current.status === 'pending' && waitingApprovers(current.approval).includes(personId)) {
        const handed = await handOver(run, current, now);
        next = handed.story;
        audit.push(...handed.audit);
        outbox.push(...approvalRequests(deps, now, handed.added));
      }
      next = scrubStory(next, personId, pseudonymId);
      for (const card of await deps.postedCards.list(ref)) {
        if (card.userId === personId) outbox.push(cardsDeleteMessage(deps, now, card.activityId));
      }
      outbox.push(projectMessage(deps, now), refreshCardsMessage(deps, now));
      return { story: { ...next, revision: current.revision + 1 }, audit, outbox };
    });
  } catch (error) {
    if (isDomainError(error, 'not_found')) return;
    throw error;
  }
  if (story.authorId === personId && story.publishedAt === undefined) return;
  const rows = await deps.personalData.auditRows(ref);
  for (const row of rows) if (row.event.actorId === personId) run.names.add(row.event.actorName);
  const changed = rows.flatMap((row) => {
    const event = scrubEvent(row.event, personId, pseudonymId, run.names);
    return event === row.event ? [] : [{ key: row.key, event }];
  });
  if (changed.length > 0) await deps.personalData.replaceAudit(ref, changed);
  await deps.approvals.remove({ ...story, revision: FINAL_REVISION }, personId);
}

/**
 * The person's waiting part of a pending story goes to the plan's fallback approvers (else the
 * admins; never the author nor the person), as routing does when a stage finds nobody. Those
 * already in the stage are not asked twice; when there is nobody at all, their part just ends
 * (admins still find the story among every pending one).
 */
async function handOver(
  run: Run,
  story: Story,
  now: Date,
): Promise<{ story: Story; audit: AuditEvent[]; added: string[] }> {
  const { deps, personId } = run;
  const { approval } = story;
  const notes: RoutingNote[] = [];
  const candidates = await fallbackSlots(
    deps,
    { tenantId: story.tenantId, authorId: story.authorId },
    approval.plan,
    now,
    notes,
    personId,
  );
  const remaining = approval.stage.slots.filter(
    (slot) => !(slot.userId === personId && slot.approvedAt === undefined),
  );
  const added: ApprovalSlot[] = candidates.filter(
    (candidate) => !remaining.some((slot) => slot.userId === candidate.userId),
  );
  const slots = [...remaining, ...added];
  return {
    story: {
      ...story,
      approval: {
        ...approval,
        stage: { ...approval.stage, slots },
        asked: withAsked(
          approval.asked,
          added.map((slot) => slot.userId),
        ),
      },
      updatedAt: now,
    },
    audit: [
      auditOf(deps, run.actor, 'reassigned', now, {
        detail: {
          from: [ERASED_NAME],
          to: added.map((slot) => slot.displayName),
          erasure: true,
        },
      }),
      ...routingEvents(deps, run.actor, notes, now),
    ],
    added: added.map((slot) => slot.userId),
  };
}

/** Takes back the person's reaction: the row and one from the count, in one transaction. */
async function takeBack(run: Run, storyId: string, kind: ReactionKind): Promise<void> {
  const { deps } = run;
  const ref = { tenantId: run.tenantId, storyId };
  const story = await retryOnConflict(async () => {
    const found = await deps.stories.get(ref);
    if (!found || !(await deps.stories.reactionOf(ref, kind, run.personId))) return null;
    const saved = await deps.stories.commit({
      story: withReactionCount(found.value, kind, -1),
      expectedEtag: found.etag,
      audit: [],
      outbox: reactionOutbox(deps, kind, deps.clock.now()),
      takeBack: { kind, personId: run.personId },
    });
    return saved.value;
  });
  if (!story) return;
  await trySyncProjections(deps, story);
  deps.onCommitted(ref);
}

async function scrubAward(run: Run, month: string): Promise<void> {
  const { deps, personId, pseudonymId } = run;
  await retryOnConflict(async () => {
    const found = await deps.awards.get(run.tenantId, month);
    if (!found) return;
    const award = found.value;
    const chooser = award.awardedBy.id === personId;
    if (!chooser && !namesPerson(award.story, personId)) return;
    await deps.awards.put(
      {
        ...award,
        story: scrubStory(award.story, personId, pseudonymId),
        awardedBy: chooser ? { id: pseudonymId, displayName: ERASED_NAME } : award.awardedBy,
      },
      found.etag,
    );
  });
}

/** Their delegation ends, so do those naming them as delegate; one they set for someone stays. */
async function eraseDelegations(run: Run): Promise<void> {
  const { deps, tenantId, personId } = run;
  await deps.delegations.remove(tenantId, personId);
  for (const delegation of await deps.delegations.list(tenantId)) {
    if (delegation.delegateId === personId) {
      await deps.delegations.remove(tenantId, delegation.userId);
    } else if (delegation.setBy === personId) {
      await deps.delegations.put({ ...delegation, setBy: run.pseudonymId });
    }
  }
}

/**
 * Role grants to the person go; approval stages naming only them name the policy's fallback
 * instead (one naming only them becomes the default, the approver role), so the document stays
 * valid. Saved as a new version by the erasure's requester.
 */
async function scrubSettings(run: Run): Promise<void> {
  const { deps, tenantId, personId } = run;
  await retryOnConflict(async () => {
    const held = await deps.settings.getTenantSettings(tenantId);
    if (!held) return;
    const next = settingsWithout(held.value, personId, run.pseudonymId);
    if (!next) return;
    await deps.settings.putTenantSettings(
      tenantId,
      {
        ...next,
        version: held.value.version + 1,
        updatedAt: deps.clock.now(),
        updatedBy: run.held.value.receipt.requestedBy,
      },
      held.etag,
    );
  });
}

async function scrubChannel(run: Run): Promise<void> {
  const { deps, tenantId } = run;
  const channel = await deps.settings.getPublicationChannel(tenantId);
  if (channel?.setBy === run.personId) {
    await deps.settings.setPublicationChannel(tenantId, { ...channel, setBy: run.pseudonymId });
  }
}

/**
 * `story.purge`: deletes every row left of an erased story — once the story row is gone (a story
 * that exists is never purged) and its posted cards are deleted (until then it fails, and the
 * relay tries again after `cards.delete`).
 */
export function purgeStoryHandler(deps: {
  readonly stories: StoryRepository;
  readonly personalData: StoryPersonalData;
  readonly postedCards: PostedCards;
}): OutboxHandler {
  return async (message) => {
    if (await deps.stories.get(message.ref)) return;
    if ((await deps.postedCards.list(message.ref)).length > 0) {
      throw new Error('The erased story still has posted cards; they are deleted first.');
    }
    await deps.personalData.purge(message.ref);
  };
}

// ---------------------------------------------------------------------------------------------
// Pure rules.

/** Whether the story's record names the person anywhere but its history. */
export function namesPerson(story: Story, personId: string): boolean {
  return story.authorId === personId || namesInRecord(story, personId);
}

/** As `namesPerson`, authorship left out. */
function namesInRecord(story: Story, personId: string): boolean {
  return story.featured.some((p) => p.id === personId) || namesInApproval(story, personId);
}

/** Whether its approval record or its reports name the person. */
function namesInApproval(story: Story, personId: string): boolean {
  const { approval } = story;
  return (
    approval.asked.includes(personId) ||
    approval.stage.slots.some((s) => s.userId === personId || s.onBehalfOf === personId) ||
    story.decidedBy === personId ||
    (story.reports ?? []).some((r) => r.reporterId === personId)
  );
}

/** The names the story knows the person by. */
function namesOf(story: Story, personId: string): string[] {
  return [
    ...(story.authorId === personId ? [story.authorName] : []),
    ...story.featured.filter((p) => p.id === personId).map((p) => p.displayName),
    ...story.approval.stage.slots.filter((s) => s.userId === personId).map((s) => s.displayName),
    ...(story.reports ?? []).filter((r) => r.reporterId === personId).map((r) => r.reporterName),
  ].filter((name) => name.trim() !== '' && name !== ERASED_NAME);
}

/**
 * The story without the person: the pseudonym as its author or in its approval record (approvers
 * who already decided, whom someone stood in for, who decided), their name off its featured
 * colleagues and out of those it was routed to, their reports signed by the pseudonym. A
 * decision still waiting for them is handed on first (`handOver`), not renamed.
 */
export function scrubStory(story: Story, personId: string, pseudonymId: string): Story {
  const slot = (s: ApprovalSlot): ApprovalSlot => ({
    ...s,
    ...(s.userId === personId ? { userId: pseudonymId, displayName: ERASED_NAME } : {}),
    ...(s.onBehalfOf === personId ? { onBehalfOf: pseudonymId } : {}),
  });
  const { approval } = story;
  return {
    ...story,
    ...(story.authorId === personId ? { authorId: pseudonymId, authorName: ERASED_NAME } : {}),
    featured: story.featured.filter((p) => p.id !== personId),
    approval: {
      ...approval,
      stage: { ...approval.stage, slots: approval.stage.slots.map(slot) },
      asked: approval.asked.filter((id) => id !== personId),
    },
    ...(story.decidedBy === personId ? { decidedBy: pseudonymId } : {}),
    ...(story.reports
      ? {
          reports: story.reports.map((r) =>
            r.reporterId === personId
              ? { ...r, reporterId: pseudonymId, reporterName: ERASED_NAME }
              : r,
          ),
        }
      : {}),
  };
}

/**
 * A history event without the person: the pseudonym as its actor, and in its facts (whom it was
 * routed to, from whom to whom) their id and the names they went by. What they wrote (a comment,
 * a reason) stays, signed by the pseudonym. The same event when nothing names them.
 */
export function scrubEvent(
  event: AuditEvent,
  personId: string,
  pseudonymId: string,
  names: ReadonlySet<string>,
): AuditEvent {
  const swap = (value: string) =>
    value === personId ? pseudonymId : names.has(value) ? ERASED_NAME : value;
  let changed = event.actorId === personId;
  const detail: AuditDetail | undefined = event.detail
    ? Object.fromEntries(
        Object.entries(event.detail).map(([key, value]): [string, AuditDetail[string]] => {
          if (typeof value === 'string') {
            const next = swap(value);
            if (next !== value) changed = true;
            return [key, next];
          }
          if (typeof value === 'object') {
            const next = value.map(swap);
            if (next.some((item, i) => item !== value[i])) changed = true;
            return [key, next];
          }
          return [key, value];
        }),
      )
    : undefined;
  if (!changed) return event;
  return {
    ...event,
    ...(event.actorId === personId ? { actorId: pseudonymId, actorName: ERASED_NAME } : {}),
    ...(detail ? { detail } : {}),
  };
}

/** How many approver specs of the policy name the person. */
function policyMentions(policy: ApprovalPolicy, personId: string): number {
  const specs = [
    policy.fallback,
    ...policy.stages.map((s) => s.approvers),
    ...Object.values(policy.byCategory ?? {}).flatMap((own) => own.stages.map((s) => s.approvers)),
  ];
  return specs.filter((spec) => spec.kind === 'people' && spec.ids.includes(personId)).length;
}

/**
 * The settings document without the person (see `scrubSettings`); null when it does not name
 * them. Version and who saved it are left to the caller.
 */
export function settingsWithout(
  settings: TenantSettings,
  personId: string,
  pseudonymId: string,
): TenantSettings | null {
  const granted = settings.roles.some((g) => g.kind === 'person' && g.id === personId);
  const named = policyMentions(settings.approval, personId) > 0;
  if (!granted && !named && settings.updatedBy !== personId) return null;
  const without = (spec: ApproverSpec): ApproverSpec | null => {
    if (spec.kind !== 'people' || !spec.ids.includes(personId)) return spec;
    const ids = spec.ids.filter((id) => id !== personId);
    return ids.length > 0 ? { kind: 'people', ids } : null;
  };
  const { approval } = settings;
  const fallback = without(approval.fallback) ?? DEFAULT_SETTINGS.approval.fallback;
  const stage = (s: PolicyStage): PolicyStage => ({
    ...s,
    approvers: without(s.approvers) ?? fallback,
  });
  const byCategory = approval.byCategory
    ? Object.fromEntries(
        Object.entries(approval.byCategory).map(([category, own]) => [
          category,
          { stages: own.stages.map(stage) },
        ]),
      )
    : undefined;
  return {
    ...settings,
    approval: {
      ...approval,
      stages: approval.stages.map(stage),
      fallback,
      ...(byCategory ? { byCategory } : {}),
    },
    roles: settings.roles.filter((g) => !(g.kind === 'person' && g.id === personId)),
    ...(settings.updatedBy === personId ? { updatedBy: pseudonymId } : {}),
  };
}

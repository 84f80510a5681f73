import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { Surface } from '../domain/user.js';
import { alreadyReacted } from '../domain/reactions.js';
import type {
  AuditAction,
  AuditDetail,
  AuditEvent,
  ReactionKind,
  StoryChange,
  StoryRef,
  StoryRepository,
  Versioned,
} from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { CorruptRowError, date, opt, optStr, str, type Row } from './entityFields.js';
import { joinKey, keyPart, prefixRange, sortableTime, storyPartition } from './keys.js';
import { reportsColumn, storyColumns, storyFromRow } from './storyColumns.js';
import {
  failedOperationIndex,
  guard,
  orIfNotFound,
  statusOf,
  toDomainError,
} from './tableErrors.js';
import { outboxRow } from './tableOutboxStore.js';

/** RowKey of the story itself inside its partition. */
export const STORY_ROW = 'story';
/** The column of a created story row naming the commit call that created it (see `commit`). */
const CREATE_TOKEN = 'createdBy';
// An entity-group transaction holds at most 100 operations: the story, its audit events, its
// outbox rows and a reaction row.
const MAX_ROWS_PER_COMMIT = 100;

// A Record, so the compiler refuses an action left out (an unknown action reads as corrupt).
const AUDIT_ACTIONS: Readonly<Record<AuditAction, true>> = {
  submitted: true,
  routed: true,
  delegated: true,
  approved: true,
  changes_requested: true,
  rejected: true,
  resubmitted: true,
  withdrawn: true,
  published: true,
  archived: true,
  reassigned: true,
  reminded: true,
  escalated: true,
  expired: true,
  featured_removed: true,
  featured_confirmed: true,
  hidden: true,
  restored: true,
  edited: true,
  reports_dismissed: true,
  awarded: true,
};
const SURFACES: readonly Surface[] = ['card', 'tab', 'api', 'scheduler'];

/**
 * RowKey of a person's reaction of one kind inside the story's partition; a vote's prefix is
 * `vote`, as it was before other kinds existed.
 */
export function reactionKey(kind: ReactionKind, personId: string): string {
  return joinKey(kind, keyPart(personId, 'personId'));
}

/**
 * The story aggregate in table `<prefix>stories`: one partition per story holding the story row,
 * its reactions (votes, "I learned from this"), its audit events and its outbox rows, so one
 * commit is one entity-group transaction.
 */
export function createTableStoryRepository(client: TableClient): StoryRepository {
  async function get(ref: StoryRef): Promise<Versioned<Story> | null> {
    const row = await orIfNotFound(
      'stories.get',
      () => client.getEntity<Row>(storyPartition(ref), STORY_ROW),
      null,
    );
    // An erased story's row is a tombstone until its partition is purged: not found.
    if (!row || isTombstone(row)) return null;
    return { value: storyFromRow(row), etag: row.etag };
  }

  return {
    get,
    // Storage itself is never behind; `cacheStoryViews` is what answers from memory.
    getForView: get,

    async commit(change) {
      const { story } = change;
      const ref = { tenantId: story.tenantId, storyId: story.id };
      const partitionKey = storyPartition(ref);
      // A create carries a token of this call: when the SDK sends it again because the first
      // attempt's answer was lost (a reset connection, a timed-out attempt) although storage
      // stored it, the 409 of the retry finds the row this call wrote, not someone else's.
      const token = change.expectedEtag === null ? randomUUID() : undefined;
      const actions = commitActions(partitionKey, change, token);
      let etag: string | undefined;
      try {
        const response = await client.submitTransaction(actions);
        // The story is operation 0; an update's sub-response has no RowKey to look it up by.
        etag = response.subResponses[0]?.etag;
      } catch (error) {
        const failure = commitError(error, change);
        if (token && isDomainError(failure, 'conflict')) {
          const stored = await orIfNotFound(
            'stories.get',
            () => client.getEntity<Row>(partitionKey, STORY_ROW),
            null,
          );
          if (stored?.[CREATE_TOKEN] === token) return { value: story, etag: stored.etag };
        }
        throw failure;
      }
      if (etag) return { value: story, etag };
      const saved = await get(ref);
      if (!saved) throw new DomainError('conflict', 'The story vanished after its commit.');
      return saved;
    },

    async reactionOf(ref, kind, personId) {
      const row = await orIfNotFound(
        'stories.reactionOf',
        () =>
          client.getEntity<Row>(storyPartition(ref), reactionKey(kind, personId), {
            queryOptions: { select: ['at'] },
          }),
        null,
      );
      return row ? { kind, personId, at: date(row, 'at') } : null;
    },

    async audit(ref) {
      const { from, to } = prefixRange('audit');
      const filter = odata`PartitionKey eq ${storyPartition(ref)} and RowKey ge ${from} and RowKey lt ${to}`;
      return guard('stories.audit', async () => {
        const events: AuditEvent[] = [];
        // RowKeys are time-sortable, so the service returns the history in order.
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          events.push(auditFromRow(row));
        }
        return events;
      });
    },
  };
}

/** The column that marks a story row as erased (see `tableStoryPersonalData.ts`). */
export const TOMBSTONE_COLUMN = 'erased';

/** True for the row an erased story leaves until its partition is purged. */
export function isTombstone(row: Row): boolean {
  return row[TOMBSTONE_COLUMN] === true;
}

/**
 * The operations of one commit: the story row, its audit events, outbox rows and the reaction
 * row created or deleted (in that order: `commitError` finds the reaction by its position).
 */
export function commitActions(
  partitionKey: string,
  change: StoryChange,
  createToken?: string,
): TransactionAction[] {
  if (1 + change.audit.length + change.outbox.length + reactionRows(change) > MAX_ROWS_PER_COMMIT) {
    throw new DomainError('too_large', 'Too many rows for one commit.');
  }
  const story = {
    partitionKey,
    rowKey: STORY_ROW,
    ...storyColumns(change.story),
    // The open reports live on the story row only (the projections' snapshots leave them out).
    ...reportsColumn(change.story),
    ...(createToken ? { [CREATE_TOKEN]: createToken } : {}),
  };
  // Never the SDK's default etag '*' (last writer wins): a stale version must fail with 412.
  const actions: TransactionAction[] = [
    change.expectedEtag === null
      ? ['create', story]
      : ['update', story, 'Replace', { etag: change.expectedEtag }],
  ];
  change.audit.forEach((event, seq) => {
    actions.push([
      'create',
      {
        partitionKey,
        // The position keeps the events of one change in the order they happened.
        rowKey: joinKey(
          'audit',
          sortableTime(event.at),
          String(seq).padStart(2, '0'),
          keyPart(event.id, 'audit id'),
        ),
        ...auditColumns(event),
      },
    ]);
  });
  change.outbox.forEach((message, seq) => {
    actions.push(['create', outboxRow(partitionKey, message, seq)]);
  });
  if (change.reaction) {
    const { kind, personId, at } = change.reaction;
    actions.push(['create', { partitionKey, rowKey: reactionKey(kind, personId), at }]);
  }
  if (change.takeBack) {
    const { kind, personId } = change.takeBack;
    // A delete in a transaction fails with 404 when the row is gone: taken back meanwhile.
    actions.push(['delete', { partitionKey, rowKey: reactionKey(kind, personId) }]);
  }
  return actions;
}

function reactionRows(change: StoryChange): number {
  return (change.reaction ? 1 : 0) + (change.takeBack ? 1 : 0);
}

/**
 * A failed transaction stores nothing. Its status says why: 412 (stale ETag) or 404 (the story,
 * or a reaction being taken back, is gone) is a lost race; 409 is an existing row — the reaction
 * row means "already voted" (or reacted), the story row means someone created it first.
 */
function commitError(error: unknown, change: StoryChange): unknown {
  const status = statusOf(error);
  if (status === 412 || status === 404) {
    return new DomainError('conflict', 'The story was changed by someone else.', { status });
  }
  if (status === 409) {
    const failed = failedOperationIndex(error);
    const reactionIndex = change.reaction ? 1 + change.audit.length + change.outbox.length : -1;
    const isReaction =
      failed === undefined ? change.reaction !== undefined : failed === reactionIndex;
    return change.reaction && isReaction
      ? alreadyReacted(change.reaction.kind)
      : new DomainError('conflict', 'The story already exists.', { status });
  }
  return toDomainError(error, 'stories.commit');
}

/** The columns of a history event, its keys aside. */
export function auditColumns(event: AuditEvent): Record<string, unknown> {
  return {
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    actorName: event.actorName,
    action: event.action,
    surface: event.surface,
    ...opt('comment', event.comment),
    ...opt('detail', event.detail ? JSON.stringify(event.detail) : undefined),
  };
}

/** The history event of an audit row. */
export function auditFromRow(row: Row): AuditEvent {
  const action = str(row, 'action');
  if (!Object.hasOwn(AUDIT_ACTIONS, action)) throw new CorruptRowError('Unknown audit action.');
  const comment = optStr(row, 'comment');
  const detail = optStr(row, 'detail');
  const actorId = str(row, 'actorId');
  // Events written before surfaces and names were recorded came from the tab or a card; neither
  // can be told apart now, so they read as the tab's.
  const surface = optStr(row, 'surface') ?? 'tab';
  if (!SURFACES.includes(surface as Surface)) throw new CorruptRowError('Unknown surface.');
  return {
    id: str(row, 'id'),
    at: date(row, 'at'),
    actorId,
    actorName: optStr(row, 'actorName') ?? actorId,
    action: action as AuditAction,
    surface: surface as Surface,
    ...(comment !== undefined ? { comment } : {}),
    ...(detail !== undefined ? { detail: parseDetail(detail) } : {}),
  };
}

function parseDetail(json: string): AuditDetail {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new CorruptRowError('Audit detail is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CorruptRowError('Audit detail is not an object.');
  }
  return value as AuditDetail;
}

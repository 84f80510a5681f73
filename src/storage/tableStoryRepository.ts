import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type {
  AuditAction,
  AuditEvent,
  StoryChange,
  StoryRef,
  StoryRepository,
  Versioned,
} from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { CorruptRowError, date, opt, optStr, str, type Row } from './entityFields.js';
import { joinKey, keyPart, prefixRange, sortableTime, storyPartition } from './keys.js';
import { storyColumns, storyFromRow } from './storyColumns.js';
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
// An entity-group transaction holds at most 100 operations: the story, an audit event, a vote.
const MAX_OUTBOX_PER_COMMIT = 97;

const AUDIT_ACTIONS: readonly AuditAction[] = [
  'submitted',
  'approved',
  'changes_requested',
  'rejected',
  'resubmitted',
  'withdrawn',
  'archived',
  'reassigned',
];

/**
 * The story aggregate in table `<prefix>stories`: one partition per story holding the story row,
 * its votes, its audit events and its outbox rows, so one commit is one entity-group transaction.
 */
export function createTableStoryRepository(client: TableClient): StoryRepository {
  async function get(ref: StoryRef): Promise<Versioned<Story> | null> {
    const row = await orIfNotFound(
      'stories.get',
      () => client.getEntity<Row>(storyPartition(ref), STORY_ROW),
      null,
    );
    return row ? { value: storyFromRow(row), etag: row.etag } : null;
  }

  return {
    get,

    async commit(change) {
      const { story } = change;
      const partitionKey = storyPartition({ tenantId: story.tenantId, storyId: story.id });
      const actions = commitActions(partitionKey, change);
      let etag: string | undefined;
      try {
        const response = await client.submitTransaction(actions);
        // The story is operation 0; an update's sub-response has no RowKey to look it up by.
        etag = response.subResponses[0]?.etag;
      } catch (error) {
        throw commitError(error, change);
      }
      if (etag) return { value: story, etag };
      const saved = await get({ tenantId: story.tenantId, storyId: story.id });
      if (!saved) throw new DomainError('conflict', 'The story vanished after its commit.');
      return saved;
    },

    async hasVoted(ref, voterId) {
      const rowKey = joinKey('vote', keyPart(voterId, 'voterId'));
      const row = await orIfNotFound(
        'stories.hasVoted',
        () => client.getEntity(storyPartition(ref), rowKey, { queryOptions: { select: ['at'] } }),
        null,
      );
      return row !== null;
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

function commitActions(partitionKey: string, change: StoryChange): TransactionAction[] {
  if (change.outbox.length > MAX_OUTBOX_PER_COMMIT) {
    throw new DomainError('too_large', 'Too many outbox messages for one commit.');
  }
  const story = { partitionKey, rowKey: STORY_ROW, ...storyColumns(change.story) };
  // Never the SDK's default etag '*' (last writer wins): a stale version must fail with 412.
  const actions: TransactionAction[] = [
    change.expectedEtag === null
      ? ['create', story]
      : ['update', story, 'Replace', { etag: change.expectedEtag }],
  ];
  if (change.audit) {
    const event = change.audit;
    actions.push([
      'create',
      {
        partitionKey,
        rowKey: joinKey('audit', sortableTime(event.at), keyPart(event.id, 'audit id')),
        id: event.id,
        at: event.at,
        actorId: event.actorId,
        action: event.action,
        ...opt('comment', event.comment),
      },
    ]);
  }
  change.outbox.forEach((message, seq) => {
    actions.push(['create', outboxRow(partitionKey, message, seq)]);
  });
  if (change.vote) {
    actions.push([
      'create',
      {
        partitionKey,
        rowKey: joinKey('vote', keyPart(change.vote.voterId, 'voterId')),
        at: change.vote.at,
      },
    ]);
  }
  return actions;
}

/**
 * A failed transaction stores nothing. Its status says why: 412 (stale ETag) or 404 (the story
 * is gone) is a lost race; 409 is an existing row — the vote row means "already voted", the
 * story row means someone created it first.
 */
function commitError(error: unknown, change: StoryChange): unknown {
  const status = statusOf(error);
  if (status === 412 || status === 404) {
    return new DomainError('conflict', 'The story was changed by someone else.', { status });
  }
  if (status === 409) {
    const failed = failedOperationIndex(error);
    const voteIndex = change.vote ? 1 + (change.audit ? 1 : 0) + change.outbox.length : -1;
    const isVote = failed === undefined ? change.vote !== undefined : failed === voteIndex;
    return isVote
      ? new DomainError('already_voted', 'You have already voted for this story.')
      : new DomainError('conflict', 'The story already exists.', { status });
  }
  return toDomainError(error, 'stories.commit');
}

function auditFromRow(row: Row): AuditEvent {
  const action = str(row, 'action');
  if (!AUDIT_ACTIONS.includes(action as AuditAction)) {
    throw new CorruptRowError('Unknown audit action.');
  }
  const comment = optStr(row, 'comment');
  return {
    id: str(row, 'id'),
    at: date(row, 'at'),
    actorId: str(row, 'actorId'),
    action: action as AuditAction,
    ...(comment !== undefined ? { comment } : {}),
  };
}

import { odata, type TableClient } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type { AuthorIndex } from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { decodeAuthorCursor, encodeAuthorCursor } from './authorCursor.js';
import type { Row } from './entityFields.js';
import { invertedTime, joinKey, keyPart } from './keys.js';
import { deletePartition } from './partitionDelete.js';
import {
  removeUnlessNewer,
  writeIfNewer,
  type ProjectionTableOptions,
} from './projectionWrites.js';
import { createRowVersionMemory } from './rowVersionMemory.js';
import { storyColumns, storyFromRow } from './storyColumns.js';
import { guard } from './tableErrors.js';

const MAX_LIMIT = 100;

/**
 * Every story of each author in table `<prefix>queues` (beside the approval queues; the
 * partitions cannot meet): PartitionKey `<tenant>|author|<authorId>`, RowKey = inverted created
 * time + story id, so a partition query returns the newest story first. Each row is a full story
 * snapshot, so a page is one query. `createdAt` and the author never change, so a story keeps one
 * row for life and every change overwrites it (ordered by revision).
 */
export function createTableAuthorIndex(
  client: TableClient,
  options: ProjectionTableOptions = {},
): AuthorIndex {
  const versions = createRowVersionMemory({ ttlMs: options.versionMemoryMs ?? 0 });
  return {
    async put(story) {
      // A projection, ordered by revision: idempotent, and the outbox repeats it after a failure.
      await writeIfNewer(
        client,
        'authors.put',
        authorKeys(story),
        storyColumns(story),
        story.revision,
        { memory: versions },
      );
    },

    async remove(story) {
      await removeUnlessNewer(
        client,
        'authors.remove',
        authorKeys(story),
        story.revision,
        versions,
      );
    },

    async list(tenantId, authorId, page) {
      const partitionKey = authorPartition(tenantId, authorId);
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_LIMIT) {
        throw new DomainError('validation', 'Invalid page size.', { field: 'limit' });
      }
      const limit = page.limit;
      const after =
        page.cursor !== undefined ? decodeAuthorCursor(partitionKey, page.cursor) : undefined;
      const clauses = [odata`PartitionKey eq ${partitionKey}`];
      if (after !== undefined) clauses.push(odata`RowKey gt ${after}`);
      return guard('authors.list', async () => {
        // One row more than the page shows whether there is a next page, so the last page says so
        // itself (a null cursor) instead of leading to an empty one.
        const rows: Row[] = [];
        const pages = client
          .listEntities<Row>({ queryOptions: { filter: clauses.join(' and ') } })
          .byPage({ maxPageSize: limit + 1 });
        for await (const fetched of pages) {
          rows.push(...fetched);
          if (rows.length > limit) break;
        }
        const shown = rows.slice(0, limit);
        const last = shown.at(-1);
        return {
          items: shown.map(storyFromRow),
          nextCursor:
            rows.length > limit && last
              ? encodeAuthorCursor(partitionKey, String(last.rowKey))
              : null,
        };
      });
    },

    async forget(tenantId, authorId) {
      await deletePartition(client, 'authors.forget', authorPartition(tenantId, authorId));
    },
  };
}

function authorPartition(tenantId: string, authorId: string): string {
  return joinKey(keyPart(tenantId, 'tenantId'), 'author', keyPart(authorId, 'authorId'));
}

function authorKeys(story: Story): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: authorPartition(story.tenantId, story.authorId),
    rowKey: joinKey(invertedTime(story.createdAt), keyPart(story.id, 'storyId')),
  };
}

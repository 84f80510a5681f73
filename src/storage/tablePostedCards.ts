import { odata, type TableClient } from '@azure/data-tables';
import type { PostedCard, PostedCardKind, PostedCards } from '../domain/ports.js';
import { CorruptRowError, opt, optStr, str, type Row } from './entityFields.js';
import { joinKey, prefixRange, storyPartition } from './keys.js';
import { guard, isNotFound, toDomainError } from './tableErrors.js';

const KINDS: readonly PostedCardKind[] = ['approval', 'channel', 'award'];
const MAX_ACTIVITY_ID_LENGTH = 512;

/**
 * The cards posted for a story, in the story's own partition of table `<prefix>stories`
 * (RowKey `card|<activity id, URI-encoded>`), so they live and go with the story. Teams chooses
 * activity ids; encoding keeps any `/`, `#`, `?` or `|` in one out of the key's syntax. Writes are
 * upserts: recording the same message again is idempotent.
 */
export function createTablePostedCards(client: TableClient): PostedCards {
  const { from, to } = prefixRange('card');
  return {
    async add(ref, card) {
      const entity = {
        partitionKey: storyPartition(ref),
        rowKey: cardRowKey(card.activityId),
        activityId: card.activityId,
        reference: card.reference,
        kind: card.kind,
        locale: card.locale,
        ...opt('userId', card.userId),
        ...opt('teamsUserId', card.teamsUserId),
        ...opt('messageId', card.messageId),
      };
      await guard('postedCards.add', () => client.upsertEntity(entity, 'Replace'));
    },

    async list(ref) {
      const filter = odata`PartitionKey eq ${storyPartition(ref)} and RowKey ge ${from} and RowKey lt ${to}`;
      return guard('postedCards.list', async () => {
        const cards: PostedCard[] = [];
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          cards.push(cardFromRow(row));
        }
        return cards;
      });
    },

    async remove(ref, activityId) {
      try {
        await client.deleteEntity(storyPartition(ref), cardRowKey(activityId));
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'postedCards.remove');
      }
    },
  };
}

function cardRowKey(activityId: string): string {
  if (activityId.length === 0 || activityId.length > MAX_ACTIVITY_ID_LENGTH) {
    throw new CorruptRowError('Unusable activity id.');
  }
  return joinKey('card', encodeURIComponent(activityId));
}

function cardFromRow(row: Row): PostedCard {
  const kind = str(row, 'kind');
  const locale = str(row, 'locale');
  if (!(KINDS as readonly string[]).includes(kind)) throw new CorruptRowError('Unknown card kind.');
  if (locale !== 'en' && locale !== 'fi') throw new CorruptRowError('Unknown card locale.');
  const userId = optStr(row, 'userId');
  const teamsUserId = optStr(row, 'teamsUserId');
  const messageId = optStr(row, 'messageId');
  return {
    activityId: str(row, 'activityId'),
    reference: str(row, 'reference'),
    kind: kind as PostedCardKind,
    locale,
    ...(userId !== undefined ? { userId } : {}),
    ...(teamsUserId !== undefined ? { teamsUserId } : {}),
    ...(messageId !== undefined ? { messageId } : {}),
  };
}

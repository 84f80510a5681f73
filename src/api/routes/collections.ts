import type { FastifyInstance } from 'fastify';
import type { CollectionsService } from '../../domain/index.js';
import type { CollectionDto, CollectionsDto, CollectionSummaryDto } from '../../shared/dto.js';
import {
  collectionExportQuerySchema,
  collectionIdSchema,
  collectionInputSchema,
  collectionParamsSchema,
  collectionUpdateSchema,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import {
  collectionCsv,
  collectionMarkdown,
  presentCollection,
  presentCollectionSummary,
} from '../collectionPresenters.js';
import { sendCsv } from '../csv.js';
import { parseInput } from '../errors.js';
import { fileNameOf, sendMarkdown } from '../markdown.js';
import { answers, csvAnswer, emptyAnswer, jsonAnswer, markdownAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';

/**
 * Training collections (journey 9): everyone signed in reads them, editors and admins write them.
 * Validate → one use case → present.
 */
export function collectionRoutes(
  app: FastifyInstance,
  deps: { collections: CollectionsService; authenticate: Authenticator },
): void {
  const { collections, authenticate } = deps;
  const tags = ['collections'];

  app.get(
    '/api/collections',
    {
      schema: {
        tags,
        summary: 'The training collections, the last changed first',
        response: answers({ 200: jsonAnswer('The collections.', responseSchemas.collections) }),
      },
    },
    async (request): Promise<CollectionsDto> => {
      const actor = await authenticate(request);
      const items = await collections.listCollections(actor);
      return { items: items.map(presentCollectionSummary) };
    },
  );

  app.post(
    '/api/collections',
    {
      schema: {
        tags,
        summary: 'Create a collection of published stories, in order (editors, admins)',
        body: collectionInputSchema,
        response: answers(
          { 201: jsonAnswer('The new collection.', responseSchemas.collectionSummary) },
          [409, 413, 429],
        ),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const input = parseInput(collectionInputSchema, request.body);
      const created = await collections.createCollection(actor, input);
      const body: CollectionSummaryDto = presentCollectionSummary(created);
      return reply.status(201).send(body);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/collections/:id',
    {
      schema: {
        tags,
        summary: 'A collection with its stories on the wall, in order',
        params: collectionParamsSchema,
        response: answers(
          { 200: jsonAnswer('The collection.', responseSchemas.collection) },
          [404],
        ),
      },
    },
    async (request): Promise<CollectionDto> => {
      const actor = await authenticate(request);
      const id = parseInput(collectionIdSchema, request.params.id);
      const view = await collections.getCollection(actor, id);
      return presentCollection(view.collection, view.stories, {
        voteCount: view.voteCounts,
        viewer: actor,
      });
    },
  );

  app.put<{ Params: { id: string } }>(
    '/api/collections/:id',
    {
      schema: {
        tags,
        summary:
          'Save a collection edited from `version` (editors, admins); a newer version answers 409',
        params: collectionParamsSchema,
        body: collectionUpdateSchema,
        response: answers(
          { 200: jsonAnswer('The collection as saved.', responseSchemas.collectionSummary) },
          [404, 409, 413, 429],
        ),
      },
    },
    async (request): Promise<CollectionSummaryDto> => {
      const actor = await authenticate(request);
      const id = parseInput(collectionIdSchema, request.params.id);
      const input = parseInput(collectionUpdateSchema, request.body);
      return presentCollectionSummary(await collections.updateCollection(actor, id, input));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/collections/:id',
    {
      schema: {
        tags,
        summary: 'Delete a collection; its stories stay on the wall (editors, admins)',
        params: collectionParamsSchema,
        response: answers({ 204: emptyAnswer }, [404, 409, 429]),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      await collections.deleteCollection(actor, parseInput(collectionIdSchema, request.params.id));
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/collections/:id/export',
    {
      schema: {
        tags,
        summary: 'A collection as a Markdown document or a CSV file, its stories in order',
        params: collectionParamsSchema,
        querystring: collectionExportQuerySchema,
        response: answers(
          {
            200: {
              description: 'The collection as a download: Markdown (`md`) or CSV (`csv`).',
              content: {
                ...markdownAnswer('').content,
                ...csvAnswer('').content,
              },
            },
          },
          [404],
        ),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const id = parseInput(collectionIdSchema, request.params.id);
      const { format } = parseInput(collectionExportQuerySchema, request.query);
      const view = await collections.getCollection(actor, id);
      const name = `story-wall-${fileNameOf(view.collection.title, 'collection')}`;
      return format === 'csv'
        ? sendCsv(reply, `${name}.csv`, collectionCsv(view))
        : sendMarkdown(reply, `${name}.md`, collectionMarkdown(view));
    },
  );
}

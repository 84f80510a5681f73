import type { FastifyInstance } from 'fastify';
import type { StoryDraft, StoryService } from '../../domain/index.js';
import type { HistoryDto, MyStoriesPageDto, StoryListDto, WallPageDto } from '../../shared/dto.js';
import {
  approvalsQuerySchema,
  decisionInputSchema,
  emptyBodySchema,
  myStoriesQuerySchema,
  reassignInputSchema,
  storyIdSchema,
  storyInputSchema,
  wallQuerySchema,
  type StoryInput,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { presentHistoryEvent, presentStory } from '../presenters.js';

/** Story routes: validate → one use case → present. */
export function storyRoutes(
  app: FastifyInstance,
  deps: { service: StoryService; authenticate: Authenticator },
): void {
  const { service, authenticate } = deps;

  app.get('/api/stories', async (request): Promise<WallPageDto> => {
    const actor = await authenticate(request);
    const { limit, cursor, team, category, month, q } = parseInput(wallQuerySchema, request.query);
    const page = await service.listWall(actor, {
      limit,
      ...(cursor ? { cursor } : {}),
      ...(team ? { team } : {}),
      ...(category ? { category } : {}),
      ...(month ? { month } : {}),
      ...(q ? { q } : {}),
    });
    return { items: page.items.map(presentStory), nextCursor: page.nextCursor };
  });

  // Registered as a static path, so it wins over `/api/stories/:id` (a story id of "mine").
  app.get('/api/stories/mine', async (request): Promise<MyStoriesPageDto> => {
    const actor = await authenticate(request);
    const { limit, cursor } = parseInput(myStoriesQuerySchema, request.query);
    const page = await service.listMyStories(actor, { limit, ...(cursor ? { cursor } : {}) });
    return { items: page.items.map(presentStory), nextCursor: page.nextCursor };
  });

  app.get<{ Params: { id: string } }>('/api/stories/:id', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    return presentStory(await service.getStory(actor, id));
  });

  app.post('/api/stories', async (request, reply) => {
    const actor = await authenticate(request);
    const draft = draftOf(parseInput(storyInputSchema, request.body));
    const story = await service.submitStory(actor, draft);
    return reply.status(201).send(presentStory(story));
  });

  app.put<{ Params: { id: string } }>('/api/stories/:id', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    const draft = draftOf(parseInput(storyInputSchema, request.body));
    return presentStory(await service.resubmitStory(actor, id, draft));
  });

  app.post<{ Params: { id: string } }>('/api/stories/:id/vote', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    return presentStory(await service.voteStory(actor, id));
  });

  app.post<{ Params: { id: string } }>('/api/stories/:id/decision', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    const { decision, comment } = parseInput(decisionInputSchema, request.body ?? {});
    return presentStory(await service.decideStory(actor, id, decision, comment));
  });

  app.post<{ Params: { id: string } }>('/api/stories/:id/withdraw', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    parseInput(emptyBodySchema, request.body ?? {});
    return presentStory(await service.withdrawStory(actor, id));
  });

  app.post<{ Params: { id: string } }>('/api/stories/:id/archive', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    parseInput(emptyBodySchema, request.body ?? {});
    return presentStory(await service.archiveStory(actor, id));
  });

  // A featured colleague takes their own name off the story, at any time.
  app.delete<{ Params: { id: string } }>('/api/stories/:id/featured/me', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    return presentStory(await service.removeFeatured(actor, id));
  });

  app.post<{ Params: { id: string } }>('/api/stories/:id/reassign', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    const { approverId, comment } = parseInput(reassignInputSchema, request.body ?? {});
    return presentStory(await service.reassignStory(actor, id, approverId, comment));
  });

  app.get<{ Params: { id: string } }>(
    '/api/stories/:id/history',
    async (request): Promise<HistoryDto> => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      return { items: (await service.storyHistory(actor, id)).map(presentHistoryEvent) };
    },
  );

  app.get('/api/approvals', async (request): Promise<StoryListDto> => {
    const actor = await authenticate(request);
    const { scope } = parseInput(approvalsQuerySchema, request.query);
    const items = await service.listApprovals(actor, undefined, scope === 'all');
    return { items: items.map(presentStory) };
  });
}

/** A story form as the domain takes it: empty optional fields absent, English by default. */
function draftOf(input: StoryInput): StoryDraft {
  const { locale, customerQuote, sourceUrl, ...rest } = input;
  return {
    ...rest,
    ...(customerQuote ? { customerQuote } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
    locale: locale ?? 'en',
  };
}

import type { FastifyInstance } from 'fastify';
import type { StoryService } from '../../domain/index.js';
import type { StoryListDto, WallPageDto } from '../../shared/dto.js';
import {
  decisionInputSchema,
  storyIdSchema,
  storyInputSchema,
  wallQuerySchema,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { presentStory } from '../presenters.js';

/** Story routes: validate → one use case → present. */
export function storyRoutes(
  app: FastifyInstance,
  deps: { service: StoryService; authenticate: Authenticator; writeLimit: object },
): void {
  const { service, authenticate } = deps;
  const writeConfig = { config: { rateLimit: deps.writeLimit } };

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

  app.get<{ Params: { id: string } }>('/api/stories/:id', async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    return presentStory(await service.getStory(actor, id));
  });

  app.post('/api/stories', writeConfig, async (request, reply) => {
    const actor = await authenticate(request);
    const input = parseInput(storyInputSchema, request.body);
    const { locale, customerQuote, sourceUrl, ...rest } = input;
    const story = await service.submitStory(actor, {
      ...rest,
      ...(customerQuote ? { customerQuote } : {}),
      ...(sourceUrl ? { sourceUrl } : {}),
      locale: locale ?? 'en',
    });
    return reply.status(201).send(presentStory(story));
  });

  app.post<{ Params: { id: string } }>('/api/stories/:id/vote', writeConfig, async (request) => {
    const actor = await authenticate(request);
    const id = parseInput(storyIdSchema, request.params.id);
    return presentStory(await service.voteStory(actor, id));
  });

  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/decision',
    writeConfig,
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const { decision, comment } = parseInput(decisionInputSchema, request.body ?? {});
      return presentStory(await service.decideStory(actor, id, decision, comment));
    },
  );

  app.get('/api/approvals', async (request): Promise<StoryListDto> => {
    const actor = await authenticate(request);
    const items = await service.listApprovals(actor);
    return { items: items.map(presentStory) };
  });
}

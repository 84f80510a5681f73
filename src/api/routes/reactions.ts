import type { FastifyInstance } from 'fastify';
import type { ReactionKind, StoryService } from '../../domain/index.js';
import type { MyReactionsDto, StoryDto } from '../../shared/dto.js';
import { myReactionsQuerySchema, storyIdSchema, storyParamsSchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, jsonAnswer, type ErrorStatus } from '../openapi.js';
import { presentStory } from '../presenters.js';
import { responseSchemas } from '../responseSchemas.js';

const tags = ['stories'];
const params = storyParamsSchema;

/**
 * A person's reactions to published stories: taking back a vote (casting one is
 * `POST /api/stories/:id/vote` in `stories.ts`), "I learned from this" given and taken back, and
 * which of a page of stories the caller reacted to. Validate → one use case → present.
 */
export function reactionRoutes(
  app: FastifyInstance,
  deps: { service: StoryService; authenticate: Authenticator },
): void {
  const { service, authenticate } = deps;

  /** One route that gives or takes back a reaction of `kind`, answering the story. */
  function reactionRoute(
    method: 'POST' | 'DELETE',
    path: string,
    kind: ReactionKind,
    summary: string,
    description: string,
    refused: readonly ErrorStatus[],
  ): void {
    app.route<{ Params: { id: string } }>({
      method,
      url: path,
      schema: {
        tags,
        summary,
        params,
        response: answers({ 200: jsonAnswer(description, responseSchemas.story) }, refused),
      },
      handler: async (request): Promise<StoryDto> => {
        const actor = await authenticate(request);
        const id = parseInput(storyIdSchema, request.params.id);
        const [story, voteCount] = await Promise.all([
          method === 'POST'
            ? service.reactToStory(actor, id, kind)
            : service.takeBackReaction(actor, id, kind),
          service.seesVoteCounts(actor),
        ]);
        return presentStory(story, { voteCount, viewer: actor });
      },
    });
  }

  reactionRoute(
    'DELETE',
    '/api/stories/:id/vote',
    'vote',
    'Take back your vote for a published story',
    'The vote is taken back (`not_voted`: there was none).',
    [404, 429],
  );
  reactionRoute(
    'POST',
    '/api/stories/:id/learned',
    'learned',
    'Say you learned from a published story: once, and not for one about yourself',
    'Counted (`already_reacted`: said before; `self_reaction`: a story about you).',
    [404, 409, 429],
  );
  reactionRoute(
    'DELETE',
    '/api/stories/:id/learned',
    'learned',
    'Take back your "I learned from this"',
    'Taken back (`not_reacted`: there was none).',
    [404, 429],
  );

  app.get(
    '/api/me/reactions',
    {
      schema: {
        tags,
        summary: 'Which of these stories you voted for and learned from',
        querystring: myReactionsQuerySchema,
        response: answers({
          200: jsonAnswer('Your reactions, per story asked about.', responseSchemas.myReactions),
        }),
      },
    },
    async (request): Promise<MyReactionsDto> => {
      const actor = await authenticate(request);
      const { stories } = parseInput(myReactionsQuerySchema, request.query);
      const items = await service.myReactions(actor, stories.split(','));
      return { items: items.map(({ storyId, voted, learned }) => ({ storyId, voted, learned })) };
    },
  );
}

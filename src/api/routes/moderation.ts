import type { FastifyInstance } from 'fastify';
import type { Actor, Story, StoryService } from '../../domain/index.js';
import type { ModerationQueueDto, StoryDto } from '../../shared/dto.js';
import {
  moderationEditSchema,
  moderationNoteSchema,
  reportInputSchema,
  storyIdSchema,
  storyParamsSchema,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, emptyAnswer, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';
import { presentModerationItem, presentStory } from '../presenters.js';

/**
 * Moderation: any reader reports a published story; editors and admins read the queue of
 * reported and hidden stories and hide, restore, correct or dismiss. Validate → one use case →
 * present, as the story routes.
 */
export function moderationRoutes(
  app: FastifyInstance,
  deps: { service: StoryService; authenticate: Authenticator },
): void {
  const { service, authenticate } = deps;
  const tags = ['moderation'];
  const theStory = { 200: jsonAnswer('The story.', responseSchemas.story) };

  /** The story as the caller may see it (privacy mode may hide vote counts). */
  async function present(actor: Actor, story: Promise<Story>): Promise<StoryDto> {
    const [value, voteCount] = await Promise.all([story, service.seesVoteCounts(actor)]);
    return presentStory(value, { voteCount, viewer: actor });
  }

  // Nothing to show the reporter: a second report of theirs while the first is open is the same.
  app.post<{ Params: { id: string } }>(
    '/api/stories/:id/report',
    {
      schema: {
        tags,
        summary: 'Report a published story to the editors',
        params: storyParamsSchema,
        body: reportInputSchema,
        response: answers({ 204: emptyAnswer }, [404, 409, 413, 429]),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const { reason } = parseInput(reportInputSchema, request.body ?? {});
      await service.reportStory(actor, id, reason);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/moderation',
    {
      schema: {
        tags,
        summary: 'Reported and hidden stories with their reports (editors, admins)',
        response: answers({ 200: jsonAnswer('The queue.', responseSchemas.moderationQueue) }),
      },
    },
    async (request): Promise<ModerationQueueDto> => {
      const actor = await authenticate(request);
      const [items, voteCount] = await Promise.all([
        service.listModeration(actor),
        service.seesVoteCounts(actor),
      ]);
      return {
        items: items.map((item) => presentModerationItem(item, { voteCount, viewer: actor })),
      };
    },
  );

  // Hide, restore and dismiss take the same note and answer the same way: one table of them.
  const noteActions = [
    {
      action: 'hide',
      summary: 'Hide a story from the wall and its cards (editors, admins)',
      run: service.hideStory,
    },
    {
      action: 'restore',
      summary: 'Put a hidden story back (editors, admins)',
      run: service.restoreStory,
    },
    {
      action: 'dismiss',
      summary: "Dismiss a story's open reports (editors, admins)",
      run: service.dismissReports,
    },
  ] as const;
  for (const { action, summary, run } of noteActions) {
    app.post<{ Params: { id: string } }>(
      `/api/moderation/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: storyParamsSchema,
          body: moderationNoteSchema,
          response: answers(theStory, [404, 409, 413, 429]),
        },
      },
      async (request) => {
        const actor = await authenticate(request);
        const id = parseInput(storyIdSchema, request.params.id);
        const { note } = parseInput(moderationNoteSchema, request.body ?? {});
        return present(actor, run(actor, id, note));
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/api/moderation/:id/edit',
    {
      schema: {
        tags,
        summary: "Correct a story's texts, saying why (editors, admins)",
        params: storyParamsSchema,
        body: moderationEditSchema,
        response: answers(theStory, [404, 409, 413, 429]),
      },
    },
    async (request) => {
      const actor = await authenticate(request);
      const id = parseInput(storyIdSchema, request.params.id);
      const { note, customerQuote, ...texts } = parseInput(
        moderationEditSchema,
        request.body ?? {},
      );
      const correction = { ...texts, ...(customerQuote ? { customerQuote } : {}) };
      return present(actor, service.editStory(actor, id, correction, note));
    },
  );
}

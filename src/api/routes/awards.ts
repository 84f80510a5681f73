import type { FastifyInstance } from 'fastify';
import type { AwardsService } from '../../domain/index.js';
import type { AwardDto, AwardsDto, ShortlistDto } from '../../shared/dto.js';
import {
  awardInputSchema,
  awardMonthParamsSchema,
  awardMonthSchema,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';
import { presentAward, presentStory } from '../presenters.js';

/** Story of the month (journey 8): validate → one use case → present. */
export function awardRoutes(
  app: FastifyInstance,
  deps: { awards: AwardsService; authenticate: Authenticator },
): void {
  const { awards, authenticate } = deps;
  const tags = ['awards'];

  app.get(
    '/api/awards',
    {
      schema: {
        tags,
        summary: 'The stories of the month, newest month first (at most 24)',
        response: answers({ 200: jsonAnswer('The winners.', responseSchemas.awards) }),
      },
    },
    async (request): Promise<AwardsDto> => {
      const actor = await authenticate(request);
      const [items, voteCount] = await Promise.all([
        awards.listAwards(actor),
        awards.seesVoteCounts(actor),
      ]);
      return { items: items.map((award) => presentAward(award, { voteCount, viewer: actor })) };
    },
  );

  app.get<{ Params: { month: string } }>(
    '/api/awards/:month/shortlist',
    {
      schema: {
        tags,
        summary: "The month's most-voted published stories and its winner (editors, admins)",
        params: awardMonthParamsSchema,
        response: answers({ 200: jsonAnswer('The shortlist.', responseSchemas.shortlist) }),
      },
    },
    async (request): Promise<ShortlistDto> => {
      const actor = await authenticate(request);
      const month = parseInput(awardMonthSchema, request.params.month);
      const shortlist = await awards.getShortlist(actor, month);
      const view = { voteCount: shortlist.voteCounts, viewer: actor };
      return {
        month: shortlist.month,
        items: shortlist.items.map((story) => presentStory(story, view)),
        winner: shortlist.winner ? presentAward(shortlist.winner, view) : null,
        order: shortlist.order,
        repeatWithinMonths: shortlist.repeatWithinMonths,
        ineligible: [...shortlist.ineligible],
      };
    },
  );

  app.put<{ Params: { month: string } }>(
    '/api/awards/:month',
    {
      schema: {
        tags,
        summary: "Choose or replace the month's winner (editors, admins)",
        params: awardMonthParamsSchema,
        body: awardInputSchema,
        response: answers(
          { 200: jsonAnswer('The award.', responseSchemas.award) },
          [404, 409, 413, 429],
        ),
      },
    },
    async (request): Promise<AwardDto> => {
      const actor = await authenticate(request);
      const month = parseInput(awardMonthSchema, request.params.month);
      const { storyId, citation } = parseInput(awardInputSchema, request.body);
      const award = await awards.chooseWinner(actor, month, {
        storyId,
        ...(citation ? { citation } : {}),
      });
      return presentAward(award, { voteCount: await awards.seesVoteCounts(actor), viewer: actor });
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { AwardsService } from '../../domain/index.js';
import type { AwardDto, AwardsDto, ShortlistDto } from '../../shared/dto.js';
import { awardInputSchema, awardMonthSchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { presentAward, presentStory } from '../presenters.js';

/** Story of the month (journey 8): validate → one use case → present. */
export function awardRoutes(
  app: FastifyInstance,
  deps: { awards: AwardsService; authenticate: Authenticator },
): void {
  const { awards, authenticate } = deps;

  app.get('/api/awards', async (request): Promise<AwardsDto> => {
    const actor = await authenticate(request);
    const items = await awards.listAwards(actor);
    return { items: items.map(presentAward) };
  });

  app.get<{ Params: { month: string } }>(
    '/api/awards/:month/shortlist',
    async (request): Promise<ShortlistDto> => {
      const actor = await authenticate(request);
      const month = parseInput(awardMonthSchema, request.params.month);
      const shortlist = await awards.getShortlist(actor, month);
      return {
        month: shortlist.month,
        items: shortlist.items.map(presentStory),
        winner: shortlist.winner ? presentAward(shortlist.winner) : null,
      };
    },
  );

  app.put<{ Params: { month: string } }>(
    '/api/awards/:month',
    async (request): Promise<AwardDto> => {
      const actor = await authenticate(request);
      const month = parseInput(awardMonthSchema, request.params.month);
      const { storyId, citation } = parseInput(awardInputSchema, request.body);
      const award = await awards.chooseWinner(actor, month, {
        storyId,
        ...(citation ? { citation } : {}),
      });
      return presentAward(award);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { InsightsService } from '../../domain/index.js';
import type { InsightsDto } from '../../shared/dto.js';
import { insightsQuerySchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';
import { presentInsights } from '../presenters.js';

/** Insight for editors and admins: validate → one use case → present. */
export function insightsRoutes(
  app: FastifyInstance,
  deps: { insights: InsightsService; authenticate: Authenticator },
): void {
  const { insights, authenticate } = deps;

  app.get(
    '/api/insights',
    {
      schema: {
        tags: ['insights'],
        summary: 'Stories published per month, team and category (editors, admins)',
        querystring: insightsQuerySchema,
        response: answers({ 200: jsonAnswer('The counts.', responseSchemas.insights) }),
      },
    },
    async (request): Promise<InsightsDto> => {
      const actor = await authenticate(request);
      const { from, to } = parseInput(insightsQuerySchema, request.query);
      const result = await insights.getInsights(actor, {
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      });
      return presentInsights(result);
    },
  );
}

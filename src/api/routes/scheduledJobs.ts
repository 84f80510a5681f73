import type { FastifyInstance } from 'fastify';
import type { DigestService } from '../../domain/index.js';
import type { ScheduledJobsDto } from '../../shared/dto.js';
import type { Authenticator } from '../auth.js';
import { answers, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';
import { presentScheduledJobs } from '../scheduledJobPresenters.js';

/** The tenant's history of scheduled jobs (the digests), for admins in Settings. */
export function scheduledJobRoutes(
  app: FastifyInstance,
  deps: { digests: DigestService; authenticate: Authenticator },
): void {
  const { digests, authenticate } = deps;

  app.get(
    '/api/scheduled-jobs',
    {
      schema: {
        tags: ['settings'],
        summary:
          'The runs of the scheduled jobs (weekly digest, monthly summaries), newest first, ' +
          'and their next runs (admins)',
        response: answers({
          200: jsonAnswer('The history of scheduled jobs.', responseSchemas.scheduledJobs),
        }),
      },
    },
    async (request): Promise<ScheduledJobsDto> => {
      const actor = await authenticate(request);
      return presentScheduledJobs(await digests.listScheduledJobs(actor));
    },
  );
}

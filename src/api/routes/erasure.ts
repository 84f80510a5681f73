import type { FastifyInstance } from 'fastify';
import type { ErasureService } from '../../domain/index.js';
import type { ErasureReceiptDto, PersonalDataExportDto } from '../../shared/dto.js';
import { emptyBodySchema, personIdSchema, personParamsSchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';
import { presentExport, presentReceipt } from '../erasurePresenters.js';

/**
 * A person's data (GDPR): erase it everywhere (article 17) and export it (article 15). Admins may
 * for anyone; everyone may for themselves.
 */
export function erasureRoutes(
  app: FastifyInstance,
  deps: { erasure: ErasureService; authenticate: Authenticator },
): void {
  const { erasure, authenticate } = deps;
  const tags = ['privacy'];

  app.post<{ Params: { id: string } }>(
    '/api/people/:id/erase',
    {
      schema: {
        tags,
        summary: "Erase a person's data everywhere, with a receipt (admins; anyone for themself)",
        params: personParamsSchema,
        body: emptyBodySchema,
        response: answers(
          { 200: jsonAnswer('The receipt.', responseSchemas.erasureReceipt) },
          [409, 429],
        ),
      },
    },
    async (request): Promise<ErasureReceiptDto> => {
      const actor = await authenticate(request);
      const id = parseInput(personIdSchema, request.params.id);
      parseInput(emptyBodySchema, request.body ?? {});
      return presentReceipt(await erasure.erasePerson(actor, id));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/people/:id/export',
    {
      schema: {
        tags,
        summary: "A person's data as JSON (themself, admins)",
        params: personParamsSchema,
        response: answers(
          { 200: jsonAnswer('Their data.', responseSchemas.personalDataExport) },
          [429],
        ),
      },
    },
    async (request, reply): Promise<PersonalDataExportDto> => {
      const actor = await authenticate(request);
      const id = parseInput(personIdSchema, request.params.id);
      const data = presentExport(await erasure.exportPersonalData(actor, id), actor);
      // Personal data: never kept by a cache on the way.
      void reply.header('cache-control', 'no-store');
      return data;
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ErasureService } from '../../domain/index.js';
import type { ErasureReceiptDto, PersonalDataExportDto } from '../../shared/dto.js';
import { emptyBodySchema, personIdSchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
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

  app.post<{ Params: { id: string } }>(
    '/api/people/:id/erase',
    async (request): Promise<ErasureReceiptDto> => {
      const actor = await authenticate(request);
      const id = parseInput(personIdSchema, request.params.id);
      parseInput(emptyBodySchema, request.body ?? {});
      return presentReceipt(await erasure.erasePerson(actor, id));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/people/:id/export',
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

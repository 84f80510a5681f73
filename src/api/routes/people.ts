import type { FastifyInstance } from 'fastify';
import type { Directory, People, StoryService, UserDirectory } from '../../domain/index.js';
import type { DevUsersDto, MeDto, PeopleDto } from '../../shared/dto.js';
import { peopleQuerySchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { ApiError, parseInput } from '../errors.js';
import { answers, jsonAnswer, PUBLIC } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';

/** Who am I, who are my colleagues, and (local mode only) whom can I act as. */
export function peopleRoutes(
  app: FastifyInstance,
  deps: {
    users: UserDirectory;
    directory: Directory;
    people: People;
    authenticate: Authenticator;
    authMode: 'local' | 'entra';
    localTenantId: string;
    /** Local mode: the demo people, offered in the switcher before they are stored. */
    demoPeople: readonly { id: string; displayName: string }[];
    /** What the caller's wall may show of votes, so the tab offers "most voted" only where allowed. */
    wallVotes: StoryService['wallVotes'];
  },
): void {
  const { users, authenticate } = deps;
  const tags = ['people'];

  app.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Who I am',
        response: answers({ 200: jsonAnswer('The caller.', responseSchemas.me) }),
      },
    },
    async (request): Promise<MeDto> => {
      const actor = await authenticate(request);
      const votes = await deps.wallVotes(actor);
      return {
        id: actor.userId,
        tenantId: actor.tenantId,
        displayName: actor.displayName,
        roles: [...actor.roles],
        authMode: deps.authMode,
        seesVoteCounts: votes.seesVoteCounts,
        ranksByVotes: votes.ranksByVotes,
      };
    },
  );

  // With `q`, the organisation's directory (a picker for approvers, delegates, featured
  // colleagues); without it, the people who already use the app.
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People of my organisation by name (`q`), for pickers; without it, known people',
        querystring: peopleQuerySchema,
        response: answers({ 200: jsonAnswer('The people.', responseSchemas.people) }),
      },
    },
    async (request): Promise<PeopleDto> => {
      const actor = await authenticate(request);
      const { q, limit } = parseInput(peopleQuerySchema, request.query);
      const people = q
        ? await deps.directory.search(actor.tenantId, q, limit)
        : await users.list(actor.tenantId);
      return {
        items: people
          .map((p) => ({ id: p.id, displayName: p.displayName }))
          .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      };
    },
  );

  app.get(
    '/api/dev/users',
    {
      schema: {
        ...PUBLIC,
        tags,
        summary: 'The demo people (local mode only)',
        response: answers(
          { 200: jsonAnswer('The demo people.', responseSchemas.devUsers) },
          [404],
          {
            authenticated: false,
          },
        ),
      },
    },
    async (): Promise<DevUsersDto> => {
      if (deps.authMode !== 'local') {
        throw new ApiError(404, 'not_found', 'Demo users exist only in local mode.');
      }
      const stored = await users.list(deps.localTenantId);
      // Without demo data a demo person is stored on first use (src/api/auth.ts): until then
      // the switcher still offers them (no roles known yet: nothing grants any without demo data).
      const storedIds = new Set(stored.map((user) => user.id));
      // Roles from the rows listed: no read per person (a tenant may hold thousands).
      const items = [
        ...(await Promise.all(
          stored.map(async (user) => ({
            id: user.id,
            displayName: user.displayName,
            roles: await deps.people.rolesOfStored(user),
          })),
        )),
        ...deps.demoPeople
          .filter((person) => !storedIds.has(person.id))
          .map((person) => ({ id: person.id, displayName: person.displayName, roles: [] })),
      ];
      return { items: items.sort((a, b) => a.displayName.localeCompare(b.displayName)) };
    },
  );
}

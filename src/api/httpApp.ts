import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { z } from 'zod';
import type {
  AwardsService,
  CollectionsService,
  DigestService,
  Directory,
  ErasureService,
  InsightsService,
  People,
  SettingsService,
  SuggestionsService,
  StoryService,
  UserDirectory,
} from '../domain/index.js';
import { LIMITS } from '../shared/dto.js';
import type { Authenticator } from './auth.js';
import { ApiError, createErrorHandler } from './errors.js';
import { answers, jsonAnswer, PUBLIC, registerOpenApi } from './openapi.js';
import { awardRoutes } from './routes/awards.js';
import { collectionRoutes } from './routes/collections.js';
import { erasureRoutes } from './routes/erasure.js';
import { apiKeyRoutes } from './routes/keys.js';
import { webhookRoutes } from './routes/webhooks.js';
import type { ApiKeys } from './apiKeys.js';
import type { Webhooks } from './webhooks.js';
import { exportRoutes } from './routes/exports.js';
import { insightsRoutes } from './routes/insights.js';
import { moderationRoutes } from './routes/moderation.js';
import { peopleRoutes } from './routes/people.js';
import { scheduledJobRoutes } from './routes/scheduledJobs.js';
import { settingsRoutes } from './routes/settings.js';
import { reactionRoutes } from './routes/reactions.js';
import { storyRoutes } from './routes/stories.js';
import { suggestionRoutes } from './routes/suggestions.js';
import { CODINGS } from './encodedBody.js';
import { createWallPageBytes, type WallPageBytes } from './wallPageBytes.js';

/** What the bot endpoint needs from HTTP, and what it answers; kept structural on purpose. */
export type BotEndpoint = (request: {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}) => Promise<{ status: number; headers: Record<string, string>; body?: unknown }>;

export interface HttpAppDeps {
  logger: FastifyBaseLogger;
  service: StoryService;
  /** Counts for editors and admins (journey 11). */
  insights: InsightsService;
  /** Story of the month (journey 8). */
  awards: AwardsService;
  /** Training collections (journey 9). */
  collections: CollectionsService;
  /** Settings and delegations (admins; everyone for their own delegation). */
  settings: SettingsService;
  /** What the story forms suggest: the tenant's teams. */
  suggestions: SuggestionsService;
  /** Erasure and export of a person's data (admins; everyone for their own). */
  erasure: ErasureService;
  /** The digests' history of scheduled jobs (admins). */
  digests: DigestService;
  /** API keys for server-to-server callers (admins). */
  apiKeys: ApiKeys;
  /** Signed webhooks (admins, or an API key with `webhooks:manage`). */
  webhooks: Webhooks;
  users: UserDirectory;
  directory: Directory;
  people: People;
  authenticate: Authenticator;
  authMode: 'local' | 'entra';
  localTenantId: string;
  /** Local mode: the demo people the switcher offers, stored or not (stored on first use). */
  demoPeople?: readonly { id: string; displayName: string }[];
  /** Throws when storage cannot be reached. */
  checkHealth: () => Promise<void>;
  bot: BotEndpoint;
  /** The built tab; a hint page is served when it is missing. */
  tabDir: string;
  /** Deployed (NODE_ENV=production): HSTS and upgrade-insecure-requests are sent. */
  production?: boolean;
  /** The app's version (package.json), shown in the API's OpenAPI document. */
  version: string;
  /** The benchmark's floor route (`BENCH_FLOOR_ROUTE`); only `npm run bench` asks for it. */
  benchFloor?: boolean;
}

/**
 * The benchmark's floor of the wall's throughput: the same bytes as the wall's first page (the
 * brotli copy made last), sent by a route with no sign-in, no storage and no negotiation.
 */
export const BENCH_FLOOR_ROUTE = '/bench/floor/wall';

/** Hosts that may frame the tab. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.skype.com',
  // Outlook and the Microsoft 365 app, where Teams apps run too.
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.office.com',
  'https://*.microsoft365.com',
];

/** The HTTP adapter: the JSON API, `/healthz`, the bot endpoint and the built tab. */
export async function createHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    // Per-request lines would drown the log; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.setErrorHandler(createErrorHandler(deps.logger));

  // Route schemas describe the API for its OpenAPI document (src/api/openapi.ts); they do not
  // check it. Each route validates its input itself, after authenticating (`parseInput`), so a
  // caller not signed in learns nothing about what the input should be and every 400 has the
  // same shape; and answers are written as the presenters made them, never rejected or stripped
  // by a response schema.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // Security headers (docs/SECURITY.md). The tab runs only its own scripts (`script-src 'self'`,
  // no inline script); Fluent UI writes its styles at run time, hence inline styles. Teams,
  // Outlook and Microsoft 365 may frame it (`frame-ancestors`, which replaces X-Frame-Options).
  // The opener policy stays off: Teams' sign-in pop-up talks to the page that opened it.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // teams-js reads the list of Microsoft hosts it may talk to from Microsoft's CDN.
        connectSrc: ["'self'", 'https://res.cdn.office.net'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: FRAME_ANCESTORS,
        ...(deps.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: false,
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HTTPS only, remembered for a year, once the app runs behind TLS in Azure.
    hsts: deps.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // Built once and run on every request (its 404s and errors included). `@fastify/helmet` built
  // the middleware again for each request, parsing the policy each time: helmet took about a
  // tenth of the app's CPU when it served cached wall pages, more than half of that building
  // (docs/PERFORMANCE.md). Helmet throws rather than passing on an error (since 8.1), and a fault
  // in its options throws above, at start.
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, () => done());
  });

  // Answers of 1 KB and more in brotli or gzip, as the reader's Accept-Encoding asks (the wall's
  // shared first page arrives already encoded and is sent as is). Registered before the routes:
  // it hooks each route as it is added.
  await app.register(fastifyCompress, { encodings: [...CODINGS], threshold: 1024 });

  await registerOpenApi(app, { version: deps.version });

  app.get(
    '/healthz',
    {
      schema: {
        ...PUBLIC,
        tags: ['system'],
        summary: 'Whether the app can reach its storage',
        response: answers(
          {
            200: jsonAnswer('Healthy.', z.object({ status: z.literal('ok') })),
            503: jsonAnswer(
              'Storage is unreachable.',
              z.object({ status: z.literal('unavailable') }),
            ),
          },
          [],
          { authenticated: false },
        ),
      },
    },
    async (_request, reply) => {
      try {
        await deps.checkHealth();
        return { status: 'ok' };
      } catch (error) {
        deps.logger.warn({ err: error }, 'health check failed');
        return reply.status(503).send({ status: 'unavailable' });
      }
    },
  );

  app.post(
    '/api/messages',
    {
      bodyLimit: 1024 * 1024,
      schema: {
        security: [{ botFramework: [] }],
        tags: ['system'],
        summary: 'The bot: activities from Teams through the Bot Framework',
        body: z.record(z.string(), z.unknown()),
        response: answers(
          { 200: jsonAnswer("The bot's answer, if any.", z.record(z.string(), z.unknown())) },
          [401],
          { authenticated: false },
        ),
      },
    },
    async (request, reply) => {
      const answer = await deps.bot({
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      reply.status(answer.status).headers(answer.headers);
      return answer.body === undefined ? reply.send() : reply.send(answer.body);
    },
  );

  // Writes are limited per person and action in the domain (src/domain/rateLimits.ts), so every
  // surface shares one budget.
  const wallBytes = createWallPageBytes();
  storyRoutes(app, { service: deps.service, authenticate: deps.authenticate, wallBytes });
  reactionRoutes(app, { service: deps.service, authenticate: deps.authenticate });
  moderationRoutes(app, { service: deps.service, authenticate: deps.authenticate });
  insightsRoutes(app, { insights: deps.insights, authenticate: deps.authenticate });
  exportRoutes(app, {
    service: deps.service,
    insights: deps.insights,
    authenticate: deps.authenticate,
  });
  awardRoutes(app, { awards: deps.awards, authenticate: deps.authenticate });
  collectionRoutes(app, { collections: deps.collections, authenticate: deps.authenticate });
  settingsRoutes(app, { settings: deps.settings, authenticate: deps.authenticate });
  suggestionRoutes(app, { suggestions: deps.suggestions, authenticate: deps.authenticate });
  scheduledJobRoutes(app, { digests: deps.digests, authenticate: deps.authenticate });
  erasureRoutes(app, { erasure: deps.erasure, authenticate: deps.authenticate });
  apiKeyRoutes(app, { keys: deps.apiKeys, authenticate: deps.authenticate });
  webhookRoutes(app, { webhooks: deps.webhooks, authenticate: deps.authenticate });
  if (deps.benchFloor) benchFloorRoute(app, wallBytes);
  peopleRoutes(app, {
    users: deps.users,
    directory: deps.directory,
    people: deps.people,
    authenticate: deps.authenticate,
    authMode: deps.authMode,
    localTenantId: deps.localTenantId,
    demoPeople: deps.demoPeople ?? [],
    wallVotes: deps.service.wallVotes,
  });

  await registerTab(app, deps.tabDir);
  return app;
}

function benchFloorRoute(app: FastifyInstance, wallBytes: WallPageBytes): void {
  let sent: { hash: string; bytes: Buffer } | undefined;
  app.get(BENCH_FLOOR_ROUTE, { schema: { hide: true } }, async (_request, reply) => {
    const body = wallBytes.latest();
    if (!body) throw new ApiError(404, 'not_found', 'No wall page made yet.');
    if (sent?.hash !== body.hash) sent = { hash: body.hash, bytes: await body.encoded('br') };
    return reply
      .type('application/json; charset=utf-8')
      .header('content-encoding', 'br')
      .send(sent.bytes);
  });
}

async function registerTab(app: FastifyInstance, tabDir: string): Promise<void> {
  const index = path.join(tabDir, 'index.html');
  const built = existsSync(index);
  if (built) {
    // The build writes a brotli and a gzip copy of each text asset beside it (scripts/
    // precompressTab.ts); the one the reader accepts is sent, the plain file otherwise.
    await app.register(fastifyStatic, {
      root: tabDir,
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/')) {
      throw new ApiError(404, 'not_found', 'No such route.');
    }
    // Client-side routes of the tab all load the same page.
    if (built) return reply.type('text/html').sendFile('index.html');
    return reply
      .type('text/plain; charset=utf-8')
      .send('The tab is not built yet. Run `npm run build` (npm start does it for you).');
  });
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type {
  AwardsService,
  Directory,
  InsightsService,
  People,
  SettingsService,
  StoryService,
  UserDirectory,
} from '../domain/index.js';
import { LIMITS } from '../shared/dto.js';
import type { Authenticator } from './auth.js';
import { ApiError, createErrorHandler } from './errors.js';
import { awardRoutes } from './routes/awards.js';
import { insightsRoutes } from './routes/insights.js';
import { peopleRoutes } from './routes/people.js';
import { settingsRoutes } from './routes/settings.js';
import { storyRoutes } from './routes/stories.js';

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
  /** Settings and delegations (admins; everyone for their own delegation). */
  settings: SettingsService;
  users: UserDirectory;
  directory: Directory;
  people: People;
  authenticate: Authenticator;
  authMode: 'local' | 'entra';
  localTenantId: string;
  /** Throws when storage cannot be reached. */
  checkHealth: () => Promise<void>;
  bot: BotEndpoint;
  /** The built tab; a hint page is served when it is missing. */
  tabDir: string;
}

/** Hosts that may frame the tab. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
].join(' ');

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

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    reply.header('Content-Security-Policy', `frame-ancestors ${FRAME_ANCESTORS}`);
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await deps.checkHealth();
      return { status: 'ok' };
    } catch (error) {
      deps.logger.warn({ err: error }, 'health check failed');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  app.post('/api/messages', { bodyLimit: 1024 * 1024 }, async (request, reply) => {
    const answer = await deps.bot({
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    reply.status(answer.status).headers(answer.headers);
    return answer.body === undefined ? reply.send() : reply.send(answer.body);
  });

  // Writes are limited per person and action in the domain (src/domain/rateLimits.ts), so every
  // surface shares one budget.
  storyRoutes(app, { service: deps.service, authenticate: deps.authenticate });
  insightsRoutes(app, { insights: deps.insights, authenticate: deps.authenticate });
  awardRoutes(app, { awards: deps.awards, authenticate: deps.authenticate });
  settingsRoutes(app, { settings: deps.settings, authenticate: deps.authenticate });
  peopleRoutes(app, {
    users: deps.users,
    directory: deps.directory,
    people: deps.people,
    authenticate: deps.authenticate,
    authMode: deps.authMode,
    localTenantId: deps.localTenantId,
  });

  await registerTab(app, deps.tabDir);
  return app;
}

async function registerTab(app: FastifyInstance, tabDir: string): Promise<void> {
  const index = path.join(tabDir, 'index.html');
  const built = existsSync(index);
  if (built) {
    await app.register(fastifyStatic, { root: tabDir, wildcard: false, index: 'index.html' });
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

import { randomUUID } from 'node:crypto';
import {
  DefaultAzureCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { createApiKeys } from './api/apiKeys.js';
import { createAuthenticator, withApiKeys } from './api/auth.js';
import { createHttpApp } from './api/httpApp.js';
import { createWebhookSender, LOCAL_TARGETS, STRICT_TARGETS } from './api/webhookTargets.js';
import { createWebhooks, webhookDeliveryHandler } from './api/webhooks.js';
import { createBot } from './bot/index.js';
import type { AppConfig } from './config.js';
import { seedDemo } from './demo/seedDemo.js';
import { DEMO_GROUPS, DEMO_USER_IDS, demoUsers } from './demo/demoUsers.js';
import { cacheDirectory } from './directory/cachedDirectory.js';
import { createDemoDirectory } from './directory/demoDirectory.js';
import { createGraphDirectory } from './directory/graphDirectory.js';
import {
  createAwardsService,
  createCollectionsService,
  createDigestService,
  createErasureService,
  createInsightsService,
  createOutboxRelay,
  createPeople,
  createScheduler,
  createSettingsService,
  createSuggestionsService,
  createStoryService,
  type Directory,
  type Scheduler,
  cachedSubscriptions,
  digestOfJob,
  relayHandlers,
  createInlineProjections,
  RETENTION_JOB,
  withWebhookEvents,
  searchableWall,
  type SearchIndex,
  type StoryRef,
  type Clock,
  type IdGenerator,
  type OutboxRelay,
} from './domain/index.js';
import { asBackground, type AdditionalPolicy } from './storage/callCounter.js';
import { cacheUsers } from './storage/userCache.js';
import { createActionLimiter } from './rateLimiter.js';
import { startSupervisedAzurite, type SupervisedAzurite } from './storage/embeddedAzurite.js';
import { createTableStorage, type TableStorage } from './storage/tableStorage.js';
import { createAzureSearchIndex } from './search/azureSearchIndex.js';
import {
  createEmbeddedSearchIndex,
  type EmbeddedSearchIndex,
} from './search/embeddedSearchIndex.js';

/** A built app: its storage and background work, how to call it in-process, how to stop it. */
export interface BuiltServer {
  storage: TableStorage;
  relay: OutboxRelay;
  /** Runs due reminders, escalations and expiries now (tests; a timer runs it in the app). */
  scheduler: Scheduler;
  /** The embedded Azurite of the local default, when the app runs one (restarted if it dies). */
  embeddedStorage: SupervisedAzurite | undefined;
  /** The embedded search index, when the app holds one (`SEARCH=embedded`). */
  search: SearchControl | undefined;
  /**
   * Answers one request in-process (Fastify's `inject`): the same routes, hooks and error
   * handler as over a socket, with no socket. Tests call the app this way.
   */
  inject(request: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The app's own search index, for a caller that changed the wall table behind the app's back. */
export interface SearchControl {
  /**
   * Builds a fresh index from the wall table and puts it in place of the current one (writes
   * meanwhile reach both); resolves with the stories read. The benchmark's seed writes the wall
   * table directly, so it asks for this before measuring search.
   */
  rebuild(): Promise<number>;
  /** Stories the index holds. */
  size(): number;
}

/** A started app: a built app that listens, and where. */
export interface RunningServer extends BuiltServer {
  url: string;
  port: number;
}

/** What a caller may add to the composition that is not configuration. */
export interface ServerOptions {
  /** Extra storage pipeline policies, e.g. the benchmark's `createCallCounter()`. */
  readonly storagePolicies?: readonly AdditionalPolicy[];
  /**
   * The app's one source of time (the system clock by default). Tests pass a clock that starts
   * at a chosen instant, so the demo data, reminders and expiries never depend on today's date.
   */
  readonly clock?: Clock;
  /**
   * `false` builds the whole app without listening on any port: requests reach it only through
   * `inject`. Listening is the default, and what `src/main.ts` does.
   */
  readonly listen?: boolean;
  /**
   * The benchmark's floor (`npm run bench`, never `src/main.ts`): a bare route that sends the
   * wall's first page bytes as made last, without sign-in or storage (see `createHttpApp`).
   */
  readonly benchFloor?: boolean;
}

/**
 * How long the wall's first page and list of months are served from memory (see
 * `cacheWallPages`). This instance's own changes to the wall show at once, another instance's
 * within this time.
 */
const WALL_CACHE_MS = 2_000;

/**
 * How long the wall's most-voted ranking and the count of a filter's stories are served from
 * memory: each reads up to thousands of rows of one or two columns (docs/adr/0008). This
 * instance's own changes to the wall drop them at once (a new story adds one to the whole wall's
 * count); another instance's show within this time, or twice it while an expired value is
 * answered as it is read again (`ttlMemo`).
 */
const WALL_RANK_CACHE_MS = 15_000;

/**
 * How long the insight counts of a tenant and range are served from memory (see
 * `cacheWallStats`): an overview may be five minutes behind the wall, and counting reads every
 * published story of the range.
 */
const INSIGHTS_CACHE_MS = 5 * 60_000;

/**
 * How long a tenant's settings document is served from memory (see `cacheTenantSettings`): every
 * tab request reads its privacy mode. A save shows on this instance at once, on others within it.
 */
const SETTINGS_CACHE_MS = 5_000;
/**
 * How long the approvals view reuses a tenant's list of who has stories waiting (see
 * `cacheApprovalQueue`): everyone opening the tab asks, and few have anything waiting. A story
 * routed through this instance shows at once, through another within this time.
 */
const APPROVALS_VIEW_CACHE_MS = 2_000;
/**
 * How long the tab's "which of these did I react to" reuses a person's index (see
 * `cachePersonIndex`): asked for each page and story of a visit. A reaction through this
 * instance shows at once, through another (a vote from the channel card) within this time.
 */
const REACTIONS_VIEW_CACHE_MS = 15_000;
/**
 * How long a story opened in the tab is reused (see `cacheStoryViews`): the stories of the first
 * page are opened by many at once. A change through this instance shows at once, through another
 * within this time, as on the wall's first page.
 */
const STORY_VIEW_CACHE_MS = WALL_CACHE_MS;
/**
 * How long a story this instance read or committed is offered to the next change of it (see
 * `rememberStoryVersions`): card actions come in bursts (an approval card answered once posted,
 * a channel card voted for by many). Never a staleness bound: the change commits on that
 * version's ETag, and a stale one costs a failed write and a fresh read.
 */
const STORY_VERSION_MEMORY_MS = 5 * 60_000;
/**
 * How long a projection row (a story's wall row, its queue rows, its author's list) this
 * instance wrote or read is offered to the row's next write, which then needs no read first (see
 * `writeIfNewer`): a vote's wall row was written by the approval or the vote before it. Never a
 * staleness bound, as above: the write is conditional on the remembered ETag.
 */
const PROJECTION_VERSION_MEMORY_MS = STORY_VERSION_MEMORY_MS;
/** How long the bot reuses a person's name and language (a change made elsewhere shows after). */
const BOT_USERS_CACHE_MS = 30_000;
/**
 * How long an instance reuses a tenant's list of webhooks when a change raises an event: a
 * webhook added on another instance hears events from within these seconds.
 */
const SUBSCRIPTIONS_CACHE_MS = 5_000;

const systemClock: Clock = { now: () => new Date() };
const uuidIds: IdGenerator = { newId: () => randomUUID() };

/**
 * The composition root: the only place that knows every layer. Builds storage (an embedded
 * Azurite, a connection string, or an endpoint with managed identity), the domain service, the
 * outbox relay, the bot and the HTTP app, and starts listening (unless `listen` is `false`).
 */
export async function startServer(
  config: AppConfig,
  options: ServerOptions & { readonly listen: false },
): Promise<BuiltServer>;
/** The app started as `src/main.ts` runs it, listening on `config.port`. */
export async function startServer(
  config: AppConfig,
  options?: ServerOptions & { readonly listen?: true },
): Promise<RunningServer>;
export async function startServer(
  config: AppConfig,
  options: ServerOptions = {},
): Promise<BuiltServer | RunningServer> {
  const logger = pino({ level: config.logLevel, base: { app: 'story-wall' } });
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.warn({ err: error }, 'shutdown step failed');
      }
    }
  };

  try {
    const embedded: { current?: SupervisedAzurite } = {};
    const opened = await openStorage(config, logger, stops, options.storagePolicies, embedded);
    await opened.ensureTables();
    const { storage, search } = withSearch(opened, config, logger);
    // Not awaited: a store written by an earlier version may take a while, and until it is done
    // the wall's team filter still finds those rows by their exact name.
    storage.migrate().then(
      (rows) => rows > 0 && logger.info({ rows }, 'wall rows given their team key'),
      (error: unknown) => logger.warn({ err: error }, 'wall team keys not brought up to date'),
    );

    const clock = options.clock ?? systemClock;
    // Every commit carries the outbox messages of the webhook events it raises (src/domain/webhooks.ts).
    const subscriptions = cachedSubscriptions(storage.webhooks, clock, SUBSCRIPTIONS_CACHE_MS);
    const stories = withWebhookEvents(storage.stories, { subscriptions, ids: uuidIds });
    // Local mode may send to http and to this machine (a developer's receiver); nothing else may.
    const targets = config.authMode === 'local' ? LOCAL_TARGETS : STRICT_TARGETS;
    if (config.seedDemo) {
      await seedDemo({ ...storage, clock, logger }, config.localTenantId);
    }
    const directory = openDirectory(config, storage, clock);
    const roleDeps = {
      settings: storage.settings,
      directory,
      configAdmins: config.adminUserIds,
    };
    const people = createPeople({ ...roleDeps, users: storage.users, clock });
    // The bot's notices name the same few deciders and authors over and over.
    const botUsers = cacheUsers(storage.users, { ttlMs: BOT_USERS_CACHE_MS });

    // The relay is created after the bot (its handlers); commits reach it through this hook.
    const relayRef: { current?: OutboxRelay } = {};
    const inFlight = new Set<Promise<void>>();
    // One budget per person and action, whichever surface (API, card, message extension) spends it.
    const limits = createActionLimiter(config.writesPerMinute);
    const onCommitted = (ref: StoryRef) => {
      const run = asBackground('relay', () => relayRef.current?.relay(ref));
      if (!run) return;
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
    };
    // Which commits' projections already succeeded inline: their repair messages skip the work.
    const inlineProjections = createInlineProjections();
    // What the story service and the erasure service both stand on.
    const useCaseDeps = {
      ...storage,
      stories,
      ...roleDeps,
      clock,
      ids: uuidIds,
      logger,
      onCommitted,
    };
    const service = createStoryService(
      {
        ...useCaseDeps,
        inlineProjections,
        // A card action's projections follow its answer; shutdown waits for them.
        runDetached: (work) => {
          const run = asBackground('projection', work);
          const settled = run.then(
            () => undefined,
            () => undefined,
          );
          inFlight.add(settled);
          void settled.finally(() => inFlight.delete(settled));
          return run;
        },
      },
      limits,
    );
    // Erasure and export of a person's data (GDPR articles 17 and 15).
    const erasure = createErasureService(
      {
        ...useCaseDeps,
        // The erased person's roles and name are not served from this instance's cache.
        onErased: () => {
          people.forget();
          botUsers.forget();
        },
      },
      limits,
    );

    const bot = createBot({
      config: config.bot,
      localMode: config.authMode === 'local',
      localTenantId: config.localTenantId,
      ...(config.entra?.tenantIds ? { tenantIds: config.entra.tenantIds } : {}),
      service,
      stories: storage.stories,
      users: botUsers,
      people,
      conversations: storage.conversations,
      postedCards: storage.postedCards,
      settings: storage.settings,
      awards: storage.awards,
      clock,
      logger,
    });

    const relay = createOutboxRelay({
      outbox: storage.outbox,
      clock,
      logger,
      handlers: relayHandlers(
        {
          ...bot.outboxHandlers,
          'webhook.deliver': webhookDeliveryHandler({
            store: storage.webhooks,
            stories: storage.stories,
            settings: storage.settings,
            send: createWebhookSender({ policy: targets }),
            clock,
            logger,
          }),
        },
        { ...storage, inlineProjections },
      ),
    });
    relayRef.current = relay;

    // The weekly digest and the monthly summaries, run by the scheduler, sent by the bot.
    const digests = createDigestService({
      // As saved: a run decides from the schedule whether its entry still stands, so a copy
      // cached before another instance's save must not drop a digest just turned on.
      settings: storage.settingsAsSaved,
      wall: storage.wall,
      directory,
      due: storage.due,
      history: storage.jobs,
      delivery: bot.digests,
      clock,
      logger,
    });

    const apiKeys = createApiKeys({ store: storage.apiKeys, clock, logger });
    const signIn =
      config.authMode === 'local'
        ? createAuthenticator(
            {
              mode: 'local',
              tenantId: config.localTenantId,
              defaultUserId: DEMO_USER_IDS.employee,
            },
            {
              people,
              // Without demo data the demo people are stored on first use (the user switcher
              // lists them), so local mode never asks anyone to sign in.
              enrolDemoPerson: async (tenantId, userId) => {
                const person = demoUsers().find((user) => user.id === userId);
                if (!person) return false;
                await storage.users.upsert({ ...person, tenantId });
                return true;
              },
            },
          )
        : createAuthenticator(
            {
              mode: 'entra',
              clientId: config.entra?.clientId ?? '',
              audiences: config.entra?.audiences ?? [],
              ...(config.entra?.tenantIds ? { tenantIds: config.entra.tenantIds } : {}),
              jwksUri: config.entra?.jwksUri ?? '',
            },
            { people },
          );
    // A request may present an API key instead of a sign-in, in either mode.
    const authenticate = withApiKeys(signIn, apiKeys);

    const app = await createHttpApp({
      logger,
      service,
      insights: createInsightsService({ stats: storage.stats, clock }),
      awards: createAwardsService(
        {
          awards: storage.awards,
          stories,
          wall: storage.wall,
          settings: storage.settings,
          clock,
          ids: uuidIds,
          onCommitted,
        },
        limits,
      ),
      collections: createCollectionsService(
        {
          collections: storage.collections,
          stories,
          settings: storage.settings,
          clock,
          ids: uuidIds,
        },
        limits,
      ),
      erasure,
      digests,
      apiKeys,
      webhooks: createWebhooks({
        store: storage.webhooks,
        outbox: storage.outbox,
        subscriptions,
        policy: targets,
        clock,
        ids: uuidIds,
        onQueued: onCommitted,
      }),
      settings: createSettingsService(
        {
          ...roleDeps,
          users: storage.users,
          delegations: storage.delegations,
          due: storage.due,
          clock,
          // This instance sees new role grants at once; others within the people cache's minute.
          onSaved: () => people.forget(),
        },
        limits,
      ),
      suggestions: createSuggestionsService({
        settings: storage.settings,
        users: storage.users,
        featuredPeople: storage.featuredPeople,
        clock,
      }),
      users: storage.users,
      directory,
      people,
      authenticate,
      authMode: config.authMode,
      localTenantId: config.localTenantId,
      demoPeople: config.authMode === 'local' ? demoUsers(config.localTenantId) : [],
      checkHealth: () => storage.ping(),
      bot: (request) => bot.handle(request),
      tabDir: config.tabDir,
      production: config.env === 'production',
      version: config.version,
      ...(options.benchFloor ? { benchFloor: true } : {}),
    });

    if (options.listen !== false) {
      await app.listen({ port: config.port, host: config.host });
    } else {
      // What `listen` would do short of the socket: plugins and routes loaded, errors now.
      await app.ready();
    }
    stops.push(async () => {
      await app.close();
      await Promise.allSettled([...inFlight]);
    });

    // Recovers outbox messages a crash or an outage left behind; every instance may sweep,
    // claims keep a message from running twice at once.
    if (config.outboxSweepSeconds > 0) {
      const timer = setInterval(() => {
        void asBackground('timers', () => relay.sweep());
      }, config.outboxSweepSeconds * 1000);
      timer.unref();
      stops.push(() => Promise.resolve(clearInterval(timer)));
    }

    // Reminders, escalations, expiries and each tenant's retention run and digests: every
    // instance may look, claims let one act.
    const scheduler = createScheduler({
      due: storage.due,
      run: async (ref, dueAt) => {
        const digest = digestOfJob(ref.storyId);
        if (digest) {
          await digests.run(ref.tenantId, digest, dueAt);
          return null;
        }
        if (ref.storyId !== RETENTION_JOB) return service.runDueWork(ref);
        await erasure.runRetention(ref.tenantId);
        return null;
      },
      clock,
      logger,
    });
    if (config.schedulerSeconds > 0) {
      const timer = setInterval(() => {
        asBackground('timers', () => {
          void scheduler.tick();
          // Erasures cut short by a crash are carried on too (claimed, so one instance does it).
          void erasure.resumeErasures();
        });
      }, config.schedulerSeconds * 1000);
      timer.unref();
      stops.push(() => Promise.resolve(clearInterval(timer)));
    }

    const built: BuiltServer = {
      storage,
      relay,
      scheduler,
      embeddedStorage: embedded.current,
      search,
      inject: (request) => app.inject(request),
      close: stopAll,
    };
    if (options.listen === false) {
      logger.info(
        { authMode: config.authMode, storage: config.storage.kind },
        'Story Wall is up in-process, listening on no port',
      );
      return built;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
    const url = `http://${host}:${port}`;
    logger.info(
      { url, authMode: config.authMode, storage: config.storage.kind },
      'Story Wall is up',
    );
    return { ...built, url, port };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function openStorage(
  config: AppConfig,
  logger: pino.Logger,
  stops: Array<() => Promise<void>>,
  policies: readonly AdditionalPolicy[] | undefined,
  embedded: { current?: SupervisedAzurite },
): Promise<TableStorage> {
  const { storage: where } = config;
  const common = {
    tablePrefix: config.tablePrefix,
    wallCacheMs: WALL_CACHE_MS,
    wallRankCacheMs: WALL_RANK_CACHE_MS,
    statsCacheMs: INSIGHTS_CACHE_MS,
    settingsCacheMs: SETTINGS_CACHE_MS,
    approvalsViewCacheMs: APPROVALS_VIEW_CACHE_MS,
    reactionsViewCacheMs: REACTIONS_VIEW_CACHE_MS,
    storyViewCacheMs: STORY_VIEW_CACHE_MS,
    storyVersionMemoryMs: STORY_VERSION_MEMORY_MS,
    projectionVersionMemoryMs: PROJECTION_VERSION_MEMORY_MS,
    timeouts: config.storageTimeouts,
    ...(policies ? { additionalPolicies: policies } : {}),
  };
  if (where.kind === 'embedded') {
    const azurite = await startSupervisedAzurite(
      {
        location: `${where.dataDir}/azurite`,
        onLog: (line) => logger.debug({ azurite: line }, 'azurite'),
        // The emulator's line per request, only for someone reading the debug log.
        accessLog: logger.isLevelEnabled('debug'),
      },
      {
        onExit: () => logger.error('embedded Azurite exited; starting it again'),
        onRestart: (restarts) => logger.warn({ restarts }, 'embedded Azurite started again'),
        onRestartFailed: (err, attempt) =>
          logger.error({ err, attempt }, 'embedded Azurite did not start again; retrying'),
      },
    );
    embedded.current = azurite;
    stops.push(() => azurite.stop());
    logger.info({ dataDir: where.dataDir }, 'embedded Azurite started');
    return createTableStorage({
      connectionString: azurite.connectionString,
      ...common,
      allowInsecureConnection: true,
    });
  }
  if (where.kind === 'connectionString') {
    return createTableStorage({
      connectionString: where.connectionString,
      ...common,
      allowInsecureConnection: where.connectionString.includes('http://'),
    });
  }
  // In Azure: the user-assigned managed identity, never keys or connection strings.
  const credential = where.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: where.managedIdentityClientId })
    : new DefaultAzureCredential();
  return createTableStorage({ tableEndpoint: where.endpoint, credential, ...common });
}

/**
 * The storage with the wall's text search answered by the configured index (ADR 0009): the
 * embedded one is built from the wall table in the background, and until it is ready the wall
 * searches by scanning. A failed build is logged and leaves the scan in place.
 */
function withSearch(
  storage: TableStorage,
  config: AppConfig,
  logger: pino.Logger,
): { storage: TableStorage; search: SearchControl | undefined } {
  if (config.search.kind === 'scan') return { storage, search: undefined };
  if (config.search.kind === 'azure') {
    const { endpoint, indexName, auth } = config.search;
    const azure = createAzureSearchIndex({
      endpoint,
      indexName,
      credential:
        auth.kind === 'key'
          ? { key: auth.key }
          : auth.clientId
            ? new ManagedIdentityCredential({ clientId: auth.clientId })
            : new DefaultAzureCredential(),
      deadlineMs: config.storageTimeouts.deadlineMs,
    });
    // Not awaited: until the index exists (and, when new, holds the wall's stories) the wall
    // searches by scanning; a failed start is tried again, so a service down at boot recovers.
    const start = (): void => {
      azure
        .start(() => storage.wallStories())
        .then(
          (stories) => logger.info({ indexName, stories }, 'Azure AI Search index ready'),
          (error: unknown) => {
            logger.error(
              { err: error },
              'Azure AI Search not ready; the wall searches by scanning',
            );
            setTimeout(start, AZURE_SEARCH_RETRY_MS).unref();
          },
        );
    };
    start();
    const wall = searchableWall({
      wall: storage.wall,
      search: azure,
      snapshots: storage.wallSnapshots,
      logger,
    });
    return { storage: { ...storage, wall }, search: undefined };
  }
  let current = createEmbeddedSearchIndex();
  // A rebuild's new index, fed with every write while it builds, so none is missed.
  let next: EmbeddedSearchIndex | undefined;
  const build = async (index: EmbeddedSearchIndex): Promise<number> => {
    const started = performance.now();
    const stories = await index.build(storage.wallStories());
    logger.info({ stories, ms: Math.round(performance.now() - started) }, 'search index built');
    return stories;
  };
  build(current).catch((error: unknown) =>
    logger.error({ err: error }, 'search index not built; the wall searches by scanning'),
  );
  const search: SearchIndex = {
    ready: () => current.ready(),
    put: async (story) => {
      await Promise.all([current.put(story), next?.put(story)]);
    },
    remove: async (story) => {
      await Promise.all([current.remove(story), next?.remove(story)]);
    },
    search: (query) => current.search(query),
  };
  const wall = searchableWall({
    wall: storage.wall,
    search,
    snapshots: storage.wallSnapshots,
    logger,
  });
  return {
    storage: { ...storage, wall },
    search: {
      async rebuild() {
        const fresh = createEmbeddedSearchIndex();
        next = fresh;
        try {
          const stories = await build(fresh);
          current = fresh;
          return stories;
        } finally {
          next = undefined;
        }
      },
      size: () => current.size(),
    },
  };
}

/** How long after a failed start the Azure AI Search index is tried again. */
const AZURE_SEARCH_RETRY_MS = 30_000;

/** How long the directory's answers (people, managers, group members) are reused. */
const DIRECTORY_CACHE_MS = 10 * 60_000;

/**
 * The directory of people, managers and groups: the demo people in local runs, else Microsoft
 * Graph with the app's managed identity. A Graph on a loopback address (a stub, in tests and
 * local trials) needs no token.
 */
function openDirectory(config: AppConfig, storage: TableStorage, clock: Clock): Directory {
  if (config.directory.kind === 'demo') {
    return createDemoDirectory({ users: storage.users, groups: DEMO_GROUPS });
  }
  const { hostname } = new URL(config.directory.baseUrl);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  const clientId =
    config.storage.kind === 'endpoint' ? config.storage.managedIdentityClientId : undefined;
  const credential: TokenCredential = loopback
    ? {
        getToken: () =>
          Promise.resolve({ token: 'loopback', expiresOnTimestamp: Date.now() + 3_600_000 }),
      }
    : clientId
      ? new ManagedIdentityCredential({ clientId })
      : new DefaultAzureCredential();
  return cacheDirectory(createGraphDirectory({ baseUrl: config.directory.baseUrl, credential }), {
    ttlMs: DIRECTORY_CACHE_MS,
    clock,
  });
}

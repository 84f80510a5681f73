import { odata, TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { DomainError } from '../domain/errors.js';
import type {
  ApprovalQueue,
  AuthorIndex,
  AwardStore,
  CollectionStore,
  ConversationStore,
  DelegationStore,
  ApiKeyStore,
  ClosedIndex,
  DueIndex,
  FeaturedPeopleIndex,
  JobHistory,
  ModerationQueue,
  OutboxStore,
  PostedCards,
  SettingsStore,
  StoryRepository,
  UserDirectory,
  WallIndex,
  WallSnapshots,
  WallStats,
} from '../domain/ports.js';
import type { ErasureRegister, PersonIndex, StoryPersonalData } from '../domain/erasurePorts.js';
import type { WebhookStore } from '../domain/webhooks.js';
import type { Story } from '../domain/story.js';
import type { AdditionalPolicy } from './callCounter.js';
import { cacheApprovalQueue } from './approvalQueueCache.js';
import { createTableApprovalQueue } from './tableApprovalQueue.js';
import { createTableAuthorIndex } from './tableAuthorIndex.js';
import { createTableAwardStore } from './tableAwardStore.js';
import { createTableCollectionStore } from './tableCollectionStore.js';
import { createTableConversationStore } from './tableConversationStore.js';
import { createTableDelegationStore } from './tableDelegationStore.js';
import { createTableDueIndex } from './tableDueIndex.js';
import { createTableJobHistory } from './tableJobHistory.js';
import { createTableModerationQueue } from './tableModerationQueue.js';
import { createTableClosedIndex } from './tableClosedIndex.js';
import { createTableApiKeyStore } from './tableApiKeyStore.js';
import { createTableWebhookStore } from './tableWebhookStore.js';
import { toDomainError } from './tableErrors.js';
import { createTableOutboxStore } from './tableOutboxStore.js';
import { createTablePostedCards } from './tablePostedCards.js';
import { createTableSettingsStore } from './tableSettingsStore.js';
import { createTableStoryRepository } from './tableStoryRepository.js';
import { createTableUserDirectory } from './tableUserDirectory.js';
import {
  allWallStories,
  createTableWallIndex,
  createWallSnapshots,
  wallCursorAfter,
} from './tableWallIndex.js';
import { createTableWallStats } from './tableWallStats.js';
import { createTableErasureRegister } from './tableErasureRegister.js';
import { cachePersonIndex } from './personIndexCache.js';
import { createTablePersonIndex } from './tablePersonIndex.js';
import { createTableFeaturedPeople } from './tableFeaturedPeople.js';
import { createTableStoryPersonalData } from './tableStoryPersonalData.js';
import { cacheStoryViews } from './storyViewCache.js';
import { rememberStoryVersions } from './storyVersionMemory.js';
import { cacheTenantSettings } from './settingsCache.js';
import { cacheWallPages } from './wallPageCache.js';
import { backfillWallTeamKeys } from './wallTeamKeys.js';
import { cacheWallStats } from './wallStatsCache.js';

/** Where the tables live and how to reach them. */
export interface TableStorageOptions {
  /** Azurite or an account key (local runs); wins over `tableEndpoint`. */
  readonly connectionString?: string;
  /** `https://<account>.table.core.windows.net`, used with `credential` (managed identity). */
  readonly tableEndpoint?: string;
  readonly credential?: TokenCredential;
  /** Prepended to every table name (letters and digits), so tests and apps can share an account. */
  readonly tablePrefix: string;
  /** Needed for Azurite over plain http. */
  readonly allowInsecureConnection?: boolean;
  /** Extra pipeline policies, e.g. `createCallCounter()`'s. */
  readonly additionalPolicies?: readonly AdditionalPolicy[];
  /** Retries of failed requests; see `DEFAULT_RETRY`. */
  readonly retryOptions?: TableServiceClientOptions['retryOptions'];
  /** How long `ping` waits for storage; 2 s by default. */
  readonly pingTimeoutMs?: number;
  /** Per-attempt timeout and overall deadline of every storage call; see `DEFAULT_TIMEOUTS`. */
  readonly timeouts?: StorageTimeouts;
  /**
   * How long the wall serves a tenant's first page and list of months from memory; 0 (the
   * default) reads storage every time. See `cacheWallPages`.
   */
  readonly wallCacheMs?: number;
  /**
   * How long the wall's most-voted ranking and its counts of a filter are served from memory; 0
   * (the default) reads storage every time. See `createTableWallIndex`.
   */
  readonly wallRankCacheMs?: number;
  /**
   * How long the counts of a tenant's range are served from memory; 0 (the default) counts every
   * time. See `cacheWallStats`.
   */
  readonly statsCacheMs?: number;
  /**
   * How long a tenant's settings document is served from memory; 0 (the default) reads storage
   * every time. See `cacheTenantSettings`.
   */
  readonly settingsCacheMs?: number;
  /**
   * How long the approvals view reuses a tenant's list of who has stories waiting; 0 (the
   * default) reads each person's queue every time. See `cacheApprovalQueue`.
   */
  readonly approvalsViewCacheMs?: number;
  /**
   * How long what a person reacted to is reused for the tab; 0 (the default) reads it every
   * time. See `cachePersonIndex`.
   */
  readonly reactionsViewCacheMs?: number;
  /**
   * How long a story read to be shown is reused; 0 (the default) reads it every time. See
   * `cacheStoryViews`.
   */
  readonly storyViewCacheMs?: number;
  /**
   * How long the version of a story this instance read or committed is offered to a change, to
   * be committed on its ETag without reading it again; 0 (the default) reads before every
   * change. See `rememberStoryVersions`.
   */
  readonly storyVersionMemoryMs?: number;
  /**
   * How long the version of a projection row (the wall, the approval queues, the authors' lists,
   * the moderation queue) this instance wrote or read is offered to the row's next write, to be
   * written on its ETag without reading it again; 0 (the default) reads before every write. See
   * `writeIfNewer`.
   */
  readonly projectionVersionMemoryMs?: number;
}

/** The storage adapters of the domain ports, plus table housekeeping and a health probe. */
export interface TableStorage {
  readonly stories: StoryRepository;
  readonly outbox: OutboxStore;
  readonly wall: WallIndex;
  /** Counts over the wall's month partitions, for insight. */
  readonly stats: WallStats;
  readonly approvals: ApprovalQueue;
  readonly authors: AuthorIndex;
  /** The stories editors must look at: reported and hidden ones (moderation). */
  readonly moderation: ModerationQueue;
  readonly users: UserDirectory;
  readonly conversations: ConversationStore;
  /** The cards the bot posted for each story, kept in the story's partition. */
  readonly postedCards: PostedCards;
  /** Tenant settings: the publication channel. */
  readonly settings: SettingsStore;
  /**
   * The same settings without the cache (`settingsCacheMs`): for scheduled work that acts on the
   * document as saved, whichever instance saved it (a digest run must not drop a digest an admin
   * turned on a second ago on another instance).
   */
  readonly settingsAsSaved: SettingsStore;
  /** The story of each month (journey 8), beside the tenant's settings. */
  readonly awards: AwardStore;
  /** Training collections (journey 9), beside the tenant's settings. */
  readonly collections: CollectionStore;
  /** Who stands in for whom while away, beside the tenant's settings. */
  readonly delegations: DelegationStore;
  /** The scheduler's time index of reminders, escalations and expiries. */
  readonly due: DueIndex;
  /** Rejected and withdrawn stories by closing time (the retention setting), beside the queues. */
  readonly closed: ClosedIndex;
  /** API keys (hashes only), beside the tenants' settings. */
  readonly apiKeys: ApiKeyStore;
  /** Webhooks (with their signing secrets) and their delivery logs, beside the tenants' settings. */
  readonly webhooks: WebhookStore;
  /** The stories each person has a part in (erasure and export), beside the queues. */
  readonly personIndex: PersonIndex;
  /** Who was ever featured in a published story or declined it, beside the queues. */
  readonly featuredPeople: FeaturedPeopleIndex;
  /** What erasure and export need of the story partitions beyond `stories`. */
  readonly personalData: StoryPersonalData;
  /** The register of erasures, beside the scheduler's time index. */
  readonly register: ErasureRegister;
  /** Each tenant's history of scheduled jobs (the digests), beside the scheduler's time index. */
  readonly jobs: JobHistory;
  /**
   * Every story on the wall, of every tenant, read in one pass: what an embedded search index is
   * built from at start-up (`src/search`).
   */
  wallStories(options?: { pageSize?: number }): AsyncIterable<Story>;
  /** The wall's rows of given stories, read by key: what a search page shows of its hits. */
  readonly wallSnapshots: WallSnapshots;
  /** Creates the tables that are missing. */
  ensureTables(): Promise<void>;
  /**
   * Brings rows written by earlier versions up to date (the wall's `teamKey`); idempotent, and
   * safe to run on every instance at once. Resolves with how many rows it changed.
   */
  migrate(): Promise<number>;
  /** Deletes the tables (tests). */
  dropTables(): Promise<void>;
  /** Resolves when storage answers; otherwise DomainError('unavailable'). For `/healthz`. */
  ping(): Promise<void>;
}

/**
 * The SDK's default (3 retries from 800 ms, exponential) keeps a request on a dead connection for
 * about 6 s, longer than Teams' 5 s budget for a card action. Short retries fail fast into a clear
 * 503; throttling (429/503 with Retry-After) is still honoured by the SDK's throttling policy.
 */
const DEFAULT_RETRY = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 };

/** How long one request to storage, and one storage call with its retries, may take. */
export interface StorageTimeouts {
  /** One HTTP attempt; a stalled connection is abandoned after this. */
  readonly attemptMs: number;
  /** The call, retries and their waits included. */
  readonly deadlineMs: number;
}

/**
 * A table operation takes milliseconds; one that has not answered in 2 s is stalled, and a call
 * that has not succeeded in 4 s (retries included) is answered 503, within Teams' 5 s budget for a
 * card action. Without these the SDK waits as long as the connection stays open.
 */
export const DEFAULT_TIMEOUTS: StorageTimeouts = { attemptMs: 2_000, deadlineMs: 4_000 };

/**
 * Pipeline policies that bound every storage call: the overall deadline joins the caller's abort
 * signal before the retry policy (so no retry starts after it), and each attempt gets the SDK's
 * own request timeout. Either ends the call with an AbortError, which `toDomainError` turns into
 * `unavailable` (503). A write cut short may or may not have been stored, but never in part:
 * each write is one entity or one entity-group transaction.
 */
function timeoutPolicies(timeouts: StorageTimeouts): AdditionalPolicy[] {
  return [
    {
      position: 'perCall',
      policy: {
        name: 'storyWallStorageDeadline',
        sendRequest(request, next) {
          const signals = [AbortSignal.timeout(timeouts.deadlineMs)];
          const own = request.abortSignal;
          if (own instanceof AbortSignal) {
            signals.push(own);
          } else if (own) {
            const relay = new AbortController();
            if (own.aborted) relay.abort();
            else own.addEventListener('abort', () => relay.abort());
            signals.push(relay.signal);
          }
          request.abortSignal = AbortSignal.any(signals);
          return next(request);
        },
      },
    },
    {
      position: 'perRetry',
      policy: {
        name: 'storyWallStorageAttemptTimeout',
        sendRequest(request, next) {
          request.timeout = timeouts.attemptMs;
          return next(request);
        },
      },
    },
  ];
}

const TABLES = [
  'stories',
  'wall',
  'queues',
  'users',
  'conversations',
  'settings',
  'schedule',
] as const;
type TableName = (typeof TABLES)[number];

/** Table Storage adapters for every port, over a connection string or an endpoint + identity. */
export function createTableStorage(opts: TableStorageOptions): TableStorage {
  if (!/^([A-Za-z][A-Za-z0-9]{0,49})?$/.test(opts.tablePrefix)) {
    throw new Error('tablePrefix must be letters and digits, starting with a letter.');
  }
  const clientOptions: TableServiceClientOptions = {
    ...(opts.allowInsecureConnection !== undefined
      ? { allowInsecureConnection: opts.allowInsecureConnection }
      : {}),
    additionalPolicies: [
      ...timeoutPolicies(opts.timeouts ?? DEFAULT_TIMEOUTS),
      ...(opts.additionalPolicies ?? []),
    ],
    retryOptions: opts.retryOptions ?? DEFAULT_RETRY,
  };
  const client = (name: TableName): TableClient => {
    const table = `${opts.tablePrefix}${name}`;
    if (opts.connectionString) {
      return TableClient.fromConnectionString(opts.connectionString, table, clientOptions);
    }
    if (opts.tableEndpoint && opts.credential) {
      return new TableClient(opts.tableEndpoint, table, opts.credential, clientOptions);
    }
    throw new Error('Table storage needs a connection string, or an endpoint and a credential.');
  };
  const clients: Record<TableName, TableClient> = {
    stories: client('stories'),
    wall: client('wall'),
    queues: client('queues'),
    users: client('users'),
    conversations: client('conversations'),
    settings: client('settings'),
    schedule: client('schedule'),
  };
  const pingTimeoutMs = opts.pingTimeoutMs ?? 2_000;
  const settingsAsSaved = createTableSettingsStore(clients.settings);

  const storyViews = cacheStoryViews(
    createTableStoryRepository(clients.stories),
    createTableStoryPersonalData(clients.stories),
    { ttlMs: opts.storyViewCacheMs ?? 0 },
  );

  const projectionMemory = { versionMemoryMs: opts.projectionVersionMemoryMs ?? 0 };

  return {
    stories: rememberStoryVersions(storyViews.stories, {
      ttlMs: opts.storyVersionMemoryMs ?? 0,
    }),
    outbox: createTableOutboxStore(clients.stories),
    wall: cacheWallPages(
      createTableWallIndex(clients.wall, {
        monthsCacheMs: opts.wallCacheMs ?? 0,
        rankCacheMs: opts.wallRankCacheMs ?? 0,
        versionMemoryMs: projectionMemory.versionMemoryMs,
      }),
      { ttlMs: opts.wallCacheMs ?? 0, cursorAfter: wallCursorAfter },
    ),
    stats: cacheWallStats(createTableWallStats(clients.wall), { ttlMs: opts.statsCacheMs ?? 0 }),
    approvals: cacheApprovalQueue(createTableApprovalQueue(clients.queues, projectionMemory), {
      ttlMs: opts.approvalsViewCacheMs ?? 0,
    }),
    // Each author's own stories live beside the approval queues, in partitions of their own.
    authors: createTableAuthorIndex(clients.queues, projectionMemory),
    // The moderation queue too: one partition per tenant.
    moderation: createTableModerationQueue(clients.queues, projectionMemory),
    users: createTableUserDirectory(clients.users),
    conversations: createTableConversationStore(clients.conversations),
    postedCards: createTablePostedCards(clients.stories),
    settings: cacheTenantSettings(settingsAsSaved, { ttlMs: opts.settingsCacheMs ?? 0 }),
    settingsAsSaved,
    awards: createTableAwardStore(clients.settings),
    collections: createTableCollectionStore(clients.settings),
    delegations: createTableDelegationStore(clients.settings),
    due: createTableDueIndex(clients.schedule),
    closed: createTableClosedIndex(clients.queues),
    apiKeys: createTableApiKeyStore(clients.settings),
    webhooks: createTableWebhookStore(clients.settings),
    personIndex: cachePersonIndex(createTablePersonIndex(clients.queues), {
      ttlMs: opts.reactionsViewCacheMs ?? 0,
    }),
    featuredPeople: createTableFeaturedPeople(clients.queues),
    personalData: storyViews.personalData,
    register: createTableErasureRegister(clients.schedule),
    jobs: createTableJobHistory(clients.schedule),

    wallStories: (options) => allWallStories(clients.wall, options?.pageSize),
    wallSnapshots: createWallSnapshots(clients.wall),

    async ensureTables() {
      await Promise.all(TABLES.map((name) => clients[name].createTable()));
    },

    migrate() {
      return backfillWallTeamKeys(clients.wall);
    },

    async dropTables() {
      await Promise.all(TABLES.map((name) => clients[name].deleteTable()));
    },

    async ping() {
      // One query for a partition that never exists: it proves the account answers and the
      // table exists, reads no rows, and is cut short by the timeout (retries included).
      try {
        const pages = clients.stories
          .listEntities({
            queryOptions: { filter: odata`PartitionKey eq ${'~ping'}` },
            abortSignal: AbortSignal.timeout(pingTimeoutMs),
          })
          .byPage({ maxPageSize: 1 });
        await pages.next();
      } catch (error) {
        const mapped = toDomainError(error, 'ping');
        throw mapped instanceof DomainError && mapped.code === 'unavailable'
          ? mapped
          : new DomainError('unavailable', 'Storage is not ready.', {
              cause: error instanceof Error ? error.message : String(error),
            });
      }
    },
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads `process.env`. Every setting is validated at start-up and every
 * problem is reported at once, naming the setting, so a misconfigured deployment fails fast
 * with a message that says what to fix.
 */

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  STORAGE_TABLE_ENDPOINT: z.url().optional(),
  AZURE_CLIENT_ID: z.string().min(1).optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter')
    .default('sw'),
  SEED_DEMO: flag.optional(),
  AUTH_MODE: z.enum(['local', 'entra']).optional(),
  LOCAL_TENANT_ID: z.string().min(1).optional(),
  BOT_ID: z.string().optional(),
  BOT_PASSWORD: z.string().optional(),
  BOT_TENANT_ID: z.string().optional(),
  BOT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  BOT_SERVICE_URL: z.url().optional(),
  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  ENTRA_TENANT_ID: z.string().min(1).optional(),
  ENTRA_AUDIENCE: z.string().min(1).optional(),
  ENTRA_JWKS_URI: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  OUTBOX_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  ADMIN_USER_IDS: z.string().max(4000).optional(),
  DIRECTORY: z.enum(['demo', 'graph']).optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  STORAGE_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  STORAGE_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(4_000),
  SEARCH: z.enum(['embedded', 'scan', 'azure']).default('embedded'),
  AZURE_SEARCH_ENDPOINT: z.url().optional(),
  AZURE_SEARCH_INDEX: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,127}$/,
      'lower-case letters, digits and dashes, 2 to 128, starting with a letter or digit',
    )
    .default('stories'),
  AZURE_SEARCH_KEY: z.string().min(1).max(200).optional(),
});

/** How the wall's text search is answered; see `AppConfig.search`. */
export type SearchConfig =
  | { kind: 'embedded' }
  | { kind: 'scan' }
  | {
      kind: 'azure';
      endpoint: string;
      indexName: string;
      /** An admin key, or the managed identity (`AZURE_CLIENT_ID` when set, else the default chain). */
      auth: { kind: 'key'; key: string } | { kind: 'managedIdentity'; clientId?: string };
    };

export type AuthMode = 'local' | 'entra';

/** Where the tables are: an embedded Azurite the app starts, or an external account. */
export type StorageConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'endpoint'; endpoint: string; managedIdentityClientId?: string };

export interface BotConfig {
  /** Empty only in local mode: it switches off botbuilder's authentication. */
  appId: string;
  appPassword?: string;
  appTenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /**
   * Where proactive messages go when no conversation is known yet. Unset in local mode unless
   * configured: without Teams there is nowhere to send them.
   */
  serviceUrl?: string;
}

export interface EntraConfig {
  clientId: string;
  /** Accepted tenant ids; undefined accepts any tenant that signs a valid token. */
  tenantIds?: string[];
  audiences: string[];
  jwksUri: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl?: string;
  logLevel: string;
  storage: StorageConfig;
  tablePrefix: string;
  seedDemo: boolean;
  authMode: AuthMode;
  /** The tenant of local mode's demo users. */
  localTenantId: string;
  bot: BotConfig;
  entra?: EntraConfig;
  outboxSweepSeconds: number;
  /** Story writes (submit, vote, decide) per person per minute before a 429. */
  writesPerMinute: number;
  /** Absolute path of the built tab. */
  tabDir: string;
  /** The app's version, from its package.json (`0.0.0` when there is none, as in unit tests). */
  version: string;
  /** Entra object ids of the first admins, before anyone has saved Settings. */
  adminUserIds: string[];
  /**
   * Where people, managers and groups come from: the demo people, or Microsoft Graph at
   * `graphBaseUrl` (a loopback stub in tests). Independent of the auth mode.
   */
  directory: { kind: 'demo' } | { kind: 'graph'; baseUrl: string };
  /** How often the scheduler looks for due reminders, escalations and expiries; 0 turns it off. */
  schedulerSeconds: number;
  /**
   * How long one storage request may take before it is abandoned, and how long a storage call
   * may take with its retries: a stalled storage gives a 503 within the deadline, never a hang.
   */
  storageTimeouts: { attemptMs: number; deadlineMs: number };
  /**
   * How the wall's text search (`q`) is answered (docs/adr/0009-search-port.md): `embedded`, a
   * full-text index in this process, built from the wall at start-up (one instance); `azure`,
   * Azure AI Search at `AZURE_SEARCH_ENDPOINT` (scale-out; index `AZURE_SEARCH_INDEX`, an admin
   * key `AZURE_SEARCH_KEY` or else the managed identity); `scan`, the wall's rows matched in the
   * app, as before the index existed.
   */
  search: SearchConfig;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Teams' global Bot Connector endpoint; a tenant's own conversations name their regional one. */
const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

const DEFAULT_LOCAL_TENANT = '00000000-0000-4000-8000-000000000001';

/** The `version` of the app's package.json, read once at start-up. */
function packageVersion(rootDir: string): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8'));
    const version = (parsed as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** An https address, or http to this machine (a stub in tests). */
function isSecureOrLoopback(address: string): boolean {
  const { protocol, hostname } = new URL(address);
  return protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

/** Reads and validates the configuration; throws a ConfigError listing every problem. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  rootDir: string = process.cwd(),
): AppConfig {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';
  const botId = e.BOT_ID ?? '';
  const entraConfigured = Boolean(e.ENTRA_CLIENT_ID);
  const authMode: AuthMode =
    e.AUTH_MODE ?? (!production && !entraConfigured && !botId ? 'local' : 'entra');

  if (production && authMode === 'local') {
    problems.push('AUTH_MODE: local mode is not allowed with NODE_ENV=production; use entra');
  }
  if (production && !botId) {
    problems.push(
      'BOT_ID: required with NODE_ENV=production (an empty bot id switches off bot authentication)',
    );
  }
  if (authMode === 'entra' && !botId && !production) {
    problems.push(
      'BOT_ID: required in entra mode (an empty bot id switches off bot authentication)',
    );
  }
  if (authMode === 'entra' && !e.ENTRA_CLIENT_ID) {
    problems.push('ENTRA_CLIENT_ID: required in entra mode (the Entra app of Teams SSO)');
  }
  const appType = e.BOT_APP_TYPE ?? (e.BOT_PASSWORD ? 'SingleTenant' : 'UserAssignedMSI');
  if (botId && appType !== 'UserAssignedMSI' && !e.BOT_PASSWORD) {
    problems.push(`BOT_PASSWORD: required for BOT_APP_TYPE=${appType}`);
  }
  if (botId && appType !== 'MultiTenant' && !e.BOT_TENANT_ID) {
    problems.push(`BOT_TENANT_ID: required for BOT_APP_TYPE=${appType}`);
  }
  if (e.STORAGE_CONNECTION_STRING && e.STORAGE_TABLE_ENDPOINT) {
    problems.push('STORAGE_CONNECTION_STRING and STORAGE_TABLE_ENDPOINT: set only one of them');
  }
  const adminUserIds = (e.ADMIN_USER_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (adminUserIds.some((id) => !/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/.test(id))) {
    problems.push('ADMIN_USER_IDS: a comma-separated list of Entra object ids');
  }
  if (production && e.DIRECTORY === 'demo') {
    problems.push('DIRECTORY: the demo directory is not allowed with NODE_ENV=production');
  }
  if (e.SEARCH === 'azure' && !e.AZURE_SEARCH_ENDPOINT) {
    problems.push(
      'AZURE_SEARCH_ENDPOINT: required with SEARCH=azure (https://<service>.search.windows.net)',
    );
  }
  if (e.SEARCH !== 'azure' && (e.AZURE_SEARCH_ENDPOINT || e.AZURE_SEARCH_KEY)) {
    problems.push(
      `AZURE_SEARCH_ENDPOINT and AZURE_SEARCH_KEY: only read with SEARCH=azure (SEARCH is ${e.SEARCH})`,
    );
  }
  if (e.AZURE_SEARCH_ENDPOINT && !isSecureOrLoopback(e.AZURE_SEARCH_ENDPOINT)) {
    problems.push('AZURE_SEARCH_ENDPOINT: must be https (plain http only on this machine)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const storage: StorageConfig = e.STORAGE_CONNECTION_STRING
    ? { kind: 'connectionString', connectionString: e.STORAGE_CONNECTION_STRING }
    : e.STORAGE_TABLE_ENDPOINT
      ? {
          kind: 'endpoint',
          endpoint: e.STORAGE_TABLE_ENDPOINT,
          ...(e.AZURE_CLIENT_ID ? { managedIdentityClientId: e.AZURE_CLIENT_ID } : {}),
        }
      : { kind: 'embedded', dataDir: path.resolve(rootDir, e.DATA_DIR) };

  const clientId = e.ENTRA_CLIENT_ID;
  const entra: EntraConfig | undefined = clientId
    ? {
        clientId,
        ...(e.ENTRA_TENANT_ID
          ? { tenantIds: e.ENTRA_TENANT_ID.split(',').map((t) => t.trim()) }
          : {}),
        audiences: e.ENTRA_AUDIENCE
          ? e.ENTRA_AUDIENCE.split(',').map((a) => a.trim())
          : [clientId, `api://${clientId}`],
        jwksUri: e.ENTRA_JWKS_URI,
      }
    : undefined;

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    storage,
    tablePrefix: e.TABLE_PREFIX,
    seedDemo: e.SEED_DEMO ?? (authMode === 'local' && storage.kind === 'embedded'),
    authMode,
    localTenantId: e.LOCAL_TENANT_ID ?? DEFAULT_LOCAL_TENANT,
    bot: {
      appId: botId,
      ...(e.BOT_PASSWORD ? { appPassword: e.BOT_PASSWORD } : {}),
      ...(e.BOT_TENANT_ID ? { appTenantId: e.BOT_TENANT_ID } : {}),
      appType,
      ...(e.BOT_SERVICE_URL || authMode === 'entra'
        ? { serviceUrl: e.BOT_SERVICE_URL ?? TEAMS_SERVICE_URL }
        : {}),
    },
    ...(entra ? { entra } : {}),
    outboxSweepSeconds: e.OUTBOX_SWEEP_SECONDS,
    writesPerMinute: e.WRITES_PER_MINUTE,
    tabDir: path.resolve(rootDir, 'dist/tab'),
    version: packageVersion(rootDir),
    adminUserIds,
    directory:
      (e.DIRECTORY ?? (authMode === 'local' ? 'demo' : 'graph')) === 'graph'
        ? { kind: 'graph', baseUrl: e.GRAPH_BASE_URL }
        : { kind: 'demo' },
    schedulerSeconds: e.SCHEDULER_INTERVAL_SECONDS,
    storageTimeouts: { attemptMs: e.STORAGE_ATTEMPT_TIMEOUT_MS, deadlineMs: e.STORAGE_DEADLINE_MS },
    search:
      e.SEARCH === 'azure' && e.AZURE_SEARCH_ENDPOINT
        ? {
            kind: 'azure',
            endpoint: e.AZURE_SEARCH_ENDPOINT,
            indexName: e.AZURE_SEARCH_INDEX,
            auth: e.AZURE_SEARCH_KEY
              ? { kind: 'key', key: e.AZURE_SEARCH_KEY }
              : {
                  kind: 'managedIdentity',
                  ...(e.AZURE_CLIENT_ID ? { clientId: e.AZURE_CLIENT_ID } : {}),
                },
          }
        : { kind: e.SEARCH === 'scan' ? 'scan' : 'embedded' },
  };
}

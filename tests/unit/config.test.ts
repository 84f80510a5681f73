import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/app');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to local mode on the embedded Azurite with demo data', () => {
    const config = loadConfig({}, '/app');
    expect(config).toMatchObject({
      authMode: 'local',
      port: 3978,
      host: '127.0.0.1',
      seedDemo: true,
      storage: { kind: 'embedded', dataDir: '/app/.data' },
      tabDir: '/app/dist/tab',
    });
    expect(config.bot.appId).toBe('');
    // Without Teams there is no Bot Connector to send chat messages to.
    expect(config.bot.serviceUrl).toBeUndefined();
  });

  it('turns demo data off with SEED_DEMO=false and reads PORT and DATA_DIR', () => {
    const config = loadConfig({ SEED_DEMO: 'false', PORT: '4000', DATA_DIR: 'state' }, '/app');
    expect(config.seedDemo).toBe(false);
    expect(config.port).toBe(4000);
    expect(config.storage).toEqual({ kind: 'embedded', dataDir: '/app/state' });
  });

  it('uses an external account by connection string or endpoint with managed identity', () => {
    expect(loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).storage).toEqual(
      { kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' },
    );
    expect(
      loadConfig({
        STORAGE_TABLE_ENDPOINT: 'https://acct.table.core.windows.net',
        AZURE_CLIENT_ID: 'mi-client',
      }).storage,
    ).toEqual({
      kind: 'endpoint',
      endpoint: 'https://acct.table.core.windows.net',
      managedIdentityClientId: 'mi-client',
    });
    expect(
      problemsOf({
        STORAGE_TABLE_ENDPOINT: 'https://acct.table.core.windows.net',
        STORAGE_CONNECTION_STRING: 'x',
      }),
    ).toHaveLength(1);
  });

  it('refuses to start in production in local mode or without a bot id, naming each setting', () => {
    const problems = problemsOf({ NODE_ENV: 'production', AUTH_MODE: 'local' });
    expect(problems.some((p) => p.startsWith('AUTH_MODE'))).toBe(true);
    expect(problems.some((p) => p.startsWith('BOT_ID'))).toBe(true);
  });

  it('chooses entra mode when an Entra app is configured, and wants its bot settings', () => {
    const problems = problemsOf({ ENTRA_CLIENT_ID: 'client' });
    expect(problems.some((p) => p.startsWith('BOT_ID'))).toBe(true);
    const config = loadConfig({
      NODE_ENV: 'production',
      ENTRA_CLIENT_ID: 'client',
      ENTRA_TENANT_ID: 'tenant-a, tenant-b',
      BOT_ID: 'bot',
      BOT_TENANT_ID: 'tenant-a',
    });
    expect(config.authMode).toBe('entra');
    expect(config.host).toBe('0.0.0.0');
    expect(config.seedDemo).toBe(false);
    expect(config.bot.appType).toBe('UserAssignedMSI');
    expect(config.bot.serviceUrl).toBe('https://smba.trafficmanager.net/teams/');
    expect(config.entra).toMatchObject({
      clientId: 'client',
      tenantIds: ['tenant-a', 'tenant-b'],
      audiences: ['client', 'api://client'],
    });
  });

  it('searches with the embedded index unless SEARCH says scan', () => {
    expect(loadConfig({}, '/app').search).toEqual({ kind: 'embedded' });
    expect(loadConfig({ SEARCH: 'scan' }, '/app').search).toEqual({ kind: 'scan' });
    expect(problemsOf({ SEARCH: 'elastic' })).toEqual([expect.stringContaining('SEARCH')]);
  });

  it('searches with Azure AI Search by key or managed identity, and says what is missing', () => {
    const endpoint = 'https://wall.search.windows.net';
    expect(
      loadConfig(
        { SEARCH: 'azure', AZURE_SEARCH_ENDPOINT: endpoint, AZURE_SEARCH_KEY: 'k' },
        '/app',
      ).search,
    ).toEqual({ kind: 'azure', endpoint, indexName: 'stories', auth: { kind: 'key', key: 'k' } });
    expect(
      loadConfig(
        {
          SEARCH: 'azure',
          AZURE_SEARCH_ENDPOINT: endpoint,
          AZURE_SEARCH_INDEX: 'wall-stories',
          AZURE_CLIENT_ID: 'mi-client',
        },
        '/app',
      ).search,
    ).toEqual({
      kind: 'azure',
      endpoint,
      indexName: 'wall-stories',
      auth: { kind: 'managedIdentity', clientId: 'mi-client' },
    });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, '/app');
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ SEARCH: 'azure' })).toEqual([
      'AZURE_SEARCH_ENDPOINT: required with SEARCH=azure (https://<service>.search.windows.net)',
    ]);
    expect(problems({ AZURE_SEARCH_KEY: 'k' })).toEqual([
      'AZURE_SEARCH_ENDPOINT and AZURE_SEARCH_KEY: only read with SEARCH=azure (SEARCH is embedded)',
    ]);
    expect(problems({ SEARCH: 'azure', AZURE_SEARCH_ENDPOINT: 'http://wall.example' })).toEqual([
      'AZURE_SEARCH_ENDPOINT: must be https (plain http only on this machine)',
    ]);
    expect(
      problems({
        SEARCH: 'azure',
        AZURE_SEARCH_ENDPOINT: endpoint,
        AZURE_SEARCH_INDEX: 'Bad_Name',
      })[0],
    ).toMatch(/^AZURE_SEARCH_INDEX: lower-case letters/);
  });

  it('reports every malformed value at once', () => {
    const problems = problemsOf({ PORT: 'eighty', TABLE_PREFIX: '1-bad', SEED_DEMO: 'maybe' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT[\s\S]*TABLE_PREFIX|TABLE_PREFIX[\s\S]*PORT/);
  });
});

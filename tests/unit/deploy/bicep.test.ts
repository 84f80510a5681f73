import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { parseEnvFile } from '../../../scripts/package.js';
import {
  ROOT,
  bicepParser,
  expressionText,
  get,
  loadBicep,
  readJson,
  readText,
  syntaxProblems,
  type BicepFile,
  type BicepResource,
  type BicepValue,
} from './support.js';

const MAIN = 'infra/azure.bicep';
const MODULES = readdirSync(path.join(ROOT, 'infra/modules'))
  .filter((name) => name.endsWith('.bicep'))
  .map((name) => `infra/modules/${name}`);

const TABLE_DATA_CONTRIBUTOR = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3';

let files: BicepFile[] = [];
let main: BicepFile;
let resources: BicepResource[] = [];

beforeAll(async () => {
  files = await Promise.all([MAIN, ...MODULES].map(loadBicep));
  main = files[0] as BicepFile;
  resources = files.flatMap((f) => f.resources);
});

function only(type: string): BicepResource {
  const found = resources.filter((r) => r.type === type);
  expect(found, type).toHaveLength(1);
  return found[0] as BicepResource;
}

function fileOf(resource: BicepResource): BicepFile {
  return files.find((f) => f.resources.includes(resource)) as BicepFile;
}

/** The literal a value stands for, following a parameter default or a variable of its file. */
function resolve(file: BicepFile, value: BicepValue | undefined): BicepValue | undefined {
  const text = expressionText(value);
  if (/^[A-Za-z_]\w*$/.test(text)) {
    return file.variables.get(text) ?? file.params.get(text)?.defaultValue ?? value;
  }
  return value;
}

describe('infra/*.bicep syntax', () => {
  it('parses azure.bicep and every module without ERROR or MISSING nodes', () => {
    expect(MODULES.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(syntaxProblems(file.root), file.file).toEqual([]);
  });

  it('is checked for real: the parser flags broken Bicep', async () => {
    const tree = (await bicepParser()).parse(
      "resource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'x'\n",
    );
    expect(syntaxProblems(tree!.rootNode)).not.toEqual([]);
  });

  it('uses only modules that exist, each from azure.bicep', () => {
    const used = main.modules.map((m) => path.join('infra', m.path));
    for (const module of used) expect(existsSync(path.join(ROOT, module)), module).toBe(true);
    expect(used.sort()).toEqual([...MODULES].sort());
  });

  it('passes every module exactly the parameters it declares, and all it requires', () => {
    for (const module of main.modules) {
      const target = files.find((f) => f.file === path.join('infra', module.path)) as BicepFile;
      const given = Object.keys((module.body['params'] ?? {}) as Record<string, unknown>);
      const declared = [...target.params.keys()];
      const required = declared.filter((p) => target.params.get(p)?.defaultValue === undefined);
      expect(
        given.filter((p) => !declared.includes(p)),
        module.path,
      ).toEqual([]);
      expect(
        required.filter((p) => !given.includes(p)),
        module.path,
      ).toEqual([]);
    }
  });
});

describe('infra resources', () => {
  it('has a user-assigned managed identity', () => {
    expect(only('Microsoft.ManagedIdentity/userAssignedIdentities')).toBeDefined();
  });

  it('has a storage account that accepts Entra tokens only, over TLS 1.2 and https, with tables', () => {
    const storage = only('Microsoft.Storage/storageAccounts');
    expect(get(storage.body, 'properties')).toMatchObject({
      allowSharedKeyAccess: false,
      minimumTlsVersion: 'TLS1_2',
      supportsHttpsTrafficOnly: true,
      allowBlobPublicAccess: false,
    });
    expect(only('Microsoft.Storage/storageAccounts/tableServices').body['name']).toBe('default');
  });

  it('grants the identity Storage Table Data Contributor on that account only', () => {
    const [assignment, ...others] = resources.filter(
      (r) =>
        r.type === 'Microsoft.Authorization/roleAssignments' &&
        fileOf(r).resources.some((x) => x.type === 'Microsoft.Storage/storageAccounts'),
    );
    if (!assignment) throw new Error('no role assignment next to the storage account');
    expect(others).toEqual([]);
    const file = fileOf(assignment);
    const storage = file.resources.find((r) => r.type === 'Microsoft.Storage/storageAccounts');
    expect(storage, 'role assignment next to the storage account').toBeDefined();
    expect(expressionText(assignment.body['scope'])).toBe(storage?.symbol);
    const roleDefinition = expressionText(get(assignment.body, 'properties', 'roleDefinitionId'));
    const roleVariable = /'([\w.]+\/roleDefinitions)',\s*(\w+)\)/.exec(roleDefinition)?.[2] ?? '';
    expect(resolve(file, { expression: roleVariable })).toBe(TABLE_DATA_CONTRIBUTOR);
    expect(get(assignment.body, 'properties', 'principalType')).toBe('ServicePrincipal');
    expect(main.modules.find((m) => m.path === 'modules/storage.bicep')?.body).toMatchObject({
      params: { dataContributorPrincipalId: { expression: 'identity.outputs.principalId' } },
    });
  });

  it('has Azure AI Search behind a parameter, off by default, with roles for the identity and the app settings', () => {
    const search = only('Microsoft.Search/searchServices');
    const file = fileOf(search);
    expect(search.body).toMatchObject({ properties: { disableLocalAuth: true } });
    const roles = file.resources.filter(
      (r) => r.type === 'Microsoft.Authorization/roleAssignments',
    );
    expect(roles).toHaveLength(2);
    for (const role of roles) {
      expect(expressionText(role.body['scope'])).toBe(search.symbol);
      expect(get(role.body, 'properties', 'principalType')).toBe('ServicePrincipal');
    }
    const module = main.modules.find((m) => m.path === 'modules/search.bicep');
    expect(module?.body).toMatchObject({
      params: { appPrincipalId: { expression: 'identity.outputs.principalId' } },
    });
    const source = readFileSync(path.join(ROOT, 'infra/azure.bicep'), 'utf8');
    expect(source).toContain('param enableAzureSearch bool = false');
    expect(source).toContain("module search 'modules/search.bicep' = if (enableAzureSearch)");
    const web = readFileSync(path.join(ROOT, 'infra/modules/webApp.bicep'), 'utf8');
    expect(web).toContain("name: 'AZURE_SEARCH_ENDPOINT'");
    expect(web).toContain('concat(baseSettings, searchSettings, monitoringSettings)');
  });

  it('has a Linux App Service plan and an https-only Node web app that runs as the identity', () => {
    const plan = only('Microsoft.Web/serverfarms');
    expect(plan.body).toMatchObject({ kind: 'linux', properties: { reserved: true } });
    const site = only('Microsoft.Web/sites');
    expect(site.body).toMatchObject({
      kind: 'app,linux',
      identity: { type: 'UserAssigned' },
      properties: { httpsOnly: true, clientAffinityEnabled: false },
    });
    expect(get(site.body, 'properties', 'keyVaultReferenceIdentity')).toBeDefined();
    const config = get(site.body, 'properties', 'siteConfig');
    expect(config).toMatchObject({
      ftpsState: 'Disabled',
      minTlsVersion: '1.2',
      healthCheckPath: '/healthz',
    });
    expect(resolve(fileOf(site), get(config, 'linuxFxVersion'))).toBe('NODE|22-lts');
  });

  it('sets every app setting the server needs in Azure, and src/config.ts accepts them', () => {
    const site = only('Microsoft.Web/sites');
    const file = fileOf(site);
    const settings = [...file.variables.values()]
      .flatMap((v) => (Array.isArray(v) ? v : []))
      .concat(
        // A conditional list (`empty(x) ? [] : [...]`) keeps its source text.
        [...file.variables.values()].flatMap((v) =>
          [...expressionText(v).matchAll(/name: '(\w+)'/g)].map((m) => ({ name: m[1] ?? '' })),
        ),
      )
      .map((s) => get(s, 'name'))
      .filter((n): n is string => typeof n === 'string');
    expect(settings).toEqual(
      expect.arrayContaining([
        'NODE_ENV',
        'AUTH_MODE',
        'STORAGE_TABLE_ENDPOINT',
        'AZURE_CLIENT_ID',
        'BOT_ID',
        'BOT_TENANT_ID',
        'BOT_APP_TYPE',
        'ENTRA_CLIENT_ID',
        'ENTRA_TENANT_ID',
        'ENTRA_AUDIENCE',
        'PUBLIC_URL',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
      ]),
    );
    const literal = (name: string) =>
      [...file.variables.values()]
        .flatMap((v) => (Array.isArray(v) ? v : []))
        .map((s) => s as Record<string, BicepValue>)
        .find((s) => s['name'] === name)?.['value'];
    expect(literal('NODE_ENV')).toBe('production');
    expect(literal('AUTH_MODE')).toBe('entra');
    expect(literal('BOT_APP_TYPE')).toBe('UserAssignedMSI');

    // What the web app would start with: src/config.ts must accept it in production.
    const id = '7b0b4d52-2f44-4a40-9f0e-2c1de9c5a0a1';
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_MODE: 'entra',
      PUBLIC_URL: 'https://storywall.azurewebsites.net',
      STORAGE_TABLE_ENDPOINT: 'https://storywall.table.core.windows.net/',
      AZURE_CLIENT_ID: id,
      BOT_ID: id,
      BOT_TENANT_ID: id,
      BOT_APP_TYPE: 'UserAssignedMSI',
      ENTRA_CLIENT_ID: id,
      ENTRA_TENANT_ID: id,
      ENTRA_AUDIENCE: `${id},api://storywall.azurewebsites.net/${id}`,
    });
    expect(config.storage).toEqual({
      kind: 'endpoint',
      endpoint: 'https://storywall.table.core.windows.net/',
      managedIdentityClientId: id,
    });
    expect(config.bot).toMatchObject({ appId: id, appType: 'UserAssignedMSI' });
  });

  it('has an Azure Bot that signs in as the managed identity and calls /api/messages', () => {
    const bot = only('Microsoft.BotService/botServices');
    expect(bot.body).toMatchObject({ location: 'global', kind: 'azurebot' });
    expect(get(bot.body, 'properties', 'msaAppType')).toBe('UserAssignedMSI');
    for (const key of ['msaAppId', 'msaAppMSIResourceId', 'msaAppTenantId']) {
      expect(get(bot.body, 'properties', key), key).toBeDefined();
    }
    expect(expressionText(get(bot.body, 'properties', 'endpoint'))).toMatch(
      /^'https:\/\/\$\{\w+\}\/api\/messages'$/,
    );
  });

  it('enables the Teams channel on that bot', () => {
    const channel = only('Microsoft.BotService/botServices/channels');
    expect(channel.body).toMatchObject({
      name: 'MsTeamsChannel',
      properties: { channelName: 'MsTeamsChannel' },
    });
  });

  it('can add Application Insights, behind a bool parameter', () => {
    expect(only('Microsoft.Insights/components')).toBeDefined();
    expect(main.params.get('enableApplicationInsights')).toEqual({
      type: 'bool',
      defaultValue: true,
    });
    const monitoring = main.modules.find((m) => m.path === 'modules/monitoring.bicep');
    expect(monitoring?.conditional).toBe(true);
  });
});

describe('infra outputs and parameters', () => {
  const REQUIRED_OUTPUTS = [
    'TAB_DOMAIN',
    'TAB_ENDPOINT',
    'BOT_ID',
    'BOT_TENANT_ID',
    'IDENTITY_CLIENT_ID',
    'STORAGE_TABLE_ENDPOINT',
    'WEB_APP_RESOURCE_ID',
  ];

  it('outputs what the toolkit writes back to the env file', () => {
    expect([...main.outputs.keys()]).toEqual(expect.arrayContaining(REQUIRED_OUTPUTS));
    const devEnv = Object.keys(parseEnvFile(readText('env/.env.dev')));
    expect([...main.outputs.keys()].filter((o) => !devEnv.includes(o))).toEqual([]);
  });

  it('is deployed with parameters it declares, and gets every one it requires', () => {
    const given = Object.keys(
      readJson<{ parameters: Record<string, unknown> }>('infra/azure.parameters.json').parameters,
    );
    const declared = [...main.params.keys()];
    const required = declared.filter((p) => main.params.get(p)?.defaultValue === undefined);
    expect(given.filter((p) => !declared.includes(p))).toEqual([]);
    expect(required.filter((p) => !given.includes(p))).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config.js';
import { parseEnvFile, placeholdersIn } from '../../../scripts/package.js';
import { ROOT, readJson, readText } from './support.js';

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

interface Project {
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
  publish?: Step[];
}

const cloud = parse(readText('teamsapp.yml')) as Project;
const local = parse(readText('teamsapp.local.yml')) as Project;

const uses = (steps: Step[] | undefined) => (steps ?? []).map((s) => s.uses);
const step = (steps: Step[], name: string) => steps.find((s) => s.uses === name) as Step;

describe('teamsapp.yml (Azure)', () => {
  it('follows the v1.7 schema of the Agents Toolkit and keeps env files in env/', () => {
    expect(readText('teamsapp.yml')).toContain(
      '# yaml-language-server: $schema=https://aka.ms/teams-toolkit/v1.7/yaml.schema.json',
    );
    expect(cloud.version).toBe('v1.7');
    expect(cloud.environmentFolderPath).toBe('./env');
  });

  it('provisions in order: Teams app, Entra app, Azure, Entra update, package, update', () => {
    expect(uses(cloud.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
  });

  it('has no bot secret in Azure: the bot is the managed identity of infra/', () => {
    expect(uses(cloud.provision)).not.toContain('botAadApp/create');
    expect(step(cloud.provision, 'aadApp/create').with?.['generateClientSecret']).toBe(false);
    expect(readText('teamsapp.yml')).not.toMatch(/SECRET_/);
  });

  it('deploys infra/azure.bicep with its parameters file', () => {
    const arm = step(cloud.provision, 'arm/deploy').with as {
      templates: Array<{ path: string; parameters: string }>;
    };
    expect(arm.templates).toHaveLength(1);
    expect(arm.templates[0]).toMatchObject({
      path: './infra/azure.bicep',
      parameters: './infra/azure.parameters.json',
    });
    for (const file of [arm.templates[0]?.path, arm.templates[0]?.parameters]) {
      expect(existsSync(path.join(ROOT, file ?? ''))).toBe(true);
    }
  });

  it('deploys in order: install, build, zip deploy to the web app with .webappignore', () => {
    expect(uses(cloud.deploy)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(cloud.deploy.map((s) => s.with?.['args'])).toEqual([
      'ci --no-audit --no-fund',
      'run build',
      undefined,
    ]);
    expect(step(cloud.deploy, 'azureAppService/zipDeploy').with).toEqual({
      artifactFolder: '.',
      ignoreFile: '.webappignore',
      resourceId: '${{WEB_APP_RESOURCE_ID}}',
    });
  });

  it('publishes in order: validate, zip, validate package, update, submit to the catalogue', () => {
    expect(uses(cloud.publish)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
    ]);
  });

  it('packages appPackage/manifest.json to the path npm run package writes', () => {
    for (const steps of [cloud.provision, cloud.publish ?? [], local.provision]) {
      expect(step(steps, 'teamsApp/zipAppPackage').with).toEqual({
        manifestPath: './appPackage/manifest.json',
        outputZipPath: './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip',
        outputFolder: './appPackage/build',
      });
    }
  });
});

describe('teamsapp.local.yml', () => {
  it('provisions in order: tunnel as tab, Teams app, Entra app, bot app and registration, package', () => {
    expect(uses(local.provision)).toEqual([
      'script',
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'botFramework/create',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(step(local.provision, 'botAadApp/create').writeToEnvironmentFile).toEqual({
      botId: 'BOT_ID',
      botPassword: 'SECRET_BOT_PASSWORD',
    });
    expect(step(local.provision, 'botFramework/create').with).toMatchObject({
      messagingEndpoint: '${{BOT_ENDPOINT}}/api/messages',
      channels: [{ name: 'msteams' }],
    });
  });

  it('deploys in order: install, build, write the server settings to ./.env', () => {
    expect(uses(local.deploy)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'file/createOrUpdateEnvironmentFile',
    ]);
  });

  it('writes settings that src/config.ts accepts for a Teams session', () => {
    const target = step(local.deploy, 'file/createOrUpdateEnvironmentFile').with as {
      target: string;
      envs: Record<string, string | number>;
    };
    expect(target.target).toBe('./.env');
    const id = '7b0b4d52-2f44-4a40-9f0e-2c1de9c5a0a1';
    const env = Object.fromEntries(
      Object.entries(target.envs).map(([key, value]) => [
        key,
        String(value)
          .replace(/\$\{\{(TAB_ENDPOINT|BOT_ENDPOINT)\}\}/g, 'https://abc-3978.euw.devtunnels.ms')
          .replace(/\$\{\{TAB_DOMAIN\}\}/g, 'abc-3978.euw.devtunnels.ms')
          .replace(/\$\{\{SECRET_\w+\}\}/g, 'not-a-real-secret')
          .replace(/\$\{\{\w+\}\}/g, id),
      ]),
    );
    const config = loadConfig(env);
    expect(config.authMode).toBe('entra');
    expect(config.entra?.audiences).toEqual([id, `api://abc-3978.euw.devtunnels.ms/${id}`]);
    expect(config.storage.kind).toBe('embedded');
  });
});

describe('environment files', () => {
  it.each([
    ['teamsapp.yml', 'dev'],
    ['teamsapp.local.yml', 'local'],
  ])(
    '%s uses only variables that env/.env.%s defines (secrets come from .user files)',
    (file, env) => {
      const defined = Object.keys(parseEnvFile(readText(`env/.env.${env}`)));
      const texts = [
        readText(file),
        readText('aad.manifest.json'),
        readText('appPackage/manifest.json'),
        ...(env === 'dev' ? [readText('infra/azure.parameters.json')] : []),
      ].join('\n');
      const missing = placeholdersIn(texts).filter(
        (v) => !defined.includes(v) && !v.startsWith('SECRET_'),
      );
      expect(missing).toEqual([]);
    },
  );

  it('commits env files without secrets, and git ignores the .user files that hold them', () => {
    for (const env of ['dev', 'local']) {
      const keys = Object.keys(parseEnvFile(readText(`env/.env.${env}`)));
      expect(keys.filter((k) => k.startsWith('SECRET_'))).toEqual([]);
    }
    const ignored = readText('.gitignore').split(/\r?\n/);
    expect(ignored).toContain('env/.env.*.user');
    expect(ignored).toContain('.env');
  });
});

describe('aad.manifest.json', () => {
  const aad = readJson<{
    identifierUris: string[];
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: Array<{ id: string; value: string; type: string }>;
      preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
    };
  }>('aad.manifest.json');

  it('exposes access_as_user on api://<tab domain>/<client id>, with v2 tokens', () => {
    expect(aad.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({
        value: 'access_as_user',
        type: 'User',
        id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}',
      }),
    ]);
  });

  it('pre-authorises the Teams desktop/mobile and web clients for that scope', () => {
    const teamsClients = [
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ];
    expect(aad.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(teamsClients);
    for (const app of aad.api.preAuthorizedApplications) {
      expect(app.delegatedPermissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
    }
  });
});

/**
 * The subset of gitignore matching that .webappignore uses: `#` comments, a leading `/` or an
 * inner `/` anchors to the root, a trailing `/` matches a folder and all below it, `*` stays
 * within one path segment. Negations are not used (a test below keeps it so).
 */
function ignoreMatcher(text: string): (file: string) => boolean {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const folder = line.endsWith('/');
      const body = line.replace(/^\//, '').replace(/\/$/, '');
      const anchored = line.startsWith('/') || body.includes('/');
      const glob = body
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*');
      return new RegExp(`${anchored ? '^' : '(^|/)'}${glob}${folder ? '/' : '(/|$)'}`);
    });
  return (file) => rules.some((rule) => rule.test(file));
}

describe('.webappignore', () => {
  const text = readText('.webappignore');
  const ignored = ignoreMatcher(text);
  const lock = readJson<{ packages: Record<string, { dev?: boolean }> }>('package-lock.json');

  it('uses no negation, and anchors every folder outside node_modules to the root', () => {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines.filter((l) => l.startsWith('!'))).toEqual([]);
    expect(
      lines.filter((l) => l.endsWith('/') && !l.startsWith('/') && !l.startsWith('node_modules/')),
    ).toEqual([]);
  });

  it('keeps what the web app runs', () => {
    for (const file of [
      'dist/server/main.js',
      'dist/server/config.js',
      'dist/tab/index.html',
      'dist/tab/privacy.html',
      'dist/tab/assets/index-abc123.js',
      'package.json',
    ]) {
      expect(ignored(file), file).toBe(false);
    }
  });

  it('keeps every package that is not a devDependency (per package-lock.json)', () => {
    const runtime = Object.entries(lock.packages)
      .filter(([key, info]) => key.startsWith('node_modules/') && !info.dev)
      .map(([key]) => `${key}/package.json`);
    expect(runtime.length).toBeGreaterThan(50);
    expect(runtime.filter(ignored)).toEqual([]);
  });

  it('leaves out secrets, sources and the biggest build-only packages', () => {
    for (const file of [
      '.env',
      'env/.env.dev',
      'env/.env.local.user',
      'src/main.ts',
      'tests/unit/config.test.ts',
      'infra/azure.bicep',
      'appPackage/manifest.json',
      'vite.config.ts',
      'node_modules/@fluentui/react-icons/package.json',
      'node_modules/playwright-core/package.json',
    ]) {
      expect(ignored(file), file).toBe(true);
    }
  });
});

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertDraft04Compatible,
  fillPlaceholders,
  loadSchema,
  parseEnvFile,
  placeholdersIn,
  schemaDirectory,
  validateLocalization,
  validateManifest,
} from '../../../scripts/package.js';
import { ENTRA_APP_ROLES } from '../../../src/api/auth.js';
import { ROOT, provisionedEnv, readJson, readText } from './support.js';

interface Command {
  id?: string;
  type?: string;
  title?: string;
  context?: string[];
  fetchTask?: boolean;
  initialRun?: boolean;
  parameters?: Array<{ name: string; title: string }>;
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  developer: Record<string, string>;
  configurableTabs: Array<Record<string, unknown>>;
  staticTabs: Array<Record<string, unknown>>;
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[] }> }>;
  composeExtensions: Array<{ botId: string; composeExtensionType?: string; commands: Command[] }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  localizationInfo: { additionalLanguages: Array<{ languageTag: string; file: string }> };
}

/** The manifest and its Finnish strings, filled from env/.env.dev as provisioning fills it. */
function filled(file: 'manifest.json' | 'fi-fi.json'): Record<string, unknown> {
  const result = fillPlaceholders(
    readText(`appPackage/${file}`),
    provisionedEnv('dev'),
    file,
    'env/.env.dev',
  );
  if (result.problems.length > 0) throw new Error(result.problems.join('\n'));
  return JSON.parse(result.text) as Record<string, unknown>;
}

const manifest = filled('manifest.json') as unknown as Manifest;

/** Every path of string leaves of a JSON value, in the localization file's notation. */
function stringPaths(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      stringPaths(item, at ? `${at}.${key}` : key),
    );
  }
  return [];
}

describe('appPackage/manifest.json', () => {
  it('validates against the official schema once its placeholders are filled', () => {
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('is checked for real: the schema refuses a manifest that breaks it', () => {
    const broken = structuredClone(manifest) as unknown as Record<string, unknown>;
    broken['composeExtensions'] = [{ botId: 'not-a-guid', commands: [{ id: 'x', type: 'bogus' }] }];
    broken['unexpected'] = true;
    const errors = validateManifest(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/composeExtensions/0/botId'),
        expect.stringContaining('/composeExtensions/0/commands/0/type'),
        expect.stringContaining('(unexpected)'),
      ]),
    );
  });

  it('uses a current manifest version (1.22 or newer) that @microsoft/app-manifest ships', () => {
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(22);
    expect(existsSync(path.join(schemaDirectory(), `v${manifest.manifestVersion}`))).toBe(true);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('declares the channel tab the configuration page implements', () => {
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: 'https://storywalla1b2c3.azurewebsites.net/config',
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab'],
      },
    ]);
  });

  it('keeps the personal wall tab and the bot in personal, team and group chat', () => {
    expect(manifest.staticTabs[0]).toMatchObject({
      entityId: 'wall',
      contentUrl: 'https://storywalla1b2c3.azurewebsites.net/',
      scopes: ['personal'],
    });
    const [bot] = manifest.bots;
    expect(bot?.botId).toBe(provisionedEnv('dev')['BOT_ID']);
    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.commandLists.flatMap((list) => list.scopes).sort()).toEqual(
      ['groupChat', 'personal', 'team'].sort(),
    );
  });

  it('declares the message extension the bot handles: shareAsStory and findStory', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions;
    expect(extension?.botId).toBe(provisionedEnv('dev')['BOT_ID']);
    expect(extension?.composeExtensionType ?? 'botBased').toBe('botBased');
    const byId = new Map(extension?.commands.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual(['shareAsStory', 'findStory']);
    expect(byId.get('shareAsStory')).toMatchObject({
      type: 'action',
      context: ['message'],
      fetchTask: true,
      title: 'Share as story',
    });
    expect(byId.get('findStory')).toMatchObject({
      type: 'query',
      context: ['compose', 'commandBox'],
      initialRun: true,
      title: 'Find a story',
      parameters: [expect.objectContaining({ name: 'query', title: 'Search' })],
    });
  });

  it('signs in with the Entra app of aad.manifest.json on the tab domain', () => {
    const env = provisionedEnv('dev');
    expect(manifest.validDomains).toEqual([env['TAB_DOMAIN']]);
    expect(manifest.webApplicationInfo).toEqual({
      id: env['AAD_APP_CLIENT_ID'],
      resource: `api://${env['TAB_DOMAIN']}/${env['AAD_APP_CLIENT_ID']}`,
    });
    const aad = readJson<{ identifierUris: string[] }>('aad.manifest.json');
    expect(aad.identifierUris).toEqual([
      readJson<Manifest>('appPackage/manifest.json').webApplicationInfo.resource,
    ]);
  });

  it('declares the Entra app roles the API reads from the token’s roles claim', () => {
    const aad = readJson<{
      appRoles: { value: string; id: string; allowedMemberTypes: string[] }[];
    }>('aad.manifest.json');
    expect(aad.appRoles.map((role) => role.value).sort()).toEqual(
      Object.keys(ENTRA_APP_ROLES).sort(),
    );
    expect(new Set(aad.appRoles.map((role) => role.id)).size).toBe(aad.appRoles.length);
    for (const role of aad.appRoles) expect(role.allowedMemberTypes).toEqual(['User']);
  });

  it('points privacy and terms at pages the tab build serves', () => {
    expect(manifest.developer['privacyUrl']).toBe(
      'https://storywalla1b2c3.azurewebsites.net/privacy.html',
    );
    expect(manifest.developer['termsOfUseUrl']).toBe(
      'https://storywalla1b2c3.azurewebsites.net/terms.html',
    );
    // Vite's root is src/tab and its default publicDir is <root>/public: copied into dist/tab.
    expect(existsSync(path.join(ROOT, 'src/tab/public/privacy.html'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'src/tab/public/terms.html'))).toBe(true);
  });

  it('uses only variables that env/.env.dev and env/.env.local define', () => {
    const used = placeholdersIn(
      readText('appPackage/manifest.json') + readText('appPackage/fi-fi.json'),
    );
    for (const name of ['dev', 'local']) {
      const defined = Object.keys(parseEnvFile(readText(`env/.env.${name}`)));
      expect(
        used.filter((v) => !defined.includes(v)),
        `env/.env.${name}`,
      ).toEqual([]);
    }
  });
});

describe('appPackage/fi-fi.json', () => {
  const finnish = filled('fi-fi.json');

  it('is the Finnish localization named by localizationInfo', () => {
    expect(manifest.localizationInfo.additionalLanguages).toEqual([
      { languageTag: 'fi-fi', file: 'fi-fi.json' },
    ]);
  });

  it('validates against the localization schema of the manifest version', () => {
    expect(validateLocalization(finnish, manifest.manifestVersion, 'fi-fi.json')).toEqual([]);
  });

  it('translates every localizable string of the manifest, and nothing else', () => {
    const schema = loadSchema('localization', manifest.manifestVersion) as {
      properties: Record<string, unknown>;
      patternProperties: Record<string, unknown>;
    };
    const patterns = Object.keys(schema.patternProperties).map((p) => new RegExp(p));
    const localizable = stringPaths(manifest).filter(
      (p) =>
        (p !== '$schema' && p in schema.properties) || patterns.some((pattern) => pattern.test(p)),
    );
    expect(localizable).toContain('composeExtensions[0].commands[0].title');
    expect(localizable).toContain('composeExtensions[0].commands[1].parameters[0].title');
    const translated = Object.keys(finnish).filter((key) => key !== '$schema');
    expect(translated.sort()).toEqual(localizable.sort());
  });

  it('names the message extension commands in Finnish', () => {
    expect(finnish['composeExtensions[0].commands[0].title']).toBe('Jaa tarinana');
    expect(finnish['composeExtensions[0].commands[1].title']).toBe('Etsi tarina');
  });
});

describe('fillPlaceholders', () => {
  it('names every unknown, empty and secret variable, and the file it is in', () => {
    const text = '{"a":"${{KNOWN}}","b":"${{ EMPTY }}","c":"${{NOPE}}","d":"${{SECRET_X}}"}';
    const result = fillPlaceholders(text, { KNOWN: 'x', EMPTY: '' }, 'manifest.json', 'env/.env.t');
    expect(result.problems).toEqual([
      expect.stringMatching(/^EMPTY \(manifest\.json\): empty in env\/\.env\.t/),
      expect.stringMatching(/^NOPE \(manifest\.json\): unknown variable/),
      expect.stringMatching(/^SECRET_X \(manifest\.json\): secrets never go/),
    ]);
  });

  it('escapes values for the JSON strings they land in', () => {
    const result = fillPlaceholders('{"a":"x${{V}}"}', { V: 'say "hi" \\ ok' }, 'f', 'e');
    expect(JSON.parse(result.text)).toEqual({ a: 'xsay "hi" \\ ok' });
  });

  it('allows an empty name suffix', () => {
    expect(fillPlaceholders('"S${{APP_NAME_SUFFIX}}"', { APP_NAME_SUFFIX: '' }, 'f', 'e')).toEqual({
      text: '"S"',
      problems: [],
    });
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines and skips comments and blanks', () => {
    expect(
      parseEnvFile('# comment\n\nA=1\nB=\n  C = two words  \nD="quoted # kept"\nE=x # note\nA=3\n'),
    ).toEqual({ A: '3', B: '', C: 'two words', D: 'quoted # kept', E: 'x' });
  });
});

describe('assertDraft04Compatible', () => {
  it('accepts every Teams schema of manifest 1.22 and newer that the package ships', () => {
    const versions = readdirSync(schemaDirectory())
      .map((name) => /^v(1\.\d+)$/.exec(name)?.[1])
      .filter((v): v is string => v !== undefined && Number(v.split('.')[1]) >= 22);
    expect(versions).toContain(manifest.manifestVersion);
    for (const version of versions) {
      expect(() => assertDraft04Compatible(loadSchema('manifest', version)), version).not.toThrow();
      expect(() => assertDraft04Compatible(loadSchema('localization', version))).not.toThrow();
    }
  });

  it('refuses the draft-04 forms whose meaning Ajv would change', () => {
    expect(() => assertDraft04Compatible({ minimum: 1, exclusiveMinimum: true })).toThrow();
    expect(() => assertDraft04Compatible({ id: 'http://example.com/s', type: 'object' })).toThrow();
    expect(() =>
      assertDraft04Compatible({ properties: { id: { type: 'string' } }, default: { id: 'x' } }),
    ).not.toThrow();
  });
});

/**
 * `npm run package [-- --env dev|local]`: builds the Teams app package of one environment.
 *
 * Reads `env/.env.<env>`, fills every `${{VAR}}` of `appPackage/manifest.json` and its
 * localization files, validates the result against the official schemas shipped offline in
 * `@microsoft/app-manifest`, checks the icons, and writes `appPackage/build/appPackage.<env>.zip`
 * and the filled `appPackage/build/manifest.<env>.json`. Every problem is reported at once, by
 * name, before anything is written. The pure pieces are exported for the tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** Variables that may legitimately be empty (an environment without a name suffix). */
export const OPTIONAL_VARIABLES: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

/** The sizes Teams requires of the two icons. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Zip entries get a fixed time, so the same inputs always give the same bytes. */
const ZIP_ENTRY_TIME = new Date(Date.UTC(2020, 0, 1));

/** Everything that is wrong with an app package, reported together. */
export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(readonly problems: readonly string[]) {
    super(`The app package cannot be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses the KEY=VALUE lines of a toolkit env file: `#` starts a comment line, blank lines are
 * skipped, a value may be wrapped in single or double quotes, and the last definition wins.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1]) continue;
    let value = match[2] ?? '';
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]] = value;
  }
  return values;
}

/** The names of the `${{VAR}}` placeholders in a text, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Fills the `${{VAR}}` placeholders of a JSON text with values from `env`. Placeholders sit
 * inside JSON strings, so values are escaped for that. Returns the filled text and one problem
 * per unknown, empty or secret variable (`file` names where it was found).
 */
export function fillPlaceholders(
  text: string,
  env: Readonly<Record<string, string>>,
  file: string,
  envFile: string,
): { text: string; problems: string[] } {
  const problems: string[] = [];
  for (const name of placeholdersIn(text)) {
    const value = env[name];
    if (name.startsWith('SECRET_')) {
      problems.push(`${name} (${file}): secrets never go into the app package`);
    } else if (value === undefined) {
      problems.push(`${name} (${file}): unknown variable, not defined in ${envFile}`);
    } else if (value === '' && !OPTIONAL_VARIABLES.has(name)) {
      problems.push(
        `${name} (${file}): empty in ${envFile}; run the toolkit's provision for this environment first`,
      );
    }
  }
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = env[name];
    return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, problems };
}

/** Width and height of a PNG, read from its IHDR chunk; undefined when it is not a PNG. */
export function pngSize(data: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((byte, i) => data[i] !== byte)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (String.fromCharCode(...data.subarray(12, 16)) !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** Where `@microsoft/app-manifest` keeps the Teams schemas of every manifest version. */
export function schemaDirectory(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams');
}

/** The official JSON schema of one manifest version, read from `@microsoft/app-manifest`. */
export function loadSchema(kind: SchemaKind, manifestVersion: string): Record<string, unknown> {
  const file = path.join(schemaDirectory(), `v${manifestVersion}`, SCHEMA_FILES[kind]);
  if (!existsSync(file)) {
    throw new PackageError([
      `manifestVersion ${manifestVersion}: @microsoft/app-manifest ships no ${kind} schema for it`,
    ]);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * The Teams schemas declare JSON Schema draft-04, which Ajv 8 does not load. They use no keyword
 * whose meaning changed after draft-04 (boolean `exclusiveMinimum`/`exclusiveMaximum`, `id`), so
 * Ajv's default dialect validates them faithfully once the `$schema` marker is removed; this
 * check keeps that true for future schema versions.
 */
export function assertDraft04Compatible(schema: unknown, at = '#'): void {
  if (Array.isArray(schema)) {
    schema.forEach((item, i) => assertDraft04Compatible(item, `${at}/${i}`));
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (DATA_KEYWORDS.has(key)) continue;
    if (NAME_MAPS.has(key) && typeof value === 'object' && value !== null) {
      // Keys here are property or definition names; their values are schemas.
      for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
        assertDraft04Compatible(sub, `${at}/${key}/${name}`);
      }
      continue;
    }
    if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') {
      throw new Error(`${at}/${key}: draft-04 boolean form is not supported here`);
    }
    if (key === 'id' && typeof value === 'string') {
      throw new Error(`${at}/id: draft-04 schema ids are not supported here`);
    }
    assertDraft04Compatible(value, `${at}/${key}`);
  }
}

/** Keywords whose values are instance data, not schemas. */
const DATA_KEYWORDS = new Set(['default', 'examples', 'enum', 'const']);
/** Keywords whose values map names to schemas. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
]);

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the
// module object.
const addFormats = addFormatsModule.default;
const validators = new Map<string, ValidateFunction>();

function validatorFor(kind: SchemaKind, manifestVersion: string): ValidateFunction {
  const key = `${kind}@${manifestVersion}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const { $schema: _draft, ...schema } = loadSchema(kind, manifestVersion);
  assertDraft04Compatible(schema);
  // Some Teams patterns (e.g. an unescaped `]`) are valid only without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validators.set(key, validate);
  return validate;
}

function describe(errors: readonly ErrorObject[] | null | undefined, file: string): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath || '/';
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : '';
    return `${file}${where}: ${e.message ?? e.keyword}${extra}`;
  });
}

/** Validates a filled manifest against the official schema of its `manifestVersion`. */
export function validateManifest(manifest: unknown, file = 'manifest.json'): string[] {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return [`${file}: manifestVersion is missing`];
  const validate = validatorFor('manifest', version);
  return validate(manifest) ? [] : describe(validate.errors, file);
}

/** Validates a filled localization file against the localization schema of a manifest version. */
export function validateLocalization(
  localization: unknown,
  manifestVersion: string,
  file: string,
): string[] {
  const validate = validatorFor('localization', manifestVersion);
  return validate(localization) ? [] : describe(validate.errors, file);
}

/** A file of the app package: its name in the zip and its bytes. */
export interface PackageEntry {
  name: string;
  data: Buffer;
}

/** Zips the package's files flat (no folders, as Teams requires), with fixed entry times. */
export function buildZip(entries: readonly PackageEntry[]): Buffer {
  const zip = new AdmZip();
  for (const entry of entries) {
    zip.addFile(entry.name, entry.data);
    const added = zip.getEntry(entry.name);
    if (added) added.header.time = ZIP_ENTRY_TIME;
  }
  return zip.toBuffer();
}

interface ManifestShape {
  manifestVersion?: string;
  icons?: { color?: string; outline?: string };
  localizationInfo?: { additionalLanguages?: Array<{ file?: string }> };
}

/** The result of building a package in memory. */
export interface BuiltPackage {
  manifest: Record<string, unknown>;
  manifestText: string;
  entries: PackageEntry[];
  zip: Buffer;
}

/**
 * Builds the app package of `appPackageDir` with the variables `env` (from `envFile`), in
 * memory: fill, validate manifest and localizations, check icons, zip. Throws a PackageError
 * listing every problem.
 */
export function buildAppPackage(options: {
  appPackageDir: string;
  env: Readonly<Record<string, string>>;
  envFile: string;
}): BuiltPackage {
  const { appPackageDir, env, envFile } = options;
  const problems: string[] = [];
  const read = (name: string) => readFileSync(path.join(appPackageDir, name));

  const filledManifest = fillPlaceholders(
    read('manifest.json').toString('utf8'),
    env,
    'manifest.json',
    envFile,
  );
  problems.push(...filledManifest.problems);
  const manifest = JSON.parse(filledManifest.text) as Record<string, unknown> & ManifestShape;
  const version = manifest.manifestVersion ?? '';

  const localizations = (manifest.localizationInfo?.additionalLanguages ?? []).map(
    (l) => l.file ?? '',
  );
  const entries: PackageEntry[] = [];
  const localized: Array<{ name: string; text: string }> = [];
  for (const name of localizations) {
    if (!name || !existsSync(path.join(appPackageDir, name))) {
      problems.push(`localizationInfo: the file '${name}' is missing from appPackage/`);
      continue;
    }
    const filled = fillPlaceholders(read(name).toString('utf8'), env, name, envFile);
    problems.push(...filled.problems);
    localized.push({ name, text: filled.text });
  }

  // Schema errors on unfilled values only repeat the problems above; report those first.
  if (problems.length === 0) {
    problems.push(...validateManifest(manifest));
    for (const { name, text } of localized) {
      problems.push(...validateLocalization(JSON.parse(text), version, name));
    }
  }

  for (const [kind, size] of Object.entries(ICON_SIZES) as Array<
    [keyof typeof ICON_SIZES, number]
  >) {
    const name = manifest.icons?.[kind];
    if (!name || !existsSync(path.join(appPackageDir, name))) {
      problems.push(`icons.${kind}: the file '${name ?? ''}' is missing from appPackage/`);
      continue;
    }
    const data = read(name);
    const found = pngSize(data);
    if (!found || found.width !== size || found.height !== size) {
      const actual = found ? `${found.width}×${found.height}` : 'not a PNG';
      problems.push(`icons.${kind} (${name}): must be a ${size}×${size} PNG, is ${actual}`);
    }
    entries.push({ name, data });
  }

  if (problems.length > 0) throw new PackageError(problems);

  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  entries.unshift({ name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') });
  for (const { name, text } of localized) {
    entries.push({ name, data: Buffer.from(text, 'utf8') });
  }
  return { manifest, manifestText, entries, zip: buildZip(entries) };
}

/**
 * Builds the package of environment `envName` of the project at `rootDir` and writes
 * `appPackage.<env>.zip` and `manifest.<env>.json` to `outDir` (default `appPackage/build`).
 */
export function packageApp(options: {
  rootDir: string;
  envName: string;
  outDir?: string;
  env?: Readonly<Record<string, string>>;
}): { zipPath: string; manifestPath: string; built: BuiltPackage } {
  const { rootDir, envName } = options;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(envName)) {
    throw new PackageError([`--env ${envName}: letters, digits, '-' and '_' only`]);
  }
  const envFile = `env/.env.${envName}`;
  const envPath = path.join(rootDir, envFile);
  if (!options.env && !existsSync(envPath)) {
    throw new PackageError([`${envFile}: no such file (environments: env/.env.<name>)`]);
  }
  const env = options.env ?? parseEnvFile(readFileSync(envPath, 'utf8'));
  const built = buildAppPackage({ appPackageDir: path.join(rootDir, 'appPackage'), env, envFile });
  const outDir = options.outDir ?? path.join(rootDir, 'appPackage', 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  const manifestPath = path.join(outDir, `manifest.${envName}.json`);
  writeFileSync(zipPath, built.zip);
  writeFileSync(manifestPath, built.manifestText);
  return { zipPath, manifestPath, built };
}

/** Reads `--env NAME` or `--env=NAME` from the arguments; `dev` when absent. */
export function envNameFromArgs(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--env') return args[i + 1] ?? '';
    if (arg.startsWith('--env=')) return arg.slice('--env='.length);
  }
  return 'dev';
}

function main(): void {
  const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const envName = envNameFromArgs(process.argv.slice(2));
  try {
    const { zipPath, manifestPath } = packageApp({ rootDir, envName });
    console.log(
      `Wrote ${path.relative(rootDir, zipPath)} and ${path.relative(rootDir, manifestPath)}`,
    );
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}

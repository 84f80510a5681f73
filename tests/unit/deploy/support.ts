import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { parseEnvFile } from '../../../scripts/package.js';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A file of the repository as text. */
export function readText(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

/** A JSON file of the repository. */
export function readJson<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(readText(relative)) as T;
}

/** Values a provisioned environment would have: the committed env file, its blanks filled in. */
const PROVISIONED: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '6f2c1a52-8d0e-4c3a-9a51-3d6b7c2e1f10',
  TEAMS_APP_TENANT_ID: '0b6a6c2e-3f1d-4e8a-b7c4-2a9d8e7f6a51',
  AAD_APP_CLIENT_ID: 'a3f1c0de-5b2e-4d7a-8c9f-0e1d2c3b4a59',
  AAD_APP_OBJECT_ID: 'c4e2d1f0-6a3b-4c8d-9e0f-1a2b3c4d5e67',
  AAD_APP_TENANT_ID: '0b6a6c2e-3f1d-4e8a-b7c4-2a9d8e7f6a51',
  AAD_APP_OAUTH_AUTHORITY: 'https://login.microsoftonline.com/0b6a6c2e-3f1d-4e8a-b7c4-2a9d8e7f6a51',
  AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'e5f3a2b1-7c4d-4e9f-8a1b-2c3d4e5f6a78',
  AZURE_SUBSCRIPTION_ID: '11111111-2222-4333-8444-555555555555',
  AZURE_RESOURCE_GROUP_NAME: 'rg-story-wall-dev',
  RESOURCE_SUFFIX: 'a1b2c3',
  TAB_DOMAIN: 'storywalla1b2c3.azurewebsites.net',
  TAB_ENDPOINT: 'https://storywalla1b2c3.azurewebsites.net',
  BOT_DOMAIN: 'storywalla1b2c3.azurewebsites.net',
  BOT_ENDPOINT: 'https://storywalla1b2c3.azurewebsites.net',
  BOT_ID: 'd7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01',
  BOT_TENANT_ID: '0b6a6c2e-3f1d-4e8a-b7c4-2a9d8e7f6a51',
  IDENTITY_CLIENT_ID: 'd7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01',
  STORAGE_TABLE_ENDPOINT: 'https://storywalla1b2c3xyz.table.core.windows.net/',
};

/** `env/.env.<name>` as committed, with every blank filled as provisioning would fill it. */
export function provisionedEnv(name: string): Record<string, string> {
  const committed = parseEnvFile(readText(`env/.env.${name}`));
  const filled: Record<string, string> = {};
  for (const [key, value] of Object.entries(committed)) {
    filled[key] = value || (PROVISIONED[key] ?? `test-${key.toLowerCase()}`);
  }
  return filled;
}

/** A Bicep value reduced to what the tests look at; expressions keep their source text. */
export type BicepValue =
  string | number | boolean | BicepValue[] | { [key: string]: BicepValue } | { expression: string };

/** One `resource` declaration. */
export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  conditional: boolean;
  body: Record<string, BicepValue>;
  node: Node;
}

/** What a Bicep file declares. */
export interface BicepFile {
  file: string;
  root: Node;
  params: Map<string, { type: string; defaultValue?: BicepValue }>;
  variables: Map<string, BicepValue>;
  resources: BicepResource[];
  modules: Array<{
    symbol: string;
    path: string;
    conditional: boolean;
    body: Record<string, BicepValue>;
  }>;
  outputs: Map<string, { type: string; node: Node }>;
}

let parser: Promise<Parser> | undefined;

/** A tree-sitter parser for Bicep (web-tree-sitter and the wasm shipped by tree-sitter-bicep). */
export function bicepParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = path.join(
      path.dirname(require.resolve('tree-sitter-bicep/package.json')),
      'tree-sitter-bicep.wasm',
    );
    const bicep = new Parser();
    bicep.setLanguage(await Language.load(readFileSync(wasm)));
    return bicep;
  })();
  return parser;
}

/** Every ERROR or MISSING node of a tree, as `type@line:column text`. */
export function syntaxProblems(root: Node): string[] {
  const problems: string[] = [];
  const walk = (node: Node) => {
    if (node.isError || node.isMissing) {
      const { row, column } = node.startPosition;
      problems.push(
        `${node.isMissing ? 'MISSING' : 'ERROR'}@${row + 1}:${column + 1} ${node.text}`,
      );
    }
    for (const child of node.children) walk(child);
  };
  walk(root);
  return problems;
}

function named(node: Node, type: string): Node | undefined {
  return node.namedChildren.find((c) => c.type === type);
}

/** The text of a string literal without interpolation, else undefined. */
function plainString(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c.type !== 'string_content')) return undefined;
  return node.namedChildren.map((c) => c.text).join('');
}

/** Converts a Bicep expression node to a BicepValue. */
export function toValue(node: Node): BicepValue {
  switch (node.type) {
    case 'string':
      return plainString(node) ?? { expression: node.text };
    case 'number':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true';
    case 'array':
      return node.namedChildren.filter((c) => c.type !== 'comment').map(toValue);
    case 'object': {
      const object: Record<string, BicepValue> = {};
      for (const property of node.namedChildren.filter((c) => c.type === 'object_property')) {
        const [key, value] = property.namedChildren.filter((c) => c.type !== 'comment');
        if (!key || !value) continue;
        object[plainString(key) ?? key.text] = toValue(value);
      }
      return object;
    }
    default:
      return { expression: node.text };
  }
}

function bodyOf(declaration: Node): { body: Record<string, BicepValue>; conditional: boolean } {
  const conditional = named(declaration, 'if_statement');
  const object = named(conditional ?? declaration, 'object');
  return {
    body: object ? (toValue(object) as Record<string, BicepValue>) : {},
    conditional: Boolean(conditional),
  };
}

/** Parses one Bicep file of the repository. */
export async function loadBicep(relative: string): Promise<BicepFile> {
  const tree = (await bicepParser()).parse(readText(relative));
  if (!tree) throw new Error(`${relative}: not parsed`);
  const root = tree.rootNode;
  const file: BicepFile = {
    file: relative,
    root,
    params: new Map(),
    variables: new Map(),
    resources: [],
    modules: [],
    outputs: new Map(),
  };
  for (const node of root.namedChildren) {
    const [name, second, third] = node.namedChildren;
    if (!name) continue;
    if (node.type === 'parameter_declaration') {
      file.params.set(name.text, {
        type: second?.text ?? '',
        ...(third ? { defaultValue: toValue(third) } : {}),
      });
    } else if (node.type === 'variable_declaration' && second) {
      file.variables.set(name.text, toValue(second));
    } else if (node.type === 'resource_declaration' && second) {
      const [type = '', apiVersion = ''] = (plainString(second) ?? '').split('@');
      file.resources.push({ symbol: name.text, type, apiVersion, node, ...bodyOf(node) });
    } else if (node.type === 'module_declaration' && second) {
      file.modules.push({ symbol: name.text, path: plainString(second) ?? '', ...bodyOf(node) });
    } else if (node.type === 'output_declaration') {
      file.outputs.set(name.text, { type: second?.text ?? '', node });
    }
  }
  return file;
}

/** Reads a nested property of a Bicep object (`get(body, 'properties', 'httpsOnly')`). */
export function get(value: BicepValue | undefined, ...keys: string[]): BicepValue | undefined {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, BicepValue>)[key];
  }
  return current;
}

/** The source text of a Bicep expression value (or its literal as text). */
export function expressionText(value: BicepValue | undefined): string {
  if (typeof value === 'object' && value !== null && 'expression' in value) {
    const { expression } = value as { expression: unknown };
    if (typeof expression === 'string') return expression;
  }
  return JSON.stringify(value);
}

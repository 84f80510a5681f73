import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_ROUTES } from '../../../src/api/auth.js';
import { repoRoot } from '../../support/paths.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * The Power Automate custom connector in `connector/` is written by hand in Swagger 2.0 (what
 * custom connectors take), so nothing keeps it in step with the API but this test: each of its
 * operations is compared with the API's own OpenAPI 3.1 document — path, method, parameters,
 * body, answer — and must be callable with an API key.
 */

/** A JSON Schema, Swagger's or OpenAPI's, as far as the comparisons read it. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  [keyword: string]: unknown;
}

interface SwaggerParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
  [keyword: string]: unknown;
}
interface SwaggerOperation {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: SwaggerParameter[];
  responses: Record<string, { description: string; schema?: Schema; headers?: object }>;
  [extension: string]: unknown;
}
interface Swagger {
  swagger: string;
  host: string;
  securityDefinitions: Record<string, { type: string; in?: string; name?: string }>;
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, SwaggerOperation | object>>;
  definitions: Record<string, Schema>;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface ConnectionParameter {
  type: string;
  uiDefinition: {
    displayName: string;
    description: string;
    tooltip?: string;
    constraints: { required?: string; clearText?: boolean; tabIndex?: number };
  };
}
interface ApiProperties {
  properties: {
    iconBrandColor: string;
    capabilities: string[];
    connectionParameters: Record<string, ConnectionParameter>;
    policyTemplateInstances: { templateId: string; title: string; parameters: object }[];
  };
}

const folder = path.join(repoRoot, 'connector');
const readJson = <T>(file: string) =>
  JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as T;
const swagger = readJson<Swagger>('apiDefinition.swagger.json');
const apiProperties = readJson<ApiProperties>('apiProperties.json');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** Every operation of the connector, with its path and method. */
const operations = Object.entries(swagger.paths).flatMap(([url, item]) =>
  Object.entries(item)
    .filter(([method]) => HTTP_METHODS.includes(method))
    .map(([method, operation]) => ({ url, method, operation: operation as SwaggerOperation })),
);

/** `#/definitions/Story` or `#/components/schemas/Story`, followed; anything else as it is. */
function resolve(schema: Schema | undefined, definitions: Record<string, Schema>): Schema {
  if (!schema?.$ref) return schema ?? {};
  const found = definitions[schema.$ref.split('/').pop() ?? ''];
  if (!found) throw new Error(`${schema.$ref} points at nothing.`);
  return resolve(found, definitions);
}

/** The keywords that decide what a value may be; both sides must agree on them. */
const LIMIT_KEYWORDS = [
  'type',
  'enum',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'maxItems',
  'pattern',
];
function limits(
  schema: { items?: Schema; [keyword: string]: unknown } | undefined,
): Record<string, unknown> {
  if (!schema) return {};
  const picked: Record<string, unknown> = Object.fromEntries(
    LIMIT_KEYWORDS.filter((keyword) => schema[keyword] !== undefined).map((keyword) => [
      keyword,
      schema[keyword],
    ]),
  );
  if (schema.items) picked['items'] = limits(schema.items);
  return picked;
}

/**
 * What differs between a connector operation and the API's, in words; empty when they agree.
 * Written to report every difference at once, so one run says all there is to mend.
 */
function differences(
  { url, method, operation }: (typeof operations)[number],
  document: OpenApiDocument,
): string[] {
  const api = document.paths[url]?.[method];
  if (!api) return [`${method.toUpperCase()} ${url} is not in the API`];
  const problems: string[] = [];
  const components = document.components.schemas;

  // Path and query parameters: the same names, places, required-ness and limits.
  const own = (operation.parameters ?? []).filter((p) => p.in !== 'body');
  for (const parameter of own) {
    const match = api.parameters?.find((p) => p.name === parameter.name && p.in === parameter.in);
    if (!match) {
      problems.push(`${parameter.in} parameter ${parameter.name} is not in the API`);
      continue;
    }
    if ((parameter.required ?? false) !== (match.required ?? false)) {
      problems.push(`${parameter.in} parameter ${parameter.name}: required differs`);
    }
    if (JSON.stringify(limits(parameter)) !== JSON.stringify(limits(match.schema))) {
      problems.push(`${parameter.in} parameter ${parameter.name}: limits differ`);
    }
  }
  for (const match of api.parameters ?? []) {
    const known = own.some((p) => p.name === match.name && p.in === match.in);
    if (match.required && !known) problems.push(`required ${match.in} ${match.name} is missing`);
  }

  // The body: every property the connector sends is one the API reads, with its limits; what
  // the API requires, the connector requires. The connector may require more only where the API
  // has a default (a hidden field Power Automate always sends, such as a webhook's events).
  const body = operation.parameters?.find((p) => p.in === 'body');
  const apiBody = api.requestBody?.content['application/json']?.schema;
  if (body && !apiBody) problems.push('the API takes no JSON body');
  if (body && apiBody) {
    const ours = resolve(body.schema, swagger.definitions);
    const theirs = resolve(apiBody, components);
    for (const [name, property] of Object.entries(ours.properties ?? {})) {
      const match = theirs.properties?.[name];
      if (!match) {
        problems.push(`body property ${name} is not in the API`);
        continue;
      }
      if (JSON.stringify(limits(property)) !== JSON.stringify(limits(match))) {
        problems.push(`body property ${name}: limits differ`);
      }
      const required = ours.required?.includes(name) ?? false;
      const apiRequired = theirs.required?.includes(name) ?? false;
      if (required && !apiRequired && match.default === undefined) {
        problems.push(`body property ${name} is required here, not in the API`);
      }
    }
    for (const name of theirs.required ?? []) {
      if (!ours.required?.includes(name)) problems.push(`body property ${name} must be required`);
    }
  }

  // The success answer: the same status, and (but for a trigger, whose answer describes what the
  // flow receives) no field the API does not answer with.
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!/^2\d\d$/.test(status)) continue;
    const answer = api.responses[status];
    if (!answer) {
      problems.push(`the API does not answer ${status}`);
      continue;
    }
    if (operation['x-ms-trigger'] || !response.schema) continue;
    const theirs = resolve(answer.content?.['application/json']?.schema, components);
    for (const name of Object.keys(
      resolve(response.schema, swagger.definitions).properties ?? {},
    )) {
      if (!theirs.properties?.[name]) problems.push(`answer property ${name} is not in the API`);
    }
  }

  // The connection holds an API key, so every operation must be one a key may call.
  const route = `${method.toUpperCase()} ${url.replace(/\{(\w+)\}/g, ':$1')}`;
  if (!API_KEY_ROUTES[route]) problems.push(`an API key may not call ${route}`);
  return problems;
}

/** Every property of a schema, nested ones too, with where it is. */
function* propertiesOf(schema: Schema, where: string): Generator<[string, Schema]> {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    yield [`${where}.${name}`, property];
    yield* propertiesOf(property, `${where}.${name}`);
    if (property.items) yield* propertiesOf(property.items, `${where}.${name}[]`);
  }
}

describe('the Power Automate connector', () => {
  const { api } = useTestApp({ seed: false });
  let document: OpenApiDocument;

  beforeAll(async () => {
    const answer = await api.get<OpenApiDocument>('/api/openapi.json');
    expect(answer.status).toBe(200);
    document = answer.body;
  });

  it('is valid Swagger 2.0, as custom connectors take it', async () => {
    const validator = new Validator();
    const result = await validator.validate({ ...structuredClone(swagger) });
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('2.0');
    // Every `$ref` points at something.
    expect(() => validator.resolveRefs()).not.toThrow();
    // A placeholder that the README tells to replace with the app's address.
    expect(swagger.host).toBe('storywall.example.com');
  });

  it('has the actions and the trigger, each named and described for makers', () => {
    expect(operations.map(({ operation }) => operation.operationId).sort()).toEqual([
      'DeleteWebhook',
      'GetStory',
      'ListPublishedStories',
      'SubmitStory',
      'WhenAStoryIsPublished',
    ]);
    for (const { operation } of operations) {
      expect(operation.summary, operation.operationId).toMatch(/^[A-Z][a-z]/);
      expect(operation.description, operation.operationId).toBeTruthy();
      for (const parameter of operation.parameters ?? []) {
        expect(
          parameter['x-ms-summary'],
          `${operation.operationId} ${parameter.name}`,
        ).toBeTruthy();
      }
    }
    for (const [name, definition] of Object.entries(swagger.definitions)) {
      for (const [where, property] of propertiesOf(definition, name)) {
        // A `$ref` is named by the properties of what it points at.
        if (property.$ref) continue;
        expect(property['x-ms-summary'], where).toBeTruthy();
        expect(property['description'], where).toBeTruthy();
      }
    }

    const trigger = operations.find((o) => o.operation.operationId === 'WhenAStoryIsPublished');
    expect(trigger).toMatchObject({ url: '/api/webhooks', method: 'post' });
    expect(trigger?.operation['x-ms-trigger']).toBe('single');
    // Power Automate fills in the flow's address and the event, and shows neither.
    const subscription = resolve(
      trigger?.operation.parameters?.find((p) => p.in === 'body')?.schema,
      swagger.definitions,
    );
    expect(subscription.properties?.['url']).toMatchObject({
      'x-ms-notification-url': true,
      'x-ms-visibility': 'internal',
    });
    expect(subscription.properties?.['events']).toMatchObject({
      default: ['story.published'],
      'x-ms-visibility': 'internal',
    });
    // It unsubscribes with a DELETE on the `Location` of the subscription's answer.
    expect(trigger?.operation.responses['201']?.headers).toHaveProperty('Location');
    const unsubscribe = operations.find((o) => o.operation.operationId === 'DeleteWebhook');
    expect(unsubscribe).toMatchObject({ url: '/api/webhooks/{id}', method: 'delete' });
    expect(unsubscribe?.operation['x-ms-visibility']).toBe('internal');

    // What the flow receives: a Standard Webhooks event with the published story.
    const event = resolve(trigger?.operation.responses['201']?.schema, swagger.definitions);
    expect(event.required).toEqual(['type', 'timestamp', 'data']);
    expect(event.properties?.['data']?.properties?.['story']).toEqual({
      $ref: '#/definitions/Story',
    });
  });

  it('asks for an API key and sends it as a bearer token', () => {
    const { properties } = apiProperties;
    expect(Object.keys(apiProperties)).toEqual(['properties']);
    expect(Object.keys(properties).sort()).toEqual([
      'capabilities',
      'connectionParameters',
      'iconBrandColor',
      'policyTemplateInstances',
    ]);
    // The Teams app's accent colour, which is the icon's background too.
    const manifest = JSON.parse(
      readFileSync(path.join(repoRoot, 'appPackage', 'manifest.json'), 'utf8'),
    ) as { accentColor: string };
    expect(properties.iconBrandColor).toBe(manifest.accentColor);
    expect(properties.capabilities).toEqual(['actions', 'triggers']);

    // One secret: the key, asked for when a connection is made, never shown again.
    expect(Object.keys(properties.connectionParameters)).toEqual(['api_key']);
    const key = properties.connectionParameters['api_key'];
    expect(key).toMatchObject({
      type: 'securestring',
      uiDefinition: { constraints: { required: 'true', clearText: false } },
    });
    expect(key?.uiDefinition.displayName).toBeTruthy();
    expect(key?.uiDefinition.description).toContain('swk_');

    // The API reads `Authorization: Bearer swk_…`; the maker pastes only the key.
    expect(Object.keys(swagger.securityDefinitions)).toEqual(['api_key']);
    expect(swagger.securityDefinitions['api_key']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
    });
    expect(swagger.security).toEqual([{ api_key: [] }]);
    expect(properties.policyTemplateInstances).toHaveLength(1);
    expect(properties.policyTemplateInstances).toMatchObject([
      {
        templateId: 'setheader',
        parameters: {
          'x-ms-apimTemplateParameter.name': 'Authorization',
          'x-ms-apimTemplateParameter.value': "Bearer @connectionParameters('api_key')",
          'x-ms-apimTemplateParameter.existsAction': 'override',
          'x-ms-apimTemplate-policySection': 'Request',
        },
      },
    ]);
    // On every operation: the trigger's subscription and its removal need the key too.
    expect(properties.policyTemplateInstances[0]?.parameters).not.toHaveProperty(
      'x-ms-apimTemplate-operationName',
    );
  });

  it.each(operations.map((o) => [o.operation.operationId, o] as const))(
    '%s is an operation of the API, with its parameters, body and answer',
    (_, operation) => {
      expect(differences(operation, document)).toEqual([]);
    },
  );

  it('offers no reaction, and an API key may call none: a key acts for no person', () => {
    // Votes and "I learned from this" are one per person and decide the story of the month; a
    // flow holding a key is a service account, so a reaction from it would be no one's.
    const reactionRoutes = Object.entries(document.paths).flatMap(([url, item]) =>
      Object.keys(item)
        .filter((method) => HTTP_METHODS.includes(method))
        .filter(() => /\/(vote|learned)$/.test(url) || url.startsWith('/api/me/'))
        .map((method) => `${method.toUpperCase()} ${url.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(reactionRoutes).toEqual(
      expect.arrayContaining([
        'POST /api/stories/:id/vote',
        'DELETE /api/stories/:id/vote',
        'POST /api/stories/:id/learned',
        'DELETE /api/stories/:id/learned',
        'GET /api/me/reactions',
      ]),
    );
    expect(reactionRoutes.filter((route) => API_KEY_ROUTES[route])).toEqual([]);
    expect(
      Object.keys(swagger.paths).filter((url) => /\/(vote|learned)$|^\/api\/me\//.test(url)),
    ).toEqual([]);
    // What a flow can read of them: the counts on every story it gets.
    const story = swagger.definitions['Story']?.properties ?? {};
    expect(story['voteCount']).toMatchObject({ type: 'integer', 'x-ms-summary': 'Votes' });
    expect(story['learnedCount']).toMatchObject({ type: 'integer' });
  });

  it('describes a story as the API answers it', () => {
    const ours = swagger.definitions['Story'] ?? {};
    const theirs = document.components.schemas['Story'] ?? {};
    expect(Object.keys(ours.properties ?? {}).sort()).toEqual(
      Object.keys(theirs.properties ?? {}).sort(),
    );
    expect([...(ours.required ?? [])].sort()).toEqual([...(theirs.required ?? [])].sort());
    const page = swagger.definitions['StoryPage'] ?? {};
    const apiPage = document.components.schemas['StoryPage'] ?? {};
    expect(Object.keys(page.properties ?? {})).toEqual(Object.keys(apiPage.properties ?? {}));
    expect(page.properties?.['items']?.items).toEqual({ $ref: '#/definitions/Story' });
  });

  it('has a square PNG icon on the brand colour', () => {
    const png = readFileSync(path.join(folder, 'icon.png'));
    expect(png.length).toBeLessThan(1024 * 1024);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    // The first chunk is IHDR: width, height, bit depth, colour type.
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(100);
    expect(png[24]).toBe(8);
    expect([2, 6]).toContain(png[25]);

    // The top-left pixel, read from the image data: every PNG row filter leaves the first pixel
    // of the first row as it is, so no unfiltering is needed.
    const data: Buffer[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') {
        data.push(png.subarray(at + 8, at + 8 + length));
      }
      at += 12 + length;
    }
    const pixels = inflateSync(Buffer.concat(data));
    const corner = [...pixels.subarray(1, png[25] === 6 ? 5 : 4)];
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    expect(`#${corner.slice(0, 3).map(hex).join('')}`.toUpperCase()).toBe(
      apiProperties.properties.iconBrandColor.toUpperCase(),
    );
    if (png[25] === 6) expect(corner[3]).toBe(255);
  });
});

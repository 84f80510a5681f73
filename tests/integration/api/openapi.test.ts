import { channel } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../../src/shared/dto.js';
import { repoRoot } from '../../support/paths.js';
import { useTestApp } from '../../support/useTestApp.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
  security?: Record<string, string[]>[];
}
interface JsonSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  security: Record<string, string[]>[];
  components: {
    securitySchemes: Record<string, { type: string; scheme?: string }>;
    schemas: Record<string, JsonSchema>;
  };
}

// Every route the app registers, seen as Fastify registers it: the app's Fastify instance is
// announced on Fastify's `fastify.initialization` channel before any route exists.
const registered: { method: string; url: string; hidden: boolean }[] = [];
let fastify: FastifyInstance | undefined;
channel('fastify.initialization').subscribe((message) => {
  fastify = (message as { fastify: FastifyInstance }).fastify;
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true;
    for (const method of methods) registered.push({ method, url: route.url, hidden });
  });
});

/** `/api/stories/:id` as OpenAPI writes it: `/api/stories/{id}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document', () => {
  const { api } = useTestApp({ seed: false });
  let document: OpenApiDocument;

  beforeAll(async () => {
    if (!fastify) throw new Error('The app did not announce its Fastify instance.');
    // In-process, and without any credentials: the document is public.
    const answer = await fastify.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    document = answer.json<OpenApiDocument>();
  });

  const operation = (method: string, url: string): Operation => {
    const found = document.paths[url]?.[method];
    if (!found) throw new Error(`${method.toUpperCase()} ${url} is not in the document.`);
    return found;
  };
  const body = (op: Operation) => op.requestBody?.content['application/json']?.schema;
  const parameters = (op: Operation, where: string) =>
    (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);

  it('is valid OpenAPI 3.1, named and versioned like the app', async () => {
    const validator = new Validator();
    const result = await validator.validate({ ...structuredClone(document) });
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // Every `$ref` points at something.
    expect(() => validator.resolveRefs()).not.toThrow();

    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Story Wall API', version: pkg.version });
  });

  it('is served to anyone, over HTTP too', async () => {
    const answer = await api.get<OpenApiDocument>('/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    expect(operation('get', '/api/openapi.json').security).toEqual([]);
  });

  it('has every route the app registers, with its method', () => {
    const routes = registered.filter((route) => route.method !== 'HEAD');
    const apiRoutes = routes.filter((r) => r.url.startsWith('/api/') || r.url === '/healthz');
    // Everything else is a file of the built tab, hidden from the document.
    for (const other of routes.filter((r) => !apiRoutes.includes(r))) {
      expect(other, `${other.method} ${other.url}`).toMatchObject({ method: 'GET', hidden: true });
    }
    expect(apiRoutes.length).toBeGreaterThan(30);
    const missing = apiRoutes
      .filter((r) => document.paths[openApiPath(r.url)]?.[r.method.toLowerCase()] === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    // …each described by the route itself, not only listed.
    const undescribed = apiRoutes
      .filter((r) => !document.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]?.summary)
      .map((r) => `${r.method} ${r.url}`);
    expect(undescribed).toEqual([]);
  });

  it('has every route of the README', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## HTTP interface'), readme.indexOf('Errors are'));
    const named: string[] = [];
    for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
      const cell = row.split(/(?<!\\)\|/)[1] ?? '';
      // `GET /api/people?q`, `GET/PUT/DELETE /api/delegations`, `POST /api/moderation/:id/hide\|restore`
      for (const [, methods = '', target = ''] of cell.matchAll(/`([A-Z/]+) ([^`]+)`/g)) {
        const url = target.split('?')[0] ?? '';
        const slash = url.lastIndexOf('/') + 1;
        for (const last of url.slice(slash).split('\\|')) {
          for (const method of methods.split('/')) {
            named.push(`${method.toLowerCase()} ${openApiPath(url.slice(0, slash) + last)}`);
          }
        }
      }
    }
    expect(named.length).toBeGreaterThan(30);
    const missing = named.filter((entry) => {
      const [method = '', url = ''] = entry.split(' ');
      return document.paths[url]?.[method] === undefined;
    });
    expect(missing).toEqual([]);
  });

  it('describes the inputs of the operations from the routes’ schemas', () => {
    const submit = body(operation('post', '/api/stories'));
    expect(submit?.required).toEqual(expect.arrayContaining(['title', 'category', 'consent']));
    expect(submit?.properties?.['category']?.enum).toContain('customer-praise');

    expect(parameters(operation('get', '/api/stories'), 'query')).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'team', 'category', 'month', 'q']),
    );
    expect(parameters(operation('get', '/api/stories/mine'), 'query')).toEqual(
      expect.arrayContaining(['limit', 'cursor']),
    );

    const decide = operation('post', '/api/stories/{id}/decision');
    expect(decide.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    );
    expect(body(decide)?.required).toEqual(['decision']);
    expect(body(decide)?.properties?.['decision']?.enum).toEqual(['approve', 'reject', 'changes']);

    expect(parameters(operation('put', '/api/awards/{month}'), 'path')).toEqual(['month']);
    expect(parameters(operation('get', '/api/people/{id}/export'), 'path')).toEqual(['id']);
    expect(body(operation('put', '/api/settings'))?.required).toEqual(
      expect.arrayContaining(['version', 'approval', 'roles']),
    );
  });

  it('describes the answers, and every error with the error envelope', () => {
    expect(operation('get', '/api/stories/{id}').responses['200']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Story' } },
    });
    expect(operation('post', '/api/stories').responses['201']).toBeDefined();
    expect(operation('post', '/api/stories/{id}/report').responses['204']).toBeDefined();

    const envelope = document.components.schemas['ApiError'];
    expect(envelope?.required).toEqual(['error']);
    expect(envelope?.properties?.['error']?.properties?.['code']?.enum).toEqual([
      ...API_ERROR_CODES,
    ]);

    let errors = 0;
    for (const [url, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400 || url === '/healthz') continue;
          errors += 1;
          expect(response.content, `${method} ${url} ${status}`).toEqual({
            'application/json': { schema: { $ref: '#/components/schemas/ApiError' } },
          });
        }
      }
    }
    expect(errors).toBeGreaterThan(100);
    expect(Object.keys(operation('post', '/api/stories/{id}/vote').responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '409', '429', '503']),
    );
  });

  it('declares how callers sign in: Teams SSO or an API key, both bearer tokens', () => {
    expect(document.components.securitySchemes['teamsSso']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(document.components.securitySchemes['apiKey']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(document.security).toEqual([{ teamsSso: [] }, { apiKey: [] }]);
    // Signed-in routes inherit it; the public ones say they are public.
    expect(operation('get', '/api/stories').security).toBeUndefined();
    expect(operation('get', '/healthz').security).toEqual([]);
  });
});

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stub of the Azure AI Search REST API — the few operations the adapter calls (get
 * and create or update an index, get a document, index documents, search by POST) — so the
 * adapter is tested through its real client (`@azure/search-documents`). It keeps documents in
 * memory, applies the OData filters the adapter writes (`field eq 'value'` clauses joined by
 * `and`, quotes doubled inside values; anything else is a 400, as the service answers), and
 * matches the Lucene query the adapter writes (`+word`, `+(word OR word*)`) against the words of
 * the searchable fields, without stemming. Every request is recorded for the test to check.
 */
export interface SearchServiceStub {
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly indexes: Map<string, Record<string, unknown>>;
  readonly documents: Map<string, Record<string, unknown>>;
  /** The next `count` requests are answered 503. */
  failNext(count: number): void;
  close(): Promise<void>;
}

export interface RecordedRequest {
  readonly method: string;
  /** The path, decoded: `/indexes('stories')/docs/search.post.search`. */
  readonly path: string;
  readonly apiKey: string | undefined;
  readonly body: Record<string, unknown> | undefined;
}

const SEARCHABLE = ['title_fi', 'title_en', 'body_fi', 'body_en', 'team'];

export async function startSearchServiceStub(apiKey: string): Promise<SearchServiceStub> {
  const requests: RecordedRequest[] = [];
  const indexes = new Map<string, Record<string, unknown>>();
  const documents = new Map<string, Record<string, unknown>>();
  let failing = 0;

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; odata.metadata=none');
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, message: string) =>
    send(res, status, { error: { code: String(status), message } });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = decodeURIComponent(url.pathname);
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const key = req.headers['api-key'];
    requests.push({
      method: req.method ?? '',
      path,
      apiKey: typeof key === 'string' ? key : undefined,
      body,
    });

    if (failing > 0) {
      failing--;
      return error(res, 503, 'Service unavailable');
    }
    if (key !== apiKey) return error(res, 403, 'Forbidden');
    if (!url.searchParams.get('api-version')) return error(res, 400, 'api-version missing');

    const index = /^\/indexes\('([^']+)'\)(.*)$/.exec(path);
    if (!index) return error(res, 404, 'Not found');
    const [, name = '', rest = ''] = index;
    if (rest === '') {
      if (req.method === 'GET') {
        const held = indexes.get(name);
        return held ? send(res, 200, held) : error(res, 404, `No index ${name}`);
      }
      if (req.method === 'PUT' && body) {
        const created = !indexes.has(name);
        indexes.set(name, body);
        return send(res, created ? 201 : 200, body);
      }
    }
    if (!indexes.has(name)) return error(res, 404, `No index ${name}`);
    const doc = /^\/docs\('([^']*)'\)$/.exec(rest);
    if (doc && req.method === 'GET') {
      const held = documents.get(doc[1] ?? '');
      return held ? send(res, 200, held) : error(res, 404, 'No document');
    }
    if (rest === '/docs/search.index' && req.method === 'POST' && body) {
      const results = (body['value'] as Record<string, unknown>[]).map((action) => {
        const { '@search.action': verb, ...fields } = action;
        const id = String(fields['key']);
        if (verb === 'delete') documents.delete(id);
        else if (verb === 'upload') documents.set(id, fields);
        else documents.set(id, { ...documents.get(id), ...fields });
        return { key: id, status: true, errorMessage: null, statusCode: 200 };
      });
      return send(res, 200, { value: results });
    }
    if (rest === '/docs/search.post.search' && req.method === 'POST' && body) {
      let clauses: [string, string | boolean][];
      try {
        clauses = parseFilter(asText(body['filter']));
      } catch (failure) {
        return error(res, 400, (failure as Error).message);
      }
      const query = parseQuery(asText(body['search'] ?? '*'));
      const found = [...documents.values()]
        .filter((d) => clauses.every(([field, value]) => d[field] === value))
        .map((d) => ({ d, score: score(d, query) }))
        .filter((hit) => hit.score > 0);
      const order = asText(body['orderby']);
      found.sort((a, b) => {
        if (order.startsWith('voteCount desc')) {
          const votes = Number(b.d['voteCount']) - Number(a.d['voteCount']);
          if (votes !== 0) return votes;
        }
        if (order !== '')
          return asText(b.d['publishedAt']).localeCompare(asText(a.d['publishedAt']));
        return b.score - a.score;
      });
      const skip = Number(body['skip'] ?? 0);
      const top = Number(body['top'] ?? 50);
      const select = asText(body['select']).split(',').filter(Boolean);
      return send(res, 200, {
        ...(body['count'] === true ? { '@odata.count': found.length } : {}),
        value: found.slice(skip, skip + top).map(({ d, score: s }) => ({
          '@search.score': s,
          ...Object.fromEntries(select.map((field) => [field, d[field]])),
        })),
      });
    }
    return error(res, 404, `No route ${req.method} ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((failure: unknown) => error(res, 500, String(failure)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    indexes,
    documents,
    failNext(count) {
      failing = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `a eq 'x' and b eq false`: the clauses, values unquoted (`''` → `'`); else throws. */
export function parseFilter(filter: string): [string, string | boolean][] {
  const clauses: [string, string | boolean][] = [];
  let i = 0;
  const expect = (token: string) => {
    if (!filter.startsWith(token, i)) throw new Error(`Invalid filter at ${i}: ${filter}`);
    i += token.length;
  };
  while (i < filter.length) {
    const field = /^[A-Za-z_][A-Za-z0-9_]*/.exec(filter.slice(i))?.[0];
    if (!field) throw new Error(`Invalid filter at ${i}: ${filter}`);
    i += field.length;
    expect(' eq ');
    if (filter[i] === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= filter.length) throw new Error(`Unterminated string: ${filter}`);
        if (filter[i] === "'") {
          if (filter[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += filter[i];
        i++;
      }
      clauses.push([field, value]);
    } else if (filter.startsWith('false', i) || filter.startsWith('true', i)) {
      const value = filter.startsWith('true', i);
      i += value ? 4 : 5;
      clauses.push([field, value]);
    } else {
      throw new Error(`Invalid value at ${i}: ${filter}`);
    }
    if (i < filter.length) expect(' and ');
  }
  return clauses;
}

/** `+a +(b OR b*)`: each clause's alternatives, a trailing `*` a prefix. */
function parseQuery(search: string): { word: string; prefix: boolean }[][] {
  return search
    .split(' +')
    .map((clause) => clause.replace(/^\+/, '').replace(/^\(|\)$/g, ''))
    .map((clause) =>
      clause
        .split(' OR ')
        .map((word) => ({ word: word.replace(/\*$/, ''), prefix: word.endsWith('*') })),
    );
}

/** Every clause must match a word of some searchable field; title matches count thrice. */
function score(doc: Record<string, unknown>, query: { word: string; prefix: boolean }[][]): number {
  let total = 0;
  for (const clause of query) {
    let best = 0;
    for (const field of SEARCHABLE) {
      const fieldWords = asText(doc[field])
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
      const hit = clause.some(({ word, prefix }) =>
        fieldWords.some((w) => (prefix ? w.startsWith(word) : w === word)),
      );
      if (hit) best = Math.max(best, field.startsWith('title') ? 3 : 1);
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** A JSON value as the text it stands for: strings as they are, nothing as empty. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user as the stub's directory holds it; `managerId` is the user's manager. */
export interface StubUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  readonly preferredLanguage?: string;
  readonly department?: string;
  readonly managerId?: string;
}

export interface GraphStubData {
  readonly users: readonly StubUser[];
  /** Group id → member ids: users, or other groups (whose members count as transitive). */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  /** The most members one page holds, whatever `$top` asks; 100 by default. */
  readonly pageSize?: number;
}

/** How a route misbehaves: an error status (with `Retry-After`), or no answer at all. */
export type Misbehaviour = { readonly status: number; readonly retryAfter?: string } | 'stall';

/** One request the stub got; `path` is decoded and relative to `/v1.0`. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
}

export interface GraphStub {
  /** `http://127.0.0.1:<port>/v1.0`, as `createGraphDirectory` takes it. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /**
   * Requests whose path starts with `pathPrefix` misbehave: the next `times` (1 by default), after
   * letting `skip` of them through (0 by default), e.g. to fail the second page of a list.
   */
  failNext(
    pathPrefix: string,
    behaviour: Misbehaviour,
    options?: { readonly times?: number; readonly skip?: number },
  ): void;
  close(): Promise<void>;
}

/** Prefix of the offset in a skip token, long enough that its Base64 ends in `=`. */
const SKIP = 'offset:';
const FIELDS = ['id', 'displayName', 'mail', 'preferredLanguage', 'department'] as const;

/**
 * A loopback Microsoft Graph for tests: the users, managers, user search and transitive group
 * members routes the directory adapter calls, served from `data`, checked as Graph checks them
 * (a bearer token; `ConsistencyLevel: eventual` and well-formed terms for `$search`), and made to
 * misbehave on demand. Every request is recorded.
 */
export async function startGraphStub(data: GraphStubData): Promise<GraphStub> {
  const users = new Map(data.users.map((user) => [user.id, user]));
  const groups = data.groups ?? {};
  const pageSize = data.pageSize ?? 100;
  const requests: RecordedRequest[] = [];
  const faults: { prefix: string; behaviour: Misbehaviour; times: number; skip: number }[] = [];
  let baseUrl = '';

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const segments = url.pathname.split('/').map(decodeURIComponent);
    const path = segments.slice(2).join('/');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ method: req.method ?? '', path: `/${path}`, query, headers: req.headers });

    const fault = faults.find((f) => `/${path}`.startsWith(f.prefix) && f.skip + f.times > 0);
    if (fault && fault.skip > 0) fault.skip--;
    else if (fault) {
      fault.times--;
      if (fault.behaviour === 'stall') return;
      const { status, retryAfter } = fault.behaviour;
      const headers: Record<string, string> =
        retryAfter === undefined ? {} : { 'Retry-After': retryAfter };
      return send(res, status, graphError('Stubbed', `Stubbed ${status}.`), headers);
    }
    if (segments[1] !== 'v1.0' || req.method !== 'GET') {
      return send(res, 400, graphError('BadRequest', 'Unsupported request.'));
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      return send(res, 401, graphError('InvalidAuthenticationToken', 'No bearer token.'));
    }
    const select = query['$select']?.split(',');
    const [collection, id, relation, cast] = segments.slice(2);

    if (collection === 'users' && id === undefined) return searchUsers(res, query, req.headers);
    if (collection === 'users' && id !== undefined && cast === undefined) {
      const user = users.get(id);
      const target = relation === 'manager' ? users.get(user?.managerId ?? '') : user;
      if (relation !== undefined && relation !== 'manager') {
        return send(res, 400, graphError('BadRequest', 'Unsupported relation.'));
      }
      if (!target) return send(res, 404, graphError('Request_ResourceNotFound', 'Not found.'));
      return send(res, 200, project(target, select));
    }
    if (
      collection === 'groups' &&
      id !== undefined &&
      relation === 'transitiveMembers' &&
      cast === 'microsoft.graph.user'
    ) {
      return groupMembers(res, id, query, select);
    }
    send(res, 400, graphError('BadRequest', 'Unsupported route.'));
  }

  function searchUsers(
    res: ServerResponse,
    query: Record<string, string>,
    headers: IncomingHttpHeaders,
  ): void {
    const expression = query['$search'];
    if (expression === undefined) {
      return send(res, 400, graphError('BadRequest', 'The stub serves only $search.'));
    }
    if (headers['consistencylevel'] !== 'eventual') {
      return send(res, 400, graphError('Request_UnsupportedQuery', 'ConsistencyLevel needed.'));
    }
    const terms = parseSearch(expression);
    if (!terms) return send(res, 400, graphError('Request_UnsupportedQuery', 'Bad $search.'));
    const top = Number(query['$top'] ?? 100);
    const found = [...users.values()].filter((user) =>
      terms.some(({ property, value }) => startsWord(fieldOf(user, property), value)),
    );
    const select = query['$select']?.split(',');
    send(res, 200, { value: found.slice(0, top).map((user) => project(user, select)) });
  }

  function groupMembers(
    res: ServerResponse,
    groupId: string,
    query: Record<string, string>,
    select: string[] | undefined,
  ): void {
    if (!Object.hasOwn(groups, groupId)) {
      return send(res, 404, graphError('Request_ResourceNotFound', 'No such group.'));
    }
    const members = transitiveUsers(groupId, new Set());
    const top = Math.min(Number(query['$top'] ?? 100), pageSize);
    const token = query['$skiptoken'];
    const offset =
      token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString().slice(SKIP.length));
    const page = members.slice(offset, offset + top);
    const next = offset + top;
    const nextLink =
      next < members.length
        ? `${baseUrl}/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user` +
          `?$select=${query['$select'] ?? ''}&$top=${query['$top'] ?? ''}` +
          // Base64 with padding: a token holding `=` must survive the client's query handling.
          `&$skiptoken=${encodeURIComponent(Buffer.from(`${SKIP}${next}`).toString('base64'))}`
        : undefined;
    send(res, 200, {
      value: page.map((user) => project(user, select)),
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    });
  }

  function transitiveUsers(groupId: string, seen: Set<string>): StubUser[] {
    if (seen.has(groupId)) return [];
    seen.add(groupId);
    return (groups[groupId] ?? []).flatMap((id) => {
      const user = users.get(id);
      if (user) return seen.has(id) ? [] : (seen.add(id), [user]);
      return Object.hasOwn(groups, id) ? transitiveUsers(id, seen) : [];
    });
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      // A malformed path (a bad percent escape) is the client's fault, as Graph would say.
      send(res, 400, graphError('BadRequest', 'Malformed request.'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;

  return {
    baseUrl,
    requests,
    failNext(prefix, behaviour, { times = 1, skip = 0 } = {}) {
      faults.push({ prefix, behaviour, times, skip });
    },
    async close() {
      // Stalled requests hold their connections open; end them so `close` can finish.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function graphError(code: string, message: string) {
  return {
    error: { code, message, innerError: { 'request-id': 'stub', date: '2026-11-02T09:00:00' } },
  };
}

function project(user: StubUser, select: readonly string[] | undefined): Record<string, unknown> {
  const fields = FIELDS.filter((field) => !select || select.includes(field));
  return Object.fromEntries(fields.map((field) => [field, user[field] ?? null]));
}

function fieldOf(user: StubUser, property: string): string {
  return property === 'displayName'
    ? user.displayName
    : property === 'mail'
      ? (user.mail ?? '')
      : '';
}

/** Graph's tokenized match: the value starts the text or one of its words, ignoring case. */
function startsWord(text: string, value: string): boolean {
  const needle = value.toLowerCase();
  const haystack = text.toLowerCase();
  return haystack.startsWith(needle) || haystack.split(' ').some((w) => w.startsWith(needle));
}

/**
 * `"property:value" OR "property:value" …`, as the directory sends it; null for anything else
 * (an unbalanced quote, a missing `OR`), which Graph answers with a 400.
 */
function parseSearch(expression: string): { property: string; value: string }[] | null {
  const terms: { property: string; value: string }[] = [];
  let rest = expression.trim();
  while (rest !== '') {
    if (!rest.startsWith('"')) return null;
    const end = rest.indexOf('"', 1);
    if (end < 0) return null;
    const term = rest.slice(1, end);
    const colon = term.indexOf(':');
    if (colon < 0) return null;
    terms.push({ property: term.slice(0, colon), value: term.slice(colon + 1) });
    rest = rest.slice(end + 1).trim();
    if (rest !== '') {
      if (!rest.startsWith('OR ')) return null;
      rest = rest.slice(3).trim();
    }
  }
  return terms.length > 0 ? terms : null;
}

import type { TokenCredential } from '@azure/identity';
import {
  Client,
  GraphError,
  HTTPMessageHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
// The package has no `exports` map, so Node's ESM resolver needs the file, not the folder.
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { DomainError } from '../domain/errors.js';
import type { Directory, DirectoryPerson, Locale } from '../domain/ports.js';
import { plainName } from '../domain/text.js';

export interface GraphDirectoryOptions {
  /** `https://graph.microsoft.com/v1.0`, or a test stub's `http://127.0.0.1:<port>/v1.0`. */
  readonly baseUrl: string;
  /** The app's own identity (the managed identity in Azure); its tenant is the directory read. */
  readonly credential: TokenCredential;
  /** The deadline of each request, getting its token included; 3,000 ms by default. */
  readonly timeoutMs?: number;
  /** The longest `Retry-After` waited out (once); a longer one fails at once. 1,000 ms by default. */
  readonly maxRetryAfterMs?: number;
}

const SELECT = 'id,displayName,mail,preferredLanguage,department';
/** Graph's largest page of users and group members. */
const MAX_TOP = 999;
/** Enough pages for any `limit` a caller asks for; a server that keeps paging cannot hold us. */
const MAX_PAGES = 100;
/** The longest search text sent; a picker needs a few letters, not a paragraph. */
const MAX_QUERY_LENGTH = 64;

/**
 * Ids come from users (card data, routes), so only plain ids reach a URL path: Entra object ids
 * (GUIDs) and user principal names, `#EXT#` of guests included. The first character may not be a
 * dot, so `.` and `..` cannot walk up the path. One character class: linear time on any input.
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._@#-]{0,255}$/;
const RETRY_AFTER_SECONDS = /^\d{1,6}$/;

const graphUser = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  mail: z.string().nullish(),
  preferredLanguage: z.string().nullish(),
  department: z.string().nullish(),
});
const graphPage = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

/** Thrown when a request outlives its deadline; turned into DomainError('unavailable'). */
class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

/**
 * The organisation's directory from Microsoft Graph, read with the app's own identity (application
 * permissions User.Read.All and GroupMember.Read.All). One deployment serves one organisation, so
 * every call reads the credential's tenant: `tenantId` is accepted for the port's sake and only
 * keys the cache (`cacheDirectory`). Trouble never hangs a caller: each request has a deadline, a
 * short `Retry-After` is waited out once, anything else is DomainError('unavailable') at once.
 */
export function createGraphDirectory(options: GraphDirectoryOptions): Directory {
  const baseUrl = withoutTrailingSlash(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 3_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 1_000;
  const origin = new URL(baseUrl).origin;
  const tokens = new TokenCredentialAuthenticationProvider(options.credential, {
    // The resource of the cloud in use (graph.microsoft.com, graph.microsoft.us, …).
    scopes: [`${origin}/.default`],
  });
  // Our own middleware chain instead of the client's default: its RetryHandler would wait out a
  // Retry-After of up to 180 s three times, and its AuthenticationHandler sends tokens only to
  // https Graph hosts. Ours sends the token only under `baseUrl`, and retries are ours (below).
  const client = Client.initWithMiddleware({
    baseUrl,
    defaultVersion: '',
    middleware: [bearerUnder(baseUrl, () => tokens.getAccessToken()), new HTTPMessageHandler()],
  });

  /** One GET with a deadline; the parsed body, or null for a 404. */
  async function attempt(path: string, headers: Record<string, string>): Promise<unknown> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The race also covers getting the token, which the fetch signal does not reach.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new DeadlineExceeded(`No answer within ${timeoutMs} ms.`);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      const request: Promise<unknown> = client
        .api(path)
        .headers(headers)
        .option('signal', controller.signal)
        .get();
      return await Promise.race([request, deadline]);
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A GET that waits out one short `Retry-After`; failures become domain errors. */
  async function get(
    operation: string,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<unknown> {
    try {
      return await attempt(path, headers);
    } catch (error) {
      const waitMs = retryAfterMs(error);
      if (waitMs === undefined || waitMs > maxRetryAfterMs) throw toDomainError(error, operation);
      await sleep(waitMs);
      try {
        return await attempt(path, headers);
      } catch (again) {
        throw toDomainError(again, operation);
      }
    }
  }

  async function personAt(operation: string, path: string): Promise<DirectoryPerson | null> {
    const body = await get(operation, path);
    if (body === null) return null;
    const parsed = graphUser.safeParse(body);
    if (!parsed.success) {
      throw new DomainError('unavailable', `Microsoft Graph answered ${operation} unexpectedly.`);
    }
    return toPerson(parsed.data);
  }

  /** The path of a nextLink under `baseUrl`; the token is never sent anywhere else. */
  function pathOf(nextLink: string): string {
    if (!nextLink.startsWith(`${baseUrl}/`)) {
      throw new DomainError('unavailable', 'Microsoft Graph paged to another address.');
    }
    return nextLink.slice(baseUrl.length + 1);
  }

  return {
    async person(_tenantId, userId) {
      if (!SAFE_ID.test(userId)) return null;
      return personAt('person', `users/${encodeURIComponent(userId)}?$select=${SELECT}`);
    },

    async manager(_tenantId, userId) {
      if (!SAFE_ID.test(userId)) return null;
      // A 404 means either "no manager" or "no such user": both are null to the caller.
      return personAt('manager', `users/${encodeURIComponent(userId)}/manager?$select=${SELECT}`);
    },

    async search(_tenantId, query, limit) {
      const text = searchText(query);
      const count = Math.floor(limit);
      if (text === '' || !(count >= 1)) return [];
      // $search matches the start of any word of the name (Graph tokenizes it), which is what a
      // picker wants; $filter's startswith would match only the start of the whole name.
      const search = encodeURIComponent(`"displayName:${text}" OR "mail:${text}"`);
      const top = Math.min(count, MAX_TOP);
      const body = await get(
        'search',
        `users?$search=${search}&$select=${SELECT}&$top=${top}&$count=true`,
        { ConsistencyLevel: 'eventual' },
      );
      const people = peopleIn(body, 'search').people;
      return people.sort((a, b) => a.displayName.localeCompare(b.displayName)).slice(0, count);
    },

    async groupMembers(_tenantId, groupId, limit) {
      if (!SAFE_ID.test(groupId)) return null;
      const count = Math.floor(limit);
      if (!(count >= 1)) return [];
      const top = Math.min(count, MAX_TOP);
      let path: string | undefined =
        `groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user` +
        `?$select=${SELECT}&$top=${top}`;
      const members: DirectoryPerson[] = [];
      for (let page = 0; path !== undefined && page < MAX_PAGES && members.length < count; page++) {
        const body = await get('groupMembers', path);
        // A group deleted between two pages is gone as well.
        if (body === null) return null;
        const { people, nextLink } = peopleIn(body, 'groupMembers');
        members.push(...people);
        path = nextLink === undefined ? undefined : pathOf(nextLink);
      }
      return members.slice(0, count);
    },
  };
}

/** Adds the bearer token to requests under `baseUrl`, and refuses any other address. */
function bearerUnder(baseUrl: string, token: () => Promise<string>): Middleware {
  let next: Middleware | undefined;
  return {
    async execute(context: Context) {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      if (!url.startsWith(`${baseUrl}/`) || !next) {
        throw new Error(`Refusing to send the Graph token to ${url}.`);
      }
      const headers = new Headers(context.options?.headers);
      headers.set('Authorization', `Bearer ${await token()}`);
      context.options = { ...context.options, headers };
      await next.execute(context);
    },
    setNext(middleware: Middleware) {
      next = middleware;
    },
  };
}

function withoutTrailingSlash(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}

/**
 * User text made safe inside a quoted `$search` term: quotes, backslashes and control characters
 * cannot be escaped there, and a lone surrogate cannot be put in a URL, so they become spaces.
 * A plain loop over at most `MAX_QUERY_LENGTH` characters, no pattern over the user's text.
 */
function searchText(query: string): string {
  let text = '';
  let length = 0;
  for (const char of query.trim()) {
    if (length++ === MAX_QUERY_LENGTH) break;
    const code = char.charCodeAt(0);
    const loneSurrogate = char.length === 1 && code >= 0xd800 && code <= 0xdfff;
    const unsafe = char === '"' || char === '\\' || code < 0x20 || code === 0x7f;
    text += unsafe || loneSurrogate ? ' ' : char;
  }
  return text.trim();
}

function peopleIn(
  body: unknown,
  operation: string,
): { people: DirectoryPerson[]; nextLink: string | undefined } {
  const page = graphPage.safeParse(body);
  if (!page.success) {
    throw new DomainError('unavailable', `Microsoft Graph answered ${operation} unexpectedly.`);
  }
  const people: DirectoryPerson[] = [];
  for (const item of page.data.value) {
    const user = graphUser.safeParse(item);
    if (user.success) people.push(toPerson(user.data));
  }
  return { people, nextLink: page.data['@odata.nextLink'] };
}

function toPerson(user: z.infer<typeof graphUser>): DirectoryPerson {
  const locale = localeOf(user.preferredLanguage);
  return {
    id: user.id,
    // Graph may hide the name of an object the app may not fully read; the mail or id still helps.
    displayName: plainName(user.displayName ?? user.mail, user.id),
    ...(user.mail ? { mail: user.mail } : {}),
    ...(locale ? { locale } : {}),
    ...(user.department ? { department: user.department } : {}),
  };
}

/** `fi-FI` → 'fi', `en-US` → 'en'; a language the app does not speak → undefined. */
function localeOf(preferredLanguage: string | null | undefined): Locale | undefined {
  const language = preferredLanguage?.split('-')[0]?.toLowerCase();
  return language === 'fi' || language === 'en' ? language : undefined;
}

function statusOf(error: unknown): number | undefined {
  return error instanceof GraphError && error.statusCode > 0 ? error.statusCode : undefined;
}

/** The wait a 429 or 503 asked for, in ms; Graph sends whole seconds. */
function retryAfterMs(error: unknown): number | undefined {
  const status = statusOf(error);
  if (status !== 429 && status !== 503) return undefined;
  const header = error instanceof GraphError ? error.headers?.get('retry-after') : undefined;
  return header && RETRY_AFTER_SECONDS.test(header.trim())
    ? Number(header.trim()) * 1_000
    : undefined;
}

/**
 * Graph's failures in the domain's terms. Throttling, 5xx, timeouts, network and token failures,
 * and a refused token (a missing permission: an operator's fix, and callers have a fallback) are
 * 'unavailable'. Anything else (a 400: a bug in a query) passes unchanged, to be logged.
 */
function toDomainError(error: unknown, operation: string): unknown {
  if (error instanceof DomainError) return error;
  const status = statusOf(error);
  const cause = error instanceof Error ? error.message : String(error);
  if (error instanceof DeadlineExceeded) {
    return new DomainError('unavailable', `Microsoft Graph did not answer ${operation} in time.`);
  }
  if (status === undefined) {
    return new DomainError('unavailable', `Microsoft Graph could not be reached (${operation}).`, {
      cause,
    });
  }
  if (status === 401 || status === 403 || status === 408 || status === 429 || status >= 500) {
    const waitMs = retryAfterMs(error);
    return new DomainError('unavailable', `Microsoft Graph failed ${operation} (${status}).`, {
      status,
      cause,
      ...(waitMs !== undefined ? { retryAfterMs: waitMs } : {}),
    });
  }
  return error;
}

import type { TokenCredential } from '@azure/identity';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphDirectory } from '../../../src/directory/graphDirectory.js';
import { DomainError, type Directory } from '../../../src/domain/index.js';
import { startGraphStub, type GraphStub } from '../../support/graphStub.js';

/**
 * The Graph directory against a real HTTP server that answers as Microsoft Graph does, and fails
 * as it does (throttling, errors, silence) when told to.
 */

const TENANT = '11111111-1111-4111-8111-111111111111';
const ANNA = 'a0000000-0000-4000-8000-000000000001';
const MIKKO = 'a0000000-0000-4000-8000-000000000002';
const SIOBHAN = 'a0000000-0000-4000-8000-000000000003';
const PEKKA = 'a0000000-0000-4000-8000-000000000004';
const LIISA = 'a0000000-0000-4000-8000-000000000005';
const REVERSED = 'a0000000-0000-4000-8000-000000000006';
const UNKNOWN = 'a0000000-0000-4000-8000-0000000000ff';
const EVERYONE = 'g0000000-0000-4000-8000-000000000001';
const NESTED = 'g0000000-0000-4000-8000-000000000002';
const TIMEOUT_MS = 300;

/** A credential that hands out one fixed token and records the scopes it was asked for. */
function staticCredential(token = 'stub-token') {
  const scopes: string[][] = [];
  const credential: TokenCredential = {
    async getToken(asked) {
      scopes.push([asked].flat());
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  return { credential, scopes };
}

/** The promise's outcome, or a failure if it has not settled within `ms`. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Still waiting after ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const failureOf = (promise: Promise<unknown>) => within(5_000, promise).catch((e: unknown) => e);

let stub: GraphStub;
let credential: ReturnType<typeof staticCredential>;
let directory: Directory;

beforeAll(async () => {
  stub = await startGraphStub({
    users: [
      {
        id: ANNA,
        displayName: 'Anna Virtanen',
        mail: 'anna.virtanen@contoso.fi',
        preferredLanguage: 'fi-FI',
        department: 'Sales',
        managerId: MIKKO,
      },
      {
        id: MIKKO,
        displayName: 'Mikko Manager',
        mail: 'mikko@contoso.fi',
        preferredLanguage: 'en-US',
      },
      {
        id: SIOBHAN,
        displayName: "Siobhán O'Brien",
        mail: 'siobhan.obrien@contoso.com',
        preferredLanguage: 'sv-SE',
        managerId: MIKKO,
      },
      { id: PEKKA, displayName: 'Pekka Virta', managerId: MIKKO },
      { id: LIISA, displayName: 'Liisa Laine', managerId: MIKKO },
      { id: REVERSED, displayName: '\u2067Eeva\u2069 \u202Eenirel\u202C', managerId: MIKKO },
    ],
    groups: { [EVERYONE]: [ANNA, MIKKO, NESTED], [NESTED]: [SIOBHAN, PEKKA, LIISA, ANNA] },
    pageSize: 2,
  });
});

afterAll(() => stub.close());

beforeEach(() => {
  stub.requests.length = 0;
  credential = staticCredential();
  directory = createGraphDirectory({
    baseUrl: stub.baseUrl,
    credential: credential.credential,
    timeoutMs: TIMEOUT_MS,
  });
});

const requestsTo = (prefix: string) => stub.requests.filter((r) => r.path.startsWith(prefix));

describe('createGraphDirectory: people and managers', () => {
  it('finds a manager, selecting only the fields it needs', async () => {
    expect(await directory.manager(TENANT, ANNA)).toEqual({
      id: MIKKO,
      displayName: 'Mikko Manager',
      mail: 'mikko@contoso.fi',
      locale: 'en',
    });
    const [request] = stub.requests;
    expect(request?.path).toBe(`/users/${ANNA}/manager`);
    expect(request?.query['$select']).toBe('id,displayName,mail,preferredLanguage,department');
  });

  it('answers null for a person without a manager, and for an unknown person', async () => {
    expect(await directory.manager(TENANT, MIKKO)).toBeNull();
    expect(await directory.manager(TENANT, UNKNOWN)).toBeNull();
    expect(await directory.person(TENANT, UNKNOWN)).toBeNull();
  });

  it('removes bidirectional controls from names, so none displays reversed', async () => {
    expect((await directory.person(TENANT, REVERSED))?.displayName).toBe('Eeva enirel');
  });

  it('reads the locale from the preferred language, when the app speaks it', async () => {
    expect(await directory.person(TENANT, ANNA)).toEqual({
      id: ANNA,
      displayName: 'Anna Virtanen',
      mail: 'anna.virtanen@contoso.fi',
      locale: 'fi',
      department: 'Sales',
    });
    const swedish = await directory.person(TENANT, SIOBHAN);
    expect(swedish?.locale).toBeUndefined();
    expect(swedish).not.toHaveProperty('locale');
  });

  it('sends the credential’s bearer token, asked for Graph’s default scope', async () => {
    await directory.person(TENANT, ANNA);
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer stub-token');
    expect(credential.scopes).toEqual([[`${new URL(stub.baseUrl).origin}/.default`]]);
  });

  it('puts no id into a URL that could change its path, and asks Graph nothing', async () => {
    for (const id of ['../groups/x', 'a/b', '..', '.hidden', '', `${ANNA}?$select=id`, 'x y']) {
      expect(await directory.person(TENANT, id)).toBeNull();
      expect(await directory.manager(TENANT, id)).toBeNull();
      expect(await directory.groupMembers(TENANT, id, 10)).toBeNull();
    }
    expect(stub.requests).toEqual([]);
  });
});

describe('createGraphDirectory: search', () => {
  it('finds people by the start of a word of the name or of the mail', async () => {
    const found = await directory.search(TENANT, 'virt', 10);
    expect(found.map((p) => p.displayName)).toEqual(['Anna Virtanen', 'Pekka Virta']);
    const [request] = stub.requests;
    expect(request?.path).toBe('/users');
    expect(request?.query['$search']).toBe('"displayName:virt" OR "mail:virt"');
    expect(request?.query['$top']).toBe('10');
    expect(request?.headers.consistencylevel).toBe('eventual');

    expect((await directory.search(TENANT, 'siobhan.o', 10)).map((p) => p.id)).toEqual([SIOBHAN]);
  });

  it('keeps at most `limit` people', async () => {
    expect(await directory.search(TENANT, 'virt', 1)).toHaveLength(1);
    expect(stub.requests[0]?.query['$top']).toBe('1');
  });

  it('sends odd user text safely: quotes dropped, URL characters kept as text', async () => {
    // A double quote would end the term; a single quote is plain text inside it.
    const found = await directory.search(TENANT, ' O\'Bri"', 10);
    expect(found.map((p) => p.id)).toEqual([SIOBHAN]);
    expect(stub.requests[0]?.query['$search']).toBe(`"displayName:O'Bri" OR "mail:O'Bri"`);

    // `&`, `=`, `#` and `+` stay inside the $search value instead of making new parameters.
    stub.requests.length = 0;
    expect(await directory.search(TENANT, 'a&$top=999#+\\ "OR "mail:', 10)).toEqual([]);
    const [request] = stub.requests;
    expect(Object.keys(request?.query ?? {}).sort()).toEqual([
      '$count',
      '$search',
      '$select',
      '$top',
    ]);
    expect(request?.query['$top']).toBe('10');
    expect(request?.query['$search']).toBe(
      '"displayName:a&$top=999#+   OR  mail:" OR "mail:a&$top=999#+   OR  mail:"',
    );
  });

  it('sends at most 64 characters, and no broken character', async () => {
    const long = `${'a'.repeat(63)}\u{1F600}${'b'.repeat(1_000)}`;
    expect(await directory.search(TENANT, long, 10)).toEqual([]);
    expect(await directory.search(TENANT, 'anna\ud800', 10)).toEqual([
      expect.objectContaining({ id: ANNA }),
    ]);
    const [first, second] = stub.requests;
    expect(first?.query['$search']).toContain(`"displayName:${'a'.repeat(63)}\u{1F600}"`);
    expect(second?.query['$search']).toBe('"displayName:anna" OR "mail:anna"');
  });

  it('asks nothing for a query with nothing to search for', async () => {
    expect(await directory.search(TENANT, '  "" \\ ', 10)).toEqual([]);
    expect(await directory.search(TENANT, 'anna', 0)).toEqual([]);
    expect(stub.requests).toEqual([]);
  });
});

describe('createGraphDirectory: group members', () => {
  it('follows @odata.nextLink through nested members', async () => {
    const members = await directory.groupMembers(TENANT, EVERYONE, 50);
    expect(members?.map((p) => p.id)).toEqual([ANNA, MIKKO, SIOBHAN, PEKKA, LIISA]);
    const pages = requestsTo(`/groups/${EVERYONE}/transitiveMembers/microsoft.graph.user`);
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query['$skiptoken']).toBeUndefined();
    expect(pages[1]?.query['$skiptoken']).toMatch(/=$/);
    expect(pages.every((p) => p.headers.authorization === 'Bearer stub-token')).toBe(true);
  });

  it('stops paging at the limit', async () => {
    const members = await directory.groupMembers(TENANT, EVERYONE, 3);
    expect(members?.map((p) => p.id)).toEqual([ANNA, MIKKO, SIOBHAN]);
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[0]?.query['$top']).toBe('3');
  });

  it('answers null for an unknown group', async () => {
    expect(await directory.groupMembers(TENANT, 'g0000000-0000-4000-8000-0000000000ff', 10)).toBe(
      null,
    );
  });
});

describe('createGraphDirectory: when Graph is in trouble', () => {
  it('waits out a short Retry-After of a 429 once, then succeeds', async () => {
    stub.failNext(`/users/${ANNA}`, { status: 429, retryAfter: '1' });
    expect((await directory.person(TENANT, ANNA))?.id).toBe(ANNA);
    expect(requestsTo(`/users/${ANNA}`)).toHaveLength(2);
  });

  it('waits out a 503 with Retry-After 0 once, then succeeds', async () => {
    stub.failNext(`/users/${ANNA}/manager`, { status: 503, retryAfter: '0' });
    expect((await directory.manager(TENANT, ANNA))?.id).toBe(MIKKO);
    expect(requestsTo(`/users/${ANNA}/manager`)).toHaveLength(2);
  });

  it('retries only once: a second 429 is unavailable, with the wait Graph asked for', async () => {
    stub.failNext('/users', { status: 429, retryAfter: '0' }, { times: 2 });
    const error = await failureOf(directory.search(TENANT, 'anna', 5));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'unavailable', details: { retryAfterMs: 0 } });
    expect(stub.requests).toHaveLength(2);
  });

  it('does not wait out a long Retry-After: unavailable at once, with retryAfterMs', async () => {
    stub.failNext(`/users/${ANNA}`, { status: 429, retryAfter: '120' });
    // Settling well before the 120 s shows that nothing waited for it.
    const error = await failureOf(directory.person(TENANT, ANNA));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'unavailable',
      details: { status: 429, retryAfterMs: 120_000 },
    });
    expect(stub.requests).toHaveLength(1);
  });

  it('fails a 503 without Retry-After at once', async () => {
    stub.failNext(`/groups/${EVERYONE}`, { status: 503 });
    const error = await failureOf(directory.groupMembers(TENANT, EVERYONE, 10));
    expect(error).toMatchObject({ code: 'unavailable', details: { status: 503 } });
    expect(stub.requests).toHaveLength(1);
  });

  it('turns a 500 into unavailable without retrying', async () => {
    stub.failNext(`/users/${ANNA}/manager`, { status: 500 });
    const error = await failureOf(directory.manager(TENANT, ANNA));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'unavailable', details: { status: 500 } });
    expect(stub.requests).toHaveLength(1);
  });

  it('turns a refused token (403: a permission not granted) into unavailable', async () => {
    stub.failNext(`/users/${ANNA}`, { status: 403 });
    expect(await failureOf(directory.person(TENANT, ANNA))).toMatchObject({
      code: 'unavailable',
      details: { status: 403 },
    });
  });

  it('gives up on a route that never answers after the deadline', async () => {
    stub.failNext(`/users/${ANNA}/manager`, 'stall');
    const error = await failureOf(directory.manager(TENANT, ANNA));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'unavailable' });
  });

  it('gives up on a later page that never answers', async () => {
    stub.failNext(`/groups/${EVERYONE}`, 'stall', { skip: 1 });
    const error = await failureOf(directory.groupMembers(TENANT, EVERYONE, 50));
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(stub.requests).toHaveLength(2);
  });

  it('is unavailable when the credential fails or never gives a token', async () => {
    const failing = createGraphDirectory({
      baseUrl: stub.baseUrl,
      credential: {
        getToken: () => Promise.reject(new Error('ManagedIdentityCredential: no endpoint')),
      },
      timeoutMs: TIMEOUT_MS,
    });
    expect(await failureOf(failing.person(TENANT, ANNA))).toMatchObject({ code: 'unavailable' });

    const silent = createGraphDirectory({
      baseUrl: stub.baseUrl,
      credential: { getToken: () => new Promise(() => {}) },
      timeoutMs: TIMEOUT_MS,
    });
    expect(await failureOf(silent.person(TENANT, ANNA))).toMatchObject({ code: 'unavailable' });
    expect(stub.requests).toEqual([]);
  });

  it('is unavailable when nothing listens at the address', async () => {
    const closed = await startGraphStub({ users: [] });
    await closed.close();
    const nowhere = createGraphDirectory({
      baseUrl: closed.baseUrl,
      credential: credential.credential,
      timeoutMs: TIMEOUT_MS,
    });
    expect(await failureOf(nowhere.person(TENANT, ANNA))).toMatchObject({ code: 'unavailable' });
  });
});

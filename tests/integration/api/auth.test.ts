import type { CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import type { ApiErrorBody, DevUsersDto, MeDto } from '../../../src/shared/dto.js';
import { entraEnv, startEntraIssuer, type EntraIssuer } from '../../support/entraIssuer.js';
import type { ApiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/startApp.js';
import { useTestApp } from '../../support/useTestApp.js';

describe('local mode', () => {
  const { api } = useTestApp();

  it('acts as the demo employee without credentials and switches user by header', async () => {
    const me = await api.get<MeDto>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: DEMO_USER_IDS.employee, authMode: 'local' });
    const manager = await api.get<MeDto>('/api/me', { user: DEMO_USER_IDS.manager });
    expect(manager.body.id).toBe(DEMO_USER_IDS.manager);
    expect(manager.body.roles).toContain('approver');
  });

  it('lists the demo users for the switcher and refuses an unknown one', async () => {
    const users = await api.get<DevUsersDto>('/api/dev/users');
    expect(users.body.items.map((u) => u.id)).toEqual(
      expect.arrayContaining(Object.values(DEMO_USER_IDS)),
    );
    const unknown = await api.get<ApiErrorBody>('/api/me', { user: 'someone-else' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('unauthenticated');
  });

  it('lets Teams frame the tab and forbids MIME sniffing', async () => {
    const response = await api.get('/api/me');
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(response.headers.get('content-security-policy')).toContain(
      'https://teams.microsoft.com',
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends its security headers with refusals and unknown addresses too', async () => {
    const refused = await api.get('/api/me', { user: 'someone-else' });
    const unknown = await api.get('/api/no-such-address');
    expect([refused.status, unknown.status]).toEqual([401, 404]);
    for (const response of [refused, unknown]) {
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('lets the tab run only its own scripts, framed only by Teams, Outlook and Microsoft 365', async () => {
    const page = await api.get('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toContain('https://teams.microsoft.com');
    expect(directive('frame-ancestors')).toContain('https://outlook.office.com');
    expect(directive('frame-ancestors')).toContain('https://*.microsoft365.com');
    expect(directive('frame-ancestors')).not.toContain('*.com ');
    // Framing is decided by frame-ancestors alone: X-Frame-Options would refuse Teams.
    expect(page.headers.get('x-frame-options')).toBeNull();
    // Plain http in local mode: no HSTS, no upgrade of requests.
    expect(page.headers.get('strict-transport-security')).toBeNull();
    expect(csp).not.toContain('upgrade-insecure-requests');
    // The built page has no inline script for the policy to refuse.
    expect(String(page.body)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('local mode without demo data', () => {
  const { api } = useTestApp({ seed: false });

  it('still knows the demo people: nobody is told to sign in again', async () => {
    const me = await api.get<MeDto>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: DEMO_USER_IDS.employee, displayName: 'Emma Employee' });
    const manager = await api.get<MeDto>('/api/me', { user: DEMO_USER_IDS.manager });
    expect(manager.status).toBe(200);
    expect(manager.body.displayName).toBe('Mikko Manager');
    // Someone who is not a demo person is still refused.
    expect((await api.get('/api/me', { user: 'someone-else' })).status).toBe(401);
  });

  it('offers every demo person in the switcher before any of them has signed in', async () => {
    const list = await api.get<DevUsersDto>('/api/dev/users');
    expect(list.status).toBe(200);
    expect(list.body.items.map((user) => user.id).sort()).toEqual(
      [...new Set(Object.values(DEMO_USER_IDS))].sort(),
    );
    expect(list.body.items.find((user) => user.id === DEMO_USER_IDS.manager)?.displayName).toBe(
      'Mikko Manager',
    );
  });
});

describe('local mode with many people stored', () => {
  const counter = createCallCounter();
  const { app, api } = useTestApp({
    storagePolicies: [{ policy: counter.policy, position: 'perRetry' }],
  });
  const PEOPLE = 300;

  it('lists them for the switcher without a storage read per person', async () => {
    for (let i = 0; i < PEOPLE; i++) {
      const id = `person-${String(i).padStart(4, '0')}`;
      await app.server.storage.users.upsert({
        tenantId: DEMO_TENANT_ID,
        id,
        displayName: `Person ${i}`,
        roles: [],
      });
    }
    counter.reset();
    const list = await api.get<DevUsersDto>('/api/dev/users');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(PEOPLE);
    expect(list.body.items.find((user) => user.id === DEMO_USER_IDS.manager)?.roles).toContain(
      'approver',
    );
    // The stored people are listed in pages; their roles come from the rows listed and the
    // tenant's grants, not from reading each person again (300 reads at once stall storage).
    expect(counter.calls).toBeLessThanOrEqual(5);
  });
});

describe('entra mode', () => {
  const tenant = '11111111-1111-4111-8111-111111111111';
  const clientId = '22222222-2222-4222-8222-222222222222';
  let app: TestApp;
  let api: ApiClient;
  let issuer: EntraIssuer;
  const token = (
    claims: Record<string, unknown> = {},
    key?: CryptoKey,
    audience?: string,
  ): Promise<string> =>
    issuer.token(claims, { ...(key ? { key } : {}), ...(audience ? { audience } : {}) });

  beforeAll(async () => {
    issuer = await startEntraIssuer(tenant, clientId);
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      seed: false,
      env: {
        ...entraEnv(issuer, tenant, clientId),
      },
      transport: 'inject',
    });
    api = app.client();
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  it('accepts a valid Teams SSO token and enrols the person as an employee', async () => {
    const me = await api.get<MeDto>('/api/me', { token: await token() });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      tenantId: tenant,
      displayName: 'Sanna SSO',
      roles: ['employee'],
      authMode: 'entra',
    });
  });

  it('ignores x-dev-user and demands a token', async () => {
    const response = await api.get<ApiErrorBody>('/api/me', { user: DEMO_USER_IDS.admin });
    expect(response.status).toBe(401);
    expect((await api.get('/api/dev/users', { token: await token() })).status).toBe(404);
  });

  it('refuses a wrong signature, audience, scope or tenant', async () => {
    expect((await api.get('/api/me', { token: await token({}, issuer.strangerKey) })).status).toBe(
      401,
    );
    expect(
      (await api.get('/api/me', { token: await token({}, undefined, 'api://someone-else') }))
        .status,
    ).toBe(401);
    expect((await api.get('/api/me', { token: await token({ scp: 'User.Read' }) })).status).toBe(
      401,
    );
    const otherTenant = await api.get<ApiErrorBody>('/api/me', {
      token: await token({ tid: '55555555-5555-4555-8555-555555555555' }),
    });
    expect(otherTenant.status).toBe(403);
    expect((await api.get('/api/me', { token: 'not.a.jwt' })).status).toBe(401);
  });

  it('keeps bot authentication on: an unsigned activity is refused', async () => {
    const response = await api.post('/api/messages', {
      type: 'message',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: 'a:personal' },
      from: { id: '29:someone' },
    });
    expect(response.status).toBe(401);
  });
});

describe('production', () => {
  const tenant = '11111111-1111-4111-8111-111111111111';
  const clientId = '22222222-2222-4222-8222-222222222222';
  let app: TestApp;
  let issuer: EntraIssuer;

  beforeAll(async () => {
    issuer = await startEntraIssuer(tenant, clientId);
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      seed: false,
      env: {
        ...entraEnv(issuer, tenant, clientId),
        NODE_ENV: 'production',
        DIRECTORY: 'graph',
        // Nothing here reaches the directory; a loopback address needs no token.
        GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0',
      },
      transport: 'inject',
    });
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  it('tells browsers to use HTTPS only (HSTS) and to upgrade any http request', async () => {
    const response = await app.client().get('/');
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});

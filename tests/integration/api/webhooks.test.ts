import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  NewApiKeyDto,
  NewWebhookDto,
  StoryDto,
  WebhookDeliveriesDto,
  WebhookDeliveryDto,
  WebhookPayloadDto,
  WebhooksDto,
} from '../../../src/shared/dto.js';
import { entraEnv, startEntraIssuer, type EntraIssuer } from '../../support/entraIssuer.js';
import { startTestApp, type TestApp } from '../../support/startApp.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * Signed webhooks (Standard Webhooks) through the whole app: a receiver on this machine verifies
 * each delivery as a real integration would — signature, timestamp, and ids it has seen — and
 * answers what each test asks of it.
 */

const { employee, manager, admin, cloakroom } = DEMO_USER_IDS;

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** What the receiver made of it: accepted, or why not. */
  readonly verdict: 'ok' | 'bad_signature' | 'replayed';
}

/**
 * A webhook receiver: verifies with the `standardwebhooks` library (signature, and a timestamp
 * within five minutes) and refuses an id it has accepted before. `answers` are used in turn, then
 * 200.
 */
function startReceiver() {
  const received: Received[] = [];
  const seen = new Set<string>();
  const answers: { status: number; headers?: Record<string, string> }[] = [];
  let secret = '';
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      let verdict: Received['verdict'] = 'ok';
      try {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch {
        verdict = 'bad_signature';
      }
      const id = String(request.headers['webhook-id']);
      if (verdict === 'ok' && seen.has(id)) verdict = 'replayed';
      received.push({ headers: request.headers, body, verdict });
      if (verdict !== 'ok') return response.writeHead(400).end();
      const answer = answers.shift() ?? { status: 200 };
      if (answer.status >= 200 && answer.status < 300) seen.add(id);
      response.writeHead(answer.status, answer.headers).end();
    });
  });
  return {
    received,
    answers,
    seen,
    setSecret(value: string) {
      secret = value;
    },
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/story-wall`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const draft = (title: string) => ({
  title,
  situation: 'A guest arrived at two in the morning after a cancelled flight, tired and hungry.',
  action: 'The night porter found her a sandwich and carried her bags to the room himself.',
  outcome: 'She wrote on the feedback form that she felt expected, not a bother.',
  lesson: 'The small hours are when care shows most.',
  team: 'Reception',
  category: 'care',
  featured: [cloakroom],
  consent: true,
});

async function until<T>(read: () => T | undefined, what: string, ms = 8_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('webhooks', () => {
  const { app, api } = useTestApp();
  const receiver = startReceiver();
  let url = '';
  beforeAll(async () => {
    url = await receiver.start();
  });
  afterAll(() => receiver.close());
  // Each test starts with no webhook and a receiver that answers 200.
  afterEach(async () => {
    receiver.answers.length = 0;
    const { items } = (await api.get<WebhooksDto>('/api/webhooks', { user: admin })).body;
    for (const hook of items) await api.call('DELETE', `/api/webhooks/${hook.id}`, { user: admin });
  });

  const register = async (events: string[], user: string = admin) => {
    const created = await api.post<NewWebhookDto & ApiErrorBody>(
      '/api/webhooks',
      { url, events, description: 'CRM' },
      { user },
    );
    if (created.status === 201) receiver.setSecret(created.body.secret);
    return created;
  };
  const deliveriesOf = async (id: string) =>
    (await api.get<WebhookDeliveriesDto>(`/api/webhooks/${id}/deliveries`, { user: admin })).body
      .items;
  /** The log once `ready` holds for it: the log is written after the receiver answers. */
  const logWhen = async (id: string, ready: (log: WebhookDeliveryDto[]) => boolean) => {
    const deadline = Date.now() + 8_000;
    for (;;) {
      const log = await deliveriesOf(id);
      if (ready(log) || Date.now() > deadline) return log;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const received = (event: string, storyId: string) =>
    receiver.received.filter((r) => {
      const payload = JSON.parse(r.body) as WebhookPayloadDto;
      return payload.type === event && payload.data.story.id === storyId;
    });

  it('delivers signed events the receiver verifies: submitted, then published', async () => {
    const created = await register(['story.submitted', 'story.published']);
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    // Absolute, for Power Automate to unsubscribe with DELETE.
    expect(created.headers.get('location')).toBe(`${app.origin}/api/webhooks/${created.body.id}`);
    expect(created.headers.get('cache-control')).toBe('no-store');
    // Listed without its secret.
    const listed = await api.get<WebhooksDto>('/api/webhooks', { user: admin });
    expect(listed.body.items).toContainEqual({
      id: created.body.id,
      url,
      events: ['story.submitted', 'story.published'],
      description: 'CRM',
      paused: false,
      createdAt: created.body.createdAt,
      createdBy: admin,
    });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

    const story = await api.post<StoryDto>('/api/stories', draft('A sandwich at 2 a.m.'), {
      user: employee,
    });
    expect(story.status).toBe(201);
    const submitted = await until(() => received('story.submitted', story.body.id)[0], 'submitted');
    expect(submitted.verdict).toBe('ok');
    expect(submitted.headers['webhook-id']).toMatch(/^msg_/);
    expect(submitted.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = JSON.parse(submitted.body) as WebhookPayloadDto;
    expect(payload).toMatchObject({
      type: 'story.submitted',
      data: { story: { id: story.body.id, status: 'pending', title: 'A sandwich at 2 a.m.' } },
    });
    expect(Date.parse(payload.timestamp)).not.toBeNaN();

    await api.post(
      `/api/stories/${story.body.id}/decision`,
      { decision: 'approve' },
      {
        user: manager,
      },
    );
    const published = await until(() => received('story.published', story.body.id)[0], 'published');
    expect(published.verdict).toBe('ok');
    const body = JSON.parse(published.body) as WebhookPayloadDto;
    // The story as the API presents it to a colleague with no part in it.
    expect(body.data.story).toMatchObject({
      id: story.body.id,
      status: 'published',
      featured: [{ id: cloakroom, displayName: 'Anna Naulakko' }],
      voteCount: 0,
    });
    expect(published.headers['webhook-id']).not.toBe(submitted.headers['webhook-id']);

    const log = await logWhen(created.body.id, (l) => l.every((d) => d.status === 'delivered'));
    expect(log.map((d) => [d.event, d.status, d.attempts, d.lastStatus])).toEqual([
      ['story.published', 'delivered', 1, 200],
      ['story.submitted', 'delivered', 1, 200],
    ]);
  });

  it('a receiver refuses a replayed delivery and a stale or tampered one', async () => {
    await register(['story.submitted']);
    const story = await api.post<StoryDto>('/api/stories', draft('The loose button'), {
      user: employee,
    });
    const first = await until(() => received('story.submitted', story.body.id)[0], 'delivery');
    expect(first.verdict).toBe('ok');
    const replay = (headers: Record<string, string>, body = first.body) =>
      fetch(url, { method: 'POST', headers, body });
    const headers = {
      'content-type': 'application/json',
      'webhook-id': String(first.headers['webhook-id']),
      'webhook-timestamp': String(first.headers['webhook-timestamp']),
      'webhook-signature': String(first.headers['webhook-signature']),
    };
    expect((await replay(headers)).status).toBe(400);
    expect(receiver.received.at(-1)?.verdict).toBe('replayed');
    // Ten minutes old: outside the tolerance, whatever the signature.
    const stale = String(Number(headers['webhook-timestamp']) - 600);
    expect((await replay({ ...headers, 'webhook-timestamp': stale })).status).toBe(400);
    expect(receiver.received.at(-1)?.verdict).toBe('bad_signature');
    expect((await replay(headers, first.body.replace('loose', 'lost'))).status).toBe(400);
    expect(receiver.received.at(-1)?.verdict).toBe('bad_signature');
  });

  it('retries after a 500 with the same webhook-id, honours Retry-After, and an admin can send again', async () => {
    const created = await register(['story.submitted']);
    receiver.answers.push({ status: 500 }, { status: 503, headers: { 'retry-after': '1' } });
    const story = await api.post<StoryDto>('/api/stories', draft('The restless baby'), {
      user: employee,
    });
    await until(() => received('story.submitted', story.body.id)[0], 'first attempt');
    let log = await logWhen(created.body.id, (l) => l[0]?.attempts === 1);
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500 });
    const firstNext =
      Date.parse(log[0]?.nextAttemptAt ?? '') - Date.parse(log[0]?.lastAttemptAt ?? '');
    expect(firstNext).toBe(2000);

    // The back-off (2 s) passes; the sweep finds it due. The 503 asks for one second.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await app.server.relay.sweep();
    log = await logWhen(created.body.id, (l) => l[0]?.attempts === 2);
    expect(log[0]).toMatchObject({ status: 'pending', attempts: 2, lastStatus: 503 });
    expect(Date.parse(log[0]?.nextAttemptAt ?? '') - Date.parse(log[0]?.lastAttemptAt ?? '')).toBe(
      1000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await app.server.relay.sweep();
    log = await logWhen(created.body.id, (l) => l[0]?.attempts === 3);
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200 });
    const attempts = received('story.submitted', story.body.id);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    expect(attempts.every((a) => a.verdict === 'ok')).toBe(true);

    // Sent again by an admin: the same id, which this receiver has already accepted.
    const again = await api.post<WebhookDeliveryDto>(
      `/api/webhooks/${created.body.id}/deliveries/${log[0]?.id}/retry`,
      undefined,
      { user: admin },
    );
    expect(again.status).toBe(202);
    await until(
      () => (received('story.submitted', story.body.id).length === 4 ? true : undefined),
      'the retry',
    );
    expect(received('story.submitted', story.body.id)[3]?.headers['webhook-id']).toBe(
      attempts[0]?.headers['webhook-id'],
    );
    expect(receiver.received.at(-1)?.verdict).toBe('replayed');
  });

  it('a 410 unsubscribes the webhook', async () => {
    const created = await register(['story.submitted']);
    receiver.answers.push({ status: 410 });
    const story = await api.post<StoryDto>('/api/stories', draft('Gone for good'), {
      user: employee,
    });
    await until(() => received('story.submitted', story.body.id)[0], 'the delivery');
    let ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids = (await api.get<WebhooksDto>('/api/webhooks', { user: admin })).body.items.map(
        (w) => w.id,
      );
      if (!ids.includes(created.body.id)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(ids).not.toContain(created.body.id);
    // Nothing more is sent to it.
    const next = await api.post<StoryDto>('/api/stories', draft('After the goodbye'), {
      user: employee,
    });
    await app.server.relay.sweep();
    expect(received('story.submitted', next.body.id)).toEqual([]);
  });

  it('sends nothing to a paused webhook; votes reach a webhook that wants them', async () => {
    const created = await register(['story.published', 'vote.cast']);
    const paused = await api.call<{ paused: boolean }>(
      'PATCH',
      `/api/webhooks/${created.body.id}`,
      { body: { paused: true }, user: admin },
    );
    expect(paused.body.paused).toBe(true);
    const story = await api.post<StoryDto>('/api/stories', draft('Paused meanwhile'), {
      user: employee,
    });
    await api.post(
      `/api/stories/${story.body.id}/decision`,
      { decision: 'approve' },
      {
        user: manager,
      },
    );
    await app.server.relay.sweep();
    expect(received('story.published', story.body.id)).toEqual([]);

    await api.call('PATCH', `/api/webhooks/${created.body.id}`, {
      body: { paused: false },
      user: admin,
    });
    expect(
      (await api.post(`/api/stories/${story.body.id}/vote`, undefined, { user: admin })).status,
    ).toBe(200);
    const vote = await until(() => received('vote.cast', story.body.id)[0], 'the vote');
    expect(vote.verdict).toBe('ok');
    expect((JSON.parse(vote.body) as WebhookPayloadDto).data.story.voteCount).toBe(1);
  });

  it('checks who manages webhooks and what they send', async () => {
    expect((await register(['story.published'], employee)).status).toBe(403);
    const bad = await api.post<ApiErrorBody>(
      '/api/webhooks',
      { url: 'ftp://hooks.example.com', events: [] },
      { user: admin },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['events', 'url']);
    const unknown = await api.post<ApiErrorBody>(
      '/api/webhooks',
      { url, events: ['story.deleted'] },
      { user: admin },
    );
    expect(unknown.status).toBe(400);
    expect(
      (await api.call('DELETE', '/api/webhooks/wh_0000000000000000', { user: admin })).status,
    ).toBe(404);
    expect((await api.call('DELETE', '/api/webhooks/nope', { user: admin })).status).toBe(400);
  });

  it('an API key with webhooks:manage subscribes and unsubscribes, as Power Automate does', async () => {
    const key = await api.post<NewApiKeyDto>(
      '/api/keys',
      { name: 'Power Automate', scopes: ['webhooks:manage'] },
      { user: admin },
    );
    const asKey = (method: string, path: string, body?: unknown) =>
      api.call<NewWebhookDto & ApiErrorBody>(method, path, {
        headers: { authorization: `Bearer ${key.body.key}` },
        ...(body !== undefined ? { body } : {}),
      });
    const created = await asKey('POST', '/api/webhooks', { url, events: ['story.published'] });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location') ?? '');
    expect((await asKey('GET', '/api/webhooks')).status).toBe(403);
    expect((await asKey('DELETE', location.pathname)).status).toBe(204);

    const reader = await api.post<NewApiKeyDto>(
      '/api/keys',
      { name: 'Reader', scopes: ['stories:read'] },
      { user: admin },
    );
    const refused = await api.call('POST', '/api/webhooks', {
      headers: { authorization: `Bearer ${reader.body.key}` },
      body: { url, events: ['story.published'] },
    });
    expect(refused.status).toBe(403);
  });
});

describe('webhook addresses outside local mode', () => {
  const tenant = '11111111-1111-4111-8111-111111111111';
  const clientId = '22222222-2222-4222-8222-222222222222';
  const adminId = '55555555-5555-4555-8555-555555555555';
  let app: TestApp;
  let issuer: EntraIssuer;
  beforeAll(async () => {
    issuer = await startEntraIssuer(tenant, clientId);
    app = await startTestApp({
      connectionString: inject('azurite').connectionString,
      seed: false,
      env: { ...entraEnv(issuer, tenant, clientId), ADMIN_USER_IDS: adminId },
      transport: 'inject',
    });
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  it('refuses http, loopback, private, link-local and metadata addresses', async () => {
    const api = app.client({ token: await issuer.token({ oid: adminId }) });
    for (const target of [
      'http://127.0.0.1/hook',
      'https://127.0.0.1/hook',
      'https://10.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://localhost/hook',
      'http://hooks.example.com/hook',
    ]) {
      const refused = await api.post<ApiErrorBody>('/api/webhooks', {
        url: target,
        events: ['story.published'],
      });
      expect(refused.status, target).toBe(400);
      expect(refused.body.error.fields, target).toHaveProperty('url');
    }
    const allowed = await api.post<NewWebhookDto>('/api/webhooks', {
      url: 'https://hooks.example.com/story-wall',
      events: ['story.published'],
    });
    expect(allowed.status).toBe(201);
  });
});

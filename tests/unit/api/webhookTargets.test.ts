import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { lookup } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWebhookSender,
  LOCAL_TARGETS,
  parseRetryAfter,
  RefusedTarget,
  refusedAddress,
  refusedUrl,
  STRICT_TARGETS,
} from '../../../src/api/webhookTargets.js';

/**
 * Where webhooks may go (docs/SECURITY.md): outside local mode only https to public addresses —
 * judged on the URL when registered, and on what the name resolves to when delivered.
 */

/** A resolver that answers `addresses` for every name, as `dns.lookup` with `all` does. */
function resolvingTo(...addresses: string[]): typeof lookup {
  const answer = addresses.map((address) => ({
    address,
    family: address.includes(':') ? 6 : 4,
  }));
  return ((_name: string, _options: unknown, callback: (...args: unknown[]) => void) => {
    callback(null, answer);
  }) as unknown as typeof lookup;
}

describe('refusedUrl', () => {
  it('refuses loopback, private, link-local and metadata addresses and http outside local mode', () => {
    for (const url of [
      'http://127.0.0.1/hook',
      'https://127.0.0.1/hook',
      'https://10.0.0.1/hook',
      'https://192.168.1.20/hook',
      'https://172.16.5.4/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[fe80::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
      'https://0.0.0.0/hook',
      'https://100.64.0.1/hook',
      'https://168.63.129.16/hook',
      // Another spelling of 127.0.0.1: the URL parser writes it out, and it is refused.
      'https://2130706433/hook',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'http://hooks.example.com/hook',
      'ftp://hooks.example.com/hook',
    ]) {
      expect(refusedUrl(url, STRICT_TARGETS), url).not.toBeNull();
    }
    expect(refusedUrl('https://hooks.example.com/in', STRICT_TARGETS)).toBeNull();
    expect(refusedUrl('https://20.50.2.1/in', STRICT_TARGETS)).toBeNull();
  });

  it('allows http and this machine in local mode', () => {
    expect(refusedUrl('http://127.0.0.1:3978/hook', LOCAL_TARGETS)).toBeNull();
    expect(refusedUrl('http://localhost/hook', LOCAL_TARGETS)).toBeNull();
    expect(refusedUrl('ftp://localhost/hook', LOCAL_TARGETS)).not.toBeNull();
  });
});

describe('refusedAddress', () => {
  it('allows public unicast only', () => {
    expect(refusedAddress('20.50.2.1')).toBeNull();
    expect(refusedAddress('2603:1030::1')).toBeNull();
    expect(refusedAddress('10.1.2.3')).toMatch(/private/);
    expect(refusedAddress('::1')).toMatch(/loopback/);
    expect(refusedAddress('169.254.169.254')).toMatch(/linkLocal/);
    expect(refusedAddress('::ffff:192.168.0.1')).toMatch(/private/);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-10-01T08:00:00Z');
  it('reads seconds and HTTP dates, and caps them', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Oct 2026 08:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('999999', now)).toBe(6 * 60 * 60 * 1000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('createWebhookSender', () => {
  let received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(503, { 'retry-after': '7' }).end();
    });
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses, outside local mode, a name that resolves to a private address', async () => {
    const send = createWebhookSender({
      policy: STRICT_TARGETS,
      resolve: resolvingTo('10.0.0.7'),
    });
    await expect(send('https://crm.example.test/hook', {}, '{}')).rejects.toBeInstanceOf(
      RefusedTarget,
    );
    await expect(send('https://crm.example.test/hook', {}, '{}')).rejects.toThrow(
      'crm.example.test resolves to 10.0.0.7',
    );
  });

  it('refuses a name when any address it resolves to is private', async () => {
    const send = createWebhookSender({
      policy: STRICT_TARGETS,
      resolve: resolvingTo('20.50.2.1', '127.0.0.1'),
    });
    await expect(send('https://crm.example.test/hook', {}, '{}')).rejects.toBeInstanceOf(
      RefusedTarget,
    );
  });

  it('refuses an address written in the URL before connecting', async () => {
    const send = createWebhookSender({ policy: STRICT_TARGETS });
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      `https://127.0.0.1:${port}/hook`,
      'https://10.0.0.1/hook',
      'https://169.254.169.254/hook',
      `https://[::1]:${port}/hook`,
    ]) {
      await expect(send(url, {}, '{}'), url).rejects.toBeInstanceOf(RefusedTarget);
    }
    expect(received).toEqual([]);
  });

  it('connects to the address it checked, and reads the status and Retry-After', async () => {
    received = [];
    // In local mode a name resolving to this machine is allowed.
    const send = createWebhookSender({
      policy: LOCAL_TARGETS,
      resolve: resolvingTo('127.0.0.1'),
    });
    const result = await send(
      `http://receiver.example.test:${port}/hook`,
      { 'webhook-id': 'msg_1' },
      '{"a":1}',
    );
    expect(result).toEqual({ status: 503, retryAfterMs: 7000 });
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toBe('{"a":1}');
    expect(received[0]?.headers).toMatchObject({
      'webhook-id': 'msg_1',
      'content-type': 'application/json',
      host: `receiver.example.test:${port}`,
    });
  });
});

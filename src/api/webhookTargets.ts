import { lookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may be sent. Outside local mode only https, and only to public unicast
 * addresses: never loopback, private, link-local (the cloud metadata service at
 * 169.254.169.254), unique-local, carrier-grade NAT, multicast or reserved ranges. Local mode
 * allows http and loopback, so a developer's receiver on the same machine works.
 */
export interface TargetPolicy {
  readonly httpsOnly: boolean;
  readonly allowPrivate: boolean;
}

export const STRICT_TARGETS: TargetPolicy = { httpsOnly: true, allowPrivate: false };
export const LOCAL_TARGETS: TargetPolicy = { httpsOnly: false, allowPrivate: true };

/** Azure's platform address (DNS, health probes, the wire server): public, yet not a customer's. */
const PLATFORM_ADDRESSES = new Set(['168.63.129.16']);
/** How long one delivery may take, connection included. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** The longest `Retry-After` honoured; a longer one is capped (the outbox backs off anyway). */
const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/** The address may not be sent to: the delivery is refused, not retried. */
export class RefusedTarget extends Error {
  override readonly name = 'RefusedTarget';
  readonly permanent = true;
}

/** Why an IP address may not be sent to, or null when it may. */
export function refusedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'it is not an IP address';
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== 'unicast') return `it is a ${range} address`;
  if (PLATFORM_ADDRESSES.has(parsed.toString())) return 'it is an address of the cloud platform';
  return null;
}

/**
 * Why `url` may not be a webhook's address under `policy`, or null when it may — as far as can
 * be told before resolving its name: the scheme, and an address written in the URL. A name is
 * judged again on every delivery by what it resolves to (`sendWebhook`).
 */
export function refusedUrl(url: string, policy: TargetPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not a valid address.';
  }
  if (parsed.protocol !== 'https:' && (policy.httpsOnly || parsed.protocol !== 'http:')) {
    return policy.httpsOnly ? 'Use an https address.' : 'Use an http or https address.';
  }
  if (policy.allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(host)) {
    const why = refusedAddress(host);
    return why ? `Webhooks cannot be sent to ${host}: ${why}.` : null;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return `Webhooks cannot be sent to ${host}: it is a loopback name.`;
  }
  return null;
}

/** What the endpoint answered. */
export interface SendResult {
  readonly status: number;
  /** From a `Retry-After` header (seconds or an HTTP date), capped at six hours. */
  readonly retryAfterMs?: number;
}

export interface SendOptions {
  readonly policy: TargetPolicy;
  readonly timeoutMs?: number;
  /** Name resolution; the system's by default. */
  readonly resolve?: typeof lookup;
  readonly now?: () => Date;
}

/** Sends one signed delivery; see `sendWebhook`. */
export type WebhookSend = (
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
) => Promise<SendResult>;

/**
 * POSTs a JSON body to `url` and answers the status (redirects are not followed: a redirect to
 * an internal address would undo the checks). The address is checked where the connection is
 * made: a name is resolved here and every address it resolves to must be allowed, so a name that
 * points at a private address — or is changed to after its registration — is refused
 * (`RefusedTarget`), and the connection goes to the address that was checked.
 */
export function createWebhookSender(options: SendOptions): WebhookSend {
  const resolve = options.resolve ?? lookup;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());

  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const all: LookupAllOptions = { ...lookupOptions, all: true };
    resolve(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      if (!options.policy.allowPrivate) {
        for (const { address } of addresses) {
          const why = refusedAddress(address);
          if (why) {
            return callback(
              new RefusedTarget(`${hostname} resolves to ${address}: ${why}.`),
              '',
              4,
            );
          }
        }
      }
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address.`), '', 4);
      // Node asks for every address when it tries both families (autoSelectFamily).
      if (lookupOptions.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };

  return async (url, headers, body) => {
    const refused = refusedUrl(url, options.policy);
    if (refused) throw new RefusedTarget(refused);
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    return new Promise<SendResult>((resolveResult, reject) => {
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'StoryWall-Webhooks/1',
          },
          lookup: guardedLookup,
          timeout: timeoutMs,
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          // The body is not needed: only the status and Retry-After decide.
          response.resume();
          const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
          resolveResult({
            status: response.statusCode ?? 0,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`No answer in ${timeoutMs} ms.`)));
      request.on('error', reject);
      request.end(body);
    });
  };
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; capped. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

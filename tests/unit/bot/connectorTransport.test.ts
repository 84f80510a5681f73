import { describe, expect, it } from 'vitest';
import { ConnectorThrottledError, retryAfterMsOf } from '../../../src/bot/connectorTransport.js';
import { asOutboxFailure } from '../../../src/bot/proactive.js';
import { PermanentFailure } from '../../../src/domain/index.js';

describe('retryAfterMsOf', () => {
  it('reads seconds and HTTP dates, and defaults to 0', () => {
    expect(retryAfterMsOf('7')).toBe(7000);
    expect(retryAfterMsOf('0.5')).toBe(500);
    const now = Date.parse('2026-11-02T09:00:00Z');
    expect(retryAfterMsOf('Mon, 02 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMsOf(undefined)).toBe(0);
    expect(retryAfterMsOf('soon')).toBe(0);
  });
});

describe('asOutboxFailure', () => {
  it('passes the transport’s throttling error and other errors through', () => {
    const throttled = new ConnectorThrottledError(3000);
    expect(asOutboxFailure(throttled)).toBe(throttled);
    const other = new Error('boom');
    expect(asOutboxFailure(other)).toBe(other);
  });

  it('turns an Azure RestError-like 429 into an error with retryAfterMs', () => {
    const restError = Object.assign(new Error('Too many requests'), {
      statusCode: 429,
      response: { headers: new Map([['retry-after', '12']]) },
    });
    expect(asOutboxFailure(restError)).toMatchObject({ statusCode: 429, retryAfterMs: 12_000 });
  });

  it.each([400, 403, 404, 410, 413])(
    'marks a connector %i as permanent, so the outbox stops retrying it',
    (statusCode) => {
      const refused = Object.assign(new Error('Refused'), { statusCode });
      const failure = asOutboxFailure(refused);
      expect(failure).toBeInstanceOf(PermanentFailure);
      expect(failure).toMatchObject({ permanent: true, cause: refused });
      expect((failure as Error).message).toContain(String(statusCode));
    },
  );

  it.each([401, 408, 409, 412, 500, 502, 503])(
    'leaves a connector %i to be retried',
    (statusCode) => {
      const transient = Object.assign(new Error('Try again'), { statusCode });
      expect(asOutboxFailure(transient)).toBe(transient);
    },
  );
});

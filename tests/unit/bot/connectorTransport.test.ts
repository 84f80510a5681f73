import { describe, expect, it } from 'vitest';
import { ConnectorThrottledError, retryAfterMsOf } from '../../../src/bot/connectorTransport.js';
import { withRetryAfter } from '../../../src/bot/proactive.js';

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

describe('withRetryAfter', () => {
  it('passes the transport’s throttling error and other errors through', () => {
    const throttled = new ConnectorThrottledError(3000);
    expect(withRetryAfter(throttled)).toBe(throttled);
    const other = new Error('boom');
    expect(withRetryAfter(other)).toBe(other);
  });

  it('turns an Azure RestError-like 429 into an error with retryAfterMs', () => {
    const restError = Object.assign(new Error('Too many requests'), {
      statusCode: 429,
      response: { headers: new Map([['retry-after', '12']]) },
    });
    expect(withRetryAfter(restError)).toMatchObject({ statusCode: 429, retryAfterMs: 12_000 });
  });
});

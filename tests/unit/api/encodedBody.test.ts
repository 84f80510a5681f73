import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeJson, matchesTag, negotiateCoding } from '../../../src/api/encodedBody.js';

describe('negotiateCoding', () => {
  it('prefers brotli, then gzip, then identity, as the reader accepts them', () => {
    expect(negotiateCoding(undefined)).toBe('identity');
    expect(negotiateCoding('')).toBe('identity');
    expect(negotiateCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateCoding('gzip, deflate')).toBe('gzip');
    expect(negotiateCoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateCoding('BR ; Q=0.9, GZIP;q=1')).toBe('gzip');
    expect(negotiateCoding('deflate')).toBe('identity');
    expect(negotiateCoding('identity')).toBe('identity');
    expect(negotiateCoding('*')).toBe('br');
    expect(negotiateCoding('*;q=0, gzip')).toBe('gzip');
    expect(negotiateCoding('br;q=nonsense, gzip')).toBe('gzip');
  });

  it('answers the same for a header asked again, among many others, as the first time', () => {
    // Headers seen are remembered (a browser repeats one on every request): a remembered answer
    // must stay the header's own, even once more headers came than are kept.
    const headers = ['gzip, deflate, br, zstd', 'gzip', 'br;q=0, gzip', 'deflate', '*;q=0'];
    const expected = ['br', 'gzip', 'gzip', 'identity', 'identity'];
    for (let round = 0; round < 3; round++) {
      headers.forEach((header, i) => expect(negotiateCoding(header)).toBe(expected[i]));
      for (let i = 0; i < 100; i++) {
        expect(negotiateCoding(`gzip;q=0.${i % 10}, x-${round}-${i}`)).toBe(
          i % 10 === 0 ? 'identity' : 'gzip',
        );
      }
    }
    const long = `${'x-long;q=0.5, '.repeat(40)}gzip`;
    expect(negotiateCoding(long)).toBe('gzip');
    expect(negotiateCoding(long)).toBe('gzip');
  });

  it('takes linear time on a long hostile header', () => {
    const header = `${'br;q=0;'.repeat(20_000)}, ${',;='.repeat(20_000)}`;
    const started = performance.now();
    expect(negotiateCoding(header)).toBe('identity');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('matchesTag', () => {
  it('compares weakly: any coding of the same content, W/ or not, in a list, or *', () => {
    expect(matchesTag('"abc"', 'abc')).toBe(true);
    expect(matchesTag('"abc.br"', 'abc')).toBe(true);
    expect(matchesTag('W/"abc.gz"', 'abc')).toBe(true);
    expect(matchesTag('"x", "abc"', 'abc')).toBe(true);
    expect(matchesTag('*', 'abc')).toBe(true);
    expect(matchesTag(undefined, 'abc')).toBe(false);
    expect(matchesTag('"abcd"', 'abc')).toBe(false);
    expect(matchesTag('abc', 'abc')).toBe(false);
    expect(matchesTag('"abc.zz"', 'abc')).toBe(false);
  });
});

describe('encodeJson', () => {
  it('keeps one serialization, its hash, and each coding made once', async () => {
    const value = {
      items: Array.from({ length: 50 }, (_, i) => ({ id: i, text: 'word '.repeat(20) })),
    };
    const body = encodeJson(value);
    expect(JSON.parse(body.identity.toString('utf8'))).toEqual(value);
    expect(body.hash).toBe(encodeJson(value).hash);
    expect(body.hash).not.toBe(encodeJson({ ...value, more: 1 }).hash);
    const [br, again] = [body.encoded('br'), body.encoded('br')];
    expect(br).toBe(again);
    expect(brotliDecompressSync(await br).equals(body.identity)).toBe(true);
    expect(gunzipSync(await body.encoded('gzip')).equals(body.identity)).toBe(true);
    expect((await br).length).toBeLessThan(body.identity.length / 5);
  });
});

import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The content codings an answer is kept in besides `identity`, in order of preference. */
export const CODINGS = ['br', 'gzip'] as const;
export type Coding = (typeof CODINGS)[number] | 'identity';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Brotli at 6 and gzip at 9. A shared body is made again whenever it changes (a vote on the wall's
 * first page), and the first reader after the change waits for it, so its cost counts as much as
 * its size. Measured on a wall page of 21 KB (Node 20.20, brotli 1.1.0): quality 6 takes 0.5 ms
 * for 6,333 bytes, 8 takes 1.4 ms for 6,321, 9 takes 55 ms for 6,313 (brotli's quality 9 is
 * pathologically slow on such small inputs), 11 takes 22 ms for 5,566. Gzip at 9 takes about
 * 1.5 ms on a page of 50 KB.
 */
const COMPRESS: Record<Exclude<Coding, 'identity'>, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    brotli(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_QUALITY]: 6,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => gzipped(body, { level: 9 }),
};

/** Suffixes of the entity tags of the compressed forms (`"<hash>.br"`, `"<hash>.gz"`). */
const TAG_SUFFIX: Record<Coding, string> = { identity: '', br: '.br', gzip: '.gz' };

/**
 * A JSON answer serialized once and kept in each content coding, for answers many readers share
 * (docs/adr/0010). Its strong entity tag is a hash of the JSON; each coding is a representation
 * of its own, so its tag carries a suffix (RFC 9110 §8.8.3). Compressed forms are made on first
 * use, off the event loop, and reused.
 */
export interface EncodedBody {
  /** The hash of the JSON, the entity tag's part common to every coding. */
  readonly hash: string;
  readonly identity: Buffer;
  /** The body in `coding`, made once (concurrent askers share the one compression). */
  encoded(coding: Exclude<Coding, 'identity'>): Promise<Buffer>;
  /** The body in `coding` once `encoded` has made it; undefined until then. */
  encodedNow(coding: Exclude<Coding, 'identity'>): Buffer | undefined;
  /** The entity tag of the representation in `coding` (`"<hash>.br"`), made once. */
  tag(coding: Coding): string;
}

/** Serializes `value` once; see `EncodedBody`. */
export function encodeJson(value: unknown): EncodedBody {
  const identity = Buffer.from(JSON.stringify(value), 'utf8');
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  const made = new Map<Coding, Promise<Buffer>>();
  const ready = new Map<Coding, Buffer>();
  const tags: Record<Coding, string> = {
    identity: `"${hash}"`,
    br: `"${hash}${TAG_SUFFIX.br}"`,
    gzip: `"${hash}${TAG_SUFFIX.gzip}"`,
  };
  return {
    hash,
    identity,
    encoded(coding) {
      let body = made.get(coding);
      if (!body) {
        body = COMPRESS[coding](identity);
        made.set(coding, body);
        body.then(
          (bytes) => ready.set(coding, bytes),
          // A failed compression is not kept: the next reader tries again.
          () => made.delete(coding),
        );
      }
      return body;
    },
    encodedNow: (coding) => ready.get(coding),
    tag: (coding) => tags[coding],
  };
}

/**
 * The coding to answer in for an `Accept-Encoding` header: brotli, else gzip, else identity
 * (RFC 9110 §12.5.3: `q=0` refuses a coding, `*` stands for any not named, no header means any
 * coding is acceptable but identity is the safe answer). Plain splitting, no regular expression:
 * the header is the caller's text.
 */
export function negotiateCoding(header: string | undefined): Coding {
  if (header === undefined) return 'identity';
  const known = negotiated.get(header);
  if (known !== undefined) return known;
  const coding = parseAcceptEncoding(header);
  if (header.length <= NEGOTIATED_HEADER_MAX) {
    if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
    negotiated.set(header, coding);
  }
  return coding;
}

/**
 * The codings of `Accept-Encoding` values seen, so the header every request of one browser
 * repeats is parsed once: a few dozen short values at most (browsers send a handful), anything
 * longer is parsed every time and never kept.
 */
const negotiated = new Map<string, Coding>();
const NEGOTIATED_MAX = 64;
const NEGOTIATED_HEADER_MAX = 256;

function parseAcceptEncoding(header: string): Coding {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';');
    let weight = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key?.trim().toLowerCase() === 'q') weight = Number(value?.trim());
    }
    const coding = name.trim().toLowerCase();
    if (coding !== '' && Number.isFinite(weight)) weights.set(coding, weight);
  }
  const any = weights.get('*');
  const weightOf = (coding: string) => weights.get(coding) ?? any ?? 0;
  let best: Coding = 'identity';
  let bestWeight = 0;
  for (const coding of CODINGS) {
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Whether an `If-None-Match` header names the body's current content (weak comparison, as RFC
 * 9110 §13.1.2 asks for this header, so `W/` and the coding's suffix are set aside: a reader
 * holding the gzip form may keep it when brotli would be sent now).
 */
export function matchesTag(header: string | undefined, hash: string): boolean {
  if (header === undefined) return false;
  for (const part of header.split(',')) {
    let tag = part.trim();
    if (tag === '*') return true;
    if (tag.startsWith('W/')) tag = tag.slice(2);
    if (tag.length < 2 || !tag.startsWith('"') || !tag.endsWith('"')) continue;
    tag = tag.slice(1, -1);
    for (const suffix of Object.values(TAG_SUFFIX)) {
      if (suffix !== '' && tag.endsWith(suffix)) {
        tag = tag.slice(0, -suffix.length);
        break;
      }
    }
    if (tag === hash) return true;
  }
  return false;
}

/**
 * Answers with `body` as the request's `Accept-Encoding` and `If-None-Match` ask: 304 with no
 * body when the reader holds the current content, else the bytes in the negotiated coding. The
 * answer is private (it depends on who signed in) and checked with the server before every reuse.
 * Sent at once when the bytes in that coding are made already (every answer but the first of a
 * body), so a warm answer waits for nothing.
 */
export function sendEncoded(
  request: FastifyRequest,
  reply: FastifyReply,
  body: EncodedBody,
): FastifyReply | Promise<FastifyReply> {
  const coding = negotiateCoding(request.headers['accept-encoding']);
  reply
    .header('etag', body.tag(coding))
    .header('cache-control', 'private, no-cache')
    .header('vary', 'Accept-Encoding');
  const asked = request.headers['if-none-match'];
  if (asked !== undefined && matchesTag(asked, body.hash)) return reply.status(304).send();
  reply.type('application/json; charset=utf-8');
  if (coding === 'identity') return reply.send(body.identity);
  reply.header('content-encoding', coding);
  const bytes = body.encodedNow(coding);
  if (bytes) return reply.send(bytes);
  return body.encoded(coding).then((made) => reply.send(made));
}

import { request } from 'node:http';
import { BENCH_FLOOR_ROUTE } from '../../src/api/httpApp.js';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import { DEV_USER_HEADER } from '../../src/shared/dto.js';
import type { AppProcess } from './appProcess.js';
import { load, type LoadResult } from './load.js';
import { cpuMicros } from './processes.js';
import { round as roundTo } from './stats.js';

/** Rounds of each side under load; the seconds given are split among them. */
const ROUNDS = 4;

/** Rounds of one route as one run: mean req/s, the slowest round's percentiles, the peak. */
function combined(rounds: readonly LoadResult[]): LoadResult {
  const first = rounds[0];
  if (!first) throw new Error('no load rounds');
  return {
    path: first.path,
    rps: roundTo(rounds.reduce((sum, r) => sum + r.rps, 0) / rounds.length, 1),
    latencyP50Ms: Math.max(...rounds.map((r) => r.latencyP50Ms)),
    latencyP99Ms: Math.max(...rounds.map((r) => r.latencyP99Ms)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    rssMbPeak: Math.max(...rounds.map((r) => r.rssMbPeak)),
  };
}

export { BENCH_FLOOR_ROUTE };

/** The wall's first page, as the tab asks for it. */
export const FIRST_PAGE = '/api/stories?limit=30';

/**
 * What the tab sends with every API call in a browser: JSON asked for, Chromium's
 * Accept-Encoding, and the person picked in local mode (in Teams a bearer token instead).
 */
export const TAB_HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br, zstd',
  [DEV_USER_HEADER]: DEMO_USER_IDS.employee,
};

export interface WallWire {
  /** Bytes of the first page's body on the wire, in the coding the tab gets. */
  readonly bytesFirstPage: number;
  readonly coding: string;
  /** The same page uncompressed. */
  readonly identityBytes: number;
  /** Whether sending back its entity tag got a 304 with no body. */
  readonly notModified: boolean;
  /** The wall under autocannon with the tab's headers (rounds interleaved with the floor's). */
  readonly wallLoad: LoadResult;
  /** The bare route of the same server sending the same bytes, with the same headers. */
  readonly floorLoad: LoadResult;
  /** Wall req/s ÷ the floor's. */
  readonly rpsRatioBytesFloor: number;
  /**
   * The app process's CPU time per answer over the same rounds (µs; everything the process did
   * meanwhile, divided by the answers): what each answer costs, whatever else the machine runs.
   */
  readonly cpuUsPerAnswer: { readonly wall: number; readonly floor: number };
  /** The floor's CPU per answer ÷ the wall's: the throughput ratio the app alone would allow. */
  readonly cpuRatioBytesFloor: number;
}

/** Status, headers and the raw (still encoded) body of one GET. */
function getRaw(
  url: string,
  headers: Record<string, string>,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The wall's first page on the wire: its size in the tab's coding and uncompressed, whether its
 * tag gets a 304; then autocannon on it and on the floor route, in interleaved rounds, with the
 * tab's headers.
 */
export async function measureWallWire(
  app: AppProcess,
  seconds: number,
  connections: number,
): Promise<WallWire> {
  const url = `${app.url}${FIRST_PAGE}`;
  const encoded = await getRaw(url, { ...TAB_HEADERS });
  const identity = await getRaw(url, { ...TAB_HEADERS, 'accept-encoding': 'identity' });
  const etag = encoded.headers['etag'];
  if (encoded.status !== 200 || typeof etag !== 'string') {
    throw new Error(`${FIRST_PAGE}: ${encoded.status}, etag ${String(etag)}`);
  }
  const again = await getRaw(url, { ...TAB_HEADERS, 'if-none-match': etag });
  // Interleaved rounds, the order alternating, so drift of a shared machine hits both alike.
  const wallRounds: LoadResult[] = [];
  const floorRounds: LoadResult[] = [];
  const cpu = { wall: 0, floor: 0 };
  const measured = async (side: 'wall' | 'floor', path: string, rounds: LoadResult[]) => {
    const before = cpuMicros(app.pid);
    rounds.push(await load(app, path, round, connections, TAB_HEADERS));
    cpu[side] += cpuMicros(app.pid) - before;
  };
  const round = Math.max(1, seconds / ROUNDS);
  for (let i = 0; i < ROUNDS; i++) {
    const wall = () => measured('wall', FIRST_PAGE, wallRounds);
    const floor = () => measured('floor', BENCH_FLOOR_ROUTE, floorRounds);
    if (i % 2 === 0) {
      await wall();
      await floor();
    } else {
      await floor();
      await wall();
    }
  }
  const wallLoad = combined(wallRounds);
  const floorLoad = combined(floorRounds);
  const wallPer = cpu.wall / wallLoad.requests;
  const floorPer = cpu.floor / floorLoad.requests;
  return {
    bytesFirstPage: encoded.bytes,
    coding: String(encoded.headers['content-encoding'] ?? 'identity'),
    identityBytes: identity.bytes,
    notModified: again.status === 304 && again.bytes === 0,
    wallLoad,
    floorLoad,
    rpsRatioBytesFloor: roundTo(wallLoad.rps / floorLoad.rps, 3),
    cpuUsPerAnswer: { wall: roundTo(wallPer, 1), floor: roundTo(floorPer, 1) },
    cpuRatioBytesFloor: roundTo(floorPer / wallPer, 3),
  };
}

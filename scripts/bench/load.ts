import autocannon from 'autocannon';
import type { AppProcess } from './appProcess.js';

export interface LoadResult {
  readonly path: string;
  /** Mean requests per second over the run (2xx only; errors fail the run). */
  readonly rps: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly requests: number;
  /** Peak resident memory of the app process seen during the run, in MB. */
  readonly rssMbPeak: number;
}

/**
 * Drives `path` with autocannon (keep-alive connections, no pipelining) for `seconds`, sampling
 * the app's resident memory meanwhile. Any error or non-2xx answer fails the benchmark: a fast
 * error is not throughput.
 */
export async function load(
  app: AppProcess,
  path: string,
  seconds: number,
  connections: number,
  headers: Readonly<Record<string, string>> = {},
): Promise<LoadResult> {
  let rssMbPeak = app.memory().rssMb;
  const sampler = setInterval(() => {
    rssMbPeak = Math.max(rssMbPeak, app.memory().rssMb);
  }, 100);
  try {
    const result = await autocannon({
      url: `${app.url}${path}`,
      connections,
      pipelining: 1,
      duration: seconds,
      headers: { ...headers },
    });
    if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) {
      throw new Error(
        `${path}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts`,
      );
    }
    return {
      path,
      rps: Math.round(result.requests.mean * 10) / 10,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      requests: result.requests.total,
      rssMbPeak: Math.round(rssMbPeak),
    };
  } finally {
    clearInterval(sampler);
  }
}

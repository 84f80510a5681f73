import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory (MB) of the Azurite this process started (its child whose command line names
 * azurite), from /proc; 0 where that cannot be read.
 */
export function azuriteRssMb(): number {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('azurite')) continue;
      return Math.round(Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
    }
  } catch {
    // Not Linux, or the process went away: no figure.
  }
  return 0;
}

/**
 * CPU time the process `pid` has used so far, user and system, in microseconds, from
 * /proc/<pid>/stat (clock ticks of 1/100 s, Linux's USER_HZ); NaN where that cannot be read.
 * Unlike throughput it hardly depends on what else the machine runs, so two routes can be
 * compared by their cost per answer on a shared machine.
 */
export function cpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

/**
 * Waits until `read` (a storage read, e.g. through the app's health check) answers within
 * `promptMs` three times in a row, or `maxSeconds` passed; resolves with the seconds waited. The
 * app and Azurite can stay busy for seconds after heavy work (their collectors over heaps of
 * 100,000 stories), and a part that measures the app should not measure that.
 */
export async function storageQuiet(
  read: () => Promise<unknown>,
  { promptMs = 20, maxSeconds = 60 } = {},
): Promise<number> {
  const started = performance.now();
  let prompt = 0;
  while (prompt < 3 && performance.now() - started < maxSeconds * 1000) {
    const before = performance.now();
    try {
      await read();
      prompt = performance.now() - before <= promptMs ? prompt + 1 : 0;
    } catch {
      prompt = 0;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return Math.round((performance.now() - started) / 100) / 10;
}

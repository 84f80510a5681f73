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

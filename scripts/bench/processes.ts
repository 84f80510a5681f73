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

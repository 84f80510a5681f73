import {
  DomainError,
  type DigestDelivery,
  type JobHistory,
  type JobRun,
  type MonthlySummary,
  type PublicationChannel,
  type WeeklyDigest,
} from '../../src/domain/index.js';

/** The history of scheduled jobs in memory: one record per tenant, job and occurrence. */
export function fakeJobHistory(): JobHistory & { runs(): JobRun[] } {
  const rows = new Map<string, { run: JobRun; etag: string }>();
  let version = 0;
  const keyOf = (run: JobRun) => `${run.tenantId}|${run.job}|${run.scheduledFor.getTime()}`;
  return {
    async start(run) {
      if (rows.has(keyOf(run))) return null;
      const etag = String(++version);
      rows.set(keyOf(run), { run, etag });
      return etag;
    },
    async finish(run, etag) {
      const held = rows.get(keyOf(run));
      if (held?.etag !== etag) throw new DomainError('conflict', 'stale run');
      rows.set(keyOf(run), { run, etag: String(++version) });
    },
    async list(tenantId, limit) {
      return [...rows.values()]
        .map((row) => row.run)
        .filter((run) => run.tenantId === tenantId)
        .sort((a, b) => b.scheduledFor.getTime() - a.scheduledFor.getTime())
        .slice(0, limit);
    },
    runs: () => [...rows.values()].map((row) => row.run),
  };
}

/** A delivery that records what it was asked to send; `unreachable` leads are not reached. */
export function recordingDelivery(
  options: { unreachable?: readonly string[]; failChannel?: boolean } = {},
): DigestDelivery & {
  channel: { channel: PublicationChannel; digest: WeeklyDigest }[];
  leads: MonthlySummary[];
} {
  const channel: { channel: PublicationChannel; digest: WeeklyDigest }[] = [];
  const leads: MonthlySummary[] = [];
  return {
    channel,
    leads,
    async toChannel(to, digest) {
      if (options.failChannel) throw new Error('connector down');
      channel.push({ channel: to, digest });
    },
    async toLead(_tenantId, summary) {
      if (options.unreachable?.includes(summary.lead.id)) return false;
      leads.push(summary);
      return true;
    },
  };
}

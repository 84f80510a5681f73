import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { JobHistory, JobOutcome, JobRun, ScheduledJob } from '../domain/ports.js';
import { parseJsonColumn } from './approvalColumn.js';
import { CorruptRowError, date, num, optDate, str, type Row } from './entityFields.js';
import { invertedTime, joinKey, keyPart } from './keys.js';
import { guard, statusOf, toDomainError } from './tableErrors.js';

/**
 * The history of each tenant's scheduled jobs in table `<prefix>schedule` (background work,
 * beside the scheduler's `due` partition and the erasure register): partition `<tenant>|jobs`,
 * RowKey = inverted scheduled time + job, so the history is one partition query, the most
 * recently scheduled first, and each occurrence of a job has exactly one row. `start` creates
 * that row (a second instance meets a 409: the run is another's) and `finish` replaces it on the
 * ETag `start` got; never last-writer-wins.
 */
const JOBS: readonly ScheduledJob[] = ['digest.weekly', 'digest.monthly'];
const OUTCOMES: readonly JobOutcome[] = [
  'running',
  'sent',
  'no_stories',
  'no_channel',
  'unreachable',
  'failed',
];
const titlesSchema = z.array(z.string());

export function createTableJobHistory(client: TableClient): JobHistory {
  const partition = (tenantId: string) => joinKey(keyPart(tenantId, 'tenantId'), 'jobs');
  const entityOf = (run: JobRun) => ({
    partitionKey: partition(run.tenantId),
    rowKey: joinKey(invertedTime(run.scheduledFor), run.job),
    job: run.job,
    scheduledFor: run.scheduledFor,
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    outcome: run.outcome,
    stories: run.stories,
    recipients: run.recipients,
    delivered: run.delivered,
    unreachable: run.unreachable,
    failed: run.failed,
    titles: JSON.stringify(run.titles),
  });

  return {
    async start(run) {
      try {
        const response = await client.createEntity(entityOf(run));
        return response.etag ?? '';
      } catch (error) {
        // Recorded already: this occurrence ran (or is running) elsewhere.
        if (statusOf(error) === 409) return null;
        throw toDomainError(error, 'jobs.start');
      }
    },

    async finish(run, etag) {
      await guard('jobs.finish', () => client.updateEntity(entityOf(run), 'Replace', { etag }));
    },

    async list(tenantId, limit) {
      const filter = odata`PartitionKey eq ${partition(tenantId)}`;
      return guard('jobs.list', async () => {
        const runs: JobRun[] = [];
        const pages = client
          .listEntities<Row>({ queryOptions: { filter } })
          .byPage({ maxPageSize: Math.min(Math.max(limit, 1), 1000) });
        for await (const page of pages) {
          for (const row of page) {
            runs.push(runOf(tenantId, row));
            if (runs.length >= limit) return runs;
          }
        }
        return runs;
      });
    },
  };
}

function runOf(tenantId: string, row: Row): JobRun {
  const job = str(row, 'job');
  const outcome = str(row, 'outcome');
  const knownJob = JOBS.find((known) => known === job);
  const knownOutcome = OUTCOMES.find((known) => known === outcome);
  if (!knownJob || !knownOutcome) throw new CorruptRowError('Unknown job or outcome.');
  const finishedAt = optDate(row, 'finishedAt');
  return {
    tenantId,
    job: knownJob,
    scheduledFor: date(row, 'scheduledFor'),
    startedAt: date(row, 'startedAt'),
    ...(finishedAt ? { finishedAt } : {}),
    outcome: knownOutcome,
    stories: num(row, 'stories'),
    recipients: num(row, 'recipients'),
    delivered: num(row, 'delivered'),
    unreachable: num(row, 'unreachable'),
    failed: num(row, 'failed'),
    titles: parseJsonColumn(str(row, 'titles'), titlesSchema, 'titles') as string[],
  };
}

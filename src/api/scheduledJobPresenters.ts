import type { JobRun, ScheduledJobs } from '../domain/index.js';
import type { ScheduledJobRunDto, ScheduledJobsDto } from '../shared/dto.js';

/** The history of scheduled jobs as the tab's Settings shows it. */
export function presentScheduledJobs(jobs: ScheduledJobs): ScheduledJobsDto {
  return {
    items: jobs.runs.map(presentRun),
    upcoming: jobs.upcoming.map((next) => ({ job: next.job, at: next.at.toISOString() })),
  };
}

function presentRun(run: JobRun): ScheduledJobRunDto {
  return {
    job: run.job,
    scheduledFor: run.scheduledFor.toISOString(),
    startedAt: run.startedAt.toISOString(),
    ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
    outcome: run.outcome,
    stories: run.stories,
    recipients: run.recipients,
    delivered: run.delivered,
    unreachable: run.unreachable,
    failed: run.failed,
    titles: [...run.titles],
  };
}

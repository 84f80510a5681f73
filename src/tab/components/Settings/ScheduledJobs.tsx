import { Badge, useId } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { JobOutcomeDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import { JOB_KEYS, OUTCOME_KEYS, runCounts } from './digestsModel.js';
import { useSettingsStyles } from './Settings.styles.js';
import { Loaded } from '../LoadError/Loaded.js';

const OUTCOME_COLOURS: Record<JobOutcomeDto, 'success' | 'warning' | 'danger' | 'informative'> = {
  running: 'warning',
  sent: 'success',
  no_stories: 'informative',
  no_channel: 'warning',
  unreachable: 'warning',
  failed: 'danger',
};

/**
 * The history of scheduled jobs (`GET /api/scheduled-jobs`): the next run of each digest that
 * is on, then each run, newest first, with its outcome, counts and the weekly digest's stories —
 * what was sent, or in local mode, without a channel, what would have been.
 */
export function ScheduledJobs() {
  const styles = useSettingsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const headingId = useId('settings-jobs');
  const read = useCallback((signal: AbortSignal) => api.scheduledJobs(signal), [api]);
  const { load, reload: retry } = useLoad(read);

  return (
    <div
      className={styles.jobs}
      aria-labelledby={headingId}
      role="group"
      data-testid="scheduled-jobs"
    >
      <h4 id={headingId} className={styles.subHeading}>
        {t('settings.jobs.heading')}
      </h4>
      <p className={styles.note}>{t('settings.jobs.intro')}</p>
      <Loaded
        load={load}
        loading="settings.jobs.loading"
        loadError="settings.jobs.loadError"
        onRetry={retry}
        testIds={{ loading: 'scheduled-jobs-loading', error: 'scheduled-jobs-error' }}
        spinnerSize="small"
      >
        {(value) => (
          <>
            {value.upcoming.map((next) => (
              <p key={next.job} className={styles.note} data-testid="scheduled-jobs-next">
                {t('settings.jobs.next', {
                  job: t(JOB_KEYS[next.job]),
                  date: formatDateTime(next.at, language),
                })}
              </p>
            ))}
            {value.items.length === 0 ? (
              <p className={styles.note} data-testid="scheduled-jobs-empty">
                {t('settings.jobs.empty')}
              </p>
            ) : (
              <ul className={styles.jobList}>
                {value.items.map((run) => {
                  const counts = runCounts(run);
                  return (
                    <li
                      key={`${run.job}|${run.scheduledFor}`}
                      className={styles.job}
                      data-testid="scheduled-job"
                    >
                      <div className={styles.jobHeader}>
                        <span className={styles.grantRole}>{t(JOB_KEYS[run.job])}</span>
                        <Badge
                          appearance="tint"
                          color={OUTCOME_COLOURS[run.outcome]}
                          data-testid="scheduled-job-outcome"
                        >
                          {t(OUTCOME_KEYS[run.outcome])}
                        </Badge>
                      </div>
                      <span className={styles.note}>
                        {t('settings.jobs.scheduledFor', {
                          date: formatDateTime(run.scheduledFor, language),
                        })}
                        {' · '}
                        {t(counts.key, counts.values)}
                      </span>
                      {run.titles.length > 0 ? (
                        <ol className={styles.jobTitles} aria-label={t('settings.jobs.titles')}>
                          {run.titles.map((title, index) => (
                            <li key={index}>{title}</li>
                          ))}
                        </ol>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

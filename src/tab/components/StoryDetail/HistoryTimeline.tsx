import { Caption1, Spinner, mergeClasses, useId } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { HistoryTypeDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { RelativeTime } from '../RelativeTime/RelativeTime.js';
import { timelineOf } from './historyModel.js';
import { useHistoryStyles } from './HistoryTimeline.styles.js';
import { useStoryHistory } from './useStoryHistory.js';

export interface HistoryTimelineProps {
  storyId: string;
  /** Whether the user may have a part in the story's decision; others are not asked. */
  enabled: boolean;
}

type Tone = 'good' | 'bad' | 'warn' | 'neutral';
const TONES: Partial<Record<HistoryTypeDto, Tone>> = {
  approved: 'good',
  published: 'good',
  rejected: 'bad',
  expired: 'bad',
  changes_requested: 'warn',
  escalated: 'warn',
  reminded: 'warn',
};

/**
 * The story's timeline for those with a part in its decision: each event in the order it
 * happened, with who, what, when (relative; exact on hover or focus), where, and its facts.
 */
export function HistoryTimeline({ storyId, enabled }: HistoryTimelineProps) {
  const styles = useHistoryStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const headingId = useId('history-heading');
  const { history, retry } = useStoryHistory(api, storyId, enabled);
  const entries = useMemo(
    () => (history.state === 'ready' ? timelineOf(history.items, t, language) : []),
    [history, t, language],
  );

  if (history.state === 'hidden') return null;

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="story-history">
      <h3 id={headingId} className={styles.heading}>
        {t('history.heading')}
      </h3>
      {history.state === 'loading' ? (
        <Spinner size="small" label={t('history.loading')} data-testid="story-history-loading" />
      ) : history.state === 'error' ? (
        <LoadError
          message="history.error"
          error={history.error}
          onRetry={retry}
          testId="story-history-error"
        />
      ) : entries.length === 0 ? (
        <p className={styles.empty}>{t('history.empty')}</p>
      ) : (
        <ol className={styles.list}>
          {entries.map((entry) => (
            <li
              key={entry.key}
              className={styles.event}
              data-testid="history-event"
              data-type={entry.type}
            >
              <span
                className={mergeClasses(styles.marker, styles[TONES[entry.type] ?? 'neutral'])}
                aria-hidden
              />
              <div className={styles.body}>
                <div className={styles.line}>
                  <span className={styles.title}>{entry.title}</span>
                  {entry.actor ? <span>{t('history.by', { name: entry.actor })}</span> : null}
                </div>
                <Caption1 className={styles.meta}>
                  <RelativeTime at={entry.at} now={history.loadedAt} />
                  <span aria-hidden>·</span>
                  <span>{entry.surface}</span>
                </Caption1>
                {entry.lines.map((line, index) => (
                  <span key={index} className={styles.detail}>
                    {line}
                  </span>
                ))}
                {entry.comment ? (
                  <blockquote className={styles.comment} data-testid="history-comment">
                    {entry.comment}
                  </blockquote>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { Badge, ProgressBar, Subtitle2 } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { LocaleDto } from '../../../shared/dto.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { useT } from '../../hooks/useT.js';
import {
  coachHintLines,
  coachPartLines,
  coachSummary,
  coachView,
  QUALITY_COLORS,
  type StoryCoachTexts,
} from './storyCoachModel.js';
import { useStoryCoachStyles } from './StoryCoach.styles.js';

/** How long typing must pause before the coach reads again: hints do not flicker per key. */
const PAUSE_MS = 600;

const VERDICT_COLORS = { missing: 'danger', needsWork: 'warning', good: 'success' } as const;

export interface StoryCoachProps extends StoryCoachTexts {
  /** The language the story is written in (the form sends it as the story's locale). */
  locale: LocaleDto;
}

/**
 * "Story coach": reads the draft once typing pauses and shows its quality and what would make
 * it teach, each hint naming its part. Advice only: the form sends whatever the coach says.
 */
export function StoryCoach({ title, situation, action, outcome, lesson, locale }: StoryCoachProps) {
  const styles = useStoryCoachStyles();
  const t = useT();
  const headingId = useId();
  const texts = useMemo(
    () => ({ title, situation, action, outcome, lesson }),
    [title, situation, action, outcome, lesson],
  );
  const settled = useDebouncedValue(texts, PAUSE_MS);
  const view = useMemo(() => coachView(settled, locale), [settled, locale]);
  const summary = view.state === 'coached' ? coachSummary(view.coaching, t) : t('coach.empty');

  return (
    <section aria-labelledby={headingId} className={styles.panel} data-testid="story-coach">
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('coach.heading')}
      </Subtitle2>
      <p className={styles.intro}>{t('coach.intro')}</p>
      {view.state === 'coached' ? (
        <div className={styles.quality}>
          <Badge
            appearance="filled"
            shape="rounded"
            color={QUALITY_COLORS[view.coaching.quality].badge}
            data-testid="story-coach-quality"
            data-quality={view.coaching.quality}
          >
            {t(`coach.quality.${view.coaching.quality}`)}
          </Badge>
          <ProgressBar
            className={styles.bar}
            thickness="large"
            max={100}
            value={view.coaching.score}
            color={QUALITY_COLORS[view.coaching.quality].bar}
            aria-label={t('coach.qualityLabel')}
            aria-valuetext={summary}
          />
        </div>
      ) : null}
      {/* Always in the page, so screen readers hear each new reading once typing pauses. */}
      <p className={styles.summary} aria-live="polite" data-testid="story-coach-summary">
        {summary}
      </p>
      {view.state === 'coached' ? (
        <>
          <ul className={styles.parts} aria-label={t('coach.parts')}>
            {coachPartLines(view.coaching, t).map((line) => (
              <li key={line.part}>
                <Badge
                  appearance="tint"
                  shape="rounded"
                  color={VERDICT_COLORS[line.verdict]}
                  data-testid="story-coach-part"
                  data-part={line.part}
                  data-verdict={line.verdict}
                >
                  {line.text}
                </Badge>
              </li>
            ))}
          </ul>
          {view.coaching.hints.length > 0 ? (
            <ul
              className={styles.hints}
              aria-label={t('coach.suggestions')}
              data-testid="story-coach-hints"
            >
              {coachHintLines(view.coaching.hints, t).map((line) => (
                <li
                  key={line.key}
                  data-testid="story-coach-hint"
                  data-field={line.field}
                  data-code={line.code}
                >
                  {line.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.intro} data-testid="story-coach-all-good">
              {t('coach.allGood')}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}

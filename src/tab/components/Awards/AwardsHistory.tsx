import { Body1, Caption1, Spinner, Subtitle2, useId } from '@fluentui/react-components';
import type { AwardDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatMonth, personName } from '../../format.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { useAwardsStyles } from './Awards.styles.js';
import type { AwardsState } from './useAwards.js';

export interface AwardsHistoryProps {
  state: AwardsState;
  retry: () => void;
}

/** Every story of the month so far, newest month first: month, title, author and citation. */
export function AwardsHistory({ state, retry }: AwardsHistoryProps) {
  const styles = useAwardsStyles();
  const t = useT();
  const headingId = useId('awards-history-heading');

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="awards-history">
      <h3 id={headingId} className={styles.sectionHeading}>
        {t('awards.historyHeading')}
      </h3>
      {state.status === 'loading' ? (
        <Spinner label={t('awards.historyLoading')} data-testid="awards-history-loading" />
      ) : state.status === 'error' ? (
        <LoadError
          message="awards.historyError"
          error={state.error}
          onRetry={retry}
          testId="awards-history-error"
        />
      ) : state.items.length === 0 ? (
        <div className={styles.empty} data-testid="awards-history-empty">
          <Subtitle2 as="p" className={styles.emptyText}>
            {t('awards.historyEmpty')}
          </Subtitle2>
          <Body1 as="p" className={styles.emptyText}>
            {t('awards.historyEmptyHint')}
          </Body1>
        </div>
      ) : (
        <ol className={styles.list} aria-labelledby={headingId}>
          {state.items.map((award) => (
            <HistoryItem key={award.month} award={award} />
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryItem({ award }: { award: AwardDto }) {
  const styles = useAwardsStyles();
  const t = useT();
  const { language } = useAppContext();
  return (
    <li
      className={styles.item}
      data-testid="award-item"
      data-month={award.month}
      data-story-id={award.story.id}
    >
      <Caption1 className={styles.month} data-testid="award-item-month">
        {formatMonth(award.month, language)}
      </Caption1>
      <h4 className={styles.title} data-testid="award-item-title">
        {award.story.title}
      </h4>
      <Caption1 className={styles.byline} data-testid="award-item-author">
        {t('awards.by', { name: personName(award.story.author, t) })}
      </Caption1>
      {award.citation ? (
        <p className={styles.citation} data-testid="award-item-citation">
          {t('awards.quoted', { text: award.citation })}
        </p>
      ) : null}
    </li>
  );
}

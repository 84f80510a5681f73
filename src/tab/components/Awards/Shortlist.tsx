import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  Spinner,
  Subtitle2,
  Text,
  mergeClasses,
  useId,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { AwardDto, StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatMonth } from '../../format.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { StoryMeta } from '../StoryMeta/StoryMeta.js';
import { defaultMonth, isWinner, recentMonths } from './awardsModel.js';
import { useAwardsStyles } from './Awards.styles.js';
import { ChooseAwardDialog } from './ChooseAwardDialog.js';
import { useShortlist } from './useAwards.js';

export interface ShortlistProps {
  /** After a winner is chosen, with the award the API returned. */
  onChosen: (award: AwardDto) => void;
}

/**
 * For editors and admins: a month's most voted stories (in privacy mode its stories, newest
 * first, as the API orders them), and choosing one as the story of the month. The months are
 * this one and the 11 before it, fixed when the view opens.
 */
export function Shortlist({ onChosen }: ShortlistProps) {
  const styles = useAwardsStyles();
  const t = useT();
  const notify = useNotify();
  const { api, language } = useAppContext();
  const headingId = useId('shortlist-heading');
  const { months, initial } = useMemo(() => {
    const now = new Date();
    return { months: recentMonths(now), initial: defaultMonth(now) };
  }, []);
  const [month, setMonth] = useState(initial);
  const [choosing, setChoosing] = useState<StoryDto | undefined>();
  const state = useShortlist(api, month);
  const winner = state.status === 'ready' ? state.shortlist.winner : null;

  function chosen(award: AwardDto) {
    setChoosing(undefined);
    state.setWinner(award);
    notify({
      title: t('awards.chosen'),
      body: t('awards.chosenBody', {
        title: award.story.title,
        month: formatMonth(award.month, language),
      }),
      intent: 'success',
    });
    onChosen(award);
  }

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="shortlist">
      <h3 id={headingId} className={styles.sectionHeading}>
        {t('awards.chooseHeading')}
      </h3>
      <Field label={t('awards.month')} className={styles.picker}>
        <Select
          value={month}
          onChange={(_, data) => setMonth(data.value)}
          data-testid="awards-month"
        >
          {months.map((value) => (
            <option key={value} value={value}>
              {formatMonth(value, language)}
            </option>
          ))}
        </Select>
      </Field>
      <Body1 as="p" className={styles.note} data-testid="shortlist-intro">
        {state.status === 'ready' && state.shortlist.order === 'newest'
          ? t('settings.privacy.shortlistNewest')
          : t('awards.shortlistIntro')}
      </Body1>
      {state.status === 'ready' && typeof state.shortlist.repeatWithinMonths === 'number' ? (
        <Body1 as="p" className={styles.note} data-testid="shortlist-rule">
          {t('awards.notEligibleNote', { count: state.shortlist.repeatWithinMonths })}
        </Body1>
      ) : null}

      {state.status === 'loading' ? (
        <Spinner label={t('awards.shortlistLoading')} data-testid="shortlist-loading" />
      ) : state.status === 'error' ? (
        <LoadError
          message="awards.shortlistError"
          error={state.error}
          onRetry={state.retry}
          testId="shortlist-error"
        />
      ) : state.shortlist.items.length === 0 ? (
        <div className={styles.empty} data-testid="shortlist-empty">
          <Subtitle2 as="p" className={styles.emptyText}>
            {t('awards.shortlistEmpty')}
          </Subtitle2>
          <Body1 as="p" className={styles.emptyText}>
            {t('awards.shortlistEmptyHint')}
          </Body1>
        </div>
      ) : (
        <ol className={styles.list} aria-labelledby={headingId}>
          {state.shortlist.items.map((story) => {
            const won = isWinner(story, winner);
            // The rule against repeat winners keeps its author from this month (not the winner's).
            const barred = !won && state.shortlist.ineligible.includes(story.id);
            return (
              <li
                key={story.id}
                className={mergeClasses(styles.item, won && styles.winnerItem)}
                data-testid="shortlist-item"
                data-story-id={story.id}
                data-winner={won}
                data-eligible={!barred}
              >
                <div className={styles.itemHeader}>
                  <h4 className={styles.title} data-testid="shortlist-title">
                    {story.title}
                  </h4>
                  {won ? (
                    <Badge appearance="filled" color="brand" data-testid="shortlist-winner">
                      {t('awards.winner')}
                    </Badge>
                  ) : null}
                  {barred ? (
                    <Badge appearance="tint" color="warning" data-testid="shortlist-not-eligible">
                      {t('awards.notEligible', {
                        count: state.shortlist.repeatWithinMonths ?? 0,
                      })}
                    </Badge>
                  ) : null}
                </div>
                <StoryMeta story={story}>
                  <Caption1 className={styles.byline}>
                    {t('awards.by', { name: story.author.displayName })}
                  </Caption1>
                  {story.voteCount === undefined ? null : (
                    <Text size={200} className={styles.votes} data-testid="shortlist-votes">
                      {t('story.votes', { count: story.voteCount })}
                    </Text>
                  )}
                </StoryMeta>
                {won && winner?.citation ? (
                  <p className={styles.citation} data-testid="shortlist-citation">
                    {t('awards.quoted', { text: winner.citation })}
                  </p>
                ) : null}
                {won ? null : (
                  <div className={styles.actions}>
                    <Button
                      appearance="secondary"
                      aria-label={t('awards.chooseLabel', { title: story.title })}
                      disabled={barred}
                      onClick={() => setChoosing(story)}
                      data-testid="shortlist-choose"
                    >
                      {t('awards.choose')}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {choosing ? (
        <ChooseAwardDialog
          month={month}
          story={choosing}
          current={winner}
          repeatWithinMonths={state.status === 'ready' ? state.shortlist.repeatWithinMonths : null}
          onChosen={chosen}
          onCancel={() => setChoosing(undefined)}
        />
      ) : null}
    </section>
  );
}

import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  Spinner,
  Subtitle2,
  useId,
} from '@fluentui/react-components';
import { TrophyRegular } from '@fluentui/react-icons';
import type { AwardDto, StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { formatMonth, personName } from '../../format.js';
import { useT } from '../../hooks/useT.js';
import { useAwards } from '../Awards/useAwards.js';
import { useHallOfFameStyles } from './HallOfFame.styles.js';
import { LoadError } from '../LoadError/LoadError.js';

export interface HallOfFameProps {
  onClose: () => void;
  /** Opens a winner's story. */
  onOpen: (story: StoryDto) => void;
}

/**
 * The hall of fame (journey 8): every story of the month, newest month first, with its month,
 * title, author and the editors' citation; a title opens the story. For everyone.
 */
export function HallOfFame({ onClose, onOpen }: HallOfFameProps) {
  const styles = useHallOfFameStyles();
  const t = useT();
  const { api } = useAppContext();
  const state = useAwards(api);
  const headingId = useId('hall-of-fame-heading');

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface
        className={styles.surface}
        aria-labelledby={headingId}
        data-testid="hall-of-fame"
      >
        <DialogBody>
          <DialogTitle id={headingId}>{t('hallOfFame.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 as="p" className={styles.intro}>
              {t('hallOfFame.intro')}
            </Body1>
            {state.status === 'loading' ? (
              <Spinner label={t('hallOfFame.loading')} data-testid="hall-of-fame-loading" />
            ) : state.status === 'error' ? (
              <LoadError
                message="hallOfFame.error"
                error={state.error}
                onRetry={state.retry}
                testId="hall-of-fame-error"
              />
            ) : state.items.length === 0 ? (
              <div className={styles.empty} data-testid="hall-of-fame-empty">
                <Subtitle2 as="p" className={styles.emptyText}>
                  {t('hallOfFame.empty')}
                </Subtitle2>
                <Body1 as="p" className={styles.emptyText}>
                  {t('hallOfFame.emptyHint')}
                </Body1>
              </div>
            ) : (
              <ol className={styles.list} aria-labelledby={headingId}>
                {state.items.map((award) => (
                  <Winner key={award.month} award={award} onOpen={onOpen} />
                ))}
              </ol>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose} data-testid="hall-of-fame-close">
              {t('hallOfFame.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Winner({ award, onOpen }: { award: AwardDto; onOpen: (story: StoryDto) => void }) {
  const styles = useHallOfFameStyles();
  const t = useT();
  const { language } = useAppContext();
  return (
    <li
      className={styles.item}
      data-testid="hall-of-fame-item"
      data-month={award.month}
      data-story-id={award.story.id}
    >
      <TrophyRegular className={styles.icon} aria-hidden />
      <Caption1 className={styles.month} data-testid="hall-of-fame-month">
        {formatMonth(award.month, language)}
      </Caption1>
      <Link
        as="button"
        className={styles.title}
        onClick={() => onOpen(award.story)}
        aria-label={t('hallOfFame.open', { title: award.story.title })}
        data-testid="hall-of-fame-title"
      >
        {award.story.title}
      </Link>
      <Caption1 className={styles.byline} data-testid="hall-of-fame-author">
        {t('awards.by', { name: personName(award.story.author, t) })}
      </Caption1>
      {award.citation ? (
        <p className={styles.citation} data-testid="hall-of-fame-citation">
          {t('awards.quoted', { text: award.citation })}
        </p>
      ) : null}
    </li>
  );
}

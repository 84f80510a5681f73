import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { AwardDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useT } from '../../hooks/useT.js';
import { AwardsHistory } from './AwardsHistory.js';
import { useAwardsStyles } from './Awards.styles.js';
import { Shortlist } from './Shortlist.js';
import { useAwards } from './useAwards.js';

export interface AwardsProps {
  onClose: () => void;
  /** After an editor chose a winner: the wall's banner may show it. */
  onChosen: (award: AwardDto) => void;
}

/**
 * Story of the month (journey 8): the winners for everyone; for editors and admins also the
 * month's shortlist by votes and choosing the winner.
 */
export function Awards({ onClose, onChosen }: AwardsProps) {
  const styles = useAwardsStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const history = useAwards(api);
  const curates = me?.roles.some((role) => role === 'editor' || role === 'admin') ?? false;

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="awards">
        <DialogBody>
          <DialogTitle>{t('awards.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 as="p" className={styles.intro}>
              {t('awards.intro')}
            </Body1>
            {curates ? (
              <Shortlist
                onChosen={(award) => {
                  history.add(award);
                  onChosen(award);
                }}
              />
            ) : null}
            <AwardsHistory state={history} retry={history.retry} />
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose} data-testid="awards-close">
              {t('awards.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AwardDto, StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatMonth } from '../../format.js';
import { FormDialogActions } from '../FormDialogActions/FormDialogActions.js';
import { useT } from '../../hooks/useT.js';
import { CITATION_MAX, citationProblem, normalizeCitation } from './awardsModel.js';
import { useAwardsStyles } from './Awards.styles.js';

export interface ChooseAwardDialogProps {
  month: string;
  story: StoryDto;
  /** The month's current winner, which the choice replaces. */
  current: AwardDto | null;
  /** The tenant's "no repeat winners" window in months, if the rule is on. */
  repeatWithinMonths: number | null;
  onChosen: (award: AwardDto) => void;
  onCancel: () => void;
}

/** "Choose as story of the month?" with an optional citation; stays open on failure. */
export function ChooseAwardDialog({
  month,
  story,
  current,
  repeatWithinMonths,
  onChosen,
  onCancel,
}: ChooseAwardDialogProps) {
  const styles = useAwardsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const [citation, setCitation] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ErrorKey | undefined>();
  const [repeatWinner, setRepeatWinner] = useState(false);

  const tooLong = citationProblem(citation) === 'tooLong';
  const citationError = tooLong
    ? t('awards.citationTooLong', { max: CITATION_MAX })
    : touched
      ? undefined
      : fieldError;

  async function choose() {
    if (tooLong) return;
    setBusy(true);
    setError(undefined);
    setRepeatWinner(false);
    setFieldError(undefined);
    setTouched(false);
    const text = normalizeCitation(citation);
    try {
      const award = await api.chooseAward(
        month,
        text === undefined ? { storyId: story.id } : { storyId: story.id, citation: text },
      );
      onChosen(award);
    } catch (failure) {
      // The API names the field when only the citation is wrong: say so next to it.
      if (
        failure instanceof ApiError &&
        failure.code === 'validation' &&
        failure.fields['citation']
      ) {
        setFieldError(t('awards.citationTooLong', { max: CITATION_MAX }));
      } else if (
        // The rule against repeat winners names the story: its author cannot win this month.
        failure instanceof ApiError &&
        failure.code === 'conflict' &&
        failure.fields['storyId']
      ) {
        setRepeatWinner(true);
      } else {
        setError(errorKey(failure));
      }
      setBusy(false);
    }
  }

  const replaced = current && current.story.id !== story.id ? current.story.title : undefined;

  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, data) => (data.open || busy ? undefined : onCancel())}
    >
      <DialogSurface data-testid="choose-award">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void choose();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('awards.confirm.title')}</DialogTitle>
            <DialogContent className={styles.dialogContent}>
              <p className={styles.paragraph}>
                {t('awards.confirm.body', {
                  title: story.title,
                  month: formatMonth(month, language),
                })}
              </p>
              {replaced ? (
                <p className={styles.paragraph} data-testid="choose-award-replaces">
                  {t('awards.confirm.replaces', { title: replaced })}
                </p>
              ) : null}
              <Field
                label={t('awards.confirm.citation')}
                hint={`${t('awards.confirm.citationHint')} ${t('form.counter', {
                  count: citation.trim().length,
                  max: CITATION_MAX,
                })}`}
                validationState={citationError ? 'error' : 'none'}
                validationMessage={citationError ?? null}
              >
                <Textarea
                  value={citation}
                  resize="vertical"
                  disabled={busy}
                  onChange={(_, data) => {
                    setCitation(data.value);
                    setTouched(true);
                  }}
                  data-testid="choose-award-citation"
                />
              </Field>
              {repeatWinner ? (
                <MessageBar intent="error" data-testid="choose-award-repeat-winner">
                  <MessageBarBody>
                    {t('awards.chooseFailed')}{' '}
                    {t('awards.repeatWinner', { count: repeatWithinMonths ?? 1 })}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <FormDialogActions
              cancelLabel={t('awards.confirm.cancel')}
              submitLabel={t('awards.confirm.confirm')}
              busyLabel={t('awards.confirm.choosing')}
              busy={busy}
              blocked={tooLong}
              onCancel={onCancel}
              error={error ? `${t('awards.chooseFailed')} ${t(error)}` : undefined}
              testIdPrefix="choose-award"
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

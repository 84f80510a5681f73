import { Field, Textarea } from '@fluentui/react-components';
import { FormDialog } from '../FormDialog/FormDialog.js';
import { useState, type FormEvent } from 'react';
import { LIMITS, type StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { useT, type Translate } from '../../hooks/useT.js';
import { TextField } from '../StoryForm/TextField.js';
import {
  CORRECTION_TEXTS,
  checkCorrection,
  correctionInput,
  correctionOf,
  isChanged,
  type CorrectionField,
  type CorrectionProblem,
  type CorrectionValues,
} from './moderationModel.js';
import { useModerationStyles } from './Moderation.styles.js';

export interface CorrectionDialogProps {
  story: StoryDto;
  onClose: () => void;
  /** After the API stored the correction. */
  onSaved: (story: StoryDto) => void;
}

function messageOf(problem: CorrectionProblem, t: Translate): string {
  switch (problem.kind) {
    case 'required':
      return t('form.errors.required');
    case 'tooShort':
      return t('form.errors.tooShort', { min: problem.min });
    case 'tooLong':
      return t('form.errors.tooLong', { max: problem.max });
  }
}

/**
 * An editor corrects a story's texts, with the limits of a story, and says why in a note that
 * the story's history keeps. Every copy (wall, posted cards) shows the corrected text.
 */
export function CorrectionDialog({ story, onClose, onSaved }: CorrectionDialogProps) {
  const styles = useModerationStyles();
  const t = useT();
  const { api } = useAppContext();
  const [values, setValues] = useState<CorrectionValues>(() => correctionOf(story));
  const [problems, setProblems] = useState<Partial<Record<CorrectionField, string>>>({});
  const [error, setError] = useState<ErrorKey | 'moderation.editDialog.unchanged' | undefined>();
  const [busy, setBusy] = useState(false);

  const set = (field: CorrectionField) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = checkCorrection(values);
    const messages: Partial<Record<CorrectionField, string>> = {};
    for (const [field, problem] of Object.entries(found) as [
      CorrectionField,
      CorrectionProblem,
    ][]) {
      messages[field] =
        field === 'note' && problem.kind === 'required'
          ? t('moderation.editDialog.noteRequired')
          : messageOf(problem, t);
    }
    setProblems(messages);
    if (Object.keys(messages).length > 0) return;
    if (!isChanged(values, story)) {
      setError('moderation.editDialog.unchanged');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.correctStory(story.id, correctionInput(values)));
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && Object.keys(failure.fields).length > 0) {
        // The API is the authority: its field problems are shown beside the fields.
        setProblems(
          Object.fromEntries(Object.keys(failure.fields).map((f) => [f, t('errors.validation')])),
        );
      }
      setError(errorKey(failure));
    }
  }

  return (
    <FormDialog
      title={t('moderation.editDialog.title', { title: story.title })}
      testId="correction-dialog"
      testIdPrefix="correction"
      contentClassName={styles.dialogContent}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
      busy={busy}
      cancelLabel={t('moderation.editDialog.cancel')}
      submitLabel={t('moderation.editDialog.save')}
      error={error ? t(error) : undefined}
    >
      <p className={styles.dialogIntro}>{t('moderation.editDialog.intro')}</p>
      {CORRECTION_TEXTS.map((field) => (
        <TextField
          key={field}
          name={field}
          label={t(`form.fields.${field}`)}
          value={values[field]}
          max={LIMITS[field].max}
          multiline={field !== 'title'}
          required
          error={problems[field]}
          onChange={set(field)}
        />
      ))}
      <TextField
        name="customerQuote"
        label={t('form.fields.customerQuote')}
        value={values.customerQuote}
        max={LIMITS.customerQuote.max}
        multiline
        error={problems.customerQuote}
        onChange={set('customerQuote')}
      />
      <Field
        label={t('moderation.editDialog.note')}
        hint={t('moderation.editDialog.noteHint')}
        required
        validationState={problems.note ? 'error' : 'none'}
        validationMessage={problems.note ?? null}
      >
        <Textarea
          value={values.note}
          maxLength={LIMITS.comment.max}
          resize="vertical"
          disabled={busy}
          onChange={(_, data) => set('note')(data.value)}
          data-testid="correction-note"
        />
      </Field>
    </FormDialog>
  );
}

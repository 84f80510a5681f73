import { Field, Textarea, useId } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LIMITS, type StoryDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { FormDialog } from '../FormDialog/FormDialog.js';
import { useT } from '../../hooks/useT.js';
import { checkReason } from './moderationModel.js';
import { useModerationStyles } from './Moderation.styles.js';

export interface ReportDialogProps {
  story: StoryDto;
  onClose: () => void;
  /** After the API took the report. */
  onReported: () => void;
}

/** "Report": a reader tells the editors, with a reason, what is wrong with a published story. */
export function ReportDialog({ story, onClose, onReported }: ReportDialogProps) {
  const styles = useModerationStyles();
  const t = useT();
  const { api } = useAppContext();
  const reasonId = useId('report-reason');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<ErrorKey | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = checkReason(reason);
    if (found) {
      setProblem(
        found.kind === 'required'
          ? t('moderation.report.reasonRequired')
          : found.kind === 'tooShort'
            ? t('moderation.report.reasonTooShort', { min: found.min })
            : t('form.errors.tooLong', { max: found.max }),
      );
      document.getElementById(reasonId)?.focus();
      return;
    }
    setProblem(undefined);
    setBusy(true);
    setError(undefined);
    try {
      await api.reportStory(story.id, reason.trim());
      onReported();
    } catch (failure) {
      setBusy(false);
      setError(errorKey(failure));
    }
  }

  return (
    <FormDialog
      title={t('moderation.report.title')}
      testId="report-dialog"
      testIdPrefix="report"
      contentClassName={styles.dialogContent}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
      busy={busy}
      cancelLabel={t('moderation.report.cancel')}
      submitLabel={t('moderation.report.send')}
      error={error ? t(error) : undefined}
    >
      <p className={styles.dialogIntro}>{t('moderation.report.intro', { title: story.title })}</p>
      <Field
        label={{ children: t('moderation.report.reason'), htmlFor: reasonId }}
        hint={t('moderation.report.reasonHint')}
        required
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ?? null}
      >
        <Textarea
          id={reasonId}
          value={reason}
          maxLength={LIMITS.reportReason.max}
          resize="vertical"
          disabled={busy}
          onChange={(_, data) => setReason(data.value)}
          data-testid="report-reason"
        />
      </Field>
    </FormDialog>
  );
}

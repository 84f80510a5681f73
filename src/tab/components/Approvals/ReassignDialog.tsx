import { Field, Textarea, useId } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LIMITS, type PersonDto, type StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { FormDialog } from '../FormDialog/FormDialog.js';
import { useT } from '../../hooks/useT.js';
import { PeoplePicker } from '../PeoplePicker/PeoplePicker.js';
import { useApprovalsStyles } from './Approvals.styles.js';

export interface ReassignDialogProps {
  story: StoryDto;
  onClose: () => void;
  /** After the API moved the story: it has left the caller's queue. */
  onReassigned: (story: StoryDto, approver: PersonDto) => void;
}

type PersonProblem =
  'approvals.reassignDialog.personRequired' | 'approvals.reassignDialog.invalidPerson';

/**
 * "Reassign": pick the person who decides instead from the organisation's directory (the people
 * picker searches `/api/people?q=`), and add an optional note. The author and those still asked
 * are not offered; the server checks both again.
 */
export function ReassignDialog({ story, onClose, onReassigned }: ReassignDialogProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api } = useAppContext();
  const pickerId = useId('reassign-person');
  const [chosen, setChosen] = useState<PersonDto | undefined>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [personProblem, setPersonProblem] = useState<PersonProblem | undefined>();
  const [error, setError] = useState<ErrorKey | undefined>();

  const excluded = (person: PersonDto) =>
    person.id === story.author.id ||
    story.approval.approvers.some((a) => a.id === person.id && !a.approvedAt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!chosen) {
      setPersonProblem('approvals.reassignDialog.personRequired');
      document.getElementById(pickerId)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const text = comment.trim();
      const moved = await api.reassign(story.id, {
        approverId: chosen.id,
        ...(text ? { comment: text } : {}),
      });
      onReassigned(moved, chosen);
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.fields['approverId']) {
        setPersonProblem('approvals.reassignDialog.invalidPerson');
        document.getElementById(pickerId)?.focus();
      } else {
        setError(errorKey(failure));
      }
    }
  }

  const personMessage = personProblem ? t(personProblem) : null;

  return (
    <FormDialog
      title={t('approvals.reassignDialog.title', { title: story.title })}
      testId="reassign-dialog"
      testIdPrefix="reassign"
      contentClassName={styles.dialogContent}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
      busy={busy}
      cancelLabel={t('approvals.reassignDialog.cancel')}
      submitLabel={t('approvals.reassignDialog.submit')}
      error={error ? t(error) : undefined}
    >
      <p className={styles.dialogIntro}>{t('approvals.reassignDialog.intro')}</p>
      <Field
        label={{ children: t('approvals.reassignDialog.person'), htmlFor: pickerId }}
        required
        validationState={personMessage ? 'error' : 'none'}
        validationMessage={personMessage}
      >
        <PeoplePicker
          id={pickerId}
          testId="reassign-person"
          value={chosen}
          exclude={excluded}
          disabled={busy}
          placeholder={t('approvals.reassignDialog.personPlaceholder')}
          onChange={(person) => {
            setChosen(person);
            if (person) setPersonProblem(undefined);
          }}
        />
      </Field>
      <Field
        label={t('approvals.reassignDialog.comment')}
        hint={t('approvals.reassignDialog.commentHint')}
      >
        <Textarea
          value={comment}
          maxLength={LIMITS.comment.max}
          resize="vertical"
          disabled={busy}
          onChange={(_, data) => setComment(data.value)}
          data-testid="reassign-comment"
        />
      </Field>
    </FormDialog>
  );
}

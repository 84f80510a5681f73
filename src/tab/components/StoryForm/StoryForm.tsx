import {
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { LIMITS, type FieldPersonalData, type StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useTeamSuggestions } from '../../hooks/useTeamSuggestions.js';
import { CategoryDropdown } from '../CategoryDropdown/CategoryDropdown.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { FormDialogActions } from '../FormDialogActions/FormDialogActions.js';
import { StoryCoach } from '../StoryCoach/StoryCoach.js';
import { isPersonalDataField, personalDataOf } from './personalDataModel.js';
import {
  CREATE_STORY,
  EMPTY_STORY_FORM,
  formFieldOf,
  initialFormValues,
  isDraftChanged,
  saveStory,
  toStoryInput,
  validateStoryForm,
  type FieldProblem,
  type FormProblems,
  type StoryFormField,
  type StoryFormMode,
  type StoryFormValues,
} from './storyFormModel.js';
import { FeaturedField } from './FeaturedField.js';
import { PersonalDataWarning } from './PersonalDataWarning.js';
import { SourceFields } from './SourceFields.js';
import { useStoryFormStyles } from './StoryForm.styles.js';
import { TeamField } from './TeamField.js';
import { TextField } from './TextField.js';
import { useT } from '../../hooks/useT.js';

export interface StoryFormProps {
  onClose: () => void;
  /** A new story (the default), or a resubmission of one the approver sent back. */
  mode?: StoryFormMode;
  /** Called with the story the API returns, just before the form closes. */
  onSaved?: (story: StoryDto) => void;
}

/**
 * "Share a story": every field of a story, checked against LIMITS, sent for approval. In resubmit
 * mode the same form starts from the story and shows the approver's comment.
 */
export function StoryForm({ onClose, mode = CREATE_STORY, onSaved }: StoryFormProps) {
  const styles = useStoryFormStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const notify = useNotify();
  const [values, setValues] = useState<StoryFormValues>(() => initialFormValues(mode));
  const resubmit = mode.kind === 'resubmit' ? mode.story : undefined;
  const [problems, setProblems] = useState<FormProblems>({});
  const [serverProblems, setServerProblems] = useState<Partial<Record<StoryFormField, string>>>({});
  // Why the last send failed (fields to fix, or the service): said beside the button.
  const [formError, setFormError] = useState<ErrorKey | 'form.fixErrors' | undefined>();
  // Closing with a draft in it asks first.
  const [askDiscard, setAskDiscard] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // The admins' teams; none (or not loaded) leaves the team a plain text field.
  const teams = useTeamSuggestions(api);
  // Likely personal data found at the last submit, and whether the author chose to send anyway.
  const [personalData, setPersonalData] = useState<FieldPersonalData[]>([]);
  const [personalDataConfirmed, setPersonalDataConfirmed] = useState(false);

  function describe(problem: FieldProblem): string {
    switch (problem.kind) {
      case 'required':
        return t('form.errors.required');
      case 'tooShort':
        return t('form.errors.tooShort', { min: problem.min });
      case 'tooLong':
        return t('form.errors.tooLong', { max: problem.max });
      case 'url':
        return t('form.errors.url');
      case 'tooMany':
        return t('form.errors.tooMany', { max: problem.max });
    }
  }

  const errorOf = (field: StoryFormField): string | undefined => {
    const problem = problems[field];
    return problem ? describe(problem) : serverProblems[field];
  };

  function update<K extends StoryFormField>(field: K, value: StoryFormValues[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    // A field the user is fixing stops shouting; the next submit checks everything again.
    if (problems[field]) setProblems(({ [field]: _, ...rest }) => rest);
    if (serverProblems[field]) setServerProblems(({ [field]: _, ...rest }) => rest);
    // Edited text is checked again on the next submit, and asks again before sending.
    if (isPersonalDataField(field)) {
      setPersonalData([]);
      setPersonalDataConfirmed(false);
    }
  }

  function focusFirst(fields: readonly StoryFormField[]) {
    const order = Object.keys(EMPTY_STORY_FORM) as StoryFormField[];
    const first = order.find((field) => fields.includes(field));
    if (first) document.getElementById(`story-form-${first}`)?.focus();
  }

  /** Escape, Cancel or a click outside: an untouched form closes, a draft asks first. */
  function requestClose() {
    if (submitting) return;
    if (isDraftChanged(values, mode)) setAskDiscard(true);
    else onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send(personalDataConfirmed);
  }

  function sendAnyway() {
    setPersonalDataConfirmed(true);
    void send(true);
  }

  /** Checks and sends the story; likely personal data stops it unless the author confirmed. */
  async function send(confirmed: boolean) {
    if (submitting) return;
    const found = validateStoryForm(values);
    setProblems(found);
    setServerProblems({});
    if (Object.keys(found).length > 0) {
      setFormError('form.fixErrors');
      setPersonalData([]);
      focusFirst(Object.keys(found) as StoryFormField[]);
      return;
    }
    setFormError(undefined);
    const personal = confirmed ? [] : personalDataOf(values);
    setPersonalData(personal);
    if (personal.length > 0) return;
    setSubmitting(true);
    try {
      const saved = await saveStory(api, mode, toStoryInput(values, language));
      notify(
        resubmit
          ? { title: t('form.resubmit.sent'), body: t('form.resubmit.sentBody'), intent: 'success' }
          : { title: t('form.sent'), body: t('form.sentBody'), intent: 'success' },
      );
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setSubmitting(false);
      const byField: Partial<Record<StoryFormField, string>> = {};
      if (error instanceof ApiError) {
        for (const [path, message] of Object.entries(error.fields)) {
          const field = formFieldOf(path);
          if (field && !byField[field]) byField[field] = message;
        }
      }
      setServerProblems(byField);
      // The typed text stays; the reason is said beside the button.
      setFormError(Object.keys(byField).length > 0 ? 'form.fixErrors' : errorKey(error));
      focusFirst(Object.keys(byField) as StoryFormField[]);
    }
  }

  const text = (
    field: 'title' | 'situation' | 'action' | 'outcome' | 'lesson' | 'team',
    options: { multiline?: boolean; hint?: string } = {},
  ) => (
    <TextField
      name={field}
      label={t(`form.fields.${field}`)}
      value={values[field]}
      max={LIMITS[field].max}
      required
      multiline={options.multiline ?? false}
      hint={options.hint}
      error={errorOf(field)}
      onChange={(value) => update(field, value)}
    />
  );

  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_, data) => (data.open ? undefined : requestClose())}
    >
      <DialogSurface className={styles.surface} data-testid="story-form">
        <form noValidate onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{resubmit ? t('form.resubmit.heading') : t('form.heading')}</DialogTitle>
            <DialogContent className={styles.content}>
              <p className={styles.intro}>
                {resubmit ? t('form.resubmit.intro') : t('form.intro')}
              </p>
              {resubmit?.decisionComment ? (
                // The wrapper's height follows the comment: in this scrolling grid the bar's own
                // `min-height` would otherwise cap its row, and a long comment would overflow it.
                <div>
                  <MessageBar intent="warning" layout="multiline" data-testid="story-form-comment">
                    <MessageBarBody>
                      <MessageBarTitle>{t('form.resubmit.comment')}</MessageBarTitle>
                      <span className={styles.comment}>{resubmit.decisionComment}</span>
                    </MessageBarBody>
                  </MessageBar>
                </div>
              ) : null}
              {text('title')}
              {text('situation', { multiline: true, hint: t('form.hints.situation') })}
              {text('action', { multiline: true, hint: t('form.hints.action') })}
              {text('outcome', { multiline: true, hint: t('form.hints.outcome') })}
              {text('lesson', { multiline: true, hint: t('form.hints.lesson') })}
              <StoryCoach {...values} locale={language} />
              <div className={styles.row}>
                {teams.length > 0 ? (
                  <TeamField
                    value={values.team}
                    teams={teams}
                    error={errorOf('team')}
                    onChange={(value) => update('team', value)}
                  />
                ) : (
                  text('team')
                )}
                <Field
                  label={{ children: t('form.fields.category'), htmlFor: 'story-form-category' }}
                  required
                  validationState={errorOf('category') ? 'error' : 'none'}
                  validationMessage={errorOf('category') ?? null}
                >
                  <CategoryDropdown
                    // Inside the modal dialog: a portalled list would be hidden from assistive
                    // technology (and tests) by the dialog's aria-hidden on everything outside.
                    inlinePopup
                    id="story-form-category"
                    data-testid="story-form-category"
                    placeholder={t('form.categoryPlaceholder')}
                    value={values.category}
                    onChange={(category) => update('category', category)}
                  />
                </Field>
              </div>
              <FeaturedField
                value={values.featured}
                known={resubmit?.featured ?? []}
                nudge={mode.kind === 'create'}
                error={errorOf('featured')}
                onChange={(ids) => update('featured', ids)}
              />
              <SourceFields values={values} errorOf={errorOf} onChange={update} />
              <Field
                validationState={errorOf('consent') ? 'error' : 'none'}
                validationMessage={errorOf('consent') ?? null}
              >
                <Checkbox
                  id="story-form-consent"
                  data-testid="story-form-consent"
                  checked={values.consent}
                  label={t('form.fields.consent')}
                  onChange={(_, data) => update('consent', data.checked === true)}
                />
              </Field>
              <p className={styles.intro}>{t('form.required')}</p>
              {personalData.length > 0 ? (
                <PersonalDataWarning
                  findings={personalData}
                  busy={submitting}
                  onEdit={() => focusFirst(personalData.map((found) => found.field))}
                  onSendAnyway={sendAnyway}
                />
              ) : null}
            </DialogContent>
            <FormDialogActions
              cancelLabel={t('form.cancel')}
              submitLabel={t(resubmit ? 'form.resubmit.submit' : 'form.submit')}
              busyLabel={t(resubmit ? 'form.resubmit.submitting' : 'form.submitting')}
              busy={submitting}
              error={formError ? t(formError) : undefined}
              onCancel={requestClose}
              testIdPrefix="story-form"
            />
          </DialogBody>
        </form>
        {askDiscard ? (
          <ConfirmDialog
            title={t('form.discard.title')}
            body={t('form.discard.body')}
            confirmLabel={t('form.discard.confirm')}
            cancelLabel={t('form.discard.keep')}
            busy={false}
            onConfirm={onClose}
            onCancel={() => setAskDiscard(false)}
            testId="confirm-discard-draft"
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

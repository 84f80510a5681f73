import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Textarea,
  useId,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { LIMITS, type PersonDto, type StoryDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, isAbort, type ErrorKey } from '../../errors.js';
import { useT } from '../../hooks/useT.js';
import { useApprovalsStyles } from './Approvals.styles.js';

export interface ReassignDialogProps {
  story: StoryDto;
  onClose: () => void;
  /** After the API moved the story: it has left the caller's queue. */
  onReassigned: (story: StoryDto, approver: PersonDto) => void;
}

type People =
  | { state: 'loading' }
  | { state: 'ready'; items: PersonDto[] }
  | { state: 'error'; error: unknown };

type PersonProblem =
  'approvals.reassignDialog.personRequired' | 'approvals.reassignDialog.invalidPerson';

/**
 * "Reassign": pick the person who decides instead from the tenant's people (`/api/people`, the
 * list the story form's featured colleagues come from), searched by typing, and add an optional
 * note. The author and the current approver are not offered; the server checks both again.
 */
export function ReassignDialog({ story, onClose, onReassigned }: ReassignDialogProps) {
  const styles = useApprovalsStyles();
  const t = useT();
  const { api } = useAppContext();
  const pickerId = useId('reassign-person');
  const [people, setPeople] = useState<People>({ state: 'loading' });
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PersonDto | undefined>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [personProblem, setPersonProblem] = useState<PersonProblem | undefined>();
  const [error, setError] = useState<ErrorKey | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    api.people(abort.signal).then(
      (list) => setPeople({ state: 'ready', items: list.items }),
      (failure: unknown) => {
        if (!isAbort(failure)) setPeople({ state: 'error', error: failure });
      },
    );
    return () => abort.abort();
  }, [api]);

  const candidates =
    people.state === 'ready'
      ? people.items.filter(
          (p) =>
            p.id !== story.author.id &&
            !story.approval.approvers.some((a) => a.id === p.id && !a.approvedAt),
        )
      : [];
  // Typing searches; once a person is chosen their name is the text, and every option shows.
  const needle = chosen && query === chosen.displayName ? '' : query.trim().toLocaleLowerCase();
  const matches = candidates.filter((p) => p.displayName.toLocaleLowerCase().includes(needle));

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

  const peopleError = people.state === 'error' ? t('approvals.reassignDialog.peopleError') : null;
  const personMessage = personProblem ? t(personProblem) : peopleError;

  return (
    <Dialog open onOpenChange={(_, data) => (data.open || busy ? undefined : onClose())}>
      <DialogSurface data-testid="reassign-dialog">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{t('approvals.reassignDialog.title', { title: story.title })}</DialogTitle>
            <DialogContent className={styles.dialogContent}>
              <p className={styles.dialogIntro}>{t('approvals.reassignDialog.intro')}</p>
              {error ? (
                <MessageBar intent="error" data-testid="reassign-error">
                  <MessageBarBody>{t(error)}</MessageBarBody>
                </MessageBar>
              ) : null}
              <Field
                label={t('approvals.reassignDialog.person')}
                required
                validationState={personMessage ? 'error' : 'none'}
                validationMessage={personMessage}
              >
                <Combobox
                  // Inside a modal dialog: a portalled list would be hidden from assistive
                  // technology by the dialog's aria-hidden on everything outside it.
                  inlinePopup
                  id={pickerId}
                  data-testid="reassign-person"
                  freeform
                  disabled={people.state !== 'ready' || busy}
                  placeholder={
                    people.state === 'loading'
                      ? t('approvals.reassignDialog.peopleLoading')
                      : t('approvals.reassignDialog.personPlaceholder')
                  }
                  value={query}
                  selectedOptions={chosen ? [chosen.id] : []}
                  onChange={(event) => {
                    setQuery(event.target.value);
                    setChosen(undefined);
                  }}
                  onOptionSelect={(_, data) => {
                    const person = candidates.find((p) => p.id === data.optionValue);
                    setChosen(person);
                    setQuery(person?.displayName ?? '');
                    if (person) setPersonProblem(undefined);
                  }}
                >
                  {matches.map((person) => (
                    <Option key={person.id} value={person.id}>
                      {person.displayName}
                    </Option>
                  ))}
                  {people.state === 'ready' && matches.length === 0 ? (
                    <Option key="none" value="" disabled>
                      {t('approvals.reassignDialog.noMatch', { query: query.trim() })}
                    </Option>
                  ) : null}
                </Combobox>
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
            </DialogContent>
            <DialogActions>
              <Button
                appearance="secondary"
                disabled={busy}
                onClick={onClose}
                data-testid="reassign-cancel"
              >
                {t('approvals.reassignDialog.cancel')}
              </Button>
              <Button
                appearance="primary"
                type="submit"
                // Keeps the focus (and so Escape and Tab) in the dialog while the request runs.
                disabledFocusable={busy}
                icon={busy ? <Spinner size="tiny" /> : null}
                data-testid="reassign-submit"
              >
                {t('approvals.reassignDialog.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

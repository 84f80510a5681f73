import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  useId,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { DelegationDto, PersonDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { PeoplePicker } from '../PeoplePicker/PeoplePicker.js';
import { useDelegationStyles } from './Delegation.styles.js';
import { MAX_DAYS_AHEAD, dayProblem, dayString, untilOf } from './delegationModel.js';

export interface DelegationFormProps {
  /** A delegation is set already: saving replaces it. */
  replacing: boolean;
  onBusyChange: (busy: boolean) => void;
  /** A person was picked: their name, for showing the saved delegation. */
  onPicked: (person: PersonDto) => void;
  onSaved: (delegation: DelegationDto) => void;
}

type DelegateProblem = 'delegation.errors.delegateRequired' | 'delegation.errors.delegateInvalid';
type DayProblem =
  'delegation.errors.dayRequired' | 'delegation.errors.dayPast' | 'delegation.errors.dayTooFar';

const DAY_PROBLEMS = {
  required: 'delegation.errors.dayRequired',
  past: 'delegation.errors.dayPast',
  tooFar: 'delegation.errors.dayTooFar',
} as const satisfies Record<string, DayProblem>;

/** Who decides for me, and my last day away; from now on. */
export function DelegationForm({
  replacing,
  onBusyChange,
  onPicked,
  onSaved,
}: DelegationFormProps) {
  const styles = useDelegationStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const notify = useNotify();
  const pickerId = useId('delegate');
  const dayId = useId('last-day');
  const [delegate, setDelegate] = useState<PersonDto | undefined>();
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  const [delegateProblem, setDelegateProblem] = useState<DelegateProblem | undefined>();
  const [dayError, setDayError] = useState<DayProblem | undefined>();
  const [error, setError] = useState<ErrorKey | undefined>();
  const today = new Date();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problem = dayProblem(day, new Date());
    const until = untilOf(day);
    setDelegateProblem(delegate ? undefined : 'delegation.errors.delegateRequired');
    setDayError(problem ? DAY_PROBLEMS[problem] : undefined);
    if (!delegate || problem || !until) {
      document.getElementById(delegate ? dayId : pickerId)?.focus();
      return;
    }
    setBusy(true);
    onBusyChange(true);
    setError(undefined);
    try {
      const saved = await api.setDelegation({
        delegateId: delegate.id,
        from: new Date().toISOString(),
        until,
      });
      notify({
        title: t('delegation.saved', { name: delegate.displayName }),
        intent: 'success',
      });
      onSaved(saved);
      setDelegate(undefined);
      setDay('');
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fields : {};
      if (fields['delegateId']) {
        setDelegateProblem('delegation.errors.delegateInvalid');
        document.getElementById(pickerId)?.focus();
      } else if (fields['until'] || fields['from']) {
        setDayError('delegation.errors.dayPast');
        document.getElementById(dayId)?.focus();
      } else {
        setError(errorKey(failure));
      }
    } finally {
      setBusy(false);
      onBusyChange(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <h3 className={styles.formHeading}>
        {replacing ? t('delegation.replaceHeading') : t('delegation.setHeading')}
      </h3>
      {error ? (
        <MessageBar intent="error" data-testid="delegation-error">
          <MessageBarBody>{t(error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field
        label={t('delegation.delegate')}
        hint={t('delegation.delegateHint')}
        required
        validationState={delegateProblem ? 'error' : 'none'}
        validationMessage={delegateProblem ? t(delegateProblem) : null}
      >
        <PeoplePicker
          id={pickerId}
          testId="delegation-person"
          value={delegate}
          disabled={busy}
          exclude={(person) => person.id === me?.id}
          onChange={(person) => {
            setDelegate(person);
            if (person) {
              onPicked(person);
              setDelegateProblem(undefined);
            }
          }}
        />
      </Field>
      <Field
        label={t('delegation.lastDay')}
        hint={t('delegation.lastDayHint', { days: MAX_DAYS_AHEAD })}
        required
        validationState={dayError ? 'error' : 'none'}
        validationMessage={dayError ? t(dayError) : null}
      >
        <Input
          id={dayId}
          type="date"
          value={day}
          min={dayString(today)}
          disabled={busy}
          onChange={(_, data) => {
            setDay(data.value);
            setDayError(undefined);
          }}
          data-testid="delegation-until"
        />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabledFocusable={busy}
          icon={busy ? <Spinner size="tiny" /> : null}
          data-testid="delegation-save"
        >
          {replacing ? t('delegation.replace') : t('delegation.save')}
        </Button>
      </div>
    </form>
  );
}

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
import type { MessageKey } from '../../i18n.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { PeoplePicker } from '../PeoplePicker/PeoplePicker.js';
import { useDelegationStyles } from './Delegation.styles.js';
import {
  MAX_DAYS_AHEAD,
  dayProblem,
  dayString,
  serverDayProblem,
  untilOf,
} from './delegationModel.js';

export interface DelegationFormProps {
  /** Whether this person has a delegation set already: saving replaces it. */
  isSet: (userId: string) => boolean;
  /** An admin: chooses who is away (themselves at first); otherwise it is always the user. */
  choosesAway: boolean;
  onBusyChange: (busy: boolean) => void;
  /** A person was picked: their name, for showing the saved delegation. */
  onPicked: (person: PersonDto) => void;
  onSaved: (delegation: DelegationDto) => void;
}

type PersonProblem = 'required' | 'invalid';
type DayProblem = 'required' | 'past' | 'tooFar' | 'invalid';

const AWAY_PROBLEMS = {
  required: 'delegation.errors.awayRequired',
  invalid: 'delegation.errors.awayInvalid',
} as const satisfies Record<PersonProblem, MessageKey>;

const DELEGATE_PROBLEMS = {
  mine: {
    required: 'delegation.errors.delegateRequired',
    invalid: 'delegation.errors.delegateInvalid',
  },
  other: {
    required: 'delegation.forOther.delegateRequired',
    invalid: 'delegation.forOther.delegateInvalid',
  },
} as const satisfies Record<'mine' | 'other', Record<PersonProblem, MessageKey>>;

const DAY_PROBLEMS = {
  mine: {
    required: 'delegation.errors.dayRequired',
    past: 'delegation.errors.dayPast',
    tooFar: 'delegation.errors.dayTooFar',
    invalid: 'delegation.errors.dayInvalid',
  },
  other: {
    required: 'delegation.forOther.dayRequired',
    past: 'delegation.errors.dayPast',
    tooFar: 'delegation.errors.dayTooFar',
    invalid: 'delegation.errors.dayInvalid',
  },
} as const satisfies Record<'mine' | 'other', Record<DayProblem, MessageKey>>;

/**
 * Who decides for me (or, for an admin, for whoever is away), and the last day away; from now on.
 */
export function DelegationForm({
  isSet,
  choosesAway,
  onBusyChange,
  onPicked,
  onSaved,
}: DelegationFormProps) {
  const styles = useDelegationStyles();
  const t = useT();
  const { api, me } = useAppContext();
  const notify = useNotify();
  const awayPickerId = useId('away-person');
  const pickerId = useId('delegate');
  const dayId = useId('last-day');
  const [away, setAway] = useState<PersonDto | undefined>(
    me ? { id: me.id, displayName: me.displayName } : undefined,
  );
  const [delegate, setDelegate] = useState<PersonDto | undefined>();
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  const [awayProblem, setAwayProblem] = useState<PersonProblem | undefined>();
  const [delegateProblem, setDelegateProblem] = useState<PersonProblem | undefined>();
  const [dayError, setDayError] = useState<DayProblem | undefined>();
  const [error, setError] = useState<ErrorKey | undefined>();
  const today = new Date();

  // Whose delegation this sets: the user's own unless an admin chose someone else.
  const awayId = choosesAway ? away?.id : me?.id;
  const other = choosesAway && away !== undefined && away.id !== me?.id ? away : undefined;
  const whose = other ? 'other' : 'mine';
  const name = { name: other?.displayName ?? '' };
  const replacing = awayId !== undefined && isSet(awayId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problem = dayProblem(day, new Date());
    const until = untilOf(day);
    const awayMissing = choosesAway && !away;
    setAwayProblem(awayMissing ? 'required' : undefined);
    setDelegateProblem(delegate ? undefined : 'required');
    setDayError(problem);
    if (awayMissing || !delegate || problem || !until) {
      document.getElementById(awayMissing ? awayPickerId : delegate ? dayId : pickerId)?.focus();
      return;
    }
    setBusy(true);
    onBusyChange(true);
    setError(undefined);
    try {
      const saved = await api.setDelegation({
        ...(other ? { userId: other.id } : {}),
        delegateId: delegate.id,
        from: new Date().toISOString(),
        until,
      });
      notify({
        title: other
          ? t('delegation.forOther.saved', {
              away: other.displayName,
              name: delegate.displayName,
            })
          : t('delegation.saved', { name: delegate.displayName }),
        intent: 'success',
      });
      onSaved(saved);
      setDelegate(undefined);
      setDay('');
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fields : {};
      if (fields['userId'] !== undefined) {
        setAwayProblem('invalid');
        document.getElementById(awayPickerId)?.focus();
      } else if (fields['delegateId'] !== undefined) {
        setDelegateProblem('invalid');
        document.getElementById(pickerId)?.focus();
      } else if (fields['until'] !== undefined || fields['from'] !== undefined) {
        setDayError(serverDayProblem(fields['until'] ?? fields['from']));
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
        {other
          ? t(
              replacing ? 'delegation.forOther.replaceHeading' : 'delegation.forOther.setHeading',
              name,
            )
          : t(replacing ? 'delegation.replaceHeading' : 'delegation.setHeading')}
      </h3>
      {error ? (
        <MessageBar intent="error" data-testid="delegation-error">
          <MessageBarBody>{t(error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {choosesAway ? (
        <Field
          label={{ children: t('delegation.awayPerson'), htmlFor: awayPickerId }}
          hint={t('delegation.awayPersonHint')}
          required
          validationState={awayProblem ? 'error' : 'none'}
          validationMessage={awayProblem ? t(AWAY_PROBLEMS[awayProblem]) : null}
        >
          <PeoplePicker
            id={awayPickerId}
            testId="delegation-away-person"
            value={away}
            disabled={busy}
            onChange={(person) => {
              setAway(person);
              if (person) {
                onPicked(person);
                setAwayProblem(undefined);
                // Nobody stands in for themselves.
                if (delegate?.id === person.id) setDelegate(undefined);
              }
            }}
          />
        </Field>
      ) : null}
      <Field
        label={{
          children: other ? t('delegation.forOther.delegate', name) : t('delegation.delegate'),
          htmlFor: pickerId,
        }}
        hint={other ? t('delegation.forOther.delegateHint', name) : t('delegation.delegateHint')}
        required
        validationState={delegateProblem ? 'error' : 'none'}
        validationMessage={
          delegateProblem ? t(DELEGATE_PROBLEMS[whose][delegateProblem], name) : null
        }
      >
        <PeoplePicker
          id={pickerId}
          testId="delegation-person"
          value={delegate}
          disabled={busy}
          exclude={(person) => person.id === awayId}
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
        label={{ children: t('delegation.lastDay'), htmlFor: dayId }}
        hint={t('delegation.lastDayHint', { days: MAX_DAYS_AHEAD })}
        required
        validationState={dayError ? 'error' : 'none'}
        validationMessage={dayError ? t(DAY_PROBLEMS[whose][dayError], name) : null}
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

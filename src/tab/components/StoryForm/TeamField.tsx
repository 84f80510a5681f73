import { Field } from '@fluentui/react-components';
import { useT } from '../../hooks/useT.js';
import { TeamCombobox } from '../TeamCombobox/TeamCombobox.js';

export interface TeamFieldProps {
  value: string;
  /** The teams admins keep, suggested as the author types; another name may still be typed. */
  teams: readonly string[];
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The story's team: free text, with the admins' list of teams as suggestions. */
export function TeamField({ value, teams, onChange, error }: TeamFieldProps) {
  const t = useT();
  return (
    <Field
      label={{ children: t('form.fields.team'), htmlFor: 'story-form-team' }}
      required
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? null}
    >
      <TeamCombobox
        id="story-form-team"
        name="team"
        value={value}
        teams={teams}
        onChange={onChange}
        data-testid="story-form-team"
      />
    </Field>
  );
}

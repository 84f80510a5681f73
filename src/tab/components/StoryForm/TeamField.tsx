import { Combobox, Field, Option } from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

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
  const typed = value.trim().toLowerCase();
  // While typing, the teams that contain what is typed; an exact match shows the whole list.
  const shown =
    typed === '' || teams.some((team) => team.toLowerCase() === typed)
      ? teams
      : teams.filter((team) => team.toLowerCase().includes(typed));
  return (
    <Field
      label={{ children: t('form.fields.team'), htmlFor: 'story-form-team' }}
      required
      validationState={error ? 'error' : 'none'}
      validationMessage={error ?? null}
    >
      <Combobox
        freeform
        id="story-form-team"
        name="team"
        value={value}
        maxLength={LIMITS.team.max}
        onChange={(event) => onChange(event.target.value)}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined) onChange(data.optionValue);
        }}
        data-testid="story-form-team"
      >
        {shown.map((team) => (
          <Option key={team} value={team}>
            {team}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

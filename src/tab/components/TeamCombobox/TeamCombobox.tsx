import { Combobox, Option, type ComboboxProps } from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';

export type TeamComboboxProps = Pick<
  ComboboxProps,
  'id' | 'name' | 'className' | 'placeholder' | 'inlinePopup' | 'aria-labelledby'
> & {
  value: string;
  /** The teams admins keep, suggested as the user types; another name may still be typed. */
  teams: readonly string[];
  onChange: (value: string) => void;
  'data-testid'?: string;
};

/**
 * A team name, typed freely or picked from the admins' list (the story form's team and the
 * wall's team filter). While typing, the teams that contain what is typed, whatever its case;
 * an exact match shows the whole list.
 */
export function TeamCombobox({ value, teams, onChange, ...combobox }: TeamComboboxProps) {
  const typed = value.trim().toLowerCase();
  const shown =
    typed === '' || teams.some((team) => team.toLowerCase() === typed)
      ? teams
      : teams.filter((team) => team.toLowerCase().includes(typed));
  return (
    <Combobox
      {...combobox}
      freeform
      value={value}
      maxLength={LIMITS.team.max}
      onChange={(event) => onChange(event.target.value)}
      onOptionSelect={(_, data) => {
        if (data.optionValue !== undefined) onChange(data.optionValue);
      }}
    >
      {shown.map((team) => (
        <Option key={team} value={team}>
          {team}
        </Option>
      ))}
    </Combobox>
  );
}

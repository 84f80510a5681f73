import { Input } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

// Loaded once there are teams to offer, so the wall's first paint does not wait for the combobox.
const TeamCombobox = lazy(() =>
  import('../TeamCombobox/TeamCombobox.js').then((m) => ({ default: m.TeamCombobox })),
);

export interface TeamFilterInputProps {
  /** The team to filter by; `''` is any team. */
  value: string;
  onChange: (team: string) => void;
  /**
   * The teams admins keep (`useTeamSuggestions`), offered as the user types; none leaves a
   * plain text input. Either way any team may be typed, and the wall ignores its case.
   */
  teams?: readonly string[];
  className?: string;
  'data-testid'?: string;
}

/** A team name to filter stories by, as long as LIMITS allows, with the admins' teams offered. */
export function TeamFilterInput({ value, onChange, teams = [], ...props }: TeamFilterInputProps) {
  const t = useT();
  // Someone typing when the teams arrive keeps the text input until they leave it: swapping the
  // element under the caret would drop the keyboard focus.
  const [typing, setTyping] = useState(false);
  const input = (focusable: boolean) => (
    <Input
      {...props}
      value={value}
      maxLength={LIMITS.team.max}
      placeholder={t('wall.teamPlaceholder')}
      onChange={(_, data) => onChange(data.value)}
      {...(focusable ? { onFocus: () => setTyping(true), onBlur: () => setTyping(false) } : {})}
    />
  );
  if (teams.length === 0 || typing) return input(true);
  return (
    <Suspense fallback={input(false)}>
      <TeamCombobox
        {...props}
        value={value}
        teams={teams}
        placeholder={t('wall.teamPlaceholder')}
        onChange={onChange}
      />
    </Suspense>
  );
}

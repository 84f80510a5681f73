import { Input, type InputProps } from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

export type TeamFilterInputProps = Omit<
  InputProps,
  'value' | 'onChange' | 'maxLength' | 'placeholder'
> & {
  /** The team to filter by; `''` is any team. */
  value: string;
  onChange: (team: string) => void;
  'data-testid'?: string;
};

/** A team name to filter stories by, as long as LIMITS allows; other Input props pass through. */
export function TeamFilterInput({ value, onChange, ...input }: TeamFilterInputProps) {
  const t = useT();
  return (
    <Input
      {...input}
      value={value}
      maxLength={LIMITS.team.max}
      placeholder={t('wall.teamPlaceholder')}
      onChange={(_, data) => onChange(data.value)}
    />
  );
}

import type { DevUserDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import { LabelledDropdown } from '../LabelledDropdown/LabelledDropdown.js';

export interface UserSwitcherProps {
  users: DevUserDto[];
  /** The user the API answers as. */
  currentId: string;
  onChange: (id: string) => void;
}

/** Browser-mode only: act as one of the demo people (local mode's `x-dev-user` header). */
export function UserSwitcher({ users, currentId, onChange }: UserSwitcherProps) {
  const t = useT();
  return (
    <LabelledDropdown
      label={t('app.viewingAs')}
      options={users.map((user) => ({ value: user.id, text: user.displayName }))}
      selected={currentId}
      onSelect={(id) => {
        if (id && id !== currentId) onChange(id);
      }}
      testId="user-switcher"
    />
  );
}

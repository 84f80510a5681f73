import { Dropdown, Label, Option, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { DevUserDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  label: {
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  dropdown: {
    minWidth: 'auto',
  },
});

export interface UserSwitcherProps {
  users: DevUserDto[];
  /** The user the API answers as. */
  currentId: string;
  onChange: (id: string) => void;
}

/** Browser-mode only: act as one of the demo people (local mode's `x-dev-user` header). */
export function UserSwitcher({ users, currentId, onChange }: UserSwitcherProps) {
  const styles = useStyles();
  const t = useT();
  const labelId = useId('user-switcher-label');
  const current = users.find((user) => user.id === currentId);

  return (
    <div className={styles.root}>
      <Label id={labelId} size="small" className={styles.label}>
        {t('app.viewingAs')}
      </Label>
      <Dropdown
        aria-labelledby={labelId}
        className={styles.dropdown}
        size="small"
        value={current?.displayName ?? ''}
        selectedOptions={[currentId]}
        onOptionSelect={(_, data) => {
          if (data.optionValue && data.optionValue !== currentId) onChange(data.optionValue);
        }}
        data-testid="user-switcher"
      >
        {users.map((user) => (
          <Option key={user.id} value={user.id} text={user.displayName}>
            {user.displayName}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}

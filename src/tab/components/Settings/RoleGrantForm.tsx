import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  useId,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import {
  GRANTABLE_ROLES,
  LIMITS,
  type GrantableRoleDto,
  type PersonDto,
  type RoleGrantDto,
} from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { PeoplePicker } from '../PeoplePicker/PeoplePicker.js';
import { useSettingsStyles } from './Settings.styles.js';
import { isDirectoryId, sameGrant } from './settingsModel.js';

export interface RoleGrantFormProps {
  grants: RoleGrantDto[];
  onAdd: (grant: RoleGrantDto) => void;
  onPicked: (person: PersonDto) => void;
  disabled: boolean;
}

const KINDS = ['person', 'group'] as const;

/** "Give <role> to <person or group>": one grant added to the list (saved with the rest). */
export function RoleGrantForm({ grants, onAdd, onPicked, disabled }: RoleGrantFormProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const whoId = useId('grant-who');
  const [role, setRole] = useState<GrantableRoleDto>('approver');
  const [kind, setKind] = useState<RoleGrantDto['kind']>('person');
  const [person, setPerson] = useState<PersonDto | undefined>();
  const [groupId, setGroupId] = useState('');
  const [problem, setProblem] = useState<MessageKey | undefined>();
  const full = grants.length >= LIMITS.roleGrants.max;

  function add() {
    const id = kind === 'person' ? person?.id : groupId.trim();
    if (!id) {
      setProblem(kind === 'person' ? 'settings.grants.personRequired' : 'settings.errors.groupId');
    } else if (kind === 'group' && !isDirectoryId(id)) {
      setProblem('settings.errors.groupId');
    } else if (grants.some((g) => sameGrant(g, { role, kind, id }))) {
      setProblem('settings.grants.duplicate');
    } else {
      onAdd({ role, kind, id });
      setPerson(undefined);
      setGroupId('');
      setProblem(undefined);
      return;
    }
    document.getElementById(whoId)?.focus();
  }

  return (
    <div className={styles.grantForm} role="group" aria-label={t('settings.grants.add')}>
      <Field label={t('settings.grants.role')}>
        <Dropdown
          inlinePopup
          value={t(`settings.roleName.${role}`)}
          selectedOptions={[role]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            const chosen = GRANTABLE_ROLES.find((r) => r === data.optionValue);
            if (chosen) setRole(chosen);
          }}
          data-testid="settings-grant-role"
        >
          {GRANTABLE_ROLES.map((r) => (
            <Option key={r} value={r}>
              {t(`settings.roleName.${r}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('settings.grants.to')}>
        <RadioGroup
          layout="horizontal"
          value={kind}
          disabled={disabled}
          onChange={(_, data) => {
            const chosen = KINDS.find((k) => k === data.value);
            if (chosen) setKind(chosen);
            setProblem(undefined);
          }}
        >
          {KINDS.map((k) => (
            <Radio
              key={k}
              value={k}
              label={t(`settings.grants.kind.${k}`)}
              data-testid={`settings-grant-kind-${k}`}
            />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={{
          children: kind === 'person' ? t('settings.grants.person') : t('settings.groupId'),
          htmlFor: whoId,
        }}
        hint={kind === 'group' ? t('settings.groupIdHint') : null}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ? t(problem) : null}
        className={styles.grantWhoField}
      >
        {kind === 'person' ? (
          <PeoplePicker
            id={whoId}
            testId="settings-grant-person"
            value={person}
            disabled={disabled}
            onChange={(picked) => {
              setPerson(picked);
              if (picked) {
                onPicked(picked);
                setProblem(undefined);
              }
            }}
          />
        ) : (
          <Input
            id={whoId}
            value={groupId}
            disabled={disabled}
            onChange={(_, data) => setGroupId(data.value)}
            data-testid="settings-grant-group"
          />
        )}
      </Field>
      <div className={styles.grantAdd}>
        <Button
          icon={<AddRegular />}
          disabledFocusable={disabled || full}
          onClick={add}
          data-testid="settings-grant-add"
        >
          {t('settings.grants.addButton')}
        </Button>
      </div>
    </div>
  );
}

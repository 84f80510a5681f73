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
import { DismissRegular } from '@fluentui/react-icons';
import { GRANTABLE_ROLES, LIMITS, type PersonDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { PeoplePicker } from '../PeoplePicker/PeoplePicker.js';
import { useSettingsStyles } from './Settings.styles.js';
import { APPROVER_KINDS, type ApproverDraft } from './settingsModel.js';

export interface ApproverEditorProps {
  /** "Who approves" for a stage, "If no one is found" for the fallback. */
  label: string;
  draft: ApproverDraft;
  onChange: (draft: ApproverDraft) => void;
  /** Names for person ids; an id it does not know is shown as it is. */
  nameOf: (id: string) => string;
  /** A person was picked: their name, for showing them later. */
  onPicked: (person: PersonDto) => void;
  problem: MessageKey | undefined;
  /** Prefix of the test ids inside (`settings-stage-1`, `settings-fallback`). */
  testId: string;
  disabled: boolean;
}

/**
 * Who decides: the author's manager, named people (picked from the directory), the members of
 * an Entra group (by its object id), or everyone holding a role.
 */
export function ApproverEditor({
  label,
  draft,
  onChange,
  nameOf,
  onPicked,
  problem,
  testId,
  disabled,
}: ApproverEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const detailId = useId(`${testId}-detail`);
  const message = problem ? t(problem) : null;
  const state = problem ? 'error' : 'none';

  return (
    <div className={styles.approver}>
      <Field label={label}>
        <RadioGroup
          layout="horizontal"
          value={draft.kind}
          disabled={disabled}
          onChange={(_, data) => {
            const kind = APPROVER_KINDS.find((k) => k === data.value);
            if (kind) onChange({ ...draft, kind });
          }}
          data-testid={`${testId}-kind`}
        >
          {APPROVER_KINDS.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={t(`settings.kind.${kind}`)}
              data-testid={`${testId}-kind-${kind}`}
            />
          ))}
        </RadioGroup>
      </Field>

      {draft.kind === 'manager' ? (
        <p className={styles.note}>{t('settings.kindHint.manager')}</p>
      ) : null}

      {draft.kind === 'people' ? (
        <Field
          label={{ children: t('settings.people'), htmlFor: detailId }}
          hint={t('settings.peopleHint', { max: LIMITS.stageApprovers.max })}
          validationState={state}
          validationMessage={message}
        >
          <PeoplePicker
            id={detailId}
            testId={`${testId}-person`}
            value={undefined}
            clearOnSelect
            disabled={disabled || draft.people.length >= LIMITS.stageApprovers.max}
            exclude={(person) => draft.people.includes(person.id)}
            onChange={(person) => {
              if (!person || draft.people.includes(person.id)) return;
              onPicked(person);
              onChange({ ...draft, people: [...draft.people, person.id] });
            }}
          />
        </Field>
      ) : null}
      {draft.kind === 'people' && draft.people.length > 0 ? (
        <ul className={styles.chips} aria-label={t('settings.people')}>
          {draft.people.map((id) => (
            <li key={id} className={styles.chip} data-testid={`${testId}-chosen`}>
              <span>{nameOf(id)}</span>
              <Button
                appearance="subtle"
                size="small"
                icon={<DismissRegular />}
                disabled={disabled}
                aria-label={t('settings.removePerson', { name: nameOf(id) })}
                onClick={() => onChange({ ...draft, people: draft.people.filter((p) => p !== id) })}
              />
            </li>
          ))}
        </ul>
      ) : null}

      {draft.kind === 'group' ? (
        <Field
          label={{ children: t('settings.groupId'), htmlFor: detailId }}
          hint={t('settings.groupIdHint')}
          validationState={state}
          validationMessage={message}
        >
          <Input
            id={detailId}
            value={draft.groupId}
            disabled={disabled}
            onChange={(_, data) => onChange({ ...draft, groupId: data.value })}
            data-testid={`${testId}-group`}
          />
        </Field>
      ) : null}

      {draft.kind === 'role' ? (
        <Field
          label={{ children: t('settings.role'), htmlFor: detailId }}
          validationState={state}
          validationMessage={message}
        >
          <Dropdown
            inlinePopup
            id={detailId}
            value={t(`settings.roleName.${draft.role}`)}
            selectedOptions={[draft.role]}
            disabled={disabled}
            onOptionSelect={(_, data) => {
              const role = GRANTABLE_ROLES.find((r) => r === data.optionValue);
              if (role) onChange({ ...draft, role });
            }}
            data-testid={`${testId}-role`}
          >
            {GRANTABLE_ROLES.map((role) => (
              <Option key={role} value={role}>
                {t(`settings.roleName.${role}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}

      {draft.kind === 'manager' && message ? (
        <p className={styles.error} role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

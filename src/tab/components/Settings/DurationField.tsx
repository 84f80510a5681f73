import { Dropdown, Field, Input, Option, Switch } from '@fluentui/react-components';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { DURATION_UNITS } from './durations.js';
import { useSettingsStyles } from './Settings.styles.js';
import type { TimerDraft } from './settingsModel.js';

export interface DurationFieldProps {
  /** What switching it on does: "Remind approvers", "Let stories expire". */
  label: string;
  hint: string;
  timer: TimerDraft;
  onChange: (timer: TimerDraft) => void;
  problem: MessageKey | undefined;
  testId: string;
  disabled: boolean;
}

/** An optional wait, entered as people say it: on or off, then "2 days" (saved as `P2D`). */
export function DurationField({
  label,
  hint,
  timer,
  onChange,
  problem,
  testId,
  disabled,
}: DurationFieldProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const count = Number(timer.amount) || 0;
  const unitLabel = (unit: TimerDraft['unit']) => t(`settings.unit.${unit}`, { count });

  return (
    <div className={styles.timer}>
      <Switch
        checked={timer.on}
        disabled={disabled}
        label={label}
        onChange={(_, data) => onChange({ ...timer, on: data.checked })}
        data-testid={`${testId}-on`}
      />
      {timer.on ? (
        <div className={styles.timerInputs}>
          <Field
            label={t('settings.after')}
            hint={hint}
            validationState={problem ? 'error' : 'none'}
            validationMessage={problem ? t(problem) : null}
            className={styles.amount}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              value={timer.amount}
              disabled={disabled}
              onChange={(_, data) => onChange({ ...timer, amount: data.value })}
              data-testid={`${testId}-amount`}
            />
          </Field>
          <Field label={t('settings.unitLabel')}>
            <Dropdown
              inlinePopup
              value={unitLabel(timer.unit)}
              selectedOptions={[timer.unit]}
              disabled={disabled}
              onOptionSelect={(_, data) => {
                const unit = DURATION_UNITS.find((u) => u === data.optionValue);
                if (unit) onChange({ ...timer, unit });
              }}
              data-testid={`${testId}-unit`}
            >
              {DURATION_UNITS.map((unit) => (
                <Option key={unit} value={unit} text={unitLabel(unit)}>
                  {unitLabel(unit)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
      ) : null}
    </div>
  );
}

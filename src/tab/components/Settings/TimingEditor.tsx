import { Field, Input } from '@fluentui/react-components';
import { useT } from '../../hooks/useT.js';
import { DurationField } from './DurationField.js';
import { useSettingsStyles } from './Settings.styles.js';
import { type SettingsDraft } from './settingsModel.js';
import { type Problems } from './settingsProblems.js';

type Timing = Pick<SettingsDraft, 'remind' | 'escalateAfter' | 'expire'>;

export interface TimingEditorProps {
  timing: Timing;
  onChange: (timing: Timing) => void;
  problems: Problems;
  disabled: boolean;
}

/** When waiting approvers are reminded, when their managers take over, when a story expires. */
export function TimingEditor({ timing, onChange, problems, disabled }: TimingEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const escalateProblem = problems.escalateAfterReminders;

  return (
    <div className={styles.timing}>
      <DurationField
        label={t('settings.remind')}
        hint={t('settings.remindHint')}
        timer={timing.remind}
        onChange={(remind) => onChange({ ...timing, remind })}
        problem={problems.remindAfter}
        testId="settings-remind"
        disabled={disabled}
      />
      {timing.remind.on ? (
        <Field
          label={t('settings.escalate')}
          hint={t('settings.escalateHint')}
          validationState={escalateProblem ? 'error' : 'none'}
          validationMessage={escalateProblem ? t(escalateProblem) : null}
          className={styles.amount}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={10}
            value={timing.escalateAfter}
            disabled={disabled}
            onChange={(_, data) => onChange({ ...timing, escalateAfter: data.value })}
            data-testid="settings-escalate"
          />
        </Field>
      ) : null}
      <DurationField
        label={t('settings.expire')}
        hint={t('settings.expireHint')}
        timer={timing.expire}
        onChange={(expire) => onChange({ ...timing, expire })}
        problem={problems.expireAfter}
        testId="settings-expire"
        disabled={disabled}
      />
    </div>
  );
}

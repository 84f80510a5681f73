import { Field, Input, Switch } from '@fluentui/react-components';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { useSettingsStyles } from './Settings.styles.js';

export interface SwitchedNumberProps {
  /** The switch: its label, state and test id; `describedBy` names a hint shown elsewhere. */
  label: MessageKey;
  on: boolean;
  onToggle: (on: boolean) => void;
  switchTestId: string;
  describedBy?: string;
  /** The whole number shown while the switch is on, as typed, within `min`…`max`. */
  numberLabel: MessageKey;
  numberHint?: MessageKey;
  value: string;
  min: number;
  max: number;
  onValue: (typed: string) => void;
  numberTestId: string;
  /** A problem with the number. */
  problem: MessageKey | undefined;
  disabled: boolean;
}

/**
 * A rule of the settings that is off or on with a number (keep closed stories for N days, no
 * repeat winner within N months): a switch, and beside it the number while it is on.
 */
export function SwitchedNumber(props: SwitchedNumberProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const { problem, disabled } = props;
  return (
    <div className={styles.timer}>
      <Switch
        label={t(props.label)}
        checked={props.on}
        disabled={disabled}
        aria-describedby={props.describedBy}
        onChange={(_, data) => props.onToggle(data.checked)}
        data-testid={props.switchTestId}
      />
      {props.on ? (
        <div className={styles.timerInputs}>
          <Field
            label={t(props.numberLabel)}
            hint={props.numberHint ? t(props.numberHint) : null}
            validationState={problem ? 'error' : 'none'}
            validationMessage={problem ? t(problem) : null}
            className={styles.amount}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={props.min}
              max={props.max}
              value={props.value}
              disabled={disabled}
              onChange={(_, data) => props.onValue(data.value)}
              data-testid={props.numberTestId}
            />
          </Field>
        </div>
      ) : null}
    </div>
  );
}

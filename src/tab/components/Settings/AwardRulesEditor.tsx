import { Field, Input, Switch, useId } from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { useSettingsStyles } from './Settings.styles.js';
import type { AwardRulesDraft } from './settingsModel.js';

export interface AwardRulesEditorProps {
  rules: AwardRulesDraft;
  onChange: (rules: AwardRulesDraft) => void;
  /** A problem with the number of months. */
  problem: MessageKey | undefined;
  disabled: boolean;
}

/**
 * The story of the month's rule, saved with the document: off by default; on, an author who won
 * cannot win again within the chosen number of months.
 */
export function AwardRulesEditor({ rules, onChange, problem, disabled }: AwardRulesEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const headingId = useId('settings-awards');
  const hintId = useId('settings-awards-hint');
  const change = (patch: Partial<AwardRulesDraft>) => onChange({ ...rules, ...patch });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="settings-awards">
      <h3 id={headingId} className={styles.sectionHeading}>
        {t('settings.awards.heading')}
      </h3>
      <div className={styles.timer}>
        <Switch
          label={t('settings.awards.noRepeat')}
          checked={rules.noRepeatOn}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(_, data) => change({ noRepeatOn: data.checked })}
          data-testid="settings-no-repeat-on"
        />
        {rules.noRepeatOn ? (
          <div className={styles.timerInputs}>
            <Field
              label={t('settings.awards.months')}
              validationState={problem ? 'error' : 'none'}
              validationMessage={problem ? t(problem) : null}
              className={styles.amount}
            >
              <Input
                type="number"
                inputMode="numeric"
                min={LIMITS.repeatWinnerMonths.min}
                max={LIMITS.repeatWinnerMonths.max}
                value={rules.months}
                disabled={disabled}
                onChange={(_, data) => change({ months: data.value })}
                data-testid="settings-no-repeat-months"
              />
            </Field>
          </div>
        ) : null}
      </div>
      <p id={hintId} className={styles.note}>
        {t('settings.awards.hint')}
      </p>
    </section>
  );
}

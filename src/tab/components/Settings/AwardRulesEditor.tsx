import { useId } from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { useSettingsStyles } from './Settings.styles.js';
import type { AwardRulesDraft } from './settingsModel.js';
import { SwitchedNumber } from './SwitchedNumber.js';

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
      <SwitchedNumber
        label="settings.awards.noRepeat"
        on={rules.noRepeatOn}
        onToggle={(noRepeatOn) => change({ noRepeatOn })}
        switchTestId="settings-no-repeat-on"
        describedBy={hintId}
        numberLabel="settings.awards.months"
        value={rules.months}
        min={LIMITS.repeatWinnerMonths.min}
        max={LIMITS.repeatWinnerMonths.max}
        onValue={(months) => change({ months })}
        numberTestId="settings-no-repeat-months"
        problem={problem}
        disabled={disabled}
      />
      <p id={hintId} className={styles.note}>
        {t('settings.awards.hint')}
      </p>
    </section>
  );
}

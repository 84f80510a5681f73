import { Switch, useId } from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { useSettingsStyles } from './Settings.styles.js';
import type { PrivacyDraft } from './settingsModel.js';
import { SwitchedNumber } from './SwitchedNumber.js';

export interface PrivacyEditorProps {
  privacy: PrivacyDraft;
  onChange: (privacy: PrivacyDraft) => void;
  /** A problem with the retention period. */
  problem: MessageKey | undefined;
  disabled: boolean;
}

/**
 * The privacy settings, saved with the document: privacy mode and what turning it on changes,
 * whether featured colleagues confirm before they are named, and how long closed stories are kept.
 */
export function PrivacyEditor({ privacy, onChange, problem, disabled }: PrivacyEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const headingId = useId('settings-privacy');
  const explainedId = useId('settings-privacy-changes');
  const confirmHintId = useId('settings-confirm-featured-hint');
  const change = (patch: Partial<PrivacyDraft>) => onChange({ ...privacy, ...patch });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="settings-privacy">
      <h3 id={headingId} className={styles.sectionHeading}>
        {t('settings.privacy.heading')}
      </h3>
      <p className={styles.note}>{t('settings.privacy.intro')}</p>
      <Switch
        label={t('settings.privacy.label')}
        checked={privacy.mode}
        disabled={disabled}
        aria-describedby={explainedId}
        onChange={(_, data) => change({ mode: data.checked })}
        data-testid="settings-privacy-switch"
      />
      <ul id={explainedId} className={styles.note}>
        <li>{t('settings.privacy.hideCounts')}</li>
        <li>{t('settings.privacy.noRanking')}</li>
        <li>{t('settings.privacy.channelCards')}</li>
        <li>{t('settings.privacy.insights')}</li>
      </ul>

      <Switch
        label={t('settings.privacy.confirmFeatured')}
        checked={privacy.confirmFeatured}
        disabled={disabled}
        aria-describedby={confirmHintId}
        onChange={(_, data) => change({ confirmFeatured: data.checked })}
        data-testid="settings-confirm-featured"
      />
      <p id={confirmHintId} className={styles.note}>
        {t('settings.privacy.confirmFeaturedHint')}
      </p>

      <SwitchedNumber
        label="settings.privacy.retention"
        on={privacy.retentionOn}
        onToggle={(retentionOn) => change({ retentionOn })}
        switchTestId="settings-retention-on"
        numberLabel="settings.privacy.retentionDays"
        numberHint="settings.privacy.retentionHint"
        value={privacy.retentionDays}
        min={LIMITS.retentionDays.min}
        max={LIMITS.retentionDays.max}
        onValue={(retentionDays) => change({ retentionDays })}
        numberTestId="settings-retention-days"
        problem={problem}
        disabled={disabled}
      />
    </section>
  );
}

import { Switch, useId } from '@fluentui/react-components';
import { useT } from '../../hooks/useT.js';
import { useSettingsStyles } from './Settings.styles.js';

export interface PrivacyEditorProps {
  enabled: boolean;
  onChange: (enabled: boolean) => void;
  disabled: boolean;
}

/** Privacy mode: one switch, and what turning it on changes. Saved with the document. */
export function PrivacyEditor({ enabled, onChange, disabled }: PrivacyEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const headingId = useId('settings-privacy');
  const explainedId = useId('settings-privacy-changes');

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="settings-privacy">
      <h3 id={headingId} className={styles.sectionHeading}>
        {t('settings.privacy.heading')}
      </h3>
      <p className={styles.note}>{t('settings.privacy.intro')}</p>
      <Switch
        label={t('settings.privacy.label')}
        checked={enabled}
        disabled={disabled}
        aria-describedby={explainedId}
        onChange={(_, data) => onChange(data.checked)}
        data-testid="settings-privacy-switch"
      />
      <ul id={explainedId} className={styles.note}>
        <li>{t('settings.privacy.hideCounts')}</li>
        <li>{t('settings.privacy.noRanking')}</li>
        <li>{t('settings.privacy.channelCards')}</li>
        <li>{t('settings.privacy.insights')}</li>
      </ul>
    </section>
  );
}

import {
  Combobox,
  Dropdown,
  Field,
  Input,
  Option,
  Switch,
  useId,
} from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import { DIGEST_WEEKDAYS, timeZoneOptions, type DigestsDraft } from './digestsModel.js';
import { ScheduledJobs } from './ScheduledJobs.js';
import { useSettingsStyles } from './Settings.styles.js';
import { type Problems } from './settingsProblems.js';

export interface DigestEditorProps {
  digests: DigestsDraft;
  onChange: (digests: DigestsDraft) => void;
  problems: Problems;
  disabled: boolean;
}

/**
 * The digests, saved with the document: the weekly digest to the company channel and the monthly
 * summary to each team lead, each on or off with its day and time, in one time zone; below them,
 * the history of scheduled jobs (when each ran, and what it sent).
 */
export function DigestEditor({ digests, onChange, problems, disabled }: DigestEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const headingId = useId('settings-digests');
  const change = (patch: Partial<DigestsDraft>) => onChange({ ...digests, ...patch });
  const weekday = (day: DigestsDraft['weeklyDay']) => t(`settings.digests.weekday.${day}`);
  const fieldError = (problem: Problems[keyof Problems]) => ({
    validationState: problem ? ('error' as const) : ('none' as const),
    validationMessage: problem ? t(problem) : null,
  });

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="settings-digests">
      <h3 id={headingId} className={styles.sectionHeading}>
        {t('settings.digests.heading')}
      </h3>
      <p className={styles.note}>{t('settings.digests.intro')}</p>

      <div className={styles.timer}>
        <Switch
          label={t('settings.digests.weekly')}
          checked={digests.weeklyOn}
          disabled={disabled}
          onChange={(_, data) => change({ weeklyOn: data.checked })}
          data-testid="settings-digest-weekly-on"
        />
        <p className={styles.note}>{t('settings.digests.weeklyHint')}</p>
        <div className={styles.timerInputs}>
          <Field label={t('settings.digests.day')}>
            <Dropdown
              inlinePopup
              value={weekday(digests.weeklyDay)}
              selectedOptions={[digests.weeklyDay]}
              disabled={disabled}
              onOptionSelect={(_, data) => {
                const day = DIGEST_WEEKDAYS.find((d) => d === data.optionValue);
                if (day) change({ weeklyDay: day });
              }}
              data-testid="settings-digest-weekly-day"
            >
              {DIGEST_WEEKDAYS.map((day) => (
                <Option key={day} value={day} text={weekday(day)}>
                  {weekday(day)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field
            label={t('settings.digests.time')}
            className={styles.amount}
            {...fieldError(problems.digestWeeklyTime)}
          >
            <Input
              type="time"
              value={digests.weeklyTime}
              disabled={disabled}
              onChange={(_, data) => change({ weeklyTime: data.value })}
              data-testid="settings-digest-weekly-time"
            />
          </Field>
        </div>
      </div>

      <div className={styles.timer}>
        <Switch
          label={t('settings.digests.monthly')}
          checked={digests.monthlyOn}
          disabled={disabled}
          onChange={(_, data) => change({ monthlyOn: data.checked })}
          data-testid="settings-digest-monthly-on"
        />
        <p className={styles.note}>{t('settings.digests.monthlyHint')}</p>
        <div className={styles.timerInputs}>
          <Field
            label={t('settings.digests.dayOfMonth')}
            hint={t('settings.digests.dayOfMonthHint')}
            className={styles.amount}
            {...fieldError(problems.digestMonthlyDay)}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={LIMITS.digestMonthDay.min}
              max={LIMITS.digestMonthDay.max}
              value={digests.monthlyDay}
              disabled={disabled}
              onChange={(_, data) => change({ monthlyDay: data.value })}
              data-testid="settings-digest-monthly-day"
            />
          </Field>
          <Field
            label={t('settings.digests.time')}
            className={styles.amount}
            {...fieldError(problems.digestMonthlyTime)}
          >
            <Input
              type="time"
              value={digests.monthlyTime}
              disabled={disabled}
              onChange={(_, data) => change({ monthlyTime: data.value })}
              data-testid="settings-digest-monthly-time"
            />
          </Field>
        </div>
      </div>

      <Field
        label={t('settings.digests.timeZone')}
        hint={t('settings.digests.timeZoneHint')}
        className={styles.zone}
        {...fieldError(problems.digestTimeZone)}
      >
        <Combobox
          // In a modal dialog: a portalled list would be hidden from assistive technology.
          inlinePopup
          freeform
          value={digests.timeZone}
          selectedOptions={[digests.timeZone]}
          disabled={disabled}
          maxLength={LIMITS.timeZone.max}
          onChange={(event) => change({ timeZone: event.target.value })}
          onOptionSelect={(_, data) => {
            if (data.optionValue) change({ timeZone: data.optionValue });
          }}
          data-testid="settings-digest-time-zone"
        >
          {timeZoneOptions(digests.timeZone, digests.timeZone).map((zone) => (
            <Option key={zone} value={zone}>
              {zone}
            </Option>
          ))}
        </Combobox>
      </Field>

      <ScheduledJobs />
    </section>
  );
}

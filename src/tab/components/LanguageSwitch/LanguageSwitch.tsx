import { Dropdown, Label, Option, makeStyles, tokens, useId } from '@fluentui/react-components';
import { LOCALES, type LocaleDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  label: {
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  dropdown: {
    minWidth: 'auto',
  },
});

export interface LanguageSwitchProps {
  value: LocaleDto;
  onChange: (locale: LocaleDto) => void;
}

/** Browser-mode language choice; inside Teams the Teams locale decides. */
export function LanguageSwitch({ value, onChange }: LanguageSwitchProps) {
  const styles = useStyles();
  const t = useT();
  const labelId = useId('language-label');
  return (
    <div className={styles.root}>
      <Label id={labelId} size="small" className={styles.label}>
        {t('app.language')}
      </Label>
      <Dropdown
        aria-labelledby={labelId}
        className={styles.dropdown}
        size="small"
        value={t(`languages.${value}`)}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => {
          const locale = LOCALES.find((candidate) => candidate === data.optionValue);
          if (locale) onChange(locale);
        }}
        data-testid="language-switch"
      >
        {LOCALES.map((locale) => (
          <Option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}

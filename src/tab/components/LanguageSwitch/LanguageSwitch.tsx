import { LOCALES, type LocaleDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import { LabelledDropdown } from '../LabelledDropdown/LabelledDropdown.js';

export interface LanguageSwitchProps {
  value: LocaleDto;
  onChange: (locale: LocaleDto) => void;
}

/** Browser-mode language choice; inside Teams the Teams locale decides. */
export function LanguageSwitch({ value, onChange }: LanguageSwitchProps) {
  const t = useT();
  return (
    <LabelledDropdown
      label={t('app.language')}
      // Each language is named in itself, so `lang` lets a screen reader pronounce it right.
      options={LOCALES.map((locale) => ({
        value: locale,
        text: t(`languages.${locale}`),
        lang: locale,
      }))}
      selected={value}
      onSelect={(choice) => {
        const locale = LOCALES.find((candidate) => candidate === choice);
        if (locale) onChange(locale);
      }}
      testId="language-switch"
    />
  );
}

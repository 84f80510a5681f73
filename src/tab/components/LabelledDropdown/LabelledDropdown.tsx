import { Dropdown, Label, Option, useId } from '@fluentui/react-components';
import { useLabelledDropdownStyles } from './LabelledDropdown.styles.js';

export interface LabelledDropdownOption {
  value: string;
  /** What the option and, once chosen, the closed dropdown show. */
  text: string;
  /** The option's language, when it differs from the page's (a language's own name). */
  lang?: string;
}

export interface LabelledDropdownProps {
  label: string;
  options: readonly LabelledDropdownOption[];
  /** The chosen option's value. */
  selected: string;
  /** Called with the value of the option the user picks. */
  onSelect: (value: string) => void;
  testId: string;
}

/** A small header control: a label and, beside it, a single-choice dropdown it names. */
export function LabelledDropdown({
  label,
  options,
  selected,
  onSelect,
  testId,
}: LabelledDropdownProps) {
  const styles = useLabelledDropdownStyles();
  const labelId = useId(`${testId}-label`);
  const current = options.find((option) => option.value === selected);

  return (
    <div className={styles.root}>
      <Label id={labelId} size="small" className={styles.label}>
        {label}
      </Label>
      <Dropdown
        aria-labelledby={labelId}
        className={styles.dropdown}
        size="small"
        value={current?.text ?? ''}
        selectedOptions={[selected]}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined) onSelect(data.optionValue);
        }}
        data-testid={testId}
      >
        {options.map((option) => (
          <Option key={option.value} value={option.value} text={option.text} lang={option.lang}>
            {option.text}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}

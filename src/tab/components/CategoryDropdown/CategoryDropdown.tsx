import { Dropdown, Option, type DropdownProps } from '@fluentui/react-components';
import { CATEGORIES, type CategoryId } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

export type CategoryDropdownProps = Omit<
  DropdownProps,
  'value' | 'selectedOptions' | 'onOptionSelect' | 'onChange' | 'multiselect' | 'children'
> & {
  /** The chosen category; `''` is none. */
  value: CategoryId | '';
  onChange: (category: CategoryId | '') => void;
  /** A filter's first option, "All categories", which stands for `''`. */
  includeAll?: boolean;
  'data-testid'?: string;
};

const ALL = 'all';

/** One of CATEGORIES, shown by its localized name; other Dropdown props pass through. */
export function CategoryDropdown({
  value,
  onChange,
  includeAll = false,
  ...dropdown
}: CategoryDropdownProps) {
  const t = useT();
  const none = includeAll ? t('wall.allCategories') : '';
  return (
    <Dropdown
      {...dropdown}
      value={value ? t(`category.${value}`) : none}
      selectedOptions={value ? [value] : includeAll ? [ALL] : []}
      onOptionSelect={(_, data) =>
        onChange(CATEGORIES.find((category) => category === data.optionValue) ?? '')
      }
    >
      {includeAll ? <Option value={ALL}>{none}</Option> : null}
      {CATEGORIES.map((category) => (
        <Option key={category} value={category}>
          {t(`category.${category}`)}
        </Option>
      ))}
    </Dropdown>
  );
}

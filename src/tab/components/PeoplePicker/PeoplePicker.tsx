import { Combobox, Option } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PersonDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useT } from '../../hooks/useT.js';
import { usePeopleSearch } from './usePeopleSearch.js';

export interface PeoplePickerProps {
  /** The chosen person; the picker shows their name. */
  value: PersonDto | undefined;
  /** A person picked from the list, or undefined once the text no longer names them. */
  onChange: (person: PersonDto | undefined) => void;
  /** People not to offer (the author, who is asked already, who is on the list already). */
  exclude?: (person: PersonDto) => boolean;
  /** An adding picker: the text empties after each choice, ready for the next name. */
  clearOnSelect?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** For focusing the picker, e.g. when its field has an error. */
  id?: string;
  testId: string;
}

/**
 * The one people picker of the tab: type a name or mail prefix, choose from the organisation's
 * directory (`/api/people?q=`). Inside a Field it takes the Field's label, hint and error.
 */
export function PeoplePicker({
  value,
  onChange,
  exclude,
  clearOnSelect = false,
  disabled = false,
  placeholder,
  id,
  testId,
}: PeoplePickerProps) {
  const t = useT();
  const { api } = useAppContext();
  const [query, setQuery] = useState(value?.displayName ?? '');
  // The form cleared the choice (after saving or adding): the name goes from the text too.
  const shown = useRef(value);
  useEffect(() => {
    const before = shown.current;
    shown.current = value;
    if (before && !value) setQuery((text) => (text === before.displayName ? '' : text));
  }, [value]);
  // Once a person is chosen their name is the text; it is not a new search.
  const searchText = value && query === value.displayName ? '' : query;
  const search = usePeopleSearch(api, searchText);
  const items =
    search.status === 'ready' ? search.items.filter((person) => !exclude?.(person)) : [];
  // The chosen person stays an option, so the list marks them as selected.
  const options = value && !items.some((p) => p.id === value.id) ? [value, ...items] : items;

  const hint =
    search.status === 'idle' && !value
      ? t('people.typeToSearch')
      : search.status === 'searching'
        ? t('people.searching')
        : search.status === 'error'
          ? t('people.error')
          : search.status === 'ready' && items.length === 0
            ? t('people.noMatch', { query: searchText.trim() })
            : undefined;

  return (
    <Combobox
      // Pickers live in modal dialogs: a portalled list would be hidden from assistive
      // technology by the dialog's aria-hidden on everything outside it.
      inlinePopup
      freeform
      id={id}
      data-testid={testId}
      disabled={disabled}
      placeholder={placeholder ?? t('people.placeholder')}
      value={query}
      selectedOptions={value ? [value.id] : []}
      onChange={(event) => {
        setQuery(event.target.value);
        if (value) onChange(undefined);
      }}
      onOptionSelect={(_, data) => {
        const person = options.find((p) => p.id === data.optionValue);
        if (!person) return;
        setQuery(clearOnSelect ? '' : person.displayName);
        onChange(person);
      }}
    >
      {options.map((person) => (
        <Option key={person.id} value={person.id}>
          {person.displayName}
        </Option>
      ))}
      {hint ? (
        <Option key="hint" value="" disabled>
          {hint}
        </Option>
      ) : null}
    </Combobox>
  );
}

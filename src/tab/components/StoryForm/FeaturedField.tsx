import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useCallback } from 'react';
import { LIMITS, type PersonDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useT } from '../../hooks/useT.js';
import { FeaturedNudge } from './FeaturedNudge.js';

/** Colleagues asked for at once: a few shown, the rest come in as those are added. */
const NUDGE_LIMIT = 6;

const NO_PEOPLE: readonly PersonDto[] = [];

export interface FeaturedFieldProps {
  /** The ids of the colleagues chosen. */
  value: string[];
  /** The story's own featured people (a resubmission): named even before the people list. */
  known: readonly PersonDto[];
  /** A new story: nudged with colleagues no published story names yet. */
  nudge: boolean;
  error: string | undefined;
  onChange: (ids: string[]) => void;
}

/**
 * The colleagues a story features: a picker of the organisation's people and, for a new story, a
 * nudge with colleagues not yet featured (nothing when those cannot be read).
 */
export function FeaturedField({ value, known, nudge, error, onChange }: FeaturedFieldProps) {
  const t = useT();
  const { api } = useAppContext();
  const readPeople = useCallback((signal: AbortSignal) => api.people(signal), [api]);
  const people = useLoad(readPeople).load;
  const readNeverFeatured = useCallback(
    (signal: AbortSignal) => api.neverFeatured(NUDGE_LIMIT, signal),
    [api],
  );
  const neverFeaturedLoad = useLoad(nudge ? readNeverFeatured : null).load;
  const neverFeatured =
    neverFeaturedLoad.state === 'ready' ? neverFeaturedLoad.value.items : NO_PEOPLE;

  const peopleById = new Map([
    ...neverFeatured.map((person) => [person.id, person.displayName] as const),
    ...known.map((person) => [person.id, person.displayName] as const),
    ...(people.state === 'ready'
      ? people.value.items.map((person) => [person.id, person.displayName] as const)
      : []),
  ]);
  const shownError = error ?? (people.state === 'error' ? t('form.peopleError') : undefined);

  return (
    <>
      <Field
        label={{ children: t('form.fields.featured'), htmlFor: 'story-form-featured' }}
        hint={t('form.hints.featured', { max: LIMITS.featured.max })}
        validationState={shownError ? 'error' : 'none'}
        validationMessage={shownError ?? null}
      >
        <Dropdown
          inlinePopup
          id="story-form-featured"
          data-testid="story-form-featured"
          multiselect
          placeholder={
            people.state === 'loading' ? t('form.peopleLoading') : t('form.featuredPlaceholder')
          }
          disabled={people.state !== 'ready'}
          value={value.map((id) => peopleById.get(id) ?? id).join(', ')}
          selectedOptions={value}
          onOptionSelect={(_, data) => onChange(data.selectedOptions)}
        >
          {people.state === 'ready'
            ? people.value.items.map((person) => (
                <Option key={person.id} value={person.id}>
                  {person.displayName}
                </Option>
              ))
            : null}
        </Dropdown>
      </Field>
      <FeaturedNudge
        people={neverFeatured}
        chosen={value}
        full={value.length >= LIMITS.featured.max}
        onAdd={(person) => onChange([...value, person.id])}
        returnFocusTo="story-form-featured"
      />
    </>
  );
}

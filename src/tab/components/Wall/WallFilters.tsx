import { Button, Field, Input, SearchBox } from '@fluentui/react-components';
import { LIMITS } from '../../../shared/dto.js';
import type { WallFilters as Filters } from '../../hooks/useWallStories.js';
import { useWallStyles } from './Wall.styles.js';
import { useT } from '../../hooks/useT.js';
import { CategoryDropdown } from '../CategoryDropdown/CategoryDropdown.js';
import { TeamFilterInput } from '../TeamFilterInput/TeamFilterInput.js';

export interface WallFiltersProps {
  /** What the user typed, before debouncing. */
  value: Filters;
  onChange: (value: Filters) => void;
}

/** Team, category, month and text search; a `search` landmark for assistive technology. */
export function WallFilters({ value, onChange }: WallFiltersProps) {
  const styles = useWallStyles();
  const t = useT();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const anySet = value.team !== '' || value.category !== '' || value.month !== '' || value.q !== '';

  return (
    <form
      role="search"
      aria-label={t('wall.filters')}
      className={styles.filters}
      onSubmit={(event) => event.preventDefault()}
      data-testid="wall-filters"
    >
      <Field label={t('wall.search')}>
        <SearchBox
          value={value.q}
          maxLength={LIMITS.q.max}
          placeholder={t('wall.searchPlaceholder')}
          onChange={(_, data) => set({ q: data.value })}
          data-testid="filter-search"
        />
      </Field>
      <Field label={t('wall.team')}>
        <TeamFilterInput
          value={value.team}
          onChange={(team) => set({ team })}
          data-testid="filter-team"
        />
      </Field>
      <Field label={t('wall.category')}>
        <CategoryDropdown
          includeAll
          value={value.category}
          onChange={(category) => set({ category })}
          data-testid="filter-category"
        />
      </Field>
      <Field label={t('wall.month')}>
        <Input
          type="month"
          value={value.month}
          onChange={(_, data) => set({ month: data.value })}
          data-testid="filter-month"
        />
      </Field>
      {anySet ? (
        <Button
          className={styles.clear}
          appearance="subtle"
          onClick={() => onChange({ team: '', category: '', month: '', q: '' })}
          data-testid="filter-clear"
        >
          {t('wall.clearFilters')}
        </Button>
      ) : null}
    </form>
  );
}

import { Button, Dropdown, Field, Input, Option, SearchBox } from '@fluentui/react-components';
import { CATEGORIES, LIMITS, type CategoryId } from '../../../shared/dto.js';
import type { WallFilters as Filters } from '../../hooks/useWallStories.js';
import { useWallStyles } from './Wall.styles.js';
import { useT } from '../../hooks/useT.js';

export interface WallFiltersProps {
  /** What the user typed, before debouncing. */
  value: Filters;
  onChange: (value: Filters) => void;
}

const ALL = 'all';

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
        <Input
          value={value.team}
          maxLength={LIMITS.team.max}
          placeholder={t('wall.teamPlaceholder')}
          onChange={(_, data) => set({ team: data.value })}
          data-testid="filter-team"
        />
      </Field>
      <Field label={t('wall.category')}>
        <Dropdown
          value={value.category ? t(`category.${value.category}`) : t('wall.allCategories')}
          selectedOptions={[value.category || ALL]}
          onOptionSelect={(_, data) =>
            set({ category: data.optionValue === ALL ? '' : (data.optionValue as CategoryId) })
          }
          data-testid="filter-category"
        >
          <Option value={ALL}>{t('wall.allCategories')}</Option>
          {CATEGORIES.map((category) => (
            <Option key={category} value={category}>
              {t(`category.${category}`)}
            </Option>
          ))}
        </Dropdown>
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

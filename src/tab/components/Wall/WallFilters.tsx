import { Button, Field, Input, SearchBox, Select } from '@fluentui/react-components';
import { LIMITS, LOCALES, WALL_SORTS } from '../../../shared/dto.js';
import { NO_FILTERS, type WallFilters as Filters } from '../../hooks/useWallStories.js';
import { useWallStyles } from './Wall.styles.js';
import { useT } from '../../hooks/useT.js';
import { CategoryDropdown } from '../CategoryDropdown/CategoryDropdown.js';
import { TeamFilterInput } from '../TeamFilterInput/TeamFilterInput.js';
import { useAppContext } from '../../appContext.js';
import { useTeamSuggestions } from '../../hooks/useTeamSuggestions.js';

export interface WallFiltersProps {
  /** What the user typed, before debouncing. */
  value: Filters;
  onChange: (value: Filters) => void;
  /** Whether "Most voted" is offered (not where privacy mode hides vote counts). */
  sortable: boolean;
}

/**
 * Text search, team, category, month, customer account, language and order; a `search` landmark
 * for assistive technology. The grid wraps its fields onto more rows as the tab narrows.
 */
export function WallFilters({ value, onChange, sortable }: WallFiltersProps) {
  const styles = useWallStyles();
  const t = useT();
  const teams = useTeamSuggestions(useAppContext().api);
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const anySet = (Object.keys(NO_FILTERS) as (keyof Filters)[]).some(
    (key) => key !== 'sort' && value[key] !== '',
  );

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
          className={styles.control}
          data-testid="filter-search"
        />
      </Field>
      <Field label={t('wall.team')}>
        <TeamFilterInput
          value={value.team}
          teams={teams}
          onChange={(team) => set({ team })}
          className={styles.control}
          data-testid="filter-team"
        />
      </Field>
      <Field label={t('wall.category')}>
        <CategoryDropdown
          includeAll
          value={value.category}
          onChange={(category) => set({ category })}
          className={styles.control}
          data-testid="filter-category"
        />
      </Field>
      <Field label={t('wall.month')}>
        <Input
          type="month"
          value={value.month}
          onChange={(_, data) => set({ month: data.value })}
          className={styles.control}
          data-testid="filter-month"
        />
      </Field>
      <Field label={t('wall.account')}>
        <Input
          value={value.account}
          maxLength={LIMITS.accountName.max}
          placeholder={t('wall.accountPlaceholder')}
          onChange={(_, data) => set({ account: data.value })}
          className={styles.control}
          data-testid="filter-account"
        />
      </Field>
      <Field label={t('wall.language')}>
        <Select
          value={value.language}
          onChange={(_, data) =>
            set({ language: LOCALES.find((locale) => locale === data.value) ?? '' })
          }
          className={styles.control}
          data-testid="filter-language"
        >
          <option value="">{t('wall.allLanguages')}</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {t(`wall.languages.${locale}`)}
            </option>
          ))}
        </Select>
      </Field>
      {sortable ? (
        <Field label={t('wall.sort')}>
          <Select
            value={value.sort === '' ? 'newest' : value.sort}
            onChange={(_, data) => set({ sort: WALL_SORTS.find((s) => s === data.value) ?? '' })}
            className={styles.control}
            data-testid="filter-sort"
          >
            {WALL_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`wall.sorts.${sort}`)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {anySet ? (
        <Button
          className={styles.clear}
          appearance="subtle"
          onClick={() => onChange({ ...NO_FILTERS, sort: value.sort })}
          data-testid="filter-clear"
        >
          {t('wall.clearFilters')}
        </Button>
      ) : null}
    </form>
  );
}

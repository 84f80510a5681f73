import { Button, Dropdown, Field, Option, useId } from '@fluentui/react-components';
import { AddRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { CategoryId, PersonDto } from '../../../shared/dto.js';
import { useFocusAfterRender } from '../../hooks/useFocusAfterRender.js';
import { useT } from '../../hooks/useT.js';
import { useSettingsStyles } from './Settings.styles.js';
import {
  categoriesWithoutStages,
  categoriesWithStages,
  withCategoryStages,
  withoutCategoryStages,
  type CategoryStagesDraft,
  type SettingsDraft,
} from './settingsModel.js';
import { type Problems } from './settingsProblems.js';
import { StageList } from './StageList.js';

export interface CategoryStagesProps {
  draft: Pick<SettingsDraft, 'stages' | 'byCategory'>;
  onChange: (byCategory: CategoryStagesDraft) => void;
  nameOf: (id: string) => string;
  onPicked: (person: PersonDto) => void;
  problems: Problems;
  disabled: boolean;
}

const ADD_SELECT_ID = 'settings-category-select';

/**
 * Stages of a category's own that replace the tenant's stages for its stories: each such
 * category with its stages, a way back to the tenant's stages, and a way to add another
 * category (starting from a copy of the tenant's stages as they are now).
 */
export function CategoryStages({
  draft,
  onChange,
  nameOf,
  onPicked,
  problems,
  disabled,
}: CategoryStagesProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const headingId = useId('settings-categories');
  const [chosen, setChosen] = useState<CategoryId | undefined>();
  const setFocusId = useFocusAfterRender();
  const own = categoriesWithStages(draft);
  const available = categoriesWithoutStages(draft);
  // The first category still available stands in until another is chosen.
  const selected = chosen && available.includes(chosen) ? chosen : available[0];

  function add() {
    if (!selected) return;
    onChange(withCategoryStages(draft, selected));
    setChosen(undefined);
    setFocusId(removeId(selected));
  }

  function remove(category: CategoryId) {
    onChange(withoutCategoryStages(draft, category));
    setChosen(category);
    setFocusId(ADD_SELECT_ID);
  }

  return (
    <section className={styles.categories} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.subHeading}>
        {t('settings.categories.heading')}
      </h4>
      <p className={styles.note}>
        {own.length > 0 ? t('settings.categories.intro') : t('settings.categories.none')}
      </p>
      {own.map((category) => {
        const name = t(`category.${category}`);
        const categoryHeadingId = `settings-category-${category}-heading`;
        const problem = problems[`category:${category}`];
        return (
          <section
            key={category}
            className={styles.category}
            aria-labelledby={categoryHeadingId}
            data-testid={`settings-category-${category}`}
          >
            <div className={styles.stageHeader}>
              <h5 id={categoryHeadingId} className={styles.categoryHeading}>
                {name}
              </h5>
              <Button
                id={removeId(category)}
                icon={<ArrowUndoRegular />}
                disabledFocusable={disabled}
                // The visible words first, then whose stages they are (label in name).
                aria-label={t('settings.categories.useTenantFor', { category: name })}
                onClick={() => remove(category)}
                data-testid={`settings-category-remove-${category}`}
              >
                {t('settings.categories.useTenant')}
              </Button>
            </div>
            {problem ? (
              <p
                className={styles.error}
                role="alert"
                data-testid={`settings-category-${category}-error`}
              >
                {t(problem)}
              </p>
            ) : null}
            <StageList
              stages={draft.byCategory[category] ?? []}
              onChange={(stages) => onChange({ ...draft.byCategory, [category]: stages })}
              nameOf={nameOf}
              onPicked={onPicked}
              problems={problems}
              disabled={disabled}
              idPrefix={`settings-category-${category}`}
              headingLevel={6}
            />
          </section>
        );
      })}
      {selected ? <p className={styles.note}>{t('settings.categories.addHint')}</p> : null}
      {selected ? (
        <div
          className={styles.categoryAdd}
          role="group"
          aria-label={t('settings.categories.addGroup')}
        >
          <Field
            className={styles.categoryAddField}
            label={{ children: t('settings.categories.choose'), htmlFor: ADD_SELECT_ID }}
          >
            <Dropdown
              inlinePopup
              id={ADD_SELECT_ID}
              value={t(`category.${selected}`)}
              selectedOptions={[selected]}
              disabled={disabled}
              onOptionSelect={(_, data) =>
                setChosen(available.find((category) => category === data.optionValue))
              }
              data-testid="settings-category-select"
            >
              {available.map((category) => (
                <Option key={category} value={category}>
                  {t(`category.${category}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button
            icon={<AddRegular />}
            disabledFocusable={disabled}
            onClick={add}
            data-testid="settings-category-add"
          >
            {t('settings.categories.add')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function removeId(category: CategoryId): string {
  return `settings-category-remove-${category}`;
}

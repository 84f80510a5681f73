import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { LIMITS, type PersonDto } from '../../../shared/dto.js';
import { useFocusAfterRender } from '../../hooks/useFocusAfterRender.js';
import { useT } from '../../hooks/useT.js';
import { useSettingsStyles } from './Settings.styles.js';
import { StageEditor } from './StageEditor.js';
import { moveStage, newStage, type StageDraft } from './settingsModel.js';
import { type Problems } from './settingsProblems.js';

export interface StageListProps {
  stages: StageDraft[];
  onChange: (stages: StageDraft[]) => void;
  nameOf: (id: string) => string;
  onPicked: (person: PersonDto) => void;
  problems: Problems;
  disabled: boolean;
  /**
   * Prefix of the element and test ids inside, unique per list: `settings` for the tenant's
   * stages (`settings-add-stage`, `settings-stage-2-…`), `settings-category-care` for a category's.
   */
  idPrefix?: string;
  /** The stages' heading level: 4 under the policy's heading, 6 under a category's. */
  headingLevel?: 4 | 6;
}

/**
 * The stages in the order a story goes through them: add (up to five), remove, move up and
 * down. After a move or a removal focus goes where the keyboard user expects it, not to the page.
 */
export function StageList({
  stages,
  onChange,
  nameOf,
  onPicked,
  problems,
  disabled,
  idPrefix = 'settings',
  headingLevel = 4,
}: StageListProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const setFocusId = useFocusAfterRender();
  const addId = `${idPrefix}-add-stage`;

  function move(key: string, by: -1 | 1) {
    onChange(moveStage(stages, key, by));
    setFocusId(`${key}-${by === -1 ? 'up' : 'down'}`);
  }

  function remove(key: string) {
    const index = stages.findIndex((stage) => stage.key === key);
    const rest = stages.filter((stage) => stage.key !== key);
    onChange(rest);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    setFocusId(neighbour ? `${neighbour.key}-remove` : addId);
  }

  function add() {
    const stage = newStage();
    onChange([...stages, stage]);
    setFocusId(`${stage.key}-remove`);
  }

  return (
    <>
      <ol className={styles.stages}>
        {stages.map((stage, index) => (
          <StageEditor
            key={stage.key}
            stage={stage}
            number={index + 1}
            count={stages.length}
            onChange={(changed) =>
              onChange(stages.map((s) => (s.key === changed.key ? changed : s)))
            }
            onMove={(by) => move(stage.key, by)}
            onRemove={() => remove(stage.key)}
            nameOf={nameOf}
            onPicked={onPicked}
            problem={problems[`stage:${stage.key}`]}
            disabled={disabled}
            testId={`${idPrefix}-stage-${index + 1}`}
            itemTestId={`${idPrefix}-stage`}
            headingLevel={headingLevel}
          />
        ))}
      </ol>
      <div>
        <Button
          id={addId}
          icon={<AddRegular />}
          disabledFocusable={disabled || stages.length >= LIMITS.stages.max}
          onClick={add}
          data-testid={addId}
        >
          {stages.length >= LIMITS.stages.max
            ? t('settings.maxStages', { max: LIMITS.stages.max })
            : t('settings.addStage')}
        </Button>
      </div>
    </>
  );
}

import { Button, Field, Radio, RadioGroup, Tooltip, useId } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { STAGE_MODES, type PersonDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { ApproverEditor } from './ApproverEditor.js';
import { useSettingsStyles } from './Settings.styles.js';
import type { StageDraft } from './settingsModel.js';

export interface StageEditorProps {
  stage: StageDraft;
  /** 1-based, as people count stages. */
  number: number;
  count: number;
  onChange: (stage: StageDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  nameOf: (id: string) => string;
  onPicked: (person: PersonDto) => void;
  problem: MessageKey | undefined;
  disabled: boolean;
  /** Prefix of the test ids inside (`settings-stage-2`, `settings-category-care-stage-1`). */
  testId: string;
  /** The test id of the list item itself (`settings-stage`, `settings-category-care-stage`). */
  itemTestId: string;
  headingLevel: 4 | 6;
}

/** One stage of the policy: who approves, how they decide, and its place in the order. */
export function StageEditor({
  stage,
  number,
  count,
  onChange,
  onMove,
  onRemove,
  nameOf,
  onPicked,
  problem,
  disabled,
  testId,
  itemTestId,
  headingLevel,
}: StageEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const headingId = useId('stage-heading');
  const Heading = headingLevel === 6 ? 'h6' : 'h4';

  const iconButton = (
    label: string,
    icon: ReactElement,
    onClick: () => void,
    off: boolean,
    action: 'up' | 'down' | 'remove',
  ) => (
    <Tooltip content={label} relationship="label" withArrow>
      <Button
        // Stable across moves, so the list can put focus back on it (see StageList).
        id={`${stage.key}-${action}`}
        appearance="subtle"
        icon={icon}
        // Focusable while unavailable, so focus stays put after a stage reaches the end.
        disabledFocusable={off || disabled}
        onClick={onClick}
        data-testid={`${testId}-${action}`}
      />
    </Tooltip>
  );

  return (
    <li className={styles.stage} aria-labelledby={headingId} data-testid={itemTestId}>
      <div className={styles.stageHeader}>
        <Heading id={headingId} className={styles.stageHeading}>
          {t('settings.stageHeading', { number, count })}
        </Heading>
        <div className={styles.stageTools}>
          {iconButton(
            t('settings.moveUp', { number }),
            <ArrowUpRegular />,
            () => onMove(-1),
            number === 1,
            'up',
          )}
          {iconButton(
            t('settings.moveDown', { number }),
            <ArrowDownRegular />,
            () => onMove(1),
            number === count,
            'down',
          )}
          {iconButton(
            t('settings.removeStage', { number }),
            <DeleteRegular />,
            onRemove,
            count === 1,
            'remove',
          )}
        </div>
      </div>
      <ApproverEditor
        label={t('settings.whoApproves')}
        draft={stage.approvers}
        onChange={(approvers) => onChange({ ...stage, approvers })}
        nameOf={nameOf}
        onPicked={onPicked}
        problem={problem}
        testId={testId}
        disabled={disabled}
      />
      {stage.approvers.kind !== 'manager' ? (
        <Field label={t('settings.mode')}>
          <RadioGroup
            value={stage.mode}
            disabled={disabled}
            onChange={(_, data) => {
              const mode = STAGE_MODES.find((m) => m === data.value);
              if (mode) onChange({ ...stage, mode });
            }}
            data-testid={`${testId}-mode`}
          >
            {STAGE_MODES.map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={t(`settings.modeName.${mode}`)}
                data-testid={`${testId}-mode-${mode}`}
              />
            ))}
          </RadioGroup>
        </Field>
      ) : null}
    </li>
  );
}

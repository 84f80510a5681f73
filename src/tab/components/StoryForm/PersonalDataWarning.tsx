import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { FieldPersonalData } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import { personalDataLines } from './personalDataModel.js';
import { useStoryFormStyles } from './StoryForm.styles.js';

export interface PersonalDataWarningProps {
  /** Likely personal data found at the last submit, by field (at least one). */
  findings: FieldPersonalData[];
  busy: boolean;
  /** "Edit": back to the first field with a finding. */
  onEdit: () => void;
  onSendAnyway: () => void;
}

/** Stops a story with likely personal data before it is sent: edit it, or send it anyway. */
export function PersonalDataWarning({
  findings,
  busy,
  onEdit,
  onSendAnyway,
}: PersonalDataWarningProps) {
  const styles = useStoryFormStyles();
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Focused when shown (and found again), so the keyboard goes on to its actions next.
  useEffect(() => {
    ref.current?.focus();
  }, [findings]);

  return (
    <div ref={ref} tabIndex={-1} data-testid="story-form-personal-data">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('form.personalData.title')}</MessageBarTitle>
          {t('form.personalData.intro')}
          <ul className={styles.findings}>
            {personalDataLines(findings, t).map((line) => (
              <li key={line.field}>{line.text}</li>
            ))}
          </ul>
        </MessageBarBody>
        <MessageBarActions>
          <Button disabled={busy} onClick={onEdit} data-testid="story-form-personal-data-edit">
            {t('form.personalData.edit')}
          </Button>
          <Button disabled={busy} onClick={onSendAnyway} data-testid="story-form-send-anyway">
            {t('form.personalData.sendAnyway')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

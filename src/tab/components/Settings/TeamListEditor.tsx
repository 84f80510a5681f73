import { Button, Field, Input, useId } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { useSettingsStyles } from './Settings.styles.js';
import { teamAddProblem } from './settingsProblems.js';

export interface TeamListEditorProps {
  teams: string[];
  onChange: (teams: string[]) => void;
  /** The server refused the list as saved. */
  problem: MessageKey | undefined;
  disabled: boolean;
}

/**
 * The teams the story forms suggest, saved with the document: add one by name (trimmed, once
 * whatever its case) or remove one. Stories already told keep their team.
 */
export function TeamListEditor({ teams, onChange, problem, disabled }: TeamListEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const headingId = useId('settings-teams');
  const [typed, setTyped] = useState('');
  const [addProblem, setAddProblem] = useState<MessageKey | undefined>();

  function add(event: FormEvent) {
    event.preventDefault();
    const found = teamAddProblem(teams, typed);
    setAddProblem(found);
    if (found) return;
    onChange([...teams, typed.trim()]);
    setTyped('');
  }

  const shown = addProblem ?? problem;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="settings-teams">
      <h3 id={headingId} className={styles.sectionHeading}>
        {t('settings.teams.heading')}
      </h3>
      <p className={styles.note}>{t('settings.teams.intro')}</p>
      {teams.length === 0 ? (
        <p className={styles.note}>{t('settings.teams.none')}</p>
      ) : (
        <ul className={styles.teamList} aria-labelledby={headingId}>
          {teams.map((team) => (
            <li key={team} className={styles.team} data-testid="settings-team">
              <span>{team}</span>
              <Button
                appearance="subtle"
                size="small"
                icon={<DismissRegular />}
                disabled={disabled}
                aria-label={t('settings.teams.remove', { name: team })}
                onClick={() => onChange(teams.filter((other) => other !== team))}
                data-testid="settings-team-remove"
              />
            </li>
          ))}
        </ul>
      )}
      {/* A form of its own, so Enter in the name adds the team instead of saving the settings. */}
      <form className={styles.grantForm} onSubmit={add}>
        <Field
          label={t('settings.teams.name')}
          className={styles.grantWhoField}
          validationState={shown ? 'error' : 'none'}
          validationMessage={shown ? t(shown) : null}
        >
          <Input
            value={typed}
            maxLength={LIMITS.team.max}
            disabled={disabled}
            onChange={(_, data) => {
              setTyped(data.value);
              setAddProblem(undefined);
            }}
            data-testid="settings-team-name"
          />
        </Field>
        <Button
          type="submit"
          className={styles.grantAdd}
          disabled={disabled}
          data-testid="settings-team-add"
        >
          {t('settings.teams.add')}
        </Button>
      </form>
    </section>
  );
}

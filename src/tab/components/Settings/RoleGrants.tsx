import { Button, Caption1, useId } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { PersonDto, RoleGrantDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';
import type { MessageKey } from '../../i18n.js';
import { RoleGrantForm } from './RoleGrantForm.js';
import { useSettingsStyles } from './Settings.styles.js';

export interface RoleGrantsProps {
  grants: RoleGrantDto[];
  onChange: (grants: RoleGrantDto[]) => void;
  nameOf: (id: string) => string;
  onPicked: (person: PersonDto) => void;
  /** E.g. the server refused a save that would remove the saving admin's own admin role. */
  problem: MessageKey | undefined;
  disabled: boolean;
}

/** Who holds which role by a grant made here: add a person or an Entra group, or remove one. */
export function RoleGrants({
  grants,
  onChange,
  nameOf,
  onPicked,
  problem,
  disabled,
}: RoleGrantsProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const errorId = useId('roles-error');
  const errorRef = useRef<HTMLParagraphElement>(null);

  // A refused save lands here: bring the reason into view beside the grants it is about.
  useEffect(() => {
    if (problem) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  return (
    <div className={styles.grants} aria-describedby={problem ? errorId : undefined}>
      {problem ? (
        <p
          id={errorId}
          ref={errorRef}
          className={styles.error}
          role="alert"
          data-testid="settings-roles-error"
        >
          {t(problem)}
        </p>
      ) : null}
      {grants.length === 0 ? (
        <p className={styles.note}>{t('settings.grants.empty')}</p>
      ) : (
        <ul className={styles.grantList} aria-label={t('settings.grants.heading')}>
          {grants.map((grant) => {
            const who = grant.kind === 'person' ? nameOf(grant.id) : grant.id;
            const role = t(`settings.roleName.${grant.role}`);
            return (
              <li
                key={`${grant.role}:${grant.kind}:${grant.id}`}
                className={styles.grant}
                data-testid="settings-grant"
              >
                <span className={styles.grantWho}>{who}</span>
                <Caption1 className={styles.grantKind}>
                  {t(`settings.grants.kind.${grant.kind}`)}
                </Caption1>
                <span className={styles.grantRole}>{role}</span>
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  disabled={disabled}
                  aria-label={t('settings.grants.remove', { role, name: who })}
                  onClick={() => onChange(grants.filter((g) => g !== grant))}
                  data-testid="settings-grant-remove"
                />
              </li>
            );
          })}
        </ul>
      )}
      <RoleGrantForm
        grants={grants}
        onAdd={(grant) => onChange([...grants, grant])}
        onPicked={onPicked}
        disabled={disabled}
      />
    </div>
  );
}

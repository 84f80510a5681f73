import {
  Button,
  Caption1,
  DialogActions,
  DialogContent,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  useId,
} from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import type { PersonDto, SettingsDto } from '../../../shared/dto.js';
import { ApiError } from '../../api/client.js';
import { useAppContext } from '../../appContext.js';
import { errorKey, type ErrorKey } from '../../errors.js';
import { formatDateTime } from '../../format.js';
import { useNotify } from '../../hooks/useNotify.js';
import { useT } from '../../hooks/useT.js';
import { ApproverEditor } from './ApproverEditor.js';
import { CategoryStages } from './CategoryStages.js';
import { DigestEditor } from './DigestEditor.js';
import { AwardRulesEditor } from './AwardRulesEditor.js';
import { PrivacyEditor } from './PrivacyEditor.js';
import { RoleGrants } from './RoleGrants.js';
import { useSettingsStyles } from './Settings.styles.js';
import { draftOf, inputOf, type SettingsDraft } from './settingsModel.js';
import { problemsFromServer, problemsOf, type Problems } from './settingsProblems.js';
import { StageList } from './StageList.js';
import { TeamListEditor } from './TeamListEditor.js';
import { TimingEditor } from './TimingEditor.js';

export interface SettingsEditorProps {
  settings: SettingsDto;
  nameOf: (id: string) => string;
  onPicked: (person: PersonDto) => void;
  onSaved: (settings: SettingsDto) => void;
  /** After a conflict: read the newer document (this editor starts over from it). */
  onReload: () => void;
  onBusyChange: (busy: boolean) => void;
  closeButton: ReactNode;
}

type SaveError = ErrorKey | 'settings.fixErrors' | 'conflict';

/**
 * The settings document as a form: the policy's stages (the tenant's and categories' own),
 * fallback and timers, role grants, the privacy settings, and the digests with the history of
 * scheduled jobs.
 */
export function SettingsEditor({
  settings,
  nameOf,
  onPicked,
  onSaved,
  onReload,
  onBusyChange,
  closeButton,
}: SettingsEditorProps) {
  const styles = useSettingsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const notify = useNotify();
  const policyId = useId('settings-policy');
  const rolesId = useId('settings-roles');
  const topRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [checked, setChecked] = useState(false);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SaveError | undefined>();
  const problems: Problems = { ...(checked ? problemsOf(draft) : {}), ...serverProblems };

  function change(patch: Partial<SettingsDraft>) {
    setDraft((previous) => ({ ...previous, ...patch }));
    // What the server refused was about the document as it was sent.
    setServerProblems({});
    if (error !== 'conflict') setError(undefined);
  }

  function showError(next: SaveError) {
    setError(next);
    topRef.current?.scrollIntoView({ block: 'nearest' });
  }

  async function save() {
    setChecked(true);
    if (Object.keys(problemsOf(draft)).length > 0) {
      showError('settings.fixErrors');
      return;
    }
    setBusy(true);
    onBusyChange(true);
    setError(undefined);
    try {
      const saved = await api.saveSettings(inputOf(draft));
      notify({ title: t('settings.saved'), intent: 'success' });
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'conflict') {
        showError('conflict');
      } else if (failure instanceof ApiError && failure.code === 'validation') {
        const placed = problemsFromServer(failure.fields, draft);
        setServerProblems(placed);
        showError(Object.keys(placed).length > 0 ? 'settings.fixErrors' : 'errors.validation');
      } else {
        showError(errorKey(failure));
      }
    } finally {
      setBusy(false);
      onBusyChange(false);
    }
  }

  return (
    <>
      <DialogContent className={styles.content}>
        <div ref={topRef} className={styles.status}>
          <Caption1 data-testid="settings-version">
            {settings.updatedAt
              ? t('settings.version', {
                  version: settings.version,
                  date: formatDateTime(settings.updatedAt, language),
                  name: settings.updatedBy ? nameOf(settings.updatedBy) : '',
                })
              : t('settings.neverSaved')}
          </Caption1>
          {error === 'conflict' ? (
            <MessageBar intent="warning" layout="multiline" data-testid="settings-conflict">
              <MessageBarBody>{t('settings.conflict')}</MessageBarBody>
              <MessageBarActions>
                <Button onClick={onReload} data-testid="settings-reload">
                  {t('settings.reload')}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : error ? (
            <MessageBar intent="error" data-testid="settings-error">
              <MessageBarBody>{t(error)}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>

        <section className={styles.section} aria-labelledby={policyId}>
          <h3 id={policyId} className={styles.sectionHeading}>
            {t('settings.policyHeading')}
          </h3>
          <p className={styles.note}>{t('settings.policyIntro')}</p>
          <StageList
            stages={draft.stages}
            onChange={(stages) => change({ stages })}
            nameOf={nameOf}
            onPicked={onPicked}
            problems={problems}
            disabled={busy}
          />
          <CategoryStages
            draft={draft}
            onChange={(byCategory) => change({ byCategory })}
            nameOf={nameOf}
            onPicked={onPicked}
            problems={problems}
            disabled={busy}
          />
          <h4 className={styles.subHeading}>{t('settings.fallbackHeading')}</h4>
          <ApproverEditor
            label={t('settings.fallbackLabel')}
            draft={draft.fallback}
            onChange={(fallback) => change({ fallback })}
            nameOf={nameOf}
            onPicked={onPicked}
            problem={problems.fallback}
            testId="settings-fallback"
            disabled={busy}
          />
          <h4 className={styles.subHeading}>{t('settings.timingHeading')}</h4>
          <TimingEditor
            timing={draft}
            onChange={(timing) => change(timing)}
            problems={problems}
            disabled={busy}
          />
        </section>

        <section className={styles.section} aria-labelledby={rolesId}>
          <h3 id={rolesId} className={styles.sectionHeading}>
            {t('settings.grants.heading')}
          </h3>
          <p className={styles.note}>{t('settings.grants.intro')}</p>
          <RoleGrants
            grants={draft.roles}
            onChange={(roles) => change({ roles })}
            nameOf={nameOf}
            onPicked={onPicked}
            problem={problems.roles}
            disabled={busy}
          />
        </section>

        <PrivacyEditor
          privacy={draft.privacy}
          onChange={(privacy) => change({ privacy })}
          problem={problems.retention}
          disabled={busy}
        />

        <AwardRulesEditor
          rules={draft.awards}
          onChange={(awards) => change({ awards })}
          problem={problems.repeatWinners}
          disabled={busy}
        />

        <TeamListEditor
          teams={draft.teams}
          onChange={(teams) => change({ teams })}
          problem={problems.teams}
          disabled={busy}
        />

        <DigestEditor
          digests={draft.digests}
          onChange={(digests) => change({ digests })}
          problems={problems}
          disabled={busy}
        />
      </DialogContent>
      <DialogActions>
        {closeButton}
        <Button
          appearance="primary"
          disabledFocusable={busy || error === 'conflict'}
          icon={busy ? <Spinner size="tiny" /> : null}
          onClick={() => void save()}
          data-testid="settings-save"
        >
          {busy ? t('settings.saving') : t('settings.save')}
        </Button>
      </DialogActions>
    </>
  );
}

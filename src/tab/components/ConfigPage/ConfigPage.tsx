import {
  Body1,
  Caption1,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { CATEGORIES, LIMITS, type CategoryId } from '../../../shared/dto.js';
import { channelTabSettings, type ChannelTabFilter } from '../../channelTab.js';
import { useT } from '../../hooks/useT.js';
import type { Host } from '../../teams/host.js';
import { enableTabSave, loadSavedFilter } from '../../teams/tabConfig.js';
import { useConfigPageStyles } from './ConfigPage.styles.js';

export interface ConfigPageProps {
  host: Host;
}

const ALL = 'all';
const NO_FILTER: ChannelTabFilter = { category: '', team: '' };

/**
 * The configurable tab's configuration page (`/config`). Inside Teams: what the tab will show
 * and an optional default filter, saved into the tab's content URL. In a plain browser there is
 * nothing to configure, so it says what the page is for and links to the wall.
 */
export function ConfigPage({ host }: ConfigPageProps) {
  const styles = useConfigPageStyles();
  return (
    <div className={styles.page}>
      <main className={styles.main} data-testid="config-page">
        {host.inTeams ? <ChannelSetup host={host} /> : <OutsideTeams />}
      </main>
    </div>
  );
}

function ChannelSetup({ host }: ConfigPageProps) {
  const styles = useConfigPageStyles();
  const t = useT();
  const [filter, setFilter] = useState<ChannelTabFilter>(NO_FILTER);
  const [unavailable, setUnavailable] = useState(false);
  // Teams keeps the save handler registered once; it reads the filter as it is on Save.
  const latest = useRef(filter);
  useEffect(() => {
    latest.current = filter;
  }, [filter]);

  useEffect(() => {
    try {
      enableTabSave({
        settings: () => channelTabSettings(window.location.origin, latest.current, t('app.title')),
        failureReason: () => t('config.saveFailed'),
      });
    } catch {
      // teams-js refuses outside the configuration frame, e.g. when /config is opened as content.
      setUnavailable(true);
    }
    host.notifyLoaded();
  }, [host, t]);

  // Reopened settings of an existing tab start from what it saved, unless the user was quicker.
  useEffect(() => {
    let active = true;
    void loadSavedFilter().then((saved) => {
      if (active) setFilter((current) => (current === NO_FILTER ? saved : current));
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <>
      <h1 className={styles.heading}>{t('config.heading')}</h1>
      <Body1 as="p" className={styles.text}>
        {t('config.intro')}
      </Body1>
      {unavailable ? (
        <MessageBar intent="warning" data-testid="config-unavailable">
          <MessageBarBody>{t('config.unavailable')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <fieldset className={styles.filter}>
        <legend className={styles.legend}>{t('config.filterHeading')}</legend>
        <Caption1 className={styles.hint}>{t('config.filterHint')}</Caption1>
        <Field label={t('wall.category')}>
          <Dropdown
            value={filter.category ? t(`category.${filter.category}`) : t('wall.allCategories')}
            selectedOptions={[filter.category || ALL]}
            onOptionSelect={(_, data) =>
              setFilter((current) => ({
                ...current,
                category: CATEGORIES.find((id): id is CategoryId => id === data.optionValue) ?? '',
              }))
            }
            data-testid="config-category"
          >
            <Option value={ALL}>{t('wall.allCategories')}</Option>
            {CATEGORIES.map((category) => (
              <Option key={category} value={category}>
                {t(`category.${category}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('wall.team')}>
          <Input
            value={filter.team}
            maxLength={LIMITS.team.max}
            placeholder={t('wall.teamPlaceholder')}
            onChange={(_, data) => setFilter((current) => ({ ...current, team: data.value }))}
            data-testid="config-team"
          />
        </Field>
      </fieldset>
    </>
  );
}

function OutsideTeams() {
  const styles = useConfigPageStyles();
  const t = useT();
  return (
    <>
      <h1 className={styles.heading}>{t('config.browserHeading')}</h1>
      <Body1 as="p" className={styles.text} data-testid="config-explanation">
        {t('config.browserIntro')}
      </Body1>
      <Body1 as="p" className={styles.text}>
        <Link href="/" data-testid="config-open-wall">
          {t('config.openWall')}
        </Link>
      </Body1>
    </>
  );
}

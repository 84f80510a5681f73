import {
  Body1,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ChannelTabFilter } from '../../channelTab.js';
import { useT } from '../../hooks/useT.js';
import type { Host } from '../../teams/host.js';
import { loadSavedFilter, type TabSetup } from '../../teams/tabConfig.js';
import { CategoryDropdown } from '../CategoryDropdown/CategoryDropdown.js';
import { TeamFilterInput } from '../TeamFilterInput/TeamFilterInput.js';
import { useConfigPageStyles } from './ConfigPage.styles.js';

export interface ConfigPageProps {
  host: Host;
  /** Inside Teams: the tab being set up (its save registered at start-up); none in a browser. */
  setup?: TabSetup | undefined;
}

const NO_FILTER: ChannelTabFilter = { category: '', team: '' };

/**
 * The configurable tab's configuration page (`/config`). Inside Teams: what the tab will show
 * and an optional default filter, saved into the tab's content URL. In a plain browser there is
 * nothing to configure, so it says what the page is for and links to the wall.
 */
export function ConfigPage({ host, setup }: ConfigPageProps) {
  const styles = useConfigPageStyles();
  return (
    <div className={styles.page}>
      <main className={styles.main} data-testid="config-page">
        {setup ? <ChannelSetup host={host} setup={setup} /> : <OutsideTeams />}
      </main>
    </div>
  );
}

function ChannelSetup({ host, setup }: { host: Host; setup: TabSetup }) {
  const styles = useConfigPageStyles();
  const t = useT();
  const [filter, setFilter] = useState<ChannelTabFilter>(NO_FILTER);
  // Teams reads the filter on Save, through the handler registered at start-up.
  useEffect(() => {
    setup.setFilter(filter);
  }, [setup, filter]);

  useEffect(() => {
    host.notifyLoaded();
  }, [host]);

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
      {setup.saveable ? null : (
        <MessageBar intent="warning" data-testid="config-unavailable">
          <MessageBarBody>{t('config.unavailable')}</MessageBarBody>
        </MessageBar>
      )}
      <fieldset className={styles.filter}>
        <legend className={styles.legend}>{t('config.filterHeading')}</legend>
        <Caption1 className={styles.hint}>{t('config.filterHint')}</Caption1>
        <Field label={t('wall.category')}>
          <CategoryDropdown
            includeAll
            value={filter.category}
            onChange={(category) => setFilter((current) => ({ ...current, category }))}
            data-testid="config-category"
          />
        </Field>
        <Field label={t('wall.team')}>
          <TeamFilterInput
            value={filter.team}
            onChange={(team) => setFilter((current) => ({ ...current, team }))}
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

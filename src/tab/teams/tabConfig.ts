import { pages } from '@microsoft/teams-js';
import { parseTabQuery, type ChannelTabFilter, type ChannelTabSettings } from '../channelTab.js';

/** The parts of teams-js `pages` the configuration page uses; tests pass a stub. */
export interface TabConfigSdk {
  config: Pick<typeof pages.config, 'setValidityState' | 'registerOnSaveHandler' | 'setConfig'>;
  getConfig: typeof pages.getConfig;
}

/**
 * teams-js through named members only: passing the `pages` namespace around as a value would
 * keep all of it, and teams-js is one chunk that the wall loads up front.
 */
const teamsPages: TabConfigSdk = {
  config: {
    setValidityState: (validityState) => pages.config.setValidityState(validityState),
    registerOnSaveHandler: (handler) => pages.config.registerOnSaveHandler(handler),
    setConfig: (instanceConfig) => pages.config.setConfig(instanceConfig),
  },
  getConfig: () => pages.getConfig(),
};

export interface EnableTabSaveOptions {
  /** The settings to save, read when the user presses Save (the filter may have changed). */
  settings: () => ChannelTabSettings;
  /** Shown by Teams when saving fails; a user-facing sentence, never an error's text. */
  failureReason: () => string;
  sdk?: TabConfigSdk;
}

/**
 * Lets Teams save the channel tab. Every filter is optional, so the page is valid at once; on
 * Save the settings go to Teams and the save event is told how it went. Only call it inside
 * Teams, after `app.initialize()` (teams-js throws otherwise, e.g. outside the settings frame).
 */
export function enableTabSave(options: EnableTabSaveOptions): void {
  const sdk = options.sdk ?? teamsPages;
  sdk.config.registerOnSaveHandler((saveEvent) => {
    const save = async () => sdk.config.setConfig(options.settings());
    save().then(
      () => saveEvent.notifySuccess(),
      () => saveEvent.notifyFailure(options.failureReason()),
    );
  });
  sdk.config.setValidityState(true);
}

/**
 * The filter of the tab being set up: what an existing tab saved (the manifest lets users reopen
 * its settings), or none for a new tab or when Teams cannot tell.
 */
export async function loadSavedFilter(sdk: TabConfigSdk = teamsPages): Promise<ChannelTabFilter> {
  try {
    const saved = await sdk.getConfig();
    const { category, team } = parseTabQuery(new URL(saved.contentUrl).search);
    return { category, team };
  } catch {
    return { category: '', team: '' };
  }
}

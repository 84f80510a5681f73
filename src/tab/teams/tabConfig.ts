import { pages } from '@microsoft/teams-js';
import {
  channelTabSettings,
  parseTabQuery,
  type ChannelTabFilter,
  type ChannelTabSettings,
} from '../channelTab.js';

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

/** The channel tab being set up inside Teams: whether Teams takes its save, and what it saves. */
export interface TabSetup {
  /** False when teams-js refused the save handler, e.g. when `/config` is opened as content. */
  readonly saveable: boolean;
  /** The filter that Save will store in the tab's content URL; the page keeps it current. */
  setFilter: (filter: ChannelTabFilter) => void;
}

export interface SetUpTabOptions {
  /** The origin the tab's content URL points at. */
  origin: string;
  /** The tab's suggested name in the channel. */
  displayName: string;
  /** Shown by Teams when saving fails. */
  failureReason: string;
  sdk?: TabConfigSdk;
}

/**
 * Registers the tab's save once, when the configuration page starts (teams-js keeps a single
 * save handler); the page then only tells it the filter. Whether Teams took the handler is known
 * here, before the first render, so the page can say so from its first paint.
 */
export function setUpTab(options: SetUpTabOptions): TabSetup {
  let filter: ChannelTabFilter = { category: '', team: '' };
  const setFilter = (next: ChannelTabFilter) => {
    filter = next;
  };
  try {
    enableTabSave({
      settings: () => channelTabSettings(options.origin, filter, options.displayName),
      failureReason: () => options.failureReason,
      ...(options.sdk ? { sdk: options.sdk } : {}),
    });
    return { saveable: true, setFilter };
  } catch {
    // teams-js refuses outside the configuration frame, e.g. when /config is opened as content.
    return { saveable: false, setFilter };
  }
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

import { describe, expect, it, vi } from 'vitest';
import type { ChannelTabSettings } from '../../../src/tab/channelTab.js';
import {
  enableTabSave,
  loadSavedFilter,
  setUpTab,
  type TabConfigSdk,
} from '../../../src/tab/teams/tabConfig.js';

// The real teams-js fetches a list of valid domains from a CDN on import; unit tests stay offline.
vi.mock('@microsoft/teams-js', () => ({ pages: { config: {} } }));

const SETTINGS: ChannelTabSettings = {
  entityId: 'story-wall',
  suggestedDisplayName: 'Story Wall',
  contentUrl: 'https://storywall.example.com/?context=channel',
  websiteUrl: 'https://storywall.example.com',
};

type SaveHandler = Parameters<TabConfigSdk['config']['registerOnSaveHandler']>[0];

function fakeSdk(
  setConfig: TabConfigSdk['config']['setConfig'],
  getConfig: TabConfigSdk['getConfig'] = async () => ({ contentUrl: '' }),
) {
  let onSave: SaveHandler | undefined;
  const sdk = {
    config: {
      setValidityState: vi.fn(),
      setConfig: vi.fn(setConfig),
      registerOnSaveHandler: (handler: SaveHandler) => {
        onSave = handler;
      },
    },
    getConfig,
  };
  /** Presses Teams' Save button; resolves with what the page told the save event. */
  const save = () =>
    new Promise<{ ok: true } | { ok: false; reason: string | undefined }>((resolve) => {
      onSave?.({
        result: {},
        notifySuccess: () => resolve({ ok: true }),
        notifyFailure: (reason) => resolve({ ok: false, reason }),
      });
    });
  return { sdk, save };
}

describe('enableTabSave', () => {
  it('makes the page valid at once and saves the settings as they are on Save', async () => {
    const { sdk, save } = fakeSdk(async () => undefined);
    let settings = SETTINGS;
    enableTabSave({ sdk, settings: () => settings, failureReason: () => 'failed' });
    expect(sdk.config.setValidityState).toHaveBeenCalledWith(true);

    settings = { ...SETTINGS, contentUrl: `${SETTINGS.contentUrl}&category=care` };
    expect(await save()).toEqual({ ok: true });
    expect(sdk.config.setConfig).toHaveBeenCalledWith(settings);
  });

  it('tells Teams why saving failed, in the page’s words', async () => {
    const { sdk, save } = fakeSdk(() => Promise.reject(new Error('HTTP 500 from host')));
    enableTabSave({ sdk, settings: () => SETTINGS, failureReason: () => 'Could not save.' });
    expect(await save()).toEqual({ ok: false, reason: 'Could not save.' });
  });

  it('fails the save when the settings cannot be built', async () => {
    const { sdk, save } = fakeSdk(async () => undefined);
    const settings = (): ChannelTabSettings => {
      throw new Error('no origin');
    };
    enableTabSave({ sdk, settings, failureReason: () => 'Could not save.' });
    expect(await save()).toEqual({ ok: false, reason: 'Could not save.' });
    expect(sdk.config.setConfig).not.toHaveBeenCalled();
  });
});

describe('setUpTab', () => {
  const options = {
    origin: 'https://storywall.example.com',
    displayName: 'Story Wall',
    failureReason: 'Could not save.',
  };

  it('saves the filter the page told it last, into the tab’s content URL', async () => {
    const { sdk, save } = fakeSdk(async () => undefined);
    const setup = setUpTab({ ...options, sdk });
    expect(setup.saveable).toBe(true);
    setup.setFilter({ category: 'care', team: '' });
    setup.setFilter({ category: 'teamwork', team: 'Finance' });
    expect(await save()).toEqual({ ok: true });
    expect(sdk.config.setConfig).toHaveBeenCalledWith({
      ...SETTINGS,
      contentUrl: `${SETTINGS.contentUrl}&category=teamwork&team=Finance`,
    });
  });

  it('is not saveable when teams-js refuses the save handler', () => {
    const { sdk } = fakeSdk(async () => undefined);
    sdk.config.registerOnSaveHandler = () => {
      throw new Error('This call is only allowed in following contexts: ["settings"].');
    };
    expect(setUpTab({ ...options, sdk }).saveable).toBe(false);
    expect(sdk.config.setValidityState).not.toHaveBeenCalled();
  });
});

describe('loadSavedFilter', () => {
  const noSave = async () => undefined;

  it('reads the filter an existing tab saved', async () => {
    const { sdk } = fakeSdk(noSave, async () => ({
      contentUrl: `${SETTINGS.contentUrl}&category=teamwork&team=Finance`,
    }));
    expect(await loadSavedFilter(sdk)).toEqual({ category: 'teamwork', team: 'Finance' });
  });

  it('is no filter for a new tab, or when Teams cannot tell', async () => {
    expect(await loadSavedFilter(fakeSdk(noSave).sdk)).toEqual({ category: '', team: '' });
    const failing = fakeSdk(noSave, () => Promise.reject(new Error('not supported'))).sdk;
    expect(await loadSavedFilter(failing)).toEqual({ category: '', team: '' });
  });
});

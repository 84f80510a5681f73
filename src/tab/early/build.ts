import type { LocaleDto } from '../../shared/dto.js';
import type { EarlyStrings } from './strings.js';

/** What the build writes into the first script (vite.config.ts, `define`). */
export interface EarlyBuild {
  /** The early cards' strings of each language, copied from `src/tab/locales`. */
  strings: Record<LocaleDto, EarlyStrings>;
  /** The early styles (earlyCss.ts), with the tokens both themes share written as values. */
  css: string;
  /** `--token: value;` of the colour tokens the early styles use, in each web theme. */
  theme: { light: string; dark: string };
  /** teams-js and the chunks it imports, preloaded inside a possible Teams frame. */
  teamsPreload: string[];
  /**
   * The app's chunks (the entry's static imports): preloaded by the first script once the wall's
   * request is out, instead of by index.html, whose links would take the browser's connections
   * ahead of it.
   */
  appPreload: string[];
}

declare const __STORYWALL_EARLY_BUILD__: EarlyBuild;

export function earlyBuild(): EarlyBuild {
  return __STORYWALL_EARLY_BUILD__;
}

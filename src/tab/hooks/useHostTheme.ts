import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Host, HostTheme } from '../teams/host.js';

const THEMES: Record<HostTheme, Theme> = {
  default: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** The Fluent theme for the host's theme, following it when Teams (or the OS) switches. */
export function useHostTheme(host: Pick<Host, 'theme' | 'onThemeChange'>): {
  name: HostTheme;
  theme: Theme;
} {
  const [name, setName] = useState<HostTheme>(host.theme);
  useEffect(() => host.onThemeChange(setName), [host]);
  return { name, theme: THEMES[name] };
}

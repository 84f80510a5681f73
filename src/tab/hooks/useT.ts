import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../i18n.js';

/** Interpolation values of a message: `{{name}}`, and `count` for plurals. */
export type MessageValues = Record<string, string | number>;

/** The tab's translate function: only keys that exist in the locale files compile. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function useT(): Translate {
  const { t } = useTranslation();
  return useCallback<Translate>((key, values) => t(key, values ?? {}), [t]);
}

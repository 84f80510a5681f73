import type { LocaleDto } from '../../../src/shared/dto.js';
import type { Translate } from '../../../src/tab/hooks/useT.js';
import { createI18n } from '../../../src/tab/i18n.js';

/** The tab's translate function in one language, as `useT` gives it to a component. */
export async function translatorFor(language: LocaleDto): Promise<Translate> {
  const i18n = await createI18n(language);
  return (key, values) => i18n.t(key, values ?? {});
}

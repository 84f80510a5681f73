import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/shared/dto.js';
import { createI18n, resolveLanguage, toLocale } from '../../../src/tab/i18n.js';
import { en } from '../../../src/tab/locales/en.js';
import { fi } from '../../../src/tab/locales/fi.js';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : keys(child as object, `${prefix}${key}.`),
  );
}

describe('tab locales', () => {
  it('have the same keys in English and Finnish, none empty', () => {
    expect(keys(fi).sort()).toEqual(keys(en).sort());
    for (const messages of [en, fi]) {
      const texts = keys(messages).map((key) =>
        key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages),
      );
      expect(texts.every((text) => typeof text === 'string' && text.trim() !== '')).toBe(true);
    }
  });

  it('name every category', () => {
    for (const category of CATEGORIES) {
      expect(en.category[category]).toBeTruthy();
      expect(fi.category[category]).toBeTruthy();
    }
  });
});

describe('language choice', () => {
  it('maps locale tags to the supported languages', () => {
    expect(toLocale('fi-FI')).toBe('fi');
    expect(toLocale('en_US')).toBe('en');
    expect(toLocale('sv-SE')).toBeUndefined();
    expect(resolveLanguage(undefined, 'sv-SE', 'fi')).toBe('fi');
    expect(resolveLanguage('de')).toBe('en');
  });

  it('formats Finnish plurals and leaves user text unescaped for React to render', async () => {
    const i18n = await createI18n('fi');
    expect(i18n.t('story.votes', { count: 1 })).toBe('1 ääni');
    expect(i18n.t('story.votes', { count: 3 })).toBe('3 ääntä');
    expect(i18n.t('story.sharedBy', { name: 'Tom & <Jerry>' })).toBe('Kertoja: Tom & <Jerry>');
  });
});

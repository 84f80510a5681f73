import { describe, expect, it } from 'vitest';
import {
  isPersonalDataField,
  personalDataLines,
  personalDataOf,
} from '../../../src/tab/components/StoryForm/personalDataModel.js';
import {
  EMPTY_STORY_FORM,
  type StoryFormValues,
} from '../../../src/tab/components/StoryForm/storyFormModel.js';
import { translatorFor } from './translator.js';

const values: StoryFormValues = {
  ...EMPTY_STORY_FORM,
  title: 'A coat for the road',
  situation: 'The guest left aino@example.com and 040-1234567 at the desk.',
  action: 'The driver lent him his own jacket.',
  outcome: 'The guest wrote to thank us.',
  lesson: 'Notice, then act.',
  // Not story text: never checked.
  team: 'Call 040-1234567',
  sourceUrl: 'https://example.com/aino@example.com',
  category: 'care',
  customerQuote: 'Card 4111 1111 1111 1111 was returned, thank you!',
};

describe('the story form’s personal data check', () => {
  it('finds personal data in the story texts only, per field in form order', () => {
    expect(personalDataOf(values).map(({ field, kinds }) => ({ field, kinds }))).toEqual([
      { field: 'situation', kinds: ['email', 'phone'] },
      { field: 'customerQuote', kinds: ['card'] },
    ]);
    expect(personalDataOf({ ...values, situation: 'Cold night.', customerQuote: '' })).toEqual([]);
  });

  it('names what was found per field in English and in Finnish', async () => {
    const found = personalDataOf(values);
    expect(personalDataLines(found, await translatorFor('en'))).toEqual([
      { field: 'situation', text: 'Situation: an e-mail address, a phone number' },
      { field: 'customerQuote', text: 'Customer praise (quote): a payment card number' },
    ]);
    expect(personalDataLines(found, await translatorFor('fi'))).toEqual([
      { field: 'situation', text: 'Tilanne: sähköpostiosoite, puhelinnumero' },
      { field: 'customerQuote', text: 'Asiakkaan kiitos (lainaus): maksukortin numero' },
    ]);
  });

  it('names every kind in both languages', async () => {
    const found = personalDataOf({
      ...values,
      lesson: 'hetu 131052-308T, FI21 1234 5600 0007 85, +358 40 123 4567',
    });
    const lesson = (lines: { field: string; text: string }[]) =>
      lines.find((line) => line.field === 'lesson')?.text;
    expect(lesson(personalDataLines(found, await translatorFor('en')))).toBe(
      'Lesson: a phone number, a personal identity code, a bank account number (IBAN)',
    );
    expect(lesson(personalDataLines(found, await translatorFor('fi')))).toBe(
      'Opetus: puhelinnumero, henkilötunnus, tilinumero (IBAN)',
    );
  });

  it('asks again only after the story texts are edited', () => {
    expect(isPersonalDataField('situation')).toBe(true);
    expect(isPersonalDataField('customerQuote')).toBe(true);
    expect(isPersonalDataField('team')).toBe(false);
    expect(isPersonalDataField('consent')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { toStoryDraft } from '../../../src/domain/index.js';
import { storyInputSchema } from '../../../src/shared/schemas.js';

/** One way from any surface's input to a draft (the API's body and the bot's form alike). */
describe('toStoryDraft', () => {
  const body = {
    title: 'A spare umbrella',
    situation: 'A guest arrived soaked just before her keynote.',
    action: 'I lent her my umbrella and found a hair dryer.',
    outcome: 'She went on stage on time and thanked the team.',
    lesson: 'Small, fast kindness is remembered.',
    team: 'Venue services',
    category: 'care',
    consent: true,
  };

  it('leaves out optional texts left empty, and tells the story in the language given', () => {
    const parsed = storyInputSchema.parse({ ...body, customerQuote: '   ', sourceUrl: '' });
    expect(toStoryDraft(parsed, 'fi')).toEqual({ ...body, featured: [], locale: 'fi' });
  });

  it('keeps what was given', () => {
    const parsed = storyInputSchema.parse({
      ...body,
      featured: ['a', 'b'],
      customerQuote: 'Thank you!',
      sourceUrl: 'https://example.com/post',
    });
    expect(toStoryDraft(parsed, 'en')).toEqual({
      ...body,
      featured: ['a', 'b'],
      customerQuote: 'Thank you!',
      sourceUrl: 'https://example.com/post',
      locale: 'en',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/shared/dto.js';
import {
  EMPTY_STORY_FORM,
  formFieldOf,
  toNewStoryInput,
  validateStoryForm,
  type StoryFormValues,
} from '../../../src/tab/components/StoryForm/storyFormModel.js';

const valid: StoryFormValues = {
  ...EMPTY_STORY_FORM,
  title: 'A coat for the road',
  situation: 'A guest had forgotten his coat at home.',
  action: 'The driver lent him his own jacket.',
  outcome: 'The guest wrote to thank us.',
  lesson: 'Notice, then act.',
  team: 'Logistics',
  category: 'care',
};

describe('validateStoryForm', () => {
  it('accepts a complete story', () => {
    expect(validateStoryForm(valid)).toEqual({});
  });

  it('mirrors the API limits', () => {
    const problems = validateStoryForm({
      ...valid,
      title: '  ab  ',
      situation: '',
      lesson: 'x'.repeat(LIMITS.lesson.max + 1),
      category: '',
      featured: Array.from({ length: LIMITS.featured.max + 1 }, (_, i) => `p${i}`),
      sourceUrl: 'javascript:alert(1)',
    });
    expect(problems).toEqual({
      title: { kind: 'tooShort', min: LIMITS.title.min },
      situation: { kind: 'required' },
      lesson: { kind: 'tooLong', max: LIMITS.lesson.max },
      category: { kind: 'required' },
      featured: { kind: 'tooMany', max: LIMITS.featured.max },
      sourceUrl: { kind: 'url' },
    });
  });
});

describe('toNewStoryInput', () => {
  it('trims texts and leaves out empty optional fields', () => {
    const input = toNewStoryInput({ ...valid, title: '  A coat  ', customerQuote: '   ' }, 'fi');
    expect(input.title).toBe('A coat');
    expect(input).not.toHaveProperty('customerQuote');
    expect(input).not.toHaveProperty('sourceUrl');
    expect(input.locale).toBe('fi');
  });

  it('keeps a given quote and link', () => {
    const input = toNewStoryInput(
      { ...valid, customerQuote: ' Thank you! ', sourceUrl: 'https://example.com/post' },
      'en',
    );
    expect(input).toMatchObject({
      customerQuote: 'Thank you!',
      sourceUrl: 'https://example.com/post',
    });
  });
});

describe('formFieldOf', () => {
  it('maps API field paths to form fields', () => {
    expect(formFieldOf('title')).toBe('title');
    expect(formFieldOf('featured.3')).toBe('featured');
    expect(formFieldOf('featured[3]')).toBe('featured');
    expect(formFieldOf('locale')).toBeUndefined();
  });
});

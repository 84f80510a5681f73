import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/shared/dto.js';
import type { StoryInput } from '../../../src/shared/inputs.js';
import {
  CREATE_STORY,
  EMPTY_STORY_FORM,
  formFieldOf,
  initialFormValues,
  isDraftChanged,
  saveStory,
  storyToFormValues,
  toStoryInput,
  validateStoryForm,
  type StoryFormValues,
} from '../../../src/tab/components/StoryForm/storyFormModel.js';
import { buildStoryDto } from './storyDto.js';

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

describe('toStoryInput', () => {
  it('trims texts and leaves out empty optional fields', () => {
    const input = toStoryInput({ ...valid, title: '  A coat  ', customerQuote: '   ' }, 'fi');
    expect(input.title).toBe('A coat');
    expect(input).not.toHaveProperty('customerQuote');
    expect(input).not.toHaveProperty('sourceUrl');
    expect(input.locale).toBe('fi');
  });

  it('keeps a given quote and link', () => {
    const input = toStoryInput(
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

describe('resubmit mode', () => {
  const story = buildStoryDto({
    id: 'story-7',
    status: 'changes_requested',
    decisionComment: 'Say when it happened.',
    featured: [{ id: 'niklas', displayName: 'Niklas Palvelu' }],
    customerQuote: 'Thank you!',
    sourceUrl: 'https://example.com/post',
    accountName: 'Contoso Oy',
    crmUrl: 'https://crm.example.com/accounts/1',
  });

  it('starts the form from the story as the author last sent it', () => {
    expect(storyToFormValues(story)).toEqual({
      title: story.title,
      situation: story.situation,
      action: story.action,
      outcome: story.outcome,
      lesson: story.lesson,
      team: story.team,
      category: 'care',
      featured: ['niklas'],
      customerQuote: 'Thank you!',
      sourceUrl: 'https://example.com/post',
      accountName: 'Contoso Oy',
      crmUrl: 'https://crm.example.com/accounts/1',
      consent: true,
    });
    expect(initialFormValues({ kind: 'resubmit', story })).toEqual(storyToFormValues(story));
    expect(initialFormValues(CREATE_STORY)).toEqual(EMPTY_STORY_FORM);
  });

  it('sends an unchanged story back with the same content', () => {
    const values = storyToFormValues(story);
    expect(validateStoryForm(values)).toEqual({});
    expect(toStoryInput(values, 'en')).toEqual({
      title: story.title,
      situation: story.situation,
      action: story.action,
      outcome: story.outcome,
      lesson: story.lesson,
      team: story.team,
      category: 'care',
      featured: ['niklas'],
      customerQuote: 'Thank you!',
      sourceUrl: 'https://example.com/post',
      accountName: 'Contoso Oy',
      crmUrl: 'https://crm.example.com/accounts/1',
      consent: true,
      locale: 'en',
    });
  });

  it('checks the account name and CRM link as the API does', () => {
    const values = storyToFormValues(story);
    expect(
      validateStoryForm({ ...values, accountName: 'x'.repeat(101), crmUrl: 'javascript:alert(1)' }),
    ).toEqual({ accountName: { kind: 'tooLong', max: 100 }, crmUrl: { kind: 'url' } });
    const blank = toStoryInput({ ...values, accountName: '  ', crmUrl: '' }, 'en');
    expect('accountName' in blank || 'crmUrl' in blank).toBe(false);
  });

  it('leaves empty optional texts and an unknown category for the author to fill in', () => {
    const values = storyToFormValues(buildStoryDto({ category: 'retired-category' }));
    expect(values).toMatchObject({ category: '', customerQuote: '', sourceUrl: '', featured: [] });
    expect(validateStoryForm(values)).toEqual({ category: { kind: 'required' } });
  });

  it('resubmits with PUT to the story it edits, and posts a new story otherwise', async () => {
    const calls: string[] = [];
    const api = {
      submitStory: async (_: StoryInput) => {
        calls.push('submit');
        return buildStoryDto({ id: 'new' });
      },
      resubmitStory: async (id: string, _: StoryInput) => {
        calls.push(`resubmit ${id}`);
        return buildStoryDto({ id, status: 'pending' });
      },
    };
    const input = toStoryInput(storyToFormValues(story), 'fi');

    expect(await saveStory(api, { kind: 'resubmit', story }, input)).toMatchObject({
      id: 'story-7',
      status: 'pending',
    });
    expect(await saveStory(api, CREATE_STORY, input)).toMatchObject({ id: 'new' });
    expect(calls).toEqual(['resubmit story-7', 'submit']);
  });
});

describe('isDraftChanged', () => {
  it('sees nothing in an untouched form, new or resubmitted', () => {
    expect(isDraftChanged(EMPTY_STORY_FORM, CREATE_STORY)).toBe(false);
    const story = buildStoryDto();
    const resubmit = { kind: 'resubmit', story } as const;
    expect(isDraftChanged(initialFormValues(resubmit), resubmit)).toBe(false);
    expect(isDraftChanged({ ...initialFormValues(resubmit) }, resubmit)).toBe(false);
  });

  it('sees any typed text, chosen option, colleague or tick', () => {
    expect(isDraftChanged({ ...EMPTY_STORY_FORM, lesson: ' ' }, CREATE_STORY)).toBe(true);
    expect(isDraftChanged({ ...EMPTY_STORY_FORM, category: 'care' }, CREATE_STORY)).toBe(true);
    expect(isDraftChanged({ ...EMPTY_STORY_FORM, featured: ['p1'] }, CREATE_STORY)).toBe(true);
    expect(isDraftChanged({ ...EMPTY_STORY_FORM, consent: true }, CREATE_STORY)).toBe(true);
    const story = buildStoryDto();
    const resubmit = { kind: 'resubmit', story } as const;
    const values = initialFormValues(resubmit);
    expect(isDraftChanged({ ...values, title: `${values.title}!` }, resubmit)).toBe(true);
    expect(isDraftChanged({ ...values, featured: [...values.featured, 'p9'] }, resubmit)).toBe(
      true,
    );
  });

  it('sees no draft once typed text is deleted again', () => {
    expect(isDraftChanged({ ...EMPTY_STORY_FORM, title: '' }, CREATE_STORY)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { readStoryForm } from '../../../src/bot/storyForm.js';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';

const valid = {
  title: 'The borrowed jacket',
  situation: 'A guest had forgotten his jacket and the evening was cold.',
  action: 'The driver lent the guest his own jacket for the evening.',
  outcome: 'The guest thanked the company in a social-media post.',
  lesson: 'Small personal gestures are remembered longest.',
  team: 'Logistics',
  category: 'care',
  featured: `${DEMO_USER_IDS.driver},${DEMO_USER_IDS.service}`,
  customerQuote: '',
  sourceUrl: '',
  consent: 'true',
};

describe('readStoryForm', () => {
  it('turns card strings into a draft: ids split, toggle to boolean, empty optionals absent', () => {
    const result = readStoryForm({ ...valid, verb: 'story.submit', extra: 1 }, 'fi');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft).toEqual({
      title: valid.title,
      situation: valid.situation,
      action: valid.action,
      outcome: valid.outcome,
      lesson: valid.lesson,
      team: valid.team,
      category: 'care',
      featured: [DEMO_USER_IDS.driver, DEMO_USER_IDS.service],
      consent: true,
      locale: 'fi',
    });
  });

  it('keeps optional quote and http(s) link', () => {
    const result = readStoryForm(
      { ...valid, customerQuote: 'Thank you!', sourceUrl: 'https://example.com/post' },
      'en',
    );
    expect(result.ok && result.draft).toMatchObject({
      customerQuote: 'Thank you!',
      sourceUrl: 'https://example.com/post',
    });
  });

  it('keeps the customer account and its CRM link, checked by the shared schema', () => {
    const result = readStoryForm(
      { ...valid, accountName: '  Contoso Oy ', crmUrl: 'https://crm.example.com/accounts/42' },
      'en',
    );
    expect(result.ok && result.draft).toMatchObject({
      accountName: 'Contoso Oy',
      crmUrl: 'https://crm.example.com/accounts/42',
    });
    const empty = readStoryForm({ ...valid, accountName: ' ', crmUrl: '' }, 'en');
    expect(empty.ok && 'accountName' in empty.draft).toBe(false);
    expect(empty.ok && 'crmUrl' in empty.draft).toBe(false);

    const refused = readStoryForm(
      { ...valid, accountName: 'x'.repeat(101), crmUrl: 'javascript:alert(1)' },
      'en',
    );
    expect(refused).toMatchObject({
      ok: false,
      invalid: ['accountName', 'crmUrl'],
      values: { crmUrl: 'javascript:alert(1)' },
    });
  });

  it('treats a missing toggle as no consent and no featured colleagues as none', () => {
    const { consent: _c, featured: _f, ...rest } = valid;
    const result = readStoryForm(rest, 'en');
    expect(result.ok && result.draft).toMatchObject({ consent: false, featured: [] });
  });

  it('names every invalid field, in form order, and keeps the values as sent', () => {
    const data = {
      ...valid,
      title: 'x',
      lesson: '',
      category: 'bribery',
      sourceUrl: 'javascript:alert(1)',
    };
    const result = readStoryForm(data, 'en');
    expect(result).toMatchObject({
      ok: false,
      invalid: ['title', 'lesson', 'category', 'sourceUrl'],
      values: { title: 'x', category: 'bribery', sourceUrl: 'javascript:alert(1)' },
    });
  });

  it('refuses non-object data and non-string inputs without throwing', () => {
    expect(readStoryForm('nonsense', 'en')).toMatchObject({ ok: false });
    const result = readStoryForm({ ...valid, title: 42, consent: 'maybe' }, 'en');
    expect(result).toMatchObject({ ok: false, invalid: ['title', 'consent'] });
  });
});

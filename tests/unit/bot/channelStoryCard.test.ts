import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement } from '../../../src/bot/cards/adaptiveCard.js';
import { channelStoryCard } from '../../../src/bot/cards/channelStoryCard.js';
import { CARD_VERBS } from '../../../src/bot/cardVerbs.js';
import { buildStory } from '../../support/factories.js';

const published = buildStory({
  id: 'story-1',
  title: 'The *borrowed* jacket',
  authorName: 'Emma Employee',
  status: 'published',
  publishedAt: new Date('2026-11-03T10:00:00Z'),
  featured: [
    { id: 'u-driver', displayName: 'Tomi Driver' },
    { id: 'u-desk', displayName: 'Anna <Desk>' },
  ],
  customerQuote: 'Best service _ever_',
  accountName: 'Nordic *Events* Oy',
  crmUrl: 'https://crm.example.com/accounts/42',
  voteCount: 4,
});

function texts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const visit = (items: readonly CardElement[] | undefined) => {
    for (const item of items ?? []) {
      if (item.type === 'TextBlock') out.push(item.text as string);
      visit(item.items as CardElement[] | undefined);
    }
  };
  visit(card.body);
  return out;
}

describe('channel story card', () => {
  it('shows a published story with its lesson, people, praise, votes and a Vote button', () => {
    expect(channelStoryCard({ story: published, showVoteCount: true }, 'en')).toMatchSnapshot();
  });

  it('votes through Action.Execute with only the story id', () => {
    const card = channelStoryCard({ story: published, showVoteCount: true }, 'fi');
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        verb: CARD_VERBS.vote,
        title: 'Äänestä',
        style: 'positive',
        data: { storyId: 'story-1' },
      },
    ]);
    expect(JSON.stringify(card.body)).toContain('"title":"Ääniä","value":"4"');
  });

  it('escapes user text for markdown', () => {
    const all = texts(channelStoryCard({ story: published, showVoteCount: true }, 'en'));
    expect(all[0]).toBe('The \\*borrowed\\* jacket');
    expect(all).toContain('“Best service \\_ever\\_”');
    expect(all).toContain('Nordic \\*Events\\* Oy');
  });

  it('names the customer account and opens its CRM record from a button (fi)', () => {
    const card = channelStoryCard({ story: published, showVoteCount: true }, 'fi');
    const all = texts(card);
    expect(all).toEqual(expect.arrayContaining(['Asiakkuus', 'Nordic \\*Events\\* Oy']));
    const json = JSON.stringify(card.body);
    expect(json).toContain(
      '{"type":"Action.OpenUrl","title":"Avaa asiakkuus CRM:ssä","url":"https://crm.example.com/accounts/42"}',
    );
    // The Vote button stays the card's only own action.
    expect(card.actions).toEqual([expect.objectContaining({ verb: CARD_VERBS.vote })]);
  });

  it('never links a CRM record that is not http or https', () => {
    const story = { ...published, crmUrl: 'javascript:alert(1)' };
    const card = channelStoryCard({ story, showVoteCount: true }, 'en');
    expect(texts(card)).toContain('Nordic \\*Events\\* Oy');
    expect(JSON.stringify(card)).not.toContain('javascript:');
    expect(JSON.stringify(card)).not.toContain('Action.OpenUrl');
  });

  it('says an archived story is archived and offers no vote (fi)', () => {
    const card = channelStoryCard(
      { story: { ...published, status: 'archived' }, showVoteCount: true },
      'fi',
    );
    expect(card.actions).toBeUndefined();
    expect(texts(card)).toContain('Arkistoitu');
    expect(card).toMatchSnapshot();
  });

  it('shows no vote count in privacy mode, and still the Vote button', () => {
    const card = channelStoryCard({ story: published, showVoteCount: false }, 'en');
    const json = JSON.stringify(card.body);
    expect(json).not.toContain('"title":"Votes"');
    expect(json).not.toContain('"value":"4"');
    expect(json).toContain('"title":"Team"');
    expect(card.actions).toEqual([expect.objectContaining({ verb: CARD_VERBS.vote })]);
  });

  it('leaves out the featured line and the quote when there are none', () => {
    const { customerQuote: _quote, accountName: _name, crmUrl: _crm, ...rest } = published;
    const plain = { ...rest, featured: [] };
    const all = texts(channelStoryCard({ story: plain, showVoteCount: true }, 'en'));
    expect(all.some((t) => t.startsWith('Featuring'))).toBe(false);
    expect(all).not.toContain('Customer praise');
    expect(all).not.toContain('Customer account');
  });
});

describe('a story whose author was erased', () => {
  it('names them "a former colleague" in the card’s language', () => {
    const kept = { ...published, authorId: 'erased-abc', authorName: 'A former colleague' };
    expect(texts(channelStoryCard({ story: kept, showVoteCount: true }, 'fi'))).toContain(
      'Kertoja: Entinen kollega',
    );
    expect(texts(channelStoryCard({ story: kept, showVoteCount: true }, 'en'))).toContain(
      'Told by A former colleague',
    );
    expect(texts(channelStoryCard({ story: published, showVoteCount: true }, 'fi'))).toContain(
      'Kertoja: Emma Employee',
    );
  });
});

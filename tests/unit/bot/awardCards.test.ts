import { describe, expect, it } from 'vitest';
import { awardChannelCard, awardNoticeCard, monthName } from '../../../src/bot/cards/awardCards.js';
import { buildStory } from '../../support/factories.js';

const winner = buildStory({
  id: 'story-1',
  title: 'The *borrowed* jacket',
  authorName: 'Emma Employee',
  status: 'published',
  publishedAt: new Date('2026-03-03T10:00:00Z'),
  featured: [
    { id: 'u-driver', displayName: 'Tomi Driver' },
    { id: 'u-asked', displayName: 'Aino Asked', awaiting: true },
  ],
  voteCount: 4,
});

/** Every TextBlock text of a card, nested containers included. */
function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') {
        texts.push(record['text']);
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return texts;
}

describe('story of the month cards', () => {
  it('announce the winner in the channel, in English and in Finnish', () => {
    const model = { story: winner, month: '2026-03', citation: 'Warm _and_ kind', current: true };
    expect(awardChannelCard(model, 'en')).toMatchSnapshot();
    expect(awardChannelCard(model, 'fi')).toMatchSnapshot();
  });

  it('escape user text and name only the colleagues shown publicly', () => {
    const texts = cardTexts(
      awardChannelCard({ story: winner, month: '2026-03', citation: '*x*', current: true }, 'en'),
    );
    expect(texts).toContain('The \\*borrowed\\* jacket');
    expect(texts).toContain('“\\*x\\*”');
    expect(texts).toContain('Featuring Tomi Driver');
    expect(texts.join('\n')).not.toContain('Aino');
  });

  it('say so when another story has since won the month, and show nothing of a hidden story', () => {
    const replaced = cardTexts(
      awardChannelCard({ story: winner, month: '2026-03', current: false }, 'en'),
    );
    expect(replaced[0]).toBe(
      'Chosen as the story of the month for March 2026; the editors have since chosen another story.',
    );
    const hidden = cardTexts(
      awardChannelCard(
        { story: { ...winner, status: 'hidden' }, month: '2026-03', current: true },
        'en',
      ),
    );
    expect(hidden.join('\n')).not.toContain('jacket');
  });

  it('tell the author and a featured colleague in their languages', () => {
    expect(
      awardNoticeCard({ story: winner, month: '2026-03', role: 'author', citation: 'Warm' }, 'en'),
    ).toMatchSnapshot();
    expect(
      awardNoticeCard({ story: winner, month: '2026-03', role: 'featured' }, 'fi'),
    ).toMatchSnapshot();
  });

  it('name the month in the card’s language', () => {
    expect(monthName('2026-03', 'en')).toBe('March 2026');
    expect(monthName('2026-03', 'fi')).toBe('maaliskuu 2026');
  });
});

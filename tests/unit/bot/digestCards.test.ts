import { describe, expect, it } from 'vitest';
import type { AdaptiveCard, CardElement } from '../../../src/bot/cards/adaptiveCard.js';
import { monthlySummaryCard, weeklyDigestCard } from '../../../src/bot/cards/digestCards.js';
import type { MonthlySummary, Story, WeeklyDigest } from '../../../src/domain/index.js';
import { buildStory } from '../../support/factories.js';

const period = {
  from: new Date('2026-11-02T07:00:00Z'),
  to: new Date('2026-11-09T07:00:00Z'),
  timeZone: 'Europe/Helsinki',
};

const stories: Story[] = [
  buildStory({
    id: 'story-1',
    title: 'The *borrowed* jacket',
    lesson: 'Small gestures are remembered_longest.',
    team: 'Logistics',
    authorName: 'Emma Employee',
    status: 'published',
    publishedAt: new Date('2026-11-05T10:00:00Z'),
    voteCount: 7,
  }),
  buildStory({
    id: 'story-2',
    title: 'A button sewn on',
    lesson: 'Notice what nobody asked for.',
    team: 'Venue services',
    authorId: 'erased-0001',
    authorName: 'erased-0001',
    status: 'published',
    publishedAt: new Date('2026-11-04T10:00:00Z'),
    voteCount: 1,
  }),
];

const weekly: WeeklyDigest = { period, stories, published: 8, byVotes: true };

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

describe('weekly digest card', () => {
  it('lists the week’s most-voted stories with teller, team, votes and lesson', () => {
    expect(weeklyDigestCard(weekly, 'en')).toMatchSnapshot();
  });

  it('speaks Finnish, with the period in Finnish dates', () => {
    expect(weeklyDigestCard(weekly, 'fi')).toMatchSnapshot();
  });

  it('escapes user text, and names an erased teller as a former colleague', () => {
    const all = texts(weeklyDigestCard(weekly, 'en'));
    expect(all).toContain('The \\*borrowed\\* jacket');
    expect(all).toContain('**Lesson:** Small gestures are remembered\\_longest.');
    expect(all).toContain('Told by A former colleague, Venue services · 1 vote');
    expect(all).toContain('… and 6 more stories on the story wall.');
  });

  it('in privacy mode says the stories are the newest, and shows no counts', () => {
    const card = weeklyDigestCard({ ...weekly, byVotes: false, published: 2 }, 'en');
    const all = texts(card);
    expect(all[1]).toMatch(/^The newest stories of/);
    expect(JSON.stringify(card)).not.toMatch(/votes?\b/);
    expect(all.some((text) => text.startsWith('…'))).toBe(false);
  });

  it('offers nothing to press', () => {
    expect(weeklyDigestCard(weekly, 'en').actions).toBeUndefined();
  });
});

describe('monthly summary card', () => {
  const summary: MonthlySummary = {
    lead: { id: 'u-manager', displayName: 'Mikko Manager' },
    period: {
      from: new Date('2026-11-01T07:00:00Z'),
      to: new Date('2026-12-01T07:00:00Z'),
      timeZone: 'Europe/Helsinki',
    },
    stories,
    published: 2,
    byVotes: true,
  };

  it('tells a team lead their team’s stories of the month, with votes and lessons', () => {
    expect(monthlySummaryCard(summary, 'en')).toMatchSnapshot();
  });

  it('speaks Finnish', () => {
    expect(monthlySummaryCard(summary, 'fi')).toMatchSnapshot();
  });

  it('says one story in the singular', () => {
    const one = monthlySummaryCard(
      { ...summary, stories: stories.slice(0, 1), published: 1 },
      'en',
    );
    expect(texts(one)[1]).toMatch(/^Your team published 1 story /);
  });
});

import { describe, expect, it } from 'vitest';
import { CARD_ACTIONS } from '../../../src/bot/cardActions.js';
import { CARD_VERBS, cardVerbName, type CardVerbName } from '../../../src/bot/cardVerbs.js';
import type { AdaptiveCard } from '../../../src/bot/cards/adaptiveCard.js';
import { approvalCard } from '../../../src/bot/cards/approvalCard.js';
import { awardChannelCard, awardNoticeCard } from '../../../src/bot/cards/awardCards.js';
import { channelStoryCard, hiddenStoryCard } from '../../../src/bot/cards/channelStoryCard.js';
import { helpCard } from '../../../src/bot/cards/helpCard.js';
import {
  decisionNoticeCard,
  featuredNoticeCard,
  noticeCard,
  thanksCard,
} from '../../../src/bot/cards/messageCards.js';
import { myStoriesCard } from '../../../src/bot/cards/myStoriesCard.js';
import { storyFormCard } from '../../../src/bot/cards/storyFormCard.js';
import { storyResultCard } from '../../../src/bot/cards/storyResultCard.js';
import { findStoryPersonalData } from '../../../src/shared/dto.js';
import { buildStory } from '../../support/factories.js';

const pending = buildStory();
const published = buildStory({ status: 'published' });
const asked = buildStory({
  status: 'published',
  featured: [{ id: 'colleague', displayName: 'Asked', awaiting: true }],
});
// What the personal data check finds in a story that names an e-mail address.
const personalData = findStoryPersonalData({ ...pending, situation: 'Mail me at a.b@example.com' });

/** Every card the bot builds, in every state that changes which actions it carries. */
const CARDS: Record<string, AdaptiveCard> = {
  help: helpCard({ welcome: true }, 'en'),
  'story form in chat': storyFormCard({ people: [], personalData }, 'en'),
  'story form in a dialog': storyFormCard({ people: [], personalData, host: 'dialog' }, 'en'),
  'story form of an edit': storyFormCard(
    { people: [], personalData, resubmit: { storyId: pending.id } },
    'en',
  ),
  'approval, actionable': approvalCard(
    { story: pending, actionable: true, refreshUserIds: ['29:approver'] },
    'fi',
  ),
  'approval, decided': approvalCard(
    { story: published, actionable: false, refreshUserIds: [] },
    'en',
  ),
  'channel story': channelStoryCard({ story: published, showVoteCount: true }, 'en'),
  'hidden story': hiddenStoryCard('en'),
  'decision notice, changes': decisionNoticeCard(
    { story: pending, decision: 'changes', deciderName: 'M' },
    'en',
  ),
  'featured notice, ask': featuredNoticeCard({ story: asked, state: 'ask' }, 'en'),
  'featured notice, published': featuredNoticeCard({ story: published, state: 'published' }, 'en'),
  'featured notice, confirmed': featuredNoticeCard({ story: published, state: 'confirmed' }, 'en'),
  thanks: thanksCard({ story: pending, approverName: 'M' }, 'en'),
  notice: noticeCard({ notice: 'unknownAction' }, 'en'),
  'my stories': myStoriesCard({ stories: [pending], more: false }, 'en'),
  'story result': storyResultCard(published, 'en'),
  'award in the channel': awardChannelCard(
    { story: published, month: '2026-03', current: true },
    'en',
  ),
  'award notice': awardNoticeCard({ story: published, month: '2026-03', role: 'author' }, 'en'),
};

/**
 * The verbs a card can send: each `Action.Execute`'s, its refresh action's, and a dialog's
 * `Action.Submit` that carries one as `data.verb` — in show-cards and containers too.
 */
function emittedVerbs(card: unknown): string[] {
  const verbs: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute') verbs.push(JSON.stringify(record.verb));
    if (record.type === 'Action.Submit') {
      const data = record.data as Record<string, unknown> | undefined;
      if (data?.verb !== undefined) verbs.push(JSON.stringify(data.verb));
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return verbs;
}

const allEmitted = new Set(
  Object.values(CARDS)
    .flatMap(emittedVerbs)
    .map((json) => JSON.parse(json) as unknown),
);

describe('the table of card verbs', () => {
  it.each(Object.entries(CARDS))('every verb the %s card emits is in the table', (_, card) => {
    for (const json of emittedVerbs(card)) {
      expect(cardVerbName(JSON.parse(json)), json).not.toBeNull();
    }
  });

  it('dispatches every verb of the table to a handler', () => {
    for (const [name, verb] of Object.entries(CARD_VERBS)) {
      expect(cardVerbName(verb)).toBe(name);
      expect(typeof CARD_ACTIONS[name as CardVerbName]).toBe('function');
    }
    expect(Object.keys(CARD_ACTIONS).sort()).toEqual(Object.keys(CARD_VERBS).sort());
  });

  it('has no verb twice, and every verb is emitted by some card', () => {
    const verbs = Object.values(CARD_VERBS);
    expect(new Set(verbs).size).toBe(verbs.length);
    expect([...allEmitted].sort()).toEqual([...verbs].sort());
  });

  it.each([
    'story.unknown',
    '',
    'STORY.VOTE',
    ' story.vote',
    '__proto__',
    'constructor',
    'toString',
    'vote',
    42,
    null,
    undefined,
    { verb: 'story.vote' },
  ])('knows no action for %j', (verb) => {
    expect(cardVerbName(verb)).toBeNull();
  });
});

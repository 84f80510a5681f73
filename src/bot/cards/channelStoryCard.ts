import type { Locale, Story } from '../../domain/index.js';
import { translator } from '../i18n.js';
import { adaptiveCard, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import {
  customerAccount,
  customerQuote,
  featuredLine,
  lessonBox,
  storyFacts,
  storyParts,
  toldBy,
  storyTitle,
} from './blocks.js';
import { CARD_VERBS } from '../cardVerbs.js';

export interface ChannelStoryCardModel {
  readonly story: Story;
  /** Whether the card shows the story's vote count: not in privacy mode (`voteCountsPublic`). */
  readonly showVoteCount: boolean;
}

/**
 * A published story as the company channel sees it (journey 5): the story, its lesson, the
 * people it features, the customer's words, the vote count (none in privacy mode) and a Vote
 * button (journey 7). Once the story is no longer published (archived) the card says so and
 * offers no vote. The same card is shown to everyone: who may vote is checked when the button is
 * pressed.
 */
export function channelStoryCard(model: ChannelStoryCardModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const { story } = model;
  if (story.status === 'hidden') return hiddenStoryCard(locale);
  const open = story.status === 'published';
  return adaptiveCard(
    [
      storyTitle(story),
      toldBy(story, t),
      ...(open ? [] : [textBlock(t(`status.${story.status}`), { weight: 'Bolder' })]),
      // Everyone sees this card alike: only the featured colleagues who may be named to everyone.
      ...featuredLine(story, t),
      ...storyParts(story, t),
      ...customerQuote(story, t),
      ...customerAccount(story, t),
      lessonBox(story.lesson, t),
      storyFacts(
        story,
        t,
        model.showVoteCount ? [{ title: t('channel.votes'), value: String(story.voteCount) }] : [],
      ),
    ],
    {
      actions: open
        ? [
            {
              type: 'Action.Execute',
              verb: CARD_VERBS.vote,
              title: t('channel.vote'),
              style: 'positive',
              data: { storyId: story.id },
            },
          ]
        : [],
    },
  );
}

/**
 * What every posted copy of a story hidden by an editor shows (moderation): that it was taken
 * down, and nothing of it — no title, text, names or votes — until it is restored.
 */
export function hiddenStoryCard(locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return adaptiveCard([
    textBlock(t('status.hidden'), { weight: 'Bolder' }),
    textBlock(t('channel.hidden'), { isSubtle: true, spacing: 'Small' }),
  ]);
}

import { publicFeatured, type Locale, type Story } from '../../domain/index.js';
import { authorNameOf, translator } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import {
  adaptiveCard,
  heading,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';
import { categoryLabel } from './approvalCard.js';

/** The verb of the channel card's Vote button, answered by the vote use case. */
export const VOTE_VERB = 'story.vote';

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
  // Everyone sees this card alike: only the featured colleagues who may be named to everyone.
  const featured = publicFeatured(story)
    .map((p) => escapeMarkdown(p.displayName))
    .join(', ');
  return adaptiveCard(
    [
      heading(escapeMarkdown(story.title)),
      textBlock(t('story.toldBy', { author: escapeMarkdown(authorNameOf(story, t)) }), {
        isSubtle: true,
        spacing: 'None',
      }),
      ...(open ? [] : [textBlock(t(`status.${story.status}`), { weight: 'Bolder' })]),
      ...(featured
        ? [textBlock(t('channel.featured', { names: featured }), { color: 'Good' })]
        : []),
      ...section(t('story.situation'), story.situation),
      ...section(t('story.action'), story.action),
      ...section(t('story.outcome'), story.outcome),
      ...(story.customerQuote ? section(t('story.quote'), `“${story.customerQuote}”`) : []),
      {
        type: 'Container',
        style: 'emphasis',
        spacing: 'Medium',
        items: [
          textBlock(t('story.lesson'), { weight: 'Bolder' }),
          textBlock(escapeMarkdown(story.lesson), { spacing: 'Small' }),
        ],
      },
      {
        type: 'FactSet',
        spacing: 'Medium',
        facts: [
          { title: t('story.team'), value: escapeMarkdown(story.team) },
          { title: t('story.category'), value: categoryLabel(story.category, t) },
          ...(model.showVoteCount
            ? [{ title: t('channel.votes'), value: String(story.voteCount) }]
            : []),
        ],
      },
    ],
    {
      actions: open
        ? [
            {
              type: 'Action.Execute',
              verb: VOTE_VERB,
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

function section(title: string, text: string): CardElement[] {
  return [
    textBlock(title, { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(escapeMarkdown(text), { spacing: 'Small' }),
  ];
}

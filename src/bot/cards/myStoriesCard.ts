import type { Locale, Story } from '../../domain/index.js';
import { translator } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import {
  adaptiveCard,
  heading,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';

/** How many of a person's stories the card lists, newest first. */
export const MY_STORIES_SHOWN = 10;

export interface MyStoriesCardModel {
  /** The person's newest stories, in every status. */
  readonly stories: readonly Story[];
  /** Whether they have more than the card lists. */
  readonly more: boolean;
}

/** "My stories" in chat: each story with where it stands, newest first. */
export function myStoriesCard(model: MyStoriesCardModel, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  const items: CardElement[] = model.stories.map((story) => ({
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      textBlock(escapeMarkdown(story.title), { weight: 'Bolder' }),
      textBlock(t(`status.${story.status}`), { isSubtle: true, spacing: 'None' }),
    ],
  }));
  return adaptiveCard([
    heading(t('myStories.title')),
    ...(items.length === 0 ? [textBlock(t('myStories.empty'))] : items),
    ...(model.more ? [textBlock(t('myStories.more'), { isSubtle: true, spacing: 'Medium' })] : []),
  ]);
}

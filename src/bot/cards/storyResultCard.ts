import type { Locale, Story } from '../../domain/index.js';
import { translator } from '../i18n.js';
import { adaptiveCard, type AdaptiveCard } from './adaptiveCard.js';
import { section, storyFacts, toldBy, storyTitle } from './blocks.js';

/**
 * A published story as the "Find a story" search inserts it into a message: title, author,
 * lesson, team and category. No actions: whoever reads it in the conversation needs none.
 */
export function storyResultCard(story: Story, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return adaptiveCard([
    storyTitle(story),
    // An erased author is "a former colleague" in the card's language, not the stored English.
    toldBy(story, t),
    ...section(t('story.lesson'), story.lesson),
    storyFacts(story, t),
  ]);
}

import type { Locale, Story } from '../../domain/index.js';
import { translator } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { categoryLabel } from './approvalCard.js';

/**
 * A published story as the "Find a story" search inserts it into a message: title, author,
 * lesson, team and category. No actions: whoever reads it in the conversation needs none.
 */
export function storyResultCard(story: Story, locale: Locale): AdaptiveCard {
  const t = translator(locale);
  return adaptiveCard([
    heading(escapeMarkdown(story.title)),
    textBlock(t('story.toldBy', { author: escapeMarkdown(story.authorName) }), {
      isSubtle: true,
      spacing: 'None',
    }),
    textBlock(t('story.lesson'), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(escapeMarkdown(story.lesson), { spacing: 'Small' }),
    {
      type: 'FactSet',
      spacing: 'Medium',
      facts: [
        { title: t('story.team'), value: escapeMarkdown(story.team) },
        { title: t('story.category'), value: categoryLabel(story.category, t) },
      ],
    },
  ]);
}

import { publicFeatured, type Story } from '../../domain/index.js';
import { CATEGORIES } from '../../shared/dto.js';
import { authorNameOf, type Translate } from '../i18n.js';
import { escapeMarkdown } from '../markdown.js';
import { heading, textBlock, type CardElement } from './adaptiveCard.js';

/**
 * The building blocks the story cards share, so a story reads the same on every card and user
 * text is escaped in one place: every block here escapes what a person typed and takes the
 * card's translator for its own words.
 */

/** A titled part of a story: the title in bold, the person's text below it. */
export function section(title: string, text: string): CardElement[] {
  return [
    textBlock(title, { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(escapeMarkdown(text), { spacing: 'Small' }),
  ];
}

/** The localized label of a category; an unknown id (an old category) is shown escaped. */
export function categoryLabel(category: string, t: Translate): string {
  return (CATEGORIES as readonly string[]).includes(category)
    ? t(`category.${category}`)
    : escapeMarkdown(category);
}

/** A story's title as a card's heading. */
export function storyTitle(story: Pick<Story, 'title'>): CardElement {
  return heading(escapeMarkdown(story.title));
}

/** "Told by …" under a story's title; an erased author is "a former colleague" in the card's language. */
export function toldBy(story: Pick<Story, 'authorId' | 'authorName'>, t: Translate): CardElement {
  return textBlock(t('story.toldBy', { author: escapeMarkdown(authorNameOf(story, t)) }), {
    isSubtle: true,
    spacing: 'None',
  });
}

/** The story's situation, what was done and how the customer reacted, each as a section. */
export function storyParts(
  story: Pick<Story, 'situation' | 'action' | 'outcome'>,
  t: Translate,
): CardElement[] {
  return [
    ...section(t('story.situation'), story.situation),
    ...section(t('story.action'), story.action),
    ...section(t('story.outcome'), story.outcome),
  ];
}

/** The customer's own words, quoted, if the story has them. */
export function customerQuote(story: Pick<Story, 'customerQuote'>, t: Translate): CardElement[] {
  return story.customerQuote ? section(t('story.quote'), `“${story.customerQuote}”`) : [];
}

/**
 * The customer account the story is about: its name as plain text, and the account's record in
 * the CRM as an `Action.OpenUrl` of its own, so the card's own actions (decide, vote) stay as they
 * are. Nothing when the story names no account and has no usable link.
 */
export function customerAccount(
  story: Pick<Story, 'accountName' | 'crmUrl'>,
  t: Translate,
): CardElement[] {
  const name = story.accountName?.trim();
  const url = safeWebUrl(story.crmUrl);
  if (!name && !url) return [];
  return [
    {
      type: 'Container',
      spacing: 'Medium',
      items: [
        textBlock(t('story.account'), { weight: 'Bolder' }),
        ...(name ? [textBlock(escapeMarkdown(name), { spacing: 'Small' })] : []),
        ...(url
          ? [
              {
                type: 'ActionSet',
                spacing: 'Small',
                actions: [{ type: 'Action.OpenUrl', title: t('story.openInCrm'), url }],
              },
            ]
          : []),
      ],
    },
  ];
}

/**
 * The link only if it is http or https, so a card never carries a `javascript:` or data URL,
 * whatever was stored.
 */
export function safeWebUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The lesson set apart in an emphasis box, as the cards everyone sees show it. */
export function lessonBox(lesson: string, t: Translate): CardElement {
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: [
      textBlock(t('story.lesson'), { weight: 'Bolder' }),
      textBlock(escapeMarkdown(lesson), { spacing: 'Small' }),
    ],
  };
}

/**
 * The colleagues a card shown to everyone may name (those who confirmed, or were never asked);
 * nothing when there are none.
 */
export function featuredLine(story: Story, t: Translate): CardElement[] {
  const names = publicFeatured(story)
    .map((person) => escapeMarkdown(person.displayName))
    .join(', ');
  return names ? [textBlock(t('channel.featured', { names }), { color: 'Good' })] : [];
}

/** The team and the category, then any further facts (already escaped). */
export function storyFacts(
  story: Pick<Story, 'team' | 'category'>,
  t: Translate,
  more: readonly { readonly title: string; readonly value: string }[] = [],
): CardElement {
  return {
    type: 'FactSet',
    spacing: 'Medium',
    facts: [
      { title: t('story.team'), value: escapeMarkdown(story.team) },
      { title: t('story.category'), value: categoryLabel(story.category, t) },
      ...more,
    ],
  };
}

/** Why the editors chose the story of the month, quoted, if they said. */
export function citation(text: string | undefined, t: Translate): CardElement[] {
  return text
    ? [
        textBlock(t('award.citation'), { weight: 'Bolder', spacing: 'Medium' }),
        textBlock(`“${escapeMarkdown(text)}”`, { spacing: 'Small' }),
      ]
    : [];
}

import {
  CardFactory,
  type Attachment,
  type MessagingExtensionActionResponse,
  type MessagingExtensionAttachment,
  type MessagingExtensionResponse,
} from 'botbuilder';
import type { Locale, Story } from '../domain/index.js';
import type { AdaptiveCard } from './cards/adaptiveCard.js';
import { storyResultCard } from './cards/storyResultCard.js';
import { escapeHtml, truncate } from './html.js';
import { translator } from './i18n.js';

/** The content type of a thumbnail card, the preview of a search result. */
export const THUMBNAIL_CARD_TYPE = 'application/vnd.microsoft.card.thumbnail';

/** Characters of the lesson shown under a search result's title. */
const PREVIEW_TEXT = 120;

/** A dialog (task module) showing `card`: the story form, large, or a notice, small. */
export function cardTask(
  card: AdaptiveCard,
  locale: Locale,
  size: 'form' | 'notice' = 'form',
): MessagingExtensionActionResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title: translator(locale)('extension.shareTitle'),
        width: size === 'form' ? 'large' : 'medium',
        height: size === 'form' ? 'large' : 'small',
        card: CardFactory.adaptiveCard(card),
      },
    },
  };
}

/** Teams shows `text` in a plain message box instead of a dialog (a fetchTask answer). */
export function messageTask(text: string): MessagingExtensionActionResponse {
  return { task: { type: 'message', value: text } };
}

/** Search results: each story as an Adaptive Card, previewed by a thumbnail card. */
export function searchResults(
  stories: readonly Story[],
  locale: Locale,
): MessagingExtensionResponse {
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: stories.map((story) => searchResult(story, locale)),
    },
  };
}

/** A search answered with a line of text instead of results (nothing found, an error). */
export function searchMessage(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

function searchResult(story: Story, locale: Locale): MessagingExtensionAttachment {
  return { ...CardFactory.adaptiveCard(storyResultCard(story, locale)), preview: preview(story) };
}

/**
 * The list entry of a result. Teams renders a thumbnail card's `text` with a subset of HTML, so
 * user text there is HTML-escaped; `title` is never formatted and is shown as it is.
 */
function preview(story: Story): Attachment {
  return {
    contentType: THUMBNAIL_CARD_TYPE,
    content: { title: story.title, text: escapeHtml(truncate(story.lesson, PREVIEW_TEXT)) },
  };
}

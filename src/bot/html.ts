import { convert } from 'html-to-text';

/**
 * Plain text of a Teams message body (HTML). Tags, scripts and styles are dropped and entities
 * decoded; link targets and images are left out, so only what a reader saw as text remains.
 * The result is text, never markup: it goes into card inputs and the story as typed text.
 */
export function htmlToPlainText(html: string): string {
  const text = convert(html, {
    wordwrap: false,
    // Deeper than any message Teams composes; without a limit, thousands of unclosed tags nest
    // deep enough to overflow the stack (tests/unit/security/linearText.test.ts).
    limits: { maxDepth: 64 },
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
  return tidy(text);
}

/** Plain spaces for no-break ones, no trailing spaces, and at most one blank line in a row. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/(?<![ \t])[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Escapes user text for the `text` of a Bot Framework hero or thumbnail card, which Teams renders
 * with a subset of HTML: the text then shows literally, and no tag or entity can be injected.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Cuts text to at most `max` UTF-16 code units (the unit the schemas count), ending with an
 * ellipsis when cut and never splitting a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

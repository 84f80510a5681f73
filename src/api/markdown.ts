import type { FastifyReply } from 'fastify';

// Characters that mean something anywhere in a line (emphasis, code, links, HTML, entities, GFM
// tables and strikethrough); each is written with a backslash, which CommonMark allows before any
// ASCII punctuation. One character class: linear on any input.
const INLINE = /[\\`*_[\]<>&|~]/g;
// What makes a line a heading, list item, setext underline or thematic break when it starts it.
const LINE_START = /^[#+\-=]/;
// An ordered list item: digits, then `.` or `)`.
const ORDERED = /^(\d{1,9})([.)])/;

/**
 * User text as Markdown that shows exactly that text: no heading, list, link, image, HTML or code
 * of its own. Lines are kept (paragraphs stay paragraphs) and trimmed, so no indented code block
 * or hard line break comes from the text's spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const escaped = line.trim().replace(INLINE, '\\$&');
      if (LINE_START.test(escaped)) return `\\${escaped}`;
      return escaped.replace(ORDERED, '$1\\$2');
    })
    .join('\n');
}

// In a line that Markdown of ours begins, `#` also ends a heading (`## Title #`).
const INLINE_IN_LINE = /[\\`*_[\]<>&|~#]/g;

/**
 * User text inside a line that our own Markdown begins (after `## `, between `_`): its line breaks
 * become spaces, and what means something within a line is escaped.
 */
export function escapeMarkdownLine(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .join(' ')
    .replace(INLINE_IN_LINE, '\\$&');
}

/** Answers `markdown` as a file download named `fileName`. */
export function sendMarkdown(
  reply: FastifyReply,
  fileName: string,
  markdown: string,
): FastifyReply {
  return reply
    .header('content-type', 'text/markdown; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(markdown);
}

/**
 * A file name made of `title` that every system and header accepts: lower-case ASCII letters and
 * digits joined by dashes (accents dropped: "Ääni" → "aani"), at most 60 characters; `fallback`
 * when nothing is left.
 */
export function fileNameOf(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    // The accents NFKD split off (combining marks), so that "ä" leaves "a".
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter((part) => part.length > 0)
    .join('-')
    .slice(0, 60)
    .split('-')
    .filter((part) => part.length > 0)
    .join('-');
  return slug.length > 0 ? slug : fallback;
}

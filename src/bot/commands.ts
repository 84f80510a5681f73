import type { Locale } from '../domain/index.js';

/**
 * What a chat message asks of the bot, and the language it was asked in (`locale`): a command
 * written in a language is the person's choice of it.
 */
export type Command =
  | ((
      | { readonly name: 'help' }
      | { readonly name: 'share' }
      /** Journey 2: the story form with a colleague featured; `nominee` is the name as typed. */
      | { readonly name: 'nominate'; readonly nominee?: string }
      /** Journey 5: an admin makes this team channel the one published stories are posted to. */
      | { readonly name: 'postHere' }
      /** Journey 10: the person's own stories and where each stands. */
      | { readonly name: 'myStories' }
    ) & { readonly locale: Locale })
  | { readonly name: 'unknown' };

type Plain = 'help' | 'share' | 'postHere' | 'myStories';

/** Every command's words in each language: the one table of them. */
const COMMANDS: Readonly<Record<string, readonly [Plain, Locale]>> = {
  help: ['help', 'en'],
  apua: ['help', 'fi'],
  ohje: ['help', 'fi'],
  'share a story': ['share', 'en'],
  'kerro tarina': ['share', 'fi'],
  'post stories here': ['postHere', 'en'],
  'julkaise tarinat täällä': ['postHere', 'fi'],
  'my stories': ['myStories', 'en'],
  'omat tarinat': ['myStories', 'fi'],
  'omat tarinani': ['myStories', 'fi'],
};

/** "nominate" / "ehdota", then optionally the colleague's name (or their mention). */
const NOMINATE = /^(?:(nominate)|ehdota)(?:\s+(\S.*))?$/i;

/** The longest name looked up: longer than any display name, short enough for a card note. */
export const NOMINEE_MAX_LENGTH = 100;

/**
 * A Teams mention, `<at id="0">Name</at>`. Every pattern here runs on text anyone can send, so each
 * is linear (eslint-plugin-regexp checks the shapes it can; docs/SECURITY.md): a mention's tag and
 * text stop at the next `<`, and a run of punctuation is matched only from its first character.
 */
const MENTION = /<at(?:\s[^<>]*)?>([^<]*)<\/at>/gi;
const LEADING_MENTIONS = /^(?:\s*<at(?:\s[^<>]*)?>[^<]*<\/at>)+/i;
const TRAILING_PUNCTUATION = /(?<![.!?])[.!?]+$/;

/**
 * Recognises a command in message text, in English or Finnish: case, extra whitespace, trailing
 * punctuation and any leftover `<at>` mention of the bot are ignored. A nomination keeps the
 * name that follows it as typed; a mention there is a person's, so its text is kept as the name.
 */
export function parseCommand(text: string | undefined): Command {
  const spaced = (text ?? '').replace(/&nbsp;/gi, ' ');
  const normalized = tidy(spaced.replace(MENTION, ' ')).toLowerCase();
  const known = COMMANDS[normalized];
  if (known) return { name: known[0], locale: known[1] };

  // A mention before the command is the bot's (Teams puts it first in channels and chats).
  const nomination = NOMINATE.exec(tidy(spaced.replace(LEADING_MENTIONS, ' ')));
  if (!nomination) return { name: 'unknown' };
  const locale: Locale = nomination[1] ? 'en' : 'fi';
  const nominee = tidy((nomination[2] ?? '').replace(MENTION, ' $1 '))
    .slice(0, NOMINEE_MAX_LENGTH)
    .trim();
  return nominee ? { name: 'nominate', nominee, locale } : { name: 'nominate', locale };
}

/** Single spaces, no trailing punctuation, trimmed. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(TRAILING_PUNCTUATION, '').trim();
}

/** What a chat message asks of the bot. */
export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'share' }
  /** Journey 2: the story form with a colleague featured; `nominee` is the name as typed. */
  | { readonly name: 'nominate'; readonly nominee?: string }
  /** Journey 5: an admin makes this team channel the one published stories are posted to. */
  | { readonly name: 'postHere' }
  | { readonly name: 'unknown' };

const COMMANDS: Readonly<Record<string, 'help' | 'share' | 'postHere'>> = {
  help: 'help',
  apua: 'help',
  ohje: 'help',
  'share a story': 'share',
  'kerro tarina': 'share',
  'post stories here': 'postHere',
  'julkaise tarinat täällä': 'postHere',
};

/** "nominate" / "ehdota", then optionally the colleague's name (or their mention). */
const NOMINATE = /^(?:nominate|ehdota)(?:\s+(\S.*))?$/i;

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
  const name = COMMANDS[normalized];
  if (name) return { name };

  // A mention before the command is the bot's (Teams puts it first in channels and chats).
  const nomination = NOMINATE.exec(tidy(spaced.replace(LEADING_MENTIONS, ' ')));
  if (!nomination) return { name: 'unknown' };
  const nominee = tidy((nomination[1] ?? '').replace(MENTION, ' $1 '))
    .slice(0, NOMINEE_MAX_LENGTH)
    .trim();
  return nominee ? { name: 'nominate', nominee } : { name: 'nominate' };
}

/** Single spaces, no trailing punctuation, trimmed. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(TRAILING_PUNCTUATION, '').trim();
}

/** What a chat message asks of the bot. */
export type Command = 'help' | 'share' | 'unknown';

const COMMANDS: Readonly<Record<string, Exclude<Command, 'unknown'>>> = {
  help: 'help',
  apua: 'help',
  ohje: 'help',
  'share a story': 'share',
  'kerro tarina': 'share',
};

/**
 * Recognises a command in message text, in English or Finnish: case, extra whitespace, trailing
 * punctuation and any leftover `<at>` mention of the bot are ignored.
 */
export function parseCommand(text: string | undefined): Command {
  const normalized = (text ?? '')
    .replace(/<at[^>]*>.*?<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '')
    .trim();
  return COMMANDS[normalized] ?? 'unknown';
}

import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/commands.js';

describe('parseCommand', () => {
  it.each([
    ['help', 'help'],
    ['HELP', 'help'],
    ['  help  ', 'help'],
    ['help!', 'help'],
    ['apua', 'help'],
    ['Ohje', 'help'],
    ['share a story', 'share'],
    ['Share   a\tStory.', 'share'],
    ['kerro tarina', 'share'],
    ['Kerro  TARINA', 'share'],
    ['<at>Story Wall</at> share a story', 'share'],
    ['<at id="0">Story Wall</at>&nbsp;help', 'help'],
  ] as const)('reads %j as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it.each([undefined, '', 'hello', 'share a story please', 'help me with this'])(
    'does not guess at %j',
    (text) => {
      expect(parseCommand(text)).toBe('unknown');
    },
  );
});

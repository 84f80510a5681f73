import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/commands.js';
import { htmlToPlainText, tidy } from '../../../src/bot/html.js';
import { pageFor, viewFor } from '../../../src/tab/route.js';
import { costRatio as ratioOf, repeat } from '../../support/linearTime.js';

/**
 * Every regular expression that user text reaches runs in linear time (docs/SECURITY.md): a
 * message of the largest size Teams sends, built to make a backtracking pattern work hardest,
 * costs about what the same number of characters cost in small messages.
 *
 * Not a timing assertion: the same total of characters is processed as one large input and as
 * ten inputs a tenth of the size, in each of many short rounds of one run (`costRatio`). A linear
 * function costs about the same both ways; a quadratic one costs ten times more on the large
 * input. The bound (4×) sits between the two with room for a noisy machine.
 */
const MAX_MESSAGE = 28_000;
const costRatio = (work: (input: string) => unknown, shape: (length: number) => string) =>
  ratioOf(work, shape, MAX_MESSAGE);

const SHAPES: Record<string, (length: number) => string> = {
  dots: repeat('.', 'x'),
  'dots after a command': repeat('.', 'help x'),
  'unclosed mentions': repeat('<at'),
  'unclosed mention tags': repeat('<at>'),
  'mention with open tag text': repeat('<at a', ''),
  spaces: repeat(' ', 'x'),
  'spaces and tabs before a break': repeat(' \t', '\nx'),
  'nominate and spaces': (length) => `nominate${' '.repeat(length - 10)}\n.`,
  slashes: repeat('/', 'x'),
};

describe('text from people is handled in linear time', () => {
  it.each(Object.entries(SHAPES))('a chat command of %s', (_, shape) => {
    expect(costRatio(parseCommand, shape)).toBeLessThan(4);
  });

  it.each(Object.entries(SHAPES))('a shared message of %s (text and HTML)', (_, shape) => {
    expect(costRatio(tidy, shape)).toBeLessThan(4);
    expect(costRatio(htmlToPlainText, shape)).toBeLessThan(4);
  });

  it.each(Object.entries(SHAPES))('a tab address of %s', (_, shape) => {
    expect(costRatio(pageFor, shape)).toBeLessThan(4);
    expect(costRatio(viewFor, shape)).toBeLessThan(4);
  });

  it('still reads commands as before', () => {
    expect(parseCommand('help!!!')).toEqual({ name: 'help', locale: 'en' });
    expect(parseCommand('<at>Story Wall</at> nominate <at id="1">Aino</at>.')).toEqual({
      name: 'nominate',
      nominee: 'Aino',
      locale: 'en',
    });
    expect(tidy('a \t\nb  \n\n\n\nc')).toBe('a\nb\n\nc');
    expect(pageFor('/config///')).toBe('config');
  });
});

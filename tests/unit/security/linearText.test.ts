import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/bot/commands.js';
import { htmlToPlainText, tidy } from '../../../src/bot/html.js';
import { pageFor, viewFor } from '../../../src/tab/route.js';

/**
 * Every regular expression that user text reaches runs in linear time (docs/SECURITY.md): a
 * message of the largest size Teams sends, built to make a backtracking pattern work hardest,
 * costs about what the same number of characters cost in small messages.
 *
 * Not a timing assertion: the same total of characters is processed as ten large inputs and as
 * a hundred inputs a tenth of the size, interleaved, in one run. A linear function costs about
 * the same both ways; a quadratic one costs ten times more on the large inputs. The bound (4×)
 * sits between the two with room for a noisy machine.
 */
const MAX_MESSAGE = 28_000;

function costRatio(work: (input: string) => unknown, shape: (length: number) => string): number {
  const large = shape(MAX_MESSAGE);
  const small = shape(MAX_MESSAGE / 10);
  let largeMs = Number.POSITIVE_INFINITY;
  let smallMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round += 1) {
    let started = performance.now();
    for (let i = 0; i < 10; i += 1) work(large);
    largeMs = Math.min(largeMs, performance.now() - started);
    started = performance.now();
    for (let i = 0; i < 100; i += 1) work(small);
    smallMs = Math.min(smallMs, performance.now() - started);
  }
  return largeMs / Math.max(smallMs, 0.05);
}

const repeat =
  (unit: string, tail = '') =>
  (length: number) =>
    unit.repeat(Math.floor((length - tail.length) / unit.length)) + tail;

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
    expect(parseCommand('help!!!')).toEqual({ name: 'help' });
    expect(parseCommand('<at>Story Wall</at> nominate <at id="1">Aino</at>.')).toEqual({
      name: 'nominate',
      nominee: 'Aino',
    });
    expect(tidy('a \t\nb  \n\n\n\nc')).toBe('a\nb\n\nc');
    expect(pageFor('/config///')).toBe('config');
  });
});

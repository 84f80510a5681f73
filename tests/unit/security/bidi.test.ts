import { describe, expect, it } from 'vitest';
import { plainName } from '../../../src/domain/text.js';
import { decisionInputSchema, reassignInputSchema } from '../../../src/shared/schemas.js';

/** Every code point of the Basic Multilingual Plane outside the surrogates, as a string. */
function* everyCharacter(): Generator<string> {
  for (let code = 0; code <= 0xffff; code += 1) {
    if (code < 0xd800 || code > 0xdfff) yield String.fromCharCode(code);
  }
}

describe('bidirectional controls', () => {
  const CONTROLS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

  it('names and typed text lose exactly the same characters', () => {
    const removedFromNames: number[] = [];
    const removedFromText: number[] = [];
    for (const character of everyCharacter()) {
      const code = character.charCodeAt(0);
      if (plainName(`a${character}b`, '?') === 'ab') removedFromNames.push(code);
      const comment = decisionInputSchema.parse({ decision: 'reject', comment: `a${character}b` });
      if (comment.comment === 'ab') removedFromText.push(code);
    }
    expect(removedFromNames).toEqual(CONTROLS);
    expect(removedFromText).toEqual(CONTROLS);
  });

  it('a name of nothing but controls falls back', () => {
    expect(plainName('\u202E\u2066 \u2069', 'a-user-id')).toBe('a-user-id');
    expect(plainName(undefined, 'a-user-id')).toBe('a-user-id');
  });

  it('a reason of nothing but controls is no reason', () => {
    expect(
      reassignInputSchema.parse({ approverId: 'someone', comment: '\u202E\u202C' }).comment,
    ).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/bot/markdown.js';

describe('escapeMarkdown', () => {
  it.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_italic_', '\\_italic\\_'],
    ['[click](https://evil.example)', '\\[click\\]\\(https://evil.example\\)'],
    ['![img](x.png)', '\\!\\[img\\]\\(x.png\\)'],
    ['# Heading', '\\# Heading'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['`code`', '\\`code\\`'],
    ['~~struck~~', '\\~\\~struck\\~\\~'],
    ['a | b', 'a \\| b'],
    ['C:\\temp', 'C:\\\\temp'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('escapes a number followed by a dot at the start of any line, not elsewhere', () => {
    expect(escapeMarkdown('1. first\n  2. second\nversion 3.5')).toBe(
      '1\\. first\n  2\\. second\nversion 3.5',
    );
  });

  it('escapes each backslash once, before the characters it would otherwise escape', () => {
    expect(escapeMarkdown('\\*')).toBe('\\\\\\*');
  });

  it('normalises line endings and leaves plain text, HTML-looking text and quotes alone', () => {
    expect(escapeMarkdown('Thank you,\r\nsaid the guest')).toBe('Thank you,\nsaid the guest');
    expect(escapeMarkdown('Äiti & vauva <3 “kiitos”')).toBe('Äiti & vauva <3 “kiitos”');
  });
});

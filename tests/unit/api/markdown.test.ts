import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownLine, fileNameOf } from '../../../src/api/markdown.js';
import { costRatio, repeat } from '../../support/linearTime.js';

/** A collection's Markdown export: user text shows as written and never as markup of its own. */

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, links, images, HTML, entities and tables', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) ![f](g) <b>h</b> &amp; |i| ~~j~~ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) !\\[f\\](g) \\<b\\>h\\</b\\> \\&amp; \\|i\\| \\~\\~j\\~\\~ \\\\',
    );
  });

  it('keeps lines, but none starts a heading, list, quote, rule or code block', () => {
    expect(escapeMarkdown('# a\r\n- b\n+ c\n1. d\n2) e\n> f\n===\n    g\n\nh')).toBe(
      '\\# a\n\\- b\n\\+ c\n1\\. d\n2\\) e\n\\> f\n\\===\ng\n\nh',
    );
    expect(escapeMarkdown('Plain text, 3.5 stars. Fine!')).toBe('Plain text, 3.5 stars. Fine!');
  });

  it('puts text inside a line of our own on that one line', () => {
    expect(escapeMarkdownLine('Title #\nsecond *line*')).toBe('Title \\# second \\*line\\*');
  });

  it('runs in linear time on the largest texts', () => {
    // A text made only of characters to escape doubles in size, and V8 replaces the matches of a
    // line of 20,000 such characters at about 4.5 times the cost per character of a short line:
    // a step between 2,000 and 20,000 characters, flat beyond (a constant, not growth). So the
    // small texts are a hundredth of the size, where quadratic work would be about 100.
    for (const shape of [repeat('*'), repeat('1.'), repeat('\n-'), repeat('\\[')]) {
      expect(costRatio(escapeMarkdown, shape, 20_000, 100)).toBeLessThan(20);
    }
  });
});

describe('fileNameOf', () => {
  it('makes a safe name of a title, accents dropped', () => {
    expect(fileNameOf('Nights: Ääni & valo', 'collection')).toBe('nights-aani-valo');
    expect(fileNameOf('../../etc/passwd"; x', 'collection')).toBe('etc-passwd-x');
    expect(fileNameOf('Обучение', 'collection')).toBe('collection');
    expect(fileNameOf('a'.repeat(59) + ' b', 'collection')).toBe('a'.repeat(59));
  });
});

/**
 * Characters that Adaptive Card markdown (and the Teams renderer's extensions) gives a meaning:
 * emphasis, links, images, headings, quotes, lists, code, strike-through and tables.
 */
const SPECIAL = /[\\*_[\]()#>\-+`~|!]/g;

/**
 * Escapes user text for an Adaptive Card TextBlock or FactSet, so it always renders literally:
 * no emphasis, links, lists or headings can be smuggled in. Cards never carry HTML at all.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(SPECIAL, (c) => `\\${c}`)
      // "1. " at the start of a line would become an ordered list.
      .replace(/^([ \t]*\d+)\./gm, '$1\\.')
  );
}

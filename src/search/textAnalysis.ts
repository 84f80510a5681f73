import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as finnishStem } from '@orama/stemmers/finnish';

/**
 * How text becomes index terms, the same for stories and for queries. A story is told in Finnish
 * or English and a reader searches in either, whatever the story's language, so each word is
 * stemmed both ways and both stems are indexed; a query word matches when either of its stems
 * does. Snowball's Finnish stemmer leaves the nominative of `-as`/`-us` words and consonant
 * gradation alone ("asiakas" → "asiakas", "asiakkaalle" → "asiak"), so its stems are folded
 * further (`foldFinnish`): the endings it keeps are cut and doubled consonants made single.
 */

/** Words too common to narrow a search, in either language. */
const STOP_WORDS = new Set([
  // English
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'was',
  'were',
  'with',
  // Finnish
  'ja',
  'tai',
  'on',
  'oli',
  'ei',
  'se',
  'että',
  'kun',
  'mutta',
  'niin',
  'myös',
  'ovat',
  'olivat',
]);

/** Longer "words" (ids, pasted links) are not indexed: nobody searches by them. */
const MAX_WORD = 40;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'å']);

/** The words of a text, lower-cased, letters and digits only, without stop words. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && word.length <= MAX_WORD && !STOP_WORDS.has(word));
}

/**
 * Stems of the words seen lately: a wall repeats its vocabulary, and stemming a word both ways
 * costs more than everything else in indexing it, so a build stems each distinct word once.
 * Emptied when full, which bounds it whatever the texts.
 */
const STEMMED = new Map<string, readonly string[]>();
const STEMMED_MAX = 100_000;

/** The index terms of one word: its folded Finnish stem and its English stem (one if equal). */
export function stems(word: string): readonly string[] {
  let found = STEMMED.get(word);
  if (found === undefined) {
    const finnish = foldFinnish(finnishStem(word));
    const english = englishStem(word);
    found = finnish === english ? [finnish] : [finnish, english];
    if (STEMMED.size >= STEMMED_MAX) STEMMED.clear();
    STEMMED.set(word, found);
  }
  return found;
}

/** Every index term of a text, for the index's `processTerm`. */
export function terms(text: string): string[] {
  return words(text).flatMap(stems);
}

/**
 * Folds a Snowball Finnish stem so that the inflected forms of a word meet: "-ks" of the `-us`
 * words' other cases and the nominative's final "s" after a vowel are cut ("toimituks",
 * "toimitus" → "toimitu"), then the final vowels ("asiaka" → "asiak", "nopea" and "nope" → "nop"), then doubled consonants
 * are made single ("asiakk" → "asiak"). Loops, not regular expressions: a word is short, but the
 * rule of linear-time matching on user text holds everywhere.
 */
export function foldFinnish(stem: string): string {
  let s = stem;
  if (s.endsWith('ks')) s = s.slice(0, -2);
  else if (s.length > 2 && s.endsWith('s') && VOWELS.has(s.charAt(s.length - 2)))
    s = s.slice(0, -1);
  let end = s.length;
  while (end > 3 && VOWELS.has(s.charAt(end - 1))) end--;
  s = s.slice(0, end);
  let folded = '';
  for (const char of s) {
    if (char !== folded.charAt(folded.length - 1) || VOWELS.has(char)) folded += char;
  }
  return folded.length >= 3 ? folded : stem;
}

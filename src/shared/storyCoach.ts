/**
 * The story coach: checks the four parts that make a story teach — the customer's situation,
 * what was done, how the customer reacted, the lesson — and names what to improve as hint codes
 * with the field each belongs to (the tab and the bot translate them). Rules, not a remote
 * service: pure, deterministic and small, so the tab bundles it and the bot runs the same checks.
 *
 * A story may be written in English or in Finnish, so both languages' word lists apply to every
 * text. Words are compared by a crude stem (a shared prefix of five letters), which is enough to
 * match Finnish inflections ("asiakkaalle" / "asiakas") and English endings ("stayed" / "stay").
 * The only pattern is a run of letters and digits (linear), and each field is read only up to
 * `STORY_COACH_MAX_CHARS`, so the work per draft is bounded whatever is typed or sent.
 */
import type { LocaleDto } from './dto.js';
import {
  CUSTOMER_STEMS,
  CUSTOMER_WORDS,
  GENERAL_ENDINGS,
  GENERAL_WORDS,
  GENERAL_WORDS_OF,
  NOT_CUSTOMER_STEMS,
  QUOTE_MARKS,
  SENTENCE_BREAKS,
  STOP_WORDS,
  TIME_STEMS,
  TIME_WORDS,
  VAGUE_STEMS,
  VAGUE_WORDS,
} from './storyCoachWords.js';

/** The four parts of a story that teaches, in the order the forms ask for them. */
export const STORY_PARTS = ['situation', 'action', 'outcome', 'lesson'] as const;
export type StoryPart = (typeof STORY_PARTS)[number];

/** Where a hint belongs: the title, one part, or the story as a whole. */
export const STORY_COACH_FIELDS = [
  'title',
  'situation',
  'action',
  'outcome',
  'lesson',
  'story',
] as const;
export type StoryCoachField = (typeof STORY_COACH_FIELDS)[number];

/** What the coach can say, in the order it is said within one field. */
export const STORY_COACH_HINTS = [
  /** The part is empty. */
  'missing',
  /** Too few words for anyone to retell it. */
  'thin',
  /** The part is the same text as an earlier one (`other`). */
  'sameText',
  /** Words like "great", "something", "kiva", "juttu" make up much of it. */
  'vague',
  /** The situation names no customer. */
  'situationNoCustomer',
  /** The outcome says nothing of the customer. */
  'outcomeNoCustomer',
  /** Most of the lesson's words are the action's: it retells what was done. */
  'lessonRepeatsAction',
  /** The lesson says nothing others can apply (no "when", "always", "we", "kannattaa", …). */
  'lessonNotGeneral',
  /** No concrete detail anywhere: a number, a time, a quoted phrase, a name. */
  'noDetail',
] as const;
export type StoryCoachHintCode = (typeof STORY_COACH_HINTS)[number];

export interface StoryCoachHint {
  readonly code: StoryCoachHintCode;
  readonly field: StoryCoachField;
  /** For `sameText`: the earlier part with the same text. */
  readonly other?: StoryPart;
}

/** The quality levels, weakest first. */
export const STORY_QUALITIES = ['weak', 'fair', 'good', 'strong'] as const;
export type StoryQuality = (typeof STORY_QUALITIES)[number];

/** How one part stands: empty, with something to improve, or fine as it is. */
export type StoryPartVerdict = 'missing' | 'needsWork' | 'good';

export interface StoryCoaching {
  readonly quality: StoryQuality;
  /** 0–100: 100 less what each hint costs. */
  readonly score: number;
  readonly parts: Readonly<Record<StoryPart, StoryPartVerdict>>;
  /** In form order (title, the parts, the whole story), then in `STORY_COACH_HINTS` order. */
  readonly hints: readonly StoryCoachHint[];
}

/** A draft as typed: any field may be missing. `locale` decides the few words the languages share. */
export type StoryCoachInput = Readonly<Partial<Record<'title' | StoryPart, string>>> & {
  readonly locale?: LocaleDto;
};

/**
 * How many characters of each field are read: the longest any story field may be (LIMITS in
 * `dto.ts`; a test holds the two together), so a valid story is read whole and a hostile one
 * costs no more.
 */
export const STORY_COACH_MAX_CHARS = 2000;

/** The fewest words a part needs for someone to retell it. */
const MIN_WORDS: Record<StoryPart, number> = { situation: 8, action: 8, outcome: 6, lesson: 4 };

/** What each hint takes off the score. */
const COST: Record<StoryCoachHintCode, number> = {
  missing: 25,
  thin: 12,
  vague: 8,
  situationNoCustomer: 8,
  outcomeNoCustomer: 12,
  lessonRepeatsAction: 15,
  lessonNotGeneral: 8,
  sameText: 20,
  noDetail: 8,
};
/** A vague title costs less than a vague part: the parts are what teach. */
const VAGUE_TITLE_COST = 4;

/** The lowest score of each level above `weak`. */
const LEVELS: readonly (readonly [StoryQuality, number])[] = [
  ['strong', 90],
  ['good', 70],
  ['fair', 45],
];

/** The share of the lesson's content words found in the action that makes it a retelling. */
const REPEAT_SHARE = 0.6;
/** The share of vague words among a text's content words that makes it vague. */
const VAGUE_SHARE = 0.3;

// Runs of letters and digits: no nesting, no alternation, so it is linear.
const WORD = /[\p{L}\p{N}]+/gu;
const DIGIT = /\p{N}/u;

interface Token {
  readonly lower: string;
  /** Capitalised where a sentence does not start: a name of a person, place or product. */
  readonly name: boolean;
}

interface Text {
  readonly tokens: readonly Token[];
  /** Lowercased words that carry meaning: no stop words, no general words. */
  readonly content: readonly string[];
  /** Holds a quoted phrase (two quote marks or more). */
  readonly quoted: boolean;
}

/**
 * Coaches a story draft: a quality level and score, a verdict per part and the hints, in form
 * order. Never throws; the same draft always gets the same answer.
 */
export function coachStory(input: StoryCoachInput): StoryCoaching {
  const locale = input.locale;
  const general = (word: string) => isGeneral(word, locale);
  const read = (field: 'title' | StoryPart) => readText(input[field] ?? '', general);
  const title = read('title');
  const parts = {
    situation: read('situation'),
    action: read('action'),
    outcome: read('outcome'),
    lesson: read('lesson'),
  } satisfies Record<StoryPart, Text>;

  const hints: StoryCoachHint[] = [];
  const add = (code: StoryCoachHintCode, field: StoryCoachField, other?: StoryPart) =>
    hints.push(other ? { code, field, other } : { code, field });

  if (isVague(title, 1, 0.5)) add('vague', 'title');

  const missing = new Set<StoryPart>();
  const thin = new Set<StoryPart>();
  for (const part of STORY_PARTS) {
    const text = parts[part];
    if (text.tokens.length === 0) {
      missing.add(part);
      add('missing', part);
    } else if (text.tokens.length < MIN_WORDS[part]) {
      thin.add(part);
      add('thin', part);
    } else if (isVague(text, 2, VAGUE_SHARE)) {
      add('vague', part);
    }
  }
  const present = (part: StoryPart) => !missing.has(part);

  if (present('situation') && !namesCustomer(parts.situation))
    add('situationNoCustomer', 'situation');
  if (present('outcome') && !namesCustomer(parts.outcome)) add('outcomeNoCustomer', 'outcome');

  const same = sameTexts(parts);
  for (const [part, other] of same) add('sameText', part, other);
  const lessonIsAction = same.some(([part, other]) => part === 'lesson' && other === 'action');
  if (present('lesson') && present('action') && !lessonIsAction) {
    if (repeats(parts.lesson.content, parts.action.content)) add('lessonRepeatsAction', 'lesson');
  }
  if (present('lesson') && !thin.has('lesson')) {
    if (!parts.lesson.tokens.some((token) => general(token.lower))) {
      add('lessonNotGeneral', 'lesson');
    }
  }

  const told = STORY_PARTS.filter(present);
  if (told.length > 0 && !told.some((part) => hasDetail(parts[part]))) add('noDetail', 'story');

  const ordered = hints.sort(
    (a, b) =>
      STORY_COACH_FIELDS.indexOf(a.field) - STORY_COACH_FIELDS.indexOf(b.field) ||
      STORY_COACH_HINTS.indexOf(a.code) - STORY_COACH_HINTS.indexOf(b.code),
  );
  const cost = ordered.reduce(
    (sum, hint) =>
      sum + (hint.field === 'title' && hint.code === 'vague' ? VAGUE_TITLE_COST : COST[hint.code]),
    0,
  );
  const score = Math.max(0, 100 - cost);
  const verdict = (part: StoryPart): StoryPartVerdict =>
    missing.has(part) ? 'missing' : ordered.some((h) => h.field === part) ? 'needsWork' : 'good';
  return {
    quality: LEVELS.find(([, lowest]) => score >= lowest)?.[0] ?? 'weak',
    score,
    parts: {
      situation: verdict('situation'),
      action: verdict('action'),
      outcome: verdict('outcome'),
      lesson: verdict('lesson'),
    },
    hints: ordered,
  };
}

function isGeneral(word: string, locale: LocaleDto | undefined): boolean {
  if (GENERAL_WORDS.has(word)) return true;
  if (locale && GENERAL_WORDS_OF[locale].has(word)) return true;
  return word.length >= 5 && GENERAL_ENDINGS.some((ending) => word.endsWith(ending));
}

/** The words of one field (its first `STORY_COACH_MAX_CHARS` characters). */
function readText(raw: string, general: (word: string) => boolean): Text {
  const text = raw.slice(0, STORY_COACH_MAX_CHARS).normalize('NFC');
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const lower = word.toLowerCase();
    const capitalised = word.length > 1 && word[0] !== lower[0];
    tokens.push({ lower, name: capitalised && !startsSentence(text, match.index) });
  }
  let quotes = 0;
  for (const char of text) if (QUOTE_MARKS.has(char)) quotes += 1;
  return {
    tokens,
    content: tokens
      .map((token) => token.lower)
      .filter((word) => !STOP_WORDS.has(word) && !general(word)),
    quoted: quotes >= 2,
  };
}

/**
 * Whether a word at `index` starts a sentence: nothing but spaces before it, or a full stop,
 * a colon, a quote mark. Only the spaces since the previous word are read, so a whole text is
 * read once.
 */
function startsSentence(text: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && /\s/.test(text[at] ?? '')) at -= 1;
  return at < 0 || SENTENCE_BREAKS.has(text[at] ?? '');
}

function isVagueWord(word: string): boolean {
  return VAGUE_WORDS.has(word) || VAGUE_STEMS.some((stem) => word.startsWith(stem));
}

/** At least `least` vague words, and at least `share` of the content words. */
function isVague(text: Text, least: number, share: number): boolean {
  if (text.content.length === 0) return false;
  const vague = text.content.filter(isVagueWord).length;
  return vague >= least && vague / text.content.length >= share;
}

function namesCustomer(text: Text): boolean {
  return text.tokens.some(
    ({ lower }) =>
      CUSTOMER_WORDS.has(lower) ||
      (CUSTOMER_STEMS.some((stem) => lower.includes(stem)) &&
        !NOT_CUSTOMER_STEMS.some((stem) => lower.includes(stem))),
  );
}

function isTimeWord(word: string): boolean {
  return TIME_WORDS.has(word) || TIME_STEMS.some((stem) => word.startsWith(stem));
}

/** A number, a time, a quoted phrase or a name. */
function hasDetail(text: Text): boolean {
  return (
    text.quoted ||
    text.tokens.some((token) => token.name || DIGIT.test(token.lower) || isTimeWord(token.lower))
  );
}

/**
 * Whether most of the lesson's content words are the action's, compared by a crude stem: words
 * of five letters or more by their first five, a four-letter word by the start of the other.
 */
function repeats(lesson: readonly string[], action: readonly string[]): boolean {
  const own = [...new Set(lesson)];
  if (own.length < 2) return false;
  const exact = new Set(action);
  const prefix4 = new Set(action.filter((w) => w.length >= 4).map((w) => w.slice(0, 4)));
  const prefix5 = new Set(action.filter((w) => w.length >= 5).map((w) => w.slice(0, 5)));
  const short4 = new Set(action.filter((w) => w.length === 4));
  const found = own.filter((word) => {
    if (word.length <= 3) return exact.has(word);
    if (word.length === 4) return prefix4.has(word);
    return prefix5.has(word.slice(0, 5)) || short4.has(word.slice(0, 4));
  });
  return found.length / own.length >= REPEAT_SHARE;
}

/** Each part whose words are those of an earlier part, with that earlier part. */
function sameTexts(parts: Record<StoryPart, Text>): [StoryPart, StoryPart][] {
  const seen = new Map<string, StoryPart>();
  const same: [StoryPart, StoryPart][] = [];
  for (const part of STORY_PARTS) {
    const key = parts[part].tokens.map((token) => token.lower).join(' ');
    if (key === '') continue;
    const earlier = seen.get(key);
    if (earlier) same.push([part, earlier]);
    else seen.set(key, part);
  }
  return same;
}

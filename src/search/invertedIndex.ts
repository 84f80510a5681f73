/**
 * One tenant's full-text index in compact arrays: the engine under the embedded search adapter
 * (`embeddedSearchIndex.ts`). A story is a document number; each term keeps one posting list of
 * `document × 256 + weighted term frequency` in a growing `Uint32Array` (4 bytes a posting), and
 * the filter and order fields are columns of typed arrays, filter values interned to numbers.
 * A search walks the postings of the query's rarest word first and only scores documents that
 * matched every word before, checks the filters on integer columns as it finds a match, and keeps
 * only the window asked for (a bounded heap), so its cost follows the matches of the rarest word,
 * not the size of the tenant's wall.
 */

/** A story as the index holds it: its texts' terms and its filter and order fields. */
export interface IndexedDoc {
  readonly id: string;
  /** Terms of the title, the body and the team (`textAnalysis.terms`), repeats kept. */
  readonly title: readonly string[];
  readonly body: readonly string[];
  readonly team: readonly string[];
  readonly teamKey: string;
  readonly category: string;
  /** `YYYY-MM`, UTC. */
  readonly month: string;
  /** Trimmed and lower-cased; null when the story names no account. */
  readonly account: string | null;
  readonly language: string;
  readonly publishedAt: number;
  readonly voteCount: number;
}

/** The filters of a search, each already in the form the index keeps. */
export interface IndexFilters {
  readonly teamKey?: string;
  readonly category?: string;
  readonly month?: string;
  readonly account?: string;
  readonly language?: string;
}

/** One word of a query: the terms it matches exactly, and those it matches as a prefix. */
export interface QueryWord {
  readonly terms: readonly string[];
  /** Stems the word may be the beginning of (the last word typed); empty for the others. */
  readonly prefixes: readonly string[];
}

export type IndexOrder = 'relevance' | 'newest' | 'votes';

export interface IndexHit {
  readonly id: string;
  readonly publishedAt: number;
}

/** Field weights, doubled so that they are integers: title 3, body 1, team 1.5. */
const TITLE = 6;
const BODY = 2;
const TEAM = 3;
const MAX_TF = 255;
/** Terms one prefix may expand to, the shortest first (a longer one is a weaker guess). */
const MAX_EXPANSIONS = 32;
/** A prefix match counts as much as this share of an exact one. */
const PREFIX_WEIGHT = 0.4;
/** BM25's saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** The shortest term a prefix may expand from; shorter terms are matched exactly only. */
const PREFIX_KEY = 3;

class Postings {
  data = new Uint32Array(2);
  size = 0;
  push(doc: number, tf: number): void {
    if (this.size === this.data.length) {
      const grown = new Uint32Array(this.size * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = doc * 256 + tf;
  }
}

function grow<T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(
  array: T,
  length: number,
): T {
  if (array.length >= length) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}

export class InvertedIndex {
  private ids: string[] = [];
  private alive = new Uint8Array(16);
  private published = new Float64Array(16);
  private votes = new Int32Array(16);
  private lengths = new Float64Array(16);
  private teams = new Int32Array(16);
  private categories = new Int32Array(16);
  private months = new Int32Array(16);
  private accounts = new Int32Array(16);
  private languages = new Int32Array(16);
  private readonly docOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  /** Terms by their first three letters, for prefix matching. */
  private readonly byPrefix = new Map<string, string[]>();
  /** Filter values to numbers (one dictionary, each value prefixed by its field). */
  private readonly values = new Map<string, number>();
  private liveCount = 0;
  private totalLength = 0;
  // Scratch of a search, reused (a search runs to its end without yielding).
  private stamp = new Uint32Array(16);
  private matched = new Uint16Array(16);
  private scores = new Float64Array(16);
  private generation = 0;

  get size(): number {
    return this.liveCount;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  /** Adds the story, replacing what was held under its id. */
  put(doc: IndexedDoc): void {
    this.delete(doc.id);
    const number = this.ids.length;
    const capacity = number + 1;
    this.ids.push(doc.id);
    this.alive = grow(this.alive, capacity);
    this.published = grow(this.published, capacity);
    this.votes = grow(this.votes, capacity);
    this.lengths = grow(this.lengths, capacity);
    this.teams = grow(this.teams, capacity);
    this.categories = grow(this.categories, capacity);
    this.months = grow(this.months, capacity);
    this.accounts = grow(this.accounts, capacity);
    this.languages = grow(this.languages, capacity);
    this.alive[number] = 1;
    this.published[number] = doc.publishedAt;
    this.votes[number] = doc.voteCount;
    this.teams[number] = this.intern(`t${doc.teamKey}`);
    this.categories[number] = this.intern(`c${doc.category}`);
    this.months[number] = this.intern(`m${doc.month}`);
    this.accounts[number] = doc.account === null ? -1 : this.intern(`a${doc.account}`);
    this.languages[number] = this.intern(`l${doc.language}`);

    const frequencies = new Map<string, number>();
    let length = 0;
    const count = (terms: readonly string[], weight: number) => {
      for (const term of terms) {
        frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
        length += weight;
      }
    };
    count(doc.title, TITLE);
    count(doc.body, BODY);
    count(doc.team, TEAM);
    for (const [term, tf] of frequencies) {
      let list = this.postings.get(term);
      if (!list) {
        list = new Postings();
        this.postings.set(term, list);
        this.addPrefix(term);
      }
      list.push(number, Math.min(tf, MAX_TF));
    }
    this.lengths[number] = length / 2;
    this.totalLength += length / 2;
    this.liveCount++;
    this.docOf.set(doc.id, number);
  }

  /** Takes the story out (its postings are skipped until the next compaction). */
  delete(id: string): void {
    const number = this.docOf.get(id);
    if (number === undefined) return;
    this.docOf.delete(id);
    this.alive[number] = 0;
    this.liveCount--;
    this.totalLength -= this.lengths[number] ?? 0;
    const dead = this.ids.length - this.liveCount;
    if (dead > 1_000 && dead > this.liveCount) this.compact();
  }

  /**
   * The stories matching every word and every filter, in `order`, the window `offset` to
   * `offset + limit`, and how many match in all.
   */
  search(
    words: readonly QueryWord[],
    filters: IndexFilters,
    order: IndexOrder,
    offset: number,
    limit: number,
  ): { hits: IndexHit[]; total: number } {
    const none = { hits: [], total: 0 };
    if (words.length === 0 || this.liveCount === 0) return none;
    const wanted = this.filterValues(filters);
    if (!wanted) return none;
    const lists = words.map((word) => this.listsOf(word));
    // The rarest word first: only the documents it matches are ever candidates.
    const plan = lists
      .map((terms, index) => ({
        terms,
        cost: terms.reduce((sum, t) => sum + t.list.size, 0),
        index,
      }))
      .sort((a, b) => a.cost - b.cost);
    if ((plan[0]?.cost ?? 0) === 0) return none;

    const capacity = this.ids.length;
    this.stamp = grow(this.stamp, capacity);
    this.scores = grow(this.scores, capacity);
    if (this.matched.length < capacity) {
      this.matched = new Uint16Array(Math.max(capacity, this.matched.length * 2));
    }
    if (++this.generation >= 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const { stamp, matched, scores, alive, lengths, generation } = this;
    const averageLength = this.totalLength / Math.max(1, this.liveCount);
    const candidates: number[] = [];
    for (const [step, { terms }] of plan.entries()) {
      for (const { list, weight } of terms) {
        const idf = Math.log(1 + (this.liveCount - list.size + 0.5) / (list.size + 0.5));
        const data = list.data;
        for (let i = 0; i < list.size; i++) {
          const value = data[i] as number;
          const doc = value >>> 8;
          if (step === 0) {
            if (stamp[doc] !== generation) {
              if (alive[doc] === 0) continue;
              stamp[doc] = generation;
              matched[doc] = 1;
              scores[doc] = 0;
              candidates.push(doc);
            }
          } else {
            if (stamp[doc] !== generation || (matched[doc] as number) < step) continue;
            matched[doc] = step + 1;
          }
          const tf = (value & 255) / 2;
          const norm = K1 * (1 - B + (B * (lengths[doc] as number)) / averageLength);
          scores[doc] = (scores[doc] as number) + (weight * idf * tf * (K1 + 1)) / (tf + norm);
        }
      }
    }
    const all = plan.length;
    const passing: number[] = [];
    for (const doc of candidates) {
      if (matched[doc] === all && this.passes(doc, wanted)) passing.push(doc);
    }
    const compare = this.comparator(order);
    const window = top(passing, offset + limit, compare).slice(offset);
    return {
      hits: window.map((doc) => ({
        id: this.ids[doc] as string,
        publishedAt: this.published[doc] as number,
      })),
      total: passing.length,
    };
  }

  private comparator(order: IndexOrder): (a: number, b: number) => number {
    const { scores, published, votes, ids } = this;
    const newest = (a: number, b: number) =>
      (published[b] as number) - (published[a] as number) ||
      ((ids[a] as string) < (ids[b] as string) ? -1 : 1);
    if (order === 'newest') return newest;
    if (order === 'votes')
      return (a, b) => (votes[b] as number) - (votes[a] as number) || newest(a, b);
    return (a, b) => (scores[b] as number) - (scores[a] as number) || newest(a, b);
  }

  private filterValues(filters: IndexFilters): Partial<Record<keyof IndexFilters, number>> | null {
    const wanted: Partial<Record<keyof IndexFilters, number>> = {};
    const fields: [keyof IndexFilters, string][] = [
      ['teamKey', 't'],
      ['category', 'c'],
      ['month', 'm'],
      ['account', 'a'],
      ['language', 'l'],
    ];
    for (const [field, prefix] of fields) {
      const value = filters[field];
      if (value === undefined) continue;
      const number = this.values.get(`${prefix}${value}`);
      // A value no story has: nothing can match.
      if (number === undefined) return null;
      wanted[field] = number;
    }
    return wanted;
  }

  private passes(doc: number, wanted: Partial<Record<keyof IndexFilters, number>>): boolean {
    return (
      (wanted.teamKey === undefined || this.teams[doc] === wanted.teamKey) &&
      (wanted.category === undefined || this.categories[doc] === wanted.category) &&
      (wanted.month === undefined || this.months[doc] === wanted.month) &&
      (wanted.account === undefined || this.accounts[doc] === wanted.account) &&
      (wanted.language === undefined || this.languages[doc] === wanted.language)
    );
  }

  /** The posting lists a query word reads, each with the weight of its matches. */
  private listsOf(word: QueryWord): { list: Postings; weight: number }[] {
    const found = new Map<string, number>();
    for (const term of word.terms) found.set(term, 1);
    for (const prefix of word.prefixes) {
      if (prefix.length < PREFIX_KEY) continue;
      const expansions = (this.byPrefix.get(prefix.slice(0, PREFIX_KEY)) ?? [])
        .filter((term) => term.length > prefix.length && term.startsWith(prefix))
        .sort((a, b) => a.length - b.length)
        .slice(0, MAX_EXPANSIONS);
      for (const term of expansions) if (!found.has(term)) found.set(term, PREFIX_WEIGHT);
    }
    return [...found].flatMap(([term, weight]) => {
      const list = this.postings.get(term);
      return list && list.size > 0 ? [{ list, weight }] : [];
    });
  }

  private intern(value: string): number {
    let number = this.values.get(value);
    if (number === undefined) {
      number = this.values.size;
      this.values.set(value, number);
    }
    return number;
  }

  private addPrefix(term: string): void {
    if (term.length < PREFIX_KEY) return;
    const key = term.slice(0, PREFIX_KEY);
    const bucket = this.byPrefix.get(key);
    if (bucket) bucket.push(term);
    else this.byPrefix.set(key, [term]);
  }

  /** Renumbers the live documents and drops the postings of removed ones. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let old = 0; old < this.ids.length; old++) {
      if (this.alive[old] === 0) continue;
      const number = ids.length;
      renumber[old] = number;
      ids.push(this.ids[old] as string);
      this.published[number] = this.published[old] as number;
      this.votes[number] = this.votes[old] as number;
      this.lengths[number] = this.lengths[old] as number;
      this.teams[number] = this.teams[old] as number;
      this.categories[number] = this.categories[old] as number;
      this.months[number] = this.months[old] as number;
      this.accounts[number] = this.accounts[old] as number;
      this.languages[number] = this.languages[old] as number;
      this.docOf.set(ids[number] as string, number);
    }
    this.ids = ids;
    this.alive.fill(0);
    this.alive.fill(1, 0, ids.length);
    for (const [term, list] of this.postings) {
      let kept = 0;
      for (let i = 0; i < list.size; i++) {
        const value = list.data[i] as number;
        const number = renumber[value >>> 8] as number;
        if (number >= 0) list.data[kept++] = number * 256 + (value & 255);
      }
      list.size = kept;
      if (kept === 0) this.postings.delete(term);
    }
    this.byPrefix.clear();
    for (const term of this.postings.keys()) this.addPrefix(term);
    this.stamp.fill(0);
    this.generation = 0;
  }
}

/**
 * The first `k` of `items` in the order of `compare`, sorted: a full sort when that is cheap,
 * else one pass keeping the best `k` in a heap (the worst of them on top).
 */
function top(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  if (items.length <= Math.max(64, k * 4)) return items.sort(compare).slice(0, k);
  const heap: number[] = [];
  const worse = (a: number, b: number) => compare(a, b) > 0;
  const up = (start: number) => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const down = () => {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left] as number, heap[worst] as number)) worst = left;
      if (right < heap.length && worse(heap[right] as number, heap[worst] as number)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as number, heap[i] as number];
      i = worst;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0] as number) < 0) {
      heap[0] = item;
      down();
    }
  }
  return heap.sort(compare);
}

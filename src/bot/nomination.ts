import type { User, UserDirectory } from '../domain/index.js';
import type { NominationNote, StoryFormModel } from './cards/storyFormCard.js';
import { storyFormModel, withPeopleFirst, type StorySubmissionDeps } from './storySubmission.js';
import type { TurnUser } from './turn.js';

/** A colleague as the form lists them. */
export interface Person {
  readonly id: string;
  readonly displayName: string;
}

/** Who a "nominate" message names (journey 2), as the bot could tell. */
export type Nomination =
  | { readonly kind: 'featured'; readonly person: Person }
  | { readonly kind: 'ambiguous'; readonly query: string; readonly people: readonly Person[] }
  | { readonly kind: 'notFound'; readonly query: string }
  | { readonly kind: 'self' }
  | { readonly kind: 'unnamed' };

export interface NomineeRequest {
  /** The name typed after the command. */
  readonly query?: string;
  /** The first person mentioned in the message, the bot's own mention left out. */
  readonly mentioned?: { readonly aadObjectId?: string; readonly name: string };
}

/**
 * Finds the colleague a nomination names, in the nominator's tenant only. A mention names a
 * person by their object id when Teams sends one the directory knows, else by its text; typed
 * text is matched by `matchPeople`. Nobody features themselves: a nomination of oneself is
 * refused (the form says so), and the nominator is left out of a name others share.
 */
export async function findNominee(
  turn: TurnUser,
  request: NomineeRequest,
  deps: { readonly users: UserDirectory },
): Promise<Nomination> {
  const { tenantId, userId } = turn.actor;
  const { mentioned } = request;
  if (mentioned?.aadObjectId) {
    if (mentioned.aadObjectId === userId) return { kind: 'self' };
    const person = await deps.users.get(tenantId, mentioned.aadObjectId);
    if (person) return { kind: 'featured', person: personOf(person) };
  }
  const mentionedName = mentioned?.name.trim() ?? '';
  const query = mentionedName !== '' ? mentionedName : (request.query?.trim() ?? '');
  if (!query) return { kind: 'unnamed' };

  const matches = matchPeople(await deps.users.list(tenantId), query);
  const others = matches.filter((p) => p.id !== userId);
  const [only] = others;
  if (only && others.length === 1) return { kind: 'featured', person: personOf(only) };
  if (others.length > 1) return { kind: 'ambiguous', query, people: others.map(personOf) };
  return matches.length > 0 ? { kind: 'self' } : { kind: 'notFound', query };
}

/**
 * The story form opened by a nomination: the nominee featured (and listed, even beyond the
 * colleagues the form lists itself), or the matches of an ambiguous name at the top of the
 * choices with none chosen (picking for the nominator could feature the wrong person), and the
 * note that says which.
 */
export async function nominationFormModel(
  turn: TurnUser,
  nomination: Nomination,
  deps: Pick<StorySubmissionDeps, 'users' | 'settings'>,
): Promise<StoryFormModel> {
  const model = await storyFormModel(turn, deps);
  switch (nomination.kind) {
    case 'featured': {
      const { person } = nomination;
      return {
        ...model,
        people: withPeopleFirst(model.people, [person]),
        values: { featured: person.id },
        nomination: { kind: 'featured', name: person.displayName },
      };
    }
    case 'ambiguous':
      return {
        ...model,
        people: withPeopleFirst(model.people, nomination.people),
        nomination: {
          kind: 'ambiguous',
          query: nomination.query,
          names: nomination.people.map((p) => p.displayName),
        },
      };
    default:
      return { ...model, nomination: nomination satisfies NominationNote };
  }
}

/**
 * The people a typed name means, best tier first: the e-mail address; the whole name; every
 * word the start of a word of the name, in any order ("Tomi", "kuljettaja tomi", "to ku"); and,
 * only when nothing else matched, a word that is a name with a short ending, as Finnish inflects
 * names ("ehdota Tomia"). Case and accents are ignored ("Makela" finds "Mäkelä"). Sorted by name.
 */
export function matchPeople(people: readonly User[], query: string): User[] {
  const wanted = fold(query);
  if (!wanted) return [];
  const tiers: Array<(person: User) => boolean> = [
    (p) => wanted.includes('@') && p.email !== undefined && fold(p.email) === wanted,
    (p) => fold(p.displayName) === wanted,
    (p) => everyWord(wanted, p.displayName, (word, name) => name.startsWith(word)),
    (p) => everyWord(wanted, p.displayName, inflected),
  ];
  for (const tier of tiers) {
    const found = people.filter(tier);
    if (found.length > 0) {
      return found.sort((a, b) => a.displayName.localeCompare(b.displayName));
    }
  }
  return [];
}

/** Finnish case endings add at most a few letters to a name ("Anna" → "Annaa", "Tomille"). */
const MAX_ENDING = 3;
const MIN_STEM = 3;

function inflected(word: string, name: string): boolean {
  if (name.startsWith(word)) return true;
  return (
    name.length >= MIN_STEM && word.startsWith(name) && word.length - name.length <= MAX_ENDING
  );
}

function everyWord(
  wanted: string,
  displayName: string,
  matches: (word: string, name: string) => boolean,
): boolean {
  const names = words(fold(displayName));
  return words(wanted).every((word) => names.some((name) => matches(word, name)));
}

function words(text: string): string[] {
  return text.split(/[\s,.-]+/).filter((w) => w !== '');
}

/** Lower case, without accents, single spaces. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function personOf(user: Pick<User, 'id' | 'displayName'>): Person {
  return { id: user.id, displayName: user.displayName };
}

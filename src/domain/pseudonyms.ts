import type { IdGenerator } from './ports.js';

/**
 * How an erased person appears where their part stays (a published story, a decision in its
 * history): a pseudonym drawn at random when the erasure starts, the same for all their stories,
 * so nothing in it leads back to them. Only the erasure register links the two.
 */
export const PSEUDONYM_PREFIX = 'erased-';

/**
 * The name stored for an erased person. The tab and the cards show it in the reader's language
 * ("Entinen kollega") whenever the id is a pseudonym.
 */
export const ERASED_NAME = 'A former colleague';

/** The id the app itself acts under (the scheduler, an erasure's own changes). Never a person. */
export const APP_ACTOR_ID = 'story-wall';

/** A new pseudonym. */
export function newPseudonym(ids: IdGenerator): string {
  return `${PSEUDONYM_PREFIX}${ids.newId()}`;
}

/** True for the id of an erased person: nobody to message, nothing more to erase. */
export function isPseudonym(id: string): boolean {
  return id.startsWith(PSEUDONYM_PREFIX);
}

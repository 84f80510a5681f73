import type { TenantSettings } from './policy.js';
import type { OutboxMessage, StoryDeps } from './ports.js';
import type { FeaturedPerson, Story } from './story.js';
import { hasRole, type Actor } from './user.js';

/**
 * Featured colleagues stay in control (PRODUCT.md): with the tenant's `confirmFeatured` setting
 * on, each colleague a new story features is asked in chat to confirm being named, and until they
 * do their name is shown only to those with a part in the story — the author who named them, its
 * approvers, editors, admins and the person themselves. The story is not held back: it is
 * published on its approval, and the name appears as soon as its person confirms. Declining is
 * "Remove my name" (`removeFeatured`), open to every featured colleague at any time.
 */

type Privacy = Pick<TenantSettings, 'privacy'>;

/** Whether the tenant asks featured colleagues to confirm before they are named to everyone. */
export function confirmsFeatured(settings: Privacy): boolean {
  return settings.privacy?.confirmFeatured === true;
}

/** The featured list of a told story, and who in it is to be asked now. */
export interface FeaturedConsent {
  readonly featured: readonly FeaturedPerson[];
  readonly ask: readonly string[];
}

/**
 * The consent state of the people a draft features. Someone the story named before (`previous`:
 * a resubmission) keeps their state: confirmed stays confirmed, asked stays asked without being
 * asked again. Someone new is asked when the tenant asks (`ask`); the author featuring themselves
 * never is.
 */
export function withConsent(
  featured: readonly FeaturedPerson[],
  authorId: string,
  previous: readonly FeaturedPerson[],
  ask: boolean,
): FeaturedConsent {
  const before = new Map(previous.map((p) => [p.id, p]));
  const asked: string[] = [];
  const people = featured.map((person): FeaturedPerson => {
    const { id, displayName } = person;
    const known = before.get(id);
    if (known) return known.awaiting ? { id, displayName, awaiting: true } : { id, displayName };
    if (!ask || id === authorId) return { id, displayName };
    asked.push(id);
    return { id, displayName, awaiting: true };
  });
  return { featured: people, ask: asked };
}

/** Those named to everyone: the wall's readers, the company channel, anything outside the app. */
export function publicFeatured(story: Pick<Story, 'featured'>): readonly FeaturedPerson[] {
  return story.featured.filter((person) => !person.awaiting);
}

/**
 * The featured people `viewer` sees named (null: a view everyone sees alike). Those with a part
 * in the story see everyone it features, each one still asked marked `awaiting`.
 */
export function featuredSeenBy(viewer: Actor | null, story: Story): readonly FeaturedPerson[] {
  if (!story.featured.some((person) => person.awaiting)) return story.featured;
  if (viewer && hasPart(viewer, story)) return story.featured;
  return story.featured.filter((person) => !person.awaiting || person.id === viewer?.userId);
}

function hasPart(viewer: Actor, story: Story): boolean {
  return (
    viewer.tenantId === story.tenantId &&
    (story.authorId === viewer.userId ||
      story.approval.asked.includes(viewer.userId) ||
      hasRole(viewer, 'editor') ||
      hasRole(viewer, 'admin'))
  );
}

/** One `featured.ask` message per colleague to ask (the card with "Confirm" and "Remove my name"). */
export function featuredAsks(
  deps: Pick<StoryDeps, 'ids'>,
  userIds: readonly string[],
  now: Date,
): OutboxMessage[] {
  return userIds.map((userId) => ({
    id: deps.ids.newId(),
    kind: 'featured.ask',
    createdAt: now,
    payload: { userId },
  }));
}

/**
 * Which view of a page's featured colleagues `viewer` shares with others (`featuredSeenBy`), so
 * the page can be made once for all who share it (docs/adr/0010): `all` (every name, those still
 * asked to confirm too: editors, admins), `public` (`publicFeatured`: everyone else), or null
 * when it is neither for every story alike — the author of one story still waiting for a
 * colleague's answer, the colleague asked — and the page is made for them alone. A page on which
 * nobody is waiting is `public` for everyone.
 */
export function featuredViewOf(viewer: Actor, stories: readonly Story[]): 'all' | 'public' | null {
  let all = true;
  let shown = true;
  for (const story of stories) {
    // Counted without a new array: every reader of the wall's first page asks this of each story.
    let awaiting = 0;
    for (const person of story.featured) if (person.awaiting) awaiting++;
    if (awaiting === 0) continue;
    const seen = featuredSeenBy(viewer, story).length;
    shown &&= seen === story.featured.length - awaiting;
    all &&= seen === story.featured.length;
    if (!all && !shown) return null;
  }
  return shown ? 'public' : 'all';
}

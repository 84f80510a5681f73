import type { Involvement } from './erasurePorts.js';
import type { StoryDeps } from './ports.js';
import { APP_ACTOR_ID, isPseudonym } from './pseudonyms.js';
import type { Story } from './story.js';
import type { Actor } from './user.js';

/**
 * Records in the person index everyone a change brings into a story: newly featured colleagues,
 * newly asked approvers, and the actor when they had no part in it yet (an admin's override, an
 * editor, a reporter). Called just before the change commits (the index row lives in the
 * person's partition and cannot share the story's transaction), so a change that then fails
 * leaves a row pointing at a story that does not name the person; erasure and export read the
 * story and skip it. The author needs no row: their stories are in `AuthorIndex`.
 */
export async function recordInvolvement(
  deps: Pick<StoryDeps, 'personIndex'>,
  actor: Actor | null,
  before: Story | null,
  after: Story,
): Promise<void> {
  const found = new Map<string, Set<Involvement>>();
  const note = (personId: string, involvement: Involvement) => {
    if (personId === after.authorId || personId === APP_ACTOR_ID || isPseudonym(personId)) return;
    const kinds = found.get(personId) ?? new Set<Involvement>();
    kinds.add(involvement);
    found.set(personId, kinds);
  };
  const featuredBefore = new Set(before?.featured.map((p) => p.id) ?? []);
  for (const person of after.featured)
    if (!featuredBefore.has(person.id)) note(person.id, 'featured');
  const askedBefore = new Set(before?.approval.asked ?? []);
  for (const id of after.approval.asked) if (!askedBefore.has(id)) note(id, 'asked');
  if (actor && actor.surface !== 'scheduler' && !(before && hasPart(before, actor.userId))) {
    if (!found.has(actor.userId)) note(actor.userId, 'acted');
  }
  await Promise.all(
    [...found].map(([personId, kinds]) =>
      deps.personIndex.add(after.tenantId, personId, after.id, [...kinds]),
    ),
  );
}

/** Whether the story already gives the person a row in the index (or they are its author). */
function hasPart(story: Story, personId: string): boolean {
  return (
    story.authorId === personId ||
    story.approval.asked.includes(personId) ||
    story.featured.some((p) => p.id === personId)
  );
}

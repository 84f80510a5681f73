import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { trySyncProjections } from '../projections.js';
import { chooseApprover } from '../routing.js';
import type { FeaturedPerson, Story, StoryDraft } from '../story.js';
import type { Actor } from '../user.js';

/** Stores a new story as pending, routed to its approver, and queues the approval request. */
export async function submitStory(
  deps: StoryDeps,
  actor: Actor,
  draft: StoryDraft,
): Promise<Story> {
  if (draft.customerQuote && !draft.consent) {
    throw new DomainError('validation', 'A customer quote needs consent to publish it.', {
      field: 'consent',
    });
  }
  const [author, people, featured] = await Promise.all([
    deps.users.get(actor.tenantId, actor.userId),
    deps.users.list(actor.tenantId),
    resolveFeatured(deps, actor, draft.featured),
  ]);
  const approverId = chooseApprover(author, actor.userId, people);
  const now = deps.clock.now();
  const story: Story = {
    tenantId: actor.tenantId,
    id: deps.ids.newId(),
    title: draft.title,
    situation: draft.situation,
    action: draft.action,
    outcome: draft.outcome,
    lesson: draft.lesson,
    team: draft.team,
    category: draft.category,
    featured,
    ...(draft.customerQuote ? { customerQuote: draft.customerQuote } : {}),
    ...(draft.sourceUrl ? { sourceUrl: draft.sourceUrl } : {}),
    consent: draft.consent,
    locale: draft.locale,
    authorId: actor.userId,
    authorName: actor.displayName,
    status: 'pending',
    approverId,
    createdAt: now,
    updatedAt: now,
    voteCount: 0,
    revision: 1,
  };
  const saved = await deps.stories.commit({
    story,
    expectedEtag: null,
    audit: { id: deps.ids.newId(), at: now, actorId: actor.userId, action: 'submitted' },
    outbox: [
      {
        id: deps.ids.newId(),
        kind: 'approval.requested',
        createdAt: now,
        payload: { approverId },
      },
      { id: deps.ids.newId(), kind: 'story.project', createdAt: now, payload: {} },
    ],
  });
  await trySyncProjections(deps, saved.value);
  deps.onCommitted({ tenantId: story.tenantId, storyId: story.id });
  return saved.value;
}

async function resolveFeatured(
  deps: StoryDeps,
  actor: Actor,
  ids: readonly string[],
): Promise<FeaturedPerson[]> {
  const unique = [...new Set(ids)];
  const people = await Promise.all(unique.map((id) => deps.users.get(actor.tenantId, id)));
  const unknown = unique.filter((_, i) => people[i] === null);
  if (unknown.length > 0) {
    throw new DomainError('validation', 'Some featured colleagues are unknown.', {
      field: 'featured',
      unknown,
    });
  }
  return people.flatMap((p) => (p ? [{ id: p.id, displayName: p.displayName }] : []));
}

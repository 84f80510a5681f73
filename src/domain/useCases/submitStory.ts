import { prepareDraft } from '../drafts.js';
import type { StoryDeps } from '../ports.js';
import { trySyncProjections } from '../projections.js';
import type { Story, StoryDraft } from '../story.js';
import type { Actor } from '../user.js';

/** Stores a new story as pending, routed to its approver, and queues the approval request. */
export async function submitStory(
  deps: StoryDeps,
  actor: Actor,
  draft: StoryDraft,
): Promise<Story> {
  const { fields, approverId } = await prepareDraft(deps, actor, draft);
  const now = deps.clock.now();
  const story: Story = {
    tenantId: actor.tenantId,
    id: deps.ids.newId(),
    ...fields,
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

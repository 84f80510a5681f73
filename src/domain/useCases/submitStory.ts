import { waitingApprovers } from '../approval.js';
import { routingEvents, startApproval } from '../approvalStart.js';
import { prepareDraft } from '../drafts.js';
import { confirmsFeatured, featuredAsks, withConsent } from '../featuredConsent.js';
import { recordInvolvement } from '../involvement.js';
import type { StoryDeps } from '../ports.js';
import { projectCommitted } from '../projections.js';
import { tenantSettings } from '../roles.js';
import { approvalRequests, auditOf, projectMessage } from '../storyChange.js';
import type { Story, StoryDraft } from '../story.js';
import type { Actor } from '../user.js';

/**
 * Stores a new story as pending in the first stage of its approval policy and asks that stage's
 * approvers. Routing trouble (no manager, the directory down) is handled by the policy's
 * fallback and written in the history; only when nobody at all can approve is it refused. When
 * the tenant asks featured colleagues to confirm (`featuredConsent.ts`), each is asked now.
 */
export async function submitStory(
  deps: StoryDeps,
  actor: Actor,
  draft: StoryDraft,
): Promise<Story> {
  const [fields, settings] = await Promise.all([
    prepareDraft(deps, actor, draft),
    tenantSettings(deps.settings, actor.tenantId),
  ]);
  const consent = withConsent(fields.featured, actor.userId, [], confirmsFeatured(settings.value));
  const now = deps.clock.now();
  const subject = { tenantId: actor.tenantId, authorId: actor.userId };
  const { approval, notes } = await startApproval(
    deps,
    settings.value,
    subject,
    fields.category,
    now,
  );
  const story: Story = {
    tenantId: actor.tenantId,
    id: deps.ids.newId(),
    ...fields,
    featured: consent.featured,
    authorId: actor.userId,
    authorName: actor.displayName,
    status: 'pending',
    approval,
    createdAt: now,
    updatedAt: now,
    voteCount: 0,
    learnedCount: 0,
    revision: 1,
  };
  // The featured colleagues and the approvers asked are indexed first (see `recordInvolvement`).
  await recordInvolvement(deps, actor, null, story);
  const outbox = [
    ...approvalRequests(deps, now, waitingApprovers(approval)),
    ...featuredAsks(deps, consent.ask, now),
    projectMessage(deps, now),
  ];
  const saved = await deps.stories.commit({
    story,
    expectedEtag: null,
    audit: [auditOf(deps, actor, 'submitted', now), ...routingEvents(deps, actor, notes, now)],
    outbox,
  });
  // A new story: nothing was projected before it.
  await projectCommitted(deps, saved.value, null, outbox);
  deps.onCommitted({ tenantId: story.tenantId, storyId: story.id });
  return saved.value;
}

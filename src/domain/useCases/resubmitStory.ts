import { waitingApprovers } from '../approval.js';
import { routingEvents, startApproval } from '../approvalStart.js';
import { prepareDraft } from '../drafts.js';
import { DomainError } from '../errors.js';
import { confirmsFeatured, featuredAsks, withConsent } from '../featuredConsent.js';
import type { StoryDeps } from '../ports.js';
import { tenantSettings } from '../roles.js';
import {
  approvalRequests,
  auditOf,
  changeStory,
  projectMessage,
  refreshCardsMessage,
} from '../storyChange.js';
import type { Story, StoryDraft } from '../story.js';
import type { Actor } from '../user.js';
import { transition } from '../workflow.js';

/**
 * The author edits a story sent back for changes (or given back on expiry) and sends it again:
 * the told fields are replaced by the draft (what it leaves out is gone), the old decision is
 * cleared, and the story starts its approval again from the first stage, under the policy as it
 * is now. Only the author may, and only from `changes_requested`; a second resubmission finds the
 * story already pending.
 */
export async function resubmitStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  draft: StoryDraft,
): Promise<Story> {
  const [fields, settings] = await Promise.all([
    prepareDraft(deps, actor, draft),
    tenantSettings(deps.settings, actor.tenantId),
  ]);
  return changeStory(deps, actor, storyId, async (story, now) => {
    if (story.authorId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the author may edit and resubmit this story.');
    }
    const status = transition(story.status, 'resubmit');
    const subject = { tenantId: story.tenantId, authorId: story.authorId };
    const { approval, notes } = await startApproval(
      deps,
      settings.value,
      subject,
      fields.category,
      now,
      story.approval.asked,
    );
    // Whoever the story named before keeps their answer; someone newly featured is asked.
    const consent = withConsent(
      fields.featured,
      story.authorId,
      story.featured,
      confirmsFeatured(settings.value),
    );
    const next: Story = {
      tenantId: story.tenantId,
      id: story.id,
      ...fields,
      featured: consent.featured,
      authorId: story.authorId,
      authorName: actor.displayName,
      status,
      approval,
      // The story keeps its place in the author's list: it is the same story, told better.
      createdAt: story.createdAt,
      updatedAt: now,
      ...(story.publishedAt ? { publishedAt: story.publishedAt } : {}),
      voteCount: story.voteCount,
      learnedCount: story.learnedCount,
      revision: story.revision + 1,
    };
    return {
      story: next,
      audit: [auditOf(deps, actor, 'resubmitted', now), ...routingEvents(deps, actor, notes, now)],
      outbox: [
        ...approvalRequests(deps, now, waitingApprovers(approval)),
        ...featuredAsks(deps, consent.ask, now),
        projectMessage(deps, now),
        refreshCardsMessage(deps, now),
      ],
    };
  });
}

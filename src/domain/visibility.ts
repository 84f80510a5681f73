import type { Story } from './story.js';
import { hasRole, type Actor } from './user.js';

/**
 * Published stories are company-wide; any other story (pending, archived, hidden by an editor, …)
 * is seen only by its author, everyone it was ever routed to, the people it features (who may
 * take their name off it at any time), editors and admins.
 */
export function canSee(actor: Actor, story: Story): boolean {
  if (actor.tenantId !== story.tenantId) return false;
  if (story.status === 'published') return true;
  return (
    story.authorId === actor.userId ||
    story.approval.asked.includes(actor.userId) ||
    story.featured.some((p) => p.id === actor.userId) ||
    hasRole(actor, 'editor') ||
    hasRole(actor, 'admin')
  );
}

/**
 * A story's history (its timeline) is for those with a part in its decision: the author, everyone
 * it was routed to, editors and admins — not for every reader of the wall.
 */
export function canSeeHistory(actor: Actor, story: Story): boolean {
  return (
    actor.tenantId === story.tenantId &&
    (story.authorId === actor.userId ||
      story.approval.asked.includes(actor.userId) ||
      hasRole(actor, 'editor') ||
      hasRole(actor, 'admin'))
  );
}

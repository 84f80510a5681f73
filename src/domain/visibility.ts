import type { Story } from './story.js';
import { hasRole, type Actor } from './user.js';

/**
 * Published and archived stories are company-wide; any other story is seen only by its author,
 * its approver, the people it features, editors and admins.
 */
export function canSee(actor: Actor, story: Story): boolean {
  if (actor.tenantId !== story.tenantId) return false;
  if (story.status === 'published' || story.status === 'archived') return true;
  return (
    story.authorId === actor.userId ||
    story.approverId === actor.userId ||
    story.featured.some((p) => p.id === actor.userId) ||
    hasRole(actor, 'editor') ||
    hasRole(actor, 'admin')
  );
}

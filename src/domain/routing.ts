import { DomainError } from './errors.js';
import type { User } from './user.js';

/**
 * Chooses who decides on a story: the author's manager; failing that, an approver, then an
 * admin of the tenant — never the author. Sorted by id so the choice is stable.
 */
export function chooseApprover(
  author: User | null,
  authorId: string,
  people: readonly User[],
): string {
  const managerId = author?.managerId;
  if (managerId && managerId !== authorId) return managerId;
  const others = people.filter((p) => p.id !== authorId).sort((a, b) => a.id.localeCompare(b.id));
  const fallback =
    others.find((p) => p.roles.includes('approver')) ??
    others.find((p) => p.roles.includes('admin'));
  if (!fallback) {
    throw new DomainError('no_approver', 'No approver is configured for this tenant.');
  }
  return fallback.id;
}

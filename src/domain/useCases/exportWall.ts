import { DomainError } from '../errors.js';
import type { StoryDeps, WallQuery } from '../ports.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';

/** Stories one export holds at most; a larger wall is exported a filter at a time. */
export const EXPORT_MAX_STORIES = 5_000;
/** Stories read per page of the wall while exporting. */
const EXPORT_PAGE = 100;
/** Pages read at most: a search reads a bounded slice per page, so some pages are short. */
const EXPORT_MAX_PAGES = 200;

/** The wall's filters an export takes (no paging: it reads every page). */
export type WallExportFilter = Omit<WallQuery, 'tenantId' | 'limit' | 'cursor' | 'sort'>;

export interface WallExport {
  /** The published stories matching the filters, newest first. */
  readonly stories: readonly Story[];
  /** More matched than `EXPORT_MAX_STORIES`; the newest are exported. */
  readonly truncated: boolean;
}

/**
 * The published stories of the actor's tenant matching the wall's filters, newest first, for a
 * spreadsheet (editors and admins): every page of the wall up to `EXPORT_MAX_STORIES`.
 */
export async function exportWall(
  deps: Pick<StoryDeps, 'wall'>,
  actor: Actor,
  filter: WallExportFilter,
): Promise<WallExport> {
  if (!hasRole(actor, 'editor') && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only editors and admins export the wall.');
  }
  const stories: Story[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < EXPORT_MAX_PAGES; pages++) {
    const page = await deps.wall.page({
      ...filter,
      tenantId: actor.tenantId,
      limit: EXPORT_PAGE,
      ...(cursor ? { cursor } : {}),
    });
    stories.push(...page.items);
    if (stories.length >= EXPORT_MAX_STORIES) {
      return {
        stories: stories.slice(0, EXPORT_MAX_STORIES),
        truncated: stories.length > EXPORT_MAX_STORIES || page.nextCursor !== null,
      };
    }
    if (!page.nextCursor) return { stories, truncated: false };
    cursor = page.nextCursor;
  }
  return { stories, truncated: true };
}

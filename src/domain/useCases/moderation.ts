import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story, StoryReport } from '../story.js';
import { hasRole, type Actor } from '../user.js';
import { transition } from '../workflow.js';

/**
 * Open reports kept per story. More readers than this reporting the same story tell an editor
 * nothing new, and the reports must fit in the story's row (and its moderation row).
 */
export const MAX_OPEN_REPORTS = 30;

/** Rows the moderation queue reads at most, and how many of them it shows (the most recent). */
const QUEUE_READ_LIMIT = 1000;
const QUEUE_SHOW_LIMIT = 100;

/** What an editor may correct in a published story: its texts. Checked at the edge. */
export interface StoryCorrection {
  readonly title: string;
  readonly situation: string;
  readonly action: string;
  readonly outcome: string;
  readonly lesson: string;
  /** Absent: the story has no customer quote (any it had is removed). */
  readonly customerQuote?: string;
}

const CORRECTED_FIELDS = [
  'title',
  'situation',
  'action',
  'outcome',
  'lesson',
  'customerQuote',
] as const;

/** One story of the moderation queue, with its open reports newest first. */
export interface ModerationItem {
  readonly story: Story;
  readonly reports: readonly StoryReport[];
}

/**
 * A reader reports a published story to the editors, with a reason. Anyone who can read it may;
 * a person's second report while their first is open changes nothing (idempotent). The report is
 * kept on the story, so the moderation queue follows from it like the other projections; it is
 * not part of the story's history, which its author reads (reporters stay unnamed to them).
 */
export async function reportStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  reason: string,
): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    if (story.status !== 'published') {
      throw new DomainError('illegal_transition', `A ${story.status} story cannot be reported.`, {
        from: story.status,
        event: 'report',
      });
    }
    const open = story.reports ?? [];
    if (open.some((report) => report.reporterId === actor.userId)) return null;
    if (open.length >= MAX_OPEN_REPORTS) return null;
    const report: StoryReport = {
      reporterId: actor.userId,
      reporterName: actor.displayName,
      reason,
      at: now,
    };
    return {
      story: { ...story, reports: [...open, report], revision: story.revision + 1 },
      audit: [],
      outbox: [projectMessage(deps, now)],
    };
  });
}

/**
 * The moderation queue (editors and admins): published stories with open reports, the most
 * recently reported first, then hidden stories, the most recently changed first. One partition
 * read (see `ModerationQueue`).
 */
export async function listModeration(
  deps: Pick<StoryDeps, 'moderation'>,
  actor: Actor,
): Promise<ModerationItem[]> {
  requireModerator(actor);
  const stories = await deps.moderation.list(actor.tenantId, QUEUE_READ_LIMIT);
  return stories
    .map((story) => ({
      story,
      reports: [...(story.reports ?? [])].sort((a, b) => b.at.getTime() - a.at.getTime()),
    }))
    .sort(byUrgency)
    .slice(0, QUEUE_SHOW_LIMIT);
}

/** Reported stories before hidden ones; within each, the latest report or change first. */
function byUrgency(a: ModerationItem, b: ModerationItem): number {
  const reported = (item: ModerationItem) => item.story.status !== 'hidden';
  if (reported(a) !== reported(b)) return reported(a) ? -1 : 1;
  return latest(b) - latest(a) || a.story.id.localeCompare(b.story.id);
}

function latest(item: ModerationItem): number {
  const newest = item.story.status === 'hidden' ? undefined : item.reports[0];
  return (newest?.at ?? item.story.updatedAt).getTime();
}

/**
 * An editor takes a published story off the wall and every card posted for it, at once; its open
 * reports are resolved. Its author, approvers, editors and admins can still open it; it can be
 * restored. Hiding a hidden story again changes nothing.
 */
export async function hideStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  note?: string,
): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    requireModerator(actor);
    if (story.status === 'hidden') return null;
    const status = transition(story.status, 'hide');
    const resolved = story.reports?.length ?? 0;
    return {
      story: { ...story, status, reports: [], updatedAt: now, revision: story.revision + 1 },
      audit: [
        auditOf(deps, actor, 'hidden', now, { comment: note, detail: { reports: resolved } }),
      ],
      outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
    };
  });
}

/** An editor publishes a hidden story again: back on the wall and on its cards. */
export async function restoreStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  note?: string,
): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    requireModerator(actor);
    if (story.status === 'published') return null;
    const status = transition(story.status, 'restore');
    return {
      story: { ...story, status, updatedAt: now, revision: story.revision + 1 },
      audit: [auditOf(deps, actor, 'restored', now, { comment: note })],
      outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
    };
  });
}

/** An editor closes a story's open reports without changing it; none open changes nothing. */
export async function dismissReports(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  note?: string,
): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    requireModerator(actor);
    const open = story.reports?.length ?? 0;
    if (open === 0) return null;
    return {
      story: { ...story, reports: [], revision: story.revision + 1 },
      audit: [
        auditOf(deps, actor, 'reports_dismissed', now, {
          comment: note,
          detail: { reports: open },
        }),
      ],
      outbox: [projectMessage(deps, now)],
    };
  });
}

/**
 * An editor corrects the texts of a published (or hidden) story, with a note for its history
 * saying why; the wall and every posted card show the new text. The correction answers the open
 * reports, so they are resolved. The same correction again changes nothing.
 */
export async function editStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  correction: StoryCorrection,
  note: string,
): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    requireModerator(actor);
    if (story.status !== 'published' && story.status !== 'hidden') {
      throw new DomainError('illegal_transition', `A ${story.status} story cannot be edited.`, {
        from: story.status,
        event: 'edit',
      });
    }
    const changed = CORRECTED_FIELDS.filter((field) => story[field] !== correction[field]);
    if (changed.length === 0) return null;
    const { customerQuote: _replaced, ...unchanged } = story;
    const resolved = story.reports?.length ?? 0;
    return {
      story: {
        ...unchanged,
        title: correction.title,
        situation: correction.situation,
        action: correction.action,
        outcome: correction.outcome,
        lesson: correction.lesson,
        ...(correction.customerQuote !== undefined
          ? { customerQuote: correction.customerQuote }
          : {}),
        // A story never reported stays so (see `Story.reports`).
        ...(story.reports !== undefined ? { reports: [] } : {}),
        updatedAt: now,
        revision: story.revision + 1,
      },
      audit: [
        auditOf(deps, actor, 'edited', now, {
          comment: note,
          detail: { fields: changed, reports: resolved },
        }),
      ],
      outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
    };
  });
}

function requireModerator(actor: Actor): void {
  if (!hasRole(actor, 'editor') && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only editors and admins moderate stories.');
  }
}

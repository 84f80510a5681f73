import type { StoryDto, StoryStatusDto } from '../../../shared/dto.js';

/** What the author can do with one of their stories. */
export type MyStoryAction = 'resubmit' | 'withdraw' | 'archive';

/** The actions that change a story at once, and so ask for a confirmation first. */
export type ConfirmedAction = Exclude<MyStoryAction, 'resubmit'>;

/**
 * The author's actions per status, as the API allows them: edit and resubmit only after "request
 * changes", withdraw while it is still under review, archive once it is published. The other
 * statuses are final for the author.
 */
const ACTIONS: Record<StoryStatusDto, readonly MyStoryAction[]> = {
  pending: ['withdraw'],
  changes_requested: ['resubmit', 'withdraw'],
  published: ['archive'],
  rejected: [],
  withdrawn: [],
  archived: [],
  // In the editors' hands (moderation) until they restore it.
  hidden: [],
};

export function actionsFor(status: StoryStatusDto): readonly MyStoryAction[] {
  return ACTIONS[status];
}

export function needsConfirmation(action: MyStoryAction): action is ConfirmedAction {
  return action !== 'resubmit';
}

/**
 * Which heading the approver's comment gets, if it is shown at all: it tells the author what to
 * change, or why the story was rejected. On other statuses an old comment is history, not news.
 */
export function commentLabelFor(
  story: Pick<StoryDto, 'status' | 'decisionComment'>,
): 'myStories.comment' | 'myStories.reason' | undefined {
  if (!story.decisionComment?.trim()) return undefined;
  if (story.status === 'changes_requested') return 'myStories.comment';
  if (story.status === 'rejected') return 'myStories.reason';
  return undefined;
}

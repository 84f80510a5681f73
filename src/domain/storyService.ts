import type { PageRequest, ReactionKind, StoryDeps, StoryRef } from './ports.js';
import { archiveStory } from './useCases/archiveStory.js';
import { decideStory } from './useCases/decideStory.js';
import { getStory } from './useCases/getStory.js';
import { listApprovals } from './useCases/listApprovals.js';
import { listMyStories } from './useCases/listMyStories.js';
import { cachedWall, listWall, type WallFilter, type WallView } from './useCases/listWall.js';
import { exportWall, type WallExportFilter } from './useCases/exportWall.js';
import {
  dismissReports,
  editStory,
  hideStory,
  listModeration,
  reportStory,
  restoreStory,
  type StoryCorrection,
} from './useCases/moderation.js';
import { reassignStory } from './useCases/reassignStory.js';
import { removeFeatured } from './useCases/removeFeatured.js';
import { confirmFeatured } from './useCases/confirmFeatured.js';
import { runDueWork } from './useCases/runDueWork.js';
import { storyHistory } from './useCases/storyHistory.js';
import { resubmitStory } from './useCases/resubmitStory.js';
import { submitStory } from './useCases/submitStory.js';
import { myReactions, reactToStory, takeBackReaction } from './useCases/reactions.js';
import { voteStory } from './useCases/voteStory.js';
import { withdrawStory } from './useCases/withdrawStory.js';
import type { StoryDraft } from './story.js';
import type { Decision } from './workflow.js';
import type { Actor } from './user.js';
import { spend, unlimited, type ActionLimiter } from './rateLimits.js';
import { seesVoteCounts, seesVoteCountsNow, wallVotes } from './privacy.js';

/**
 * The story use cases bound to their dependencies; what the API and the bot call. Every change a
 * person makes spends their budget for that action first (`limits`; none by default).
 */
export function createStoryService(deps: StoryDeps, limits: ActionLimiter = unlimited) {
  return {
    submitStory: async (actor: Actor, draft: StoryDraft) => {
      await spend(limits, actor, 'submit');
      return submitStory(deps, actor, draft);
    },
    decideStory: async (actor: Actor, storyId: string, decision: Decision, comment?: string) => {
      await spend(limits, actor, 'decision');
      return decideStory(deps, actor, storyId, decision, comment);
    },
    resubmitStory: async (actor: Actor, storyId: string, draft: StoryDraft) => {
      await spend(limits, actor, 'submit');
      return resubmitStory(deps, actor, storyId, draft);
    },
    withdrawStory: async (actor: Actor, storyId: string) => {
      await spend(limits, actor, 'submit');
      return withdrawStory(deps, actor, storyId);
    },
    archiveStory: async (actor: Actor, storyId: string) => {
      await spend(limits, actor, 'decision');
      return archiveStory(deps, actor, storyId);
    },
    reassignStory: async (actor: Actor, storyId: string, approverId: string, comment?: string) => {
      await spend(limits, actor, 'decision');
      return reassignStory(deps, actor, storyId, approverId, comment);
    },
    voteStory: async (actor: Actor, storyId: string) => {
      await spend(limits, actor, 'vote');
      return voteStory(deps, actor, storyId);
    },
    /** A vote or an "I learned from this"; reacting and taking back spend the vote budget. */
    reactToStory: async (actor: Actor, storyId: string, kind: ReactionKind) => {
      await spend(limits, actor, 'vote');
      return reactToStory(deps, actor, storyId, kind);
    },
    takeBackReaction: async (actor: Actor, storyId: string, kind: ReactionKind) => {
      await spend(limits, actor, 'vote');
      return takeBackReaction(deps, actor, storyId, kind);
    },
    myReactions: (actor: Actor, storyIds: readonly string[]) => myReactions(deps, actor, storyIds),
    removeFeatured: async (actor: Actor, storyId: string) => {
      await spend(limits, actor, 'submit');
      return removeFeatured(deps, actor, storyId);
    },
    confirmFeatured: async (actor: Actor, storyId: string) => {
      await spend(limits, actor, 'submit');
      return confirmFeatured(deps, actor, storyId);
    },
    reportStory: async (actor: Actor, storyId: string, reason: string) => {
      await spend(limits, actor, 'report');
      return reportStory(deps, actor, storyId, reason);
    },
    hideStory: async (actor: Actor, storyId: string, note?: string) => {
      await spend(limits, actor, 'decision');
      return hideStory(deps, actor, storyId, note);
    },
    restoreStory: async (actor: Actor, storyId: string, note?: string) => {
      await spend(limits, actor, 'decision');
      return restoreStory(deps, actor, storyId, note);
    },
    dismissReports: async (actor: Actor, storyId: string, note?: string) => {
      await spend(limits, actor, 'decision');
      return dismissReports(deps, actor, storyId, note);
    },
    editStory: async (actor: Actor, storyId: string, text: StoryCorrection, note: string) => {
      await spend(limits, actor, 'decision');
      return editStory(deps, actor, storyId, text, note);
    },
    listModeration: (actor: Actor) => listModeration(deps, actor),
    getStory: (actor: Actor, storyId: string, options?: { readonly forView?: boolean }) =>
      getStory(deps, actor, storyId, options),
    listWall: (actor: Actor, filter: WallFilter, options?: { total?: boolean }) =>
      listWall(deps, actor, filter, options),
    /** `listWall`'s answer when the wall's cache holds it now (no wait); else undefined. */
    cachedWall: (actor: Actor, filter: WallFilter, options?: { total?: boolean }) =>
      cachedWall(deps, actor, filter, options),
    /** Every published story matching the filters, for a spreadsheet (editors and admins). */
    exportWall: async (actor: Actor, filter: WallExportFilter) => {
      // Reads many pages: it spends the budget of configuration work, as an erasure does.
      await spend(limits, actor, 'config');
      return exportWall(deps, actor, filter);
    },
    listApprovals: (actor: Actor, limit?: number, everyone?: boolean) =>
      listApprovals(deps, actor, limit, everyone),
    storyHistory: (actor: Actor, storyId: string) => storyHistory(deps, actor, storyId),
    runDueWork: (ref: StoryRef) => runDueWork(deps, ref),
    listMyStories: (actor: Actor, page: PageRequest) => listMyStories(deps, actor, page),
    /** Whether the actor may see how many votes the stories have (privacy mode). */
    seesVoteCounts: (actor: Actor) => seesVoteCounts(deps, actor),
    /** `seesVoteCounts` when the tenant's settings are in memory (no wait); else undefined. */
    seesVoteCountsNow: (actor: Actor) => seesVoteCountsNow(deps, actor),
    /** What the actor's wall may show of votes: the counts, and an order by them. */
    wallVotes: (actor: Actor) => wallVotes(deps, actor),
  };
}

export type StoryService = ReturnType<typeof createStoryService>;
export type { WallFilter, WallExportFilter, WallView };
export { EXPORT_MAX_STORIES, type WallExport } from './useCases/exportWall.js';
export type { ModerationItem, StoryCorrection } from './useCases/moderation.js';
export type { MyReactions } from './useCases/reactions.js';

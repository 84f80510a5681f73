import type { PageRequest, StoryDeps, StoryRef } from './ports.js';
import { archiveStory } from './useCases/archiveStory.js';
import { decideStory } from './useCases/decideStory.js';
import { getStory } from './useCases/getStory.js';
import { listApprovals } from './useCases/listApprovals.js';
import { listMyStories } from './useCases/listMyStories.js';
import { listWall, type WallFilter } from './useCases/listWall.js';
import { reassignStory } from './useCases/reassignStory.js';
import { runDueWork } from './useCases/runDueWork.js';
import { storyHistory } from './useCases/storyHistory.js';
import { resubmitStory } from './useCases/resubmitStory.js';
import { submitStory } from './useCases/submitStory.js';
import { voteStory } from './useCases/voteStory.js';
import { withdrawStory } from './useCases/withdrawStory.js';
import type { StoryDraft } from './story.js';
import type { Decision } from './workflow.js';
import type { Actor } from './user.js';

/** The story use cases bound to their dependencies; what the API and the bot call. */
export function createStoryService(deps: StoryDeps) {
  return {
    submitStory: (actor: Actor, draft: StoryDraft) => submitStory(deps, actor, draft),
    decideStory: (actor: Actor, storyId: string, decision: Decision, comment?: string) =>
      decideStory(deps, actor, storyId, decision, comment),
    resubmitStory: (actor: Actor, storyId: string, draft: StoryDraft) =>
      resubmitStory(deps, actor, storyId, draft),
    withdrawStory: (actor: Actor, storyId: string) => withdrawStory(deps, actor, storyId),
    archiveStory: (actor: Actor, storyId: string) => archiveStory(deps, actor, storyId),
    reassignStory: (actor: Actor, storyId: string, approverId: string, comment?: string) =>
      reassignStory(deps, actor, storyId, approverId, comment),
    voteStory: (actor: Actor, storyId: string) => voteStory(deps, actor, storyId),
    getStory: (actor: Actor, storyId: string) => getStory(deps, actor, storyId),
    listWall: (actor: Actor, filter: WallFilter) => listWall(deps, actor, filter),
    listApprovals: (actor: Actor, limit?: number, everyone?: boolean) =>
      listApprovals(deps, actor, limit, everyone),
    storyHistory: (actor: Actor, storyId: string) => storyHistory(deps, actor, storyId),
    runDueWork: (ref: StoryRef) => runDueWork(deps, ref),
    listMyStories: (actor: Actor, page: PageRequest) => listMyStories(deps, actor, page),
  };
}

export type StoryService = ReturnType<typeof createStoryService>;
export type { WallFilter };

import type { AwardsDeps } from './ports.js';
import {
  chooseWinner,
  getShortlist,
  listAwards,
  type ChooseWinnerInput,
  type Shortlist,
  type ShortlistOrder,
} from './useCases/awards.js';
import { seesVoteCounts } from './privacy.js';
import type { Actor } from './user.js';
import { spend, unlimited, type ActionLimiter } from './rateLimits.js';

/** The story-of-the-month use cases bound to their dependencies; what the API calls. */
export function createAwardsService(deps: AwardsDeps, limits: ActionLimiter = unlimited) {
  return {
    listAwards: (actor: Actor) => listAwards(deps, actor),
    /** Whether the actor may see vote counts (the winners' stories carry theirs). */
    seesVoteCounts: (actor: Actor) => seesVoteCounts(deps, actor),
    getShortlist: (actor: Actor, month: string) => getShortlist(deps, actor, month),
    chooseWinner: async (actor: Actor, month: string, input: ChooseWinnerInput) => {
      await spend(limits, actor, 'config');
      return chooseWinner(deps, actor, month, input);
    },
  };
}

export type AwardsService = ReturnType<typeof createAwardsService>;
export type { ChooseWinnerInput, Shortlist, ShortlistOrder };
export {
  followAward,
  announcementMessages,
  awardMonthOf,
  isBarred,
  AWARDS_MAX,
  CITATION_MAX,
  SHORTLIST_MAX,
  UNRANKED_SHORTLIST_MAX,
} from './useCases/awards.js';

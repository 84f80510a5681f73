import type { ApprovalState } from './approval.js';
import type { Locale } from './user.js';

/** Where a story is in its workflow; see `workflow.ts` for the allowed moves. */
export type StoryStatus =
  | 'pending'
  | 'changes_requested'
  | 'published'
  | 'rejected'
  | 'withdrawn'
  | 'archived'
  /** Taken off the wall and every posted card by an editor (moderation); can be restored. */
  | 'hidden';

/**
 * A reader's open report of a published story (moderation): who, when and why. Kept on the story
 * until an editor hides, edits or dismisses it; each person has at most one open report a story.
 */
export interface StoryReport {
  readonly reporterId: string;
  /** The reporter's name when they reported. */
  readonly reporterName: string;
  readonly reason: string;
  readonly at: Date;
}

/** A person named in a story, with the name as it was when the story was told. */
export interface FeaturedPerson {
  readonly id: string;
  readonly displayName: string;
  /**
   * Asked to confirm being named and not yet answered (the tenant's `confirmFeatured` setting,
   * see `featuredConsent.ts`): until they confirm, only those with a part in the story see the
   * name. Absent: named freely (confirmed, or never asked).
   */
  readonly awaiting?: true;
}

/** What an author tells; checked for size and shape at the edge before it reaches the domain. */
export interface StoryDraft {
  readonly title: string;
  readonly situation: string;
  readonly action: string;
  readonly outcome: string;
  readonly lesson: string;
  readonly team: string;
  readonly category: string;
  /** User ids of colleagues featured in the story. */
  readonly featured: readonly string[];
  readonly customerQuote?: string;
  readonly sourceUrl?: string;
  /** The customer account the story is about. */
  readonly accountName?: string;
  /** The account's record in the CRM (http or https). */
  readonly crmUrl?: string;
  /** The author confirms customer details may be published. */
  readonly consent: boolean;
  readonly locale: Locale;
}

/** A story of going beyond a customer's expectations, with its workflow state. */
export interface Story {
  readonly tenantId: string;
  readonly id: string;
  readonly title: string;
  readonly situation: string;
  readonly action: string;
  readonly outcome: string;
  readonly lesson: string;
  readonly team: string;
  readonly category: string;
  readonly featured: readonly FeaturedPerson[];
  readonly customerQuote?: string;
  readonly sourceUrl?: string;
  /**
   * The customer account the story is about and its CRM record: the customer's, not the
   * author's, so an erasure of the author leaves them on a story that stays.
   */
  readonly accountName?: string;
  readonly crmUrl?: string;
  readonly consent: boolean;
  readonly locale: Locale;
  readonly authorId: string;
  readonly authorName: string;
  readonly status: StoryStatus;
  /** Its approval: the plan it follows, the current stage and who is asked there. */
  readonly approval: ApprovalState;
  readonly decisionComment?: string;
  readonly decidedBy?: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly publishedAt?: Date;
  readonly voteCount: number;
  /** How many people said they learned from it ("I learned from this"); 0 on older stories. */
  readonly learnedCount: number;
  /**
   * The open reports, oldest first (see `moderation.ts`). Absent on a story never reported; empty
   * once its reports were resolved, which tells the projections it may still be listed for
   * moderation and must be taken out.
   */
  readonly reports?: readonly StoryReport[];
  /**
   * The story's version: 1 when submitted, one more on every committed change (a decision, a
   * vote, any edit). Projections keep the newest revision they were given, so a slow write of an
   * older snapshot cannot overwrite a newer one. Stories stored before revisions existed read 0.
   */
  readonly revision: number;
}

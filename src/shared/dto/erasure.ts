/** Personal data on the wire: an erasure's receipt and a person's export. */

import type { DelegationDto } from './approval.js';
import type { HistoryEventDto } from './history.js';
import type { RoleDto, RoleGrantDto } from './people.js';
import type { LocaleDto, StoryDto, StoryStatusDto } from './story.js';

/** The kinds of personal data an erasure removes, in the order its receipt lists them. */
export const ERASURE_KINDS = [
  'storiesDeleted',
  'storiesPseudonymised',
  'votes',
  'learned',
  'featured',
  'approvalsReassigned',
  'history',
  'postedCards',
  'awards',
  'delegations',
  'roleGrants',
  'user',
  'conversation',
] as const;
export type ErasureKindDto = (typeof ERASURE_KINDS)[number];

/** What an erasure removed of one kind: how many, and where (story ids, months or roles). */
export interface ErasureEntryDto {
  count: number;
  ids: string[];
}

/**
 * `POST /api/people/:id/erase` (admins; anyone for themselves): what was erased, where. Sending it
 * again answers the same receipt. A person shown as a pseudonym (`erased-…`) is "a former
 * colleague" in the reader's language.
 */
export interface ErasureReceiptDto {
  personId: string;
  pseudonymId: string;
  /** An admin's id, or the pseudonym when the person erased themselves. */
  requestedBy: string;
  requestedAt: string;
  /** Absent while the erasure still runs (sending the request again carries it on). */
  completedAt?: string;
  erased: Record<ErasureKindDto, ErasureEntryDto>;
  /** Data from before the person index was read with a bounded query: how far it got. */
  legacySearch: { scanned: number; complete: boolean };
}

/** A story named in an export: enough to find it. */
export interface StorySummaryDto {
  id: string;
  title: string;
  status: StoryStatusDto;
  publishedAt?: string;
}

/**
 * `GET /api/people/:id/export` (the person themselves; admins anyone): what the app holds about a
 * person. Empty after their erasure.
 */
export interface PersonalDataExportDto {
  personId: string;
  exportedAt: string;
  profile: {
    id: string;
    displayName: string;
    email?: string;
    team?: string;
    locale?: LocaleDto;
    roles: RoleDto[];
  } | null;
  /** Whether the bot keeps a chat with them. */
  botConversation: boolean;
  /** The stories they told, in full, each with its history (oldest first). */
  stories: { story: StoryDto; history: HistoryEventDto[] }[];
  votes: { story: StorySummaryDto; at: string }[];
  /** The stories they said they learned from ("I learned from this"). */
  learned: { story: StorySummaryDto; at: string }[];
  featuredIn: StorySummaryDto[];
  routedTo: StorySummaryDto[];
  actedOn: StorySummaryDto[];
  delegations: DelegationDto[];
  roleGrants: RoleGrantDto[];
  legacySearch: { scanned: number; complete: boolean };
}

/** A person id is shown as "a former colleague" when it starts with this (see erasure). */
export const PSEUDONYM_PREFIX = 'erased-';

import type {
  ApiKeyScopeDto,
  ApprovalPolicyDto,
  CategoryId,
  CollectionExportFormatDto,
  DelegationDto,
  DigestsDto,
  AwardRulesDto,
  LocaleDto,
  PrivacyDto,
  RoleGrantDto,
  WallSortDto,
  WebhookEventDto,
} from './dto.js';

/**
 * What clients send: every request body and query string of the API, declared once. The API's
 * zod schemas (`schemas.ts`) are checked against these types when the code compiles, the bot's
 * forms are read through the same schemas, and the tab imports these types (never the schemas, so
 * no zod reaches the browser). Limits are in `LIMITS` (`dto.ts`).
 */

/** The body of `POST /api/stories` and of `PUT /api/stories/:id` (a resubmission). */
export interface StoryInput {
  title: string;
  situation: string;
  action: string;
  outcome: string;
  lesson: string;
  team: string;
  category: CategoryId;
  /** User ids of colleagues featured in the story; none when left out. */
  featured?: string[];
  customerQuote?: string;
  /** An http or https address. */
  sourceUrl?: string;
  /** The customer account the story is about (at most `LIMITS.accountName.max` characters). */
  accountName?: string;
  /** The account's record in the CRM: an http or https address. */
  crmUrl?: string;
  /** The author confirms customer details may be published. */
  consent: boolean;
  /** The language the story is told in; English when left out. */
  locale?: LocaleDto;
}

export type Decision = 'approve' | 'reject' | 'changes';

/** `POST /api/stories/:id/decision`, and the approval card's buttons. */
export interface DecisionInput {
  decision: Decision;
  comment?: string;
}

/** `POST /api/stories/:id/reassign`: who decides instead, and a note for the record. */
export interface ReassignInput {
  approverId: string;
  comment?: string;
}

/** `POST /api/stories/:id/report`: why a reader reports a published story to the editors. */
export interface ReportInput {
  reason: string;
}

/** What an editor does with a story in the moderation queue, besides correcting it. */
export type ModerationAction = 'hide' | 'restore' | 'dismiss';

/** `POST /api/moderation/:id/hide`, `…/restore`, `…/dismiss`: an optional note for the history. */
export interface ModerationNoteInput {
  note?: string;
}

/**
 * `POST /api/moderation/:id/edit`: an editor's correction of a story's texts (without
 * `customerQuote`, the story has none any more) and a note for its history saying why.
 */
export interface StoryCorrectionInput {
  title: string;
  situation: string;
  action: string;
  outcome: string;
  lesson: string;
  customerQuote?: string;
  note: string;
}

/** The query of `GET /api/stories`: a page of the wall, narrowed by any of the filters. */
export interface WallQuery {
  limit?: number;
  cursor?: string;
  team?: string;
  category?: CategoryId;
  /** `YYYY-MM`. */
  month?: string;
  q?: string;
  /** The customer account, matched without regard to case. */
  account?: string;
  /** The language the story is told in. */
  language?: LocaleDto;
  /**
   * `newest` (the default) or `votes`: most voted first, among the stories of `month` or else of
   * the newest months, at most `WALL_RANKED_MAX` stories; refused (`votes_hidden`) in privacy mode.
   */
  sort?: WallSortDto;
  /** `true`: the first page also counts the stories that match (`total`, briefly cached). */
  total?: boolean;
}

/** The query of `GET /api/exports/wall.csv`: the wall's filters, every page, newest first. */
export type WallExportQuery = Omit<WallQuery, 'limit' | 'cursor' | 'sort' | 'total'>;

/**
 * The query of `GET /api/me/reactions`: story ids, comma-separated, at most
 * `LIMITS.reactionStories.max`.
 */
export interface MyReactionsQuery {
  stories: string;
}

/** The query of `GET /api/stories/mine`. */
export interface MyStoriesQuery {
  limit?: number;
  cursor?: string;
}

/** The query of `GET /api/insights`: `YYYY-MM` months, both ends optional. */
export interface InsightsQuery {
  from?: string;
  to?: string;
}

/** `PUT /api/awards/:month`: the chosen story and, optionally, why it was chosen. */
export interface ChooseAwardInput {
  storyId: string;
  citation?: string;
}

/**
 * `POST /api/collections` (editors and admins): a title, a description (none when left out) and
 * the ids of published stories, in order, each once.
 */
export interface CollectionInput {
  title: string;
  description?: string;
  storyIds: string[];
}

/** `PUT /api/collections/:id`: the whole collection as edited, with the `version` it was read at. */
export interface CollectionUpdateInput extends CollectionInput {
  version: number;
}

/** The query of `GET /api/collections/:id/export`. */
export interface CollectionExportQuery {
  format: CollectionExportFormatDto;
}

/**
 * The privacy settings of a `PUT /api/settings`: privacy mode always; each other setting left out
 * stays as saved.
 */
export type PrivacyInput = Pick<PrivacyDto, 'enabled'> &
  Partial<Pick<PrivacyDto, 'confirmFeatured' | 'deleteClosedAfterDays'>>;

/** `PUT /api/settings`: the document as read, with the `version` it was read at. */
export interface SettingsInput {
  version: number;
  approval: ApprovalPolicyDto;
  roles: RoleGrantDto[];
  /** Left out: the privacy settings stay as saved. */
  privacy?: PrivacyInput;
  /**
   * Left out: the digests stay as saved. `timeZone` is an IANA name; a weekly `day` is one of
   * `WEEKDAYS`, a monthly one 1–31; times are `HH:MM`.
   */
  digests?: DigestsDto;
  /** Left out: the story of the month's rule stays as saved; months 1–24, or null (off). */
  awards?: AwardRulesDto;
  /**
   * Left out: the list of teams stays as saved. At most `LIMITS.teams.max` names of
   * `LIMITS.team` characters (trimmed), none twice whatever its case.
   */
  teams?: string[];
}

/**
 * `PUT /api/delegations`: to whom, from when until when (ISO instants, `until` exclusive);
 * `userId` only when an admin sets someone else's.
 */
export type DelegationInput = Pick<DelegationDto, 'delegateId' | 'from' | 'until'> & {
  userId?: string;
};

/**
 * `POST /api/webhooks` (admins, or a key with `webhooks:manage`): where to send which events.
 * Outside local mode only https, and never a loopback, private or link-local address.
 */
export interface WebhookInput {
  url: string;
  events: WebhookEventDto[];
  description?: string;
}

/** `PATCH /api/webhooks/:id`: pause or resume. */
export interface WebhookUpdateInput {
  paused: boolean;
}

/** `POST /api/keys` (admins): a name people recognise, and what the key may do. */
export interface ApiKeyInput {
  name: string;
  scopes: ApiKeyScopeDto[];
}

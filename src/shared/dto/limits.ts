/** The limits of the wire contract: one table for every field of every input. */

/** Size limits of every field, shared so the tab's form and the API agree. */
export const LIMITS = {
  title: { min: 3, max: 120 },
  situation: { min: 10, max: 2000 },
  action: { min: 10, max: 2000 },
  outcome: { min: 10, max: 2000 },
  lesson: { min: 5, max: 1000 },
  team: { min: 1, max: 60 },
  /** The teams an admin's list holds (Settings), each a team name as above. */
  teams: { max: 200 },
  customerQuote: { max: 1000 },
  sourceUrl: { max: 2000 },
  /** The customer account a story is about, and the link to its record in the CRM. */
  accountName: { max: 100 },
  crmUrl: { max: 2000 },
  featured: { max: 10 },
  comment: { max: 1000 },
  citation: { max: 500 },
  /** A training collection's title and description, and how many stories it holds. */
  collectionTitle: { min: 1, max: 120 },
  collectionDescription: { max: 2000 },
  collectionStories: { max: 100 },
  /** Why a reader reports a story to the editors. */
  reportReason: { min: 3, max: 500 },
  q: { max: 100 },
  cursor: { max: 1024 },
  pageSize: { default: 30, max: 50 },
  /** Stories one `GET /api/me/reactions` asks about (a page of the wall). */
  reactionStories: { max: 50 },
  /** Stages of an approval policy, people named in one stage, role grants of a tenant. */
  stages: { max: 5 },
  stageApprovers: { max: 25 },
  roleGrants: { max: 200 },
  /** Months one insight request may count, and how many it counts when not told. */
  insightMonths: { default: 12, max: 24 },
  /** An API key's name, and how many keys a tenant holds at most. */
  apiKeyName: { min: 1, max: 80 },
  apiKeys: { max: 50 },
  /** Webhooks a tenant holds, the length of an endpoint's address and of its description. */
  webhooks: { max: 20 },
  webhookUrl: { max: 2000 },
  webhookDescription: { max: 200 },
  /** Days a rejected or withdrawn story is kept when the tenant sets a retention period. */
  retentionDays: { min: 1, max: 3650 },
  /** The "no repeat winners" window of the story of the month, in months. */
  repeatWinnerMonths: { min: 1, max: 24 },
  /** The day of the month a monthly summary goes out on (shorter months: their last day). */
  digestMonthDay: { min: 1, max: 31 },
  /** An IANA time zone name, such as `Europe/Helsinki`. */
  timeZone: { max: 64 },
  /** Colleagues one "not yet featured" suggestion names at most, and how many when not told. */
  neverFeatured: { default: 5, max: 20 },
  /** Whole request bodies, in bytes. */
  bodyBytes: 64 * 1024,
} as const;

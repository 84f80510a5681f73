import { z } from 'zod';
import {
  API_ERROR_CODES,
  API_KEY_SCOPES,
  CATEGORIES,
  ERASURE_KINDS,
  GRANTABLE_ROLES,
  HISTORY_TYPES,
  JOB_OUTCOMES,
  LOCALES,
  ROLES,
  SCHEDULED_JOBS,
  STAGE_MODES,
  STORY_STATUSES,
  WEBHOOK_EVENTS,
  WEEKDAYS,
  type ApiErrorBody,
  type ApiKeyDto,
  type ApiKeysDto,
  type NewApiKeyDto,
  type AwardDto,
  type AwardsDto,
  type CollectionDto,
  type CollectionsDto,
  type CollectionSummaryDto,
  type DelegationDto,
  type DelegationsDto,
  type DevUsersDto,
  type ErasureReceiptDto,
  type HistoryDto,
  type InsightsDto,
  type MeDto,
  type ModerationQueueDto,
  type PeopleDto,
  type TeamSuggestionsDto,
  type NeverFeaturedSuggestionsDto,
  type PersonalDataExportDto,
  type ScheduledJobsDto,
  type SettingsDto,
  type ShortlistDto,
  type StoryDto,
  type StoryListDto,
  type StoryPageDto,
  type MyReactionsDto,
  type WallPageDto,
  type NewWebhookDto,
  type WebhookDeliveriesDto,
  type WebhookDeliveryDto,
  type WebhookDto,
  type WebhookPayloadDto,
  type WebhooksDto,
} from '../shared/dto.js';

/**
 * The answers of the API, described for its OpenAPI document (`openapi.ts`) and nothing else:
 * no answer is checked or serialized through them (see `createHttpApp`). They describe the
 * shapes of `src/shared/dto.ts`, reusing its constants, and are checked against those types when
 * the code compiles (`ResponseContract` below), so a DTO that changes without its description
 * fails `npm run typecheck`. Limits belong to the input schemas (`schemas.ts`), not here.
 */

/** The components of the document: each schema registered here is answered as a `$ref`. */
export const responseRegistry = z.registry<{ id: string; description?: string }>();

/** Registers `schema` as the component `id` and returns it. */
function component<T extends z.ZodType>(id: string, description: string, schema: T): T {
  responseRegistry.add(schema, { id, description });
  return schema;
}

const instant = z.iso.datetime({ offset: true });
const absent = <T extends z.ZodType>(schema: T) => schema.exactOptional();

const person = component(
  'Person',
  'Someone of the organisation.',
  z.object({ id: z.string(), displayName: z.string() }),
);

const approvalSlot = z.object({
  id: z.string(),
  displayName: z.string(),
  approvedAt: absent(instant),
  onBehalfOf: absent(z.string()),
});

const approval = z.object({
  stage: z.number().int(),
  stages: z.number().int(),
  mode: z.enum(STAGE_MODES),
  approvers: z.array(approvalSlot),
  waitingSince: instant,
  fallback: absent(
    z.enum(['no_manager', 'directory_unavailable', 'no_group', 'no_one_eligible', 'escalation']),
  ),
  expired: absent(z.boolean()),
  policyVersion: z.number().int(),
});

const story = component(
  'Story',
  'A story as its reader may see it; `voteCount` and `learnedCount` are absent when privacy mode hides them.',
  z.object({
    id: z.string(),
    title: z.string(),
    situation: z.string(),
    action: z.string(),
    outcome: z.string(),
    lesson: z.string(),
    team: z.string(),
    category: z.string(),
    featured: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        awaitingConfirmation: absent(z.literal(true)),
      }),
    ),
    customerQuote: absent(z.string()),
    sourceUrl: absent(z.string()),
    accountName: absent(z.string()),
    crmUrl: absent(z.string()),
    consent: z.boolean(),
    locale: z.enum(LOCALES),
    author: person,
    status: z.enum(STORY_STATUSES),
    approval,
    decisionComment: absent(z.string()),
    createdAt: instant,
    updatedAt: instant,
    publishedAt: absent(instant),
    voteCount: absent(z.number().int()),
    learnedCount: absent(z.number().int()),
  }),
);

const storyPage = component(
  'StoryPage',
  'A page of stories; `nextCursor` asks for the next one (null: the last page).',
  z.object({ items: z.array(story), nextCursor: z.string().nullable() }),
);

const wallPage = component(
  'WallPage',
  'A page of the wall; with `total=true`, the first page counts the stories that match ' +
    '(`totalExact` false: the count stopped at its bound and is a lower bound).',
  z.object({
    items: z.array(story),
    nextCursor: z.string().nullable(),
    total: absent(z.number().int()),
    totalExact: absent(z.boolean()),
  }),
);

const storyList = component('StoryList', 'Stories.', z.object({ items: z.array(story) }));

const myReactions = component(
  'MyReactions',
  'Which of the stories asked about the caller voted for and learned from.',
  z.object({
    items: z.array(z.object({ storyId: z.string(), voted: z.boolean(), learned: z.boolean() })),
  }),
);

const award = component(
  'Award',
  'The story of a month (`YYYY-MM`), chosen by an editor.',
  z.object({
    month: z.string(),
    story,
    awardedBy: person,
    awardedAt: instant,
    citation: absent(z.string()),
  }),
);

const awards = component(
  'Awards',
  'The stories of the month, newest month first.',
  z.object({ items: z.array(award) }),
);

const shortlist = component(
  'Shortlist',
  "A month's most-voted published stories (or newest first, in privacy mode) and its winner.",
  z.object({
    month: z.string(),
    items: z.array(story),
    winner: award.nullable(),
    order: z.enum(['votes', 'newest']),
    repeatWithinMonths: z.number().int().nullable(),
    ineligible: z.array(z.string()),
  }),
);

const collectionSummary = component(
  'CollectionSummary',
  'A training collection in the list; `storyCount` counts the stories it names.',
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    storyCount: z.number().int(),
    updatedAt: instant,
    version: z.number().int(),
  }),
);

const collections = component(
  'Collections',
  'The training collections, the last changed first.',
  z.object({ items: z.array(collectionSummary) }),
);

const collection = component(
  'Collection',
  'A training collection with its stories in order; only stories on the wall are listed. An ' +
    'edit sends back `version`.',
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    stories: z.array(story),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  }),
);

const insights = component(
  'Insights',
  'Stories published in a range of months, counted per month, team and category.',
  z.object({
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    months: z.array(z.object({ month: z.string(), count: z.number().int() })),
    teams: z.array(z.object({ team: z.string(), count: z.number().int() })),
    categories: z.array(z.object({ category: z.string(), count: z.number().int() })),
  }),
);

const me = component(
  'Me',
  'Who the caller is.',
  z.object({
    id: z.string(),
    tenantId: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    authMode: z.enum(['local', 'entra']),
    seesVoteCounts: z.boolean(),
    ranksByVotes: z.boolean(),
  }),
);

const devUsers = component(
  'DevUsers',
  'The demo people of local mode.',
  z.object({
    items: z.array(
      z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)) }),
    ),
  }),
);

const people = component(
  'People',
  'People of the organisation.',
  z.object({ items: z.array(person) }),
);

const teamSuggestions = component(
  'TeamSuggestions',
  'The teams admins keep in Settings, in their order; a story may still name another team.',
  z.object({ items: z.array(z.string()) }),
);

const neverFeaturedSuggestions = component(
  'NeverFeaturedSuggestions',
  'Colleagues never featured in a published story and not declining it, by name, starting one ' +
    'place further each day; never the caller, nor anyone erased.',
  z.object({ items: z.array(person) }),
);

const approverSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manager') }),
  z.object({ kind: z.literal('people'), ids: z.array(z.string()) }),
  z.object({ kind: z.literal('group'), groupId: z.string() }),
  z.object({ kind: z.literal('role'), role: z.enum(GRANTABLE_ROLES) }),
]);
const policyStages = z.array(z.object({ approvers: approverSpec, mode: z.enum(STAGE_MODES) }));
const roleGrant = z.object({
  role: z.enum(GRANTABLE_ROLES),
  kind: z.enum(['person', 'group']),
  id: z.string(),
});

const settings = component(
  'Settings',
  "The tenant's settings document: roles, the approval policy (ISO 8601 durations) and privacy.",
  z.object({
    version: z.number().int(),
    approval: z.object({
      stages: policyStages,
      fallback: approverSpec,
      remindAfter: absent(z.string()),
      escalateAfterReminders: absent(z.number().int()),
      expireAfter: absent(z.string()),
      byCategory: absent(z.partialRecord(z.enum(CATEGORIES), z.object({ stages: policyStages }))),
    }),
    roles: z.array(roleGrant),
    privacy: z.object({
      enabled: z.boolean(),
      confirmFeatured: z.boolean(),
      deleteClosedAfterDays: z.number().int().nullable(),
    }),
    digests: z.object({
      weekly: z.object({ enabled: z.boolean(), day: z.enum(WEEKDAYS), time: z.string() }),
      monthly: z.object({ enabled: z.boolean(), day: z.number().int(), time: z.string() }),
      timeZone: z.string(),
    }),
    awards: z.object({ noRepeatWithinMonths: z.number().int().nullable() }),
    teams: z.array(z.string()),
    updatedAt: absent(instant),
    updatedBy: absent(z.string()),
  }),
);

const scheduledJobs = component(
  'ScheduledJobs',
  'The runs of the scheduled jobs (the digests), most recently scheduled first, and the next ' +
    'run of each job that is on.',
  z.object({
    items: z.array(
      z.object({
        job: z.enum(SCHEDULED_JOBS),
        scheduledFor: instant,
        startedAt: instant,
        finishedAt: absent(instant),
        outcome: z.enum(JOB_OUTCOMES),
        stories: z.number().int(),
        recipients: z.number().int(),
        delivered: z.number().int(),
        unreachable: z.number().int(),
        failed: z.number().int(),
        titles: z.array(z.string()),
      }),
    ),
    upcoming: z.array(z.object({ job: z.enum(SCHEDULED_JOBS), at: instant })),
  }),
);

const delegation = component(
  'Delegation',
  'Whose approvals go to whom, from when until when (`until` exclusive).',
  z.object({
    userId: z.string(),
    delegateId: z.string(),
    from: instant,
    until: instant,
    setBy: z.string(),
  }),
);

const delegations = component(
  'Delegations',
  'Delegations.',
  z.object({ items: z.array(delegation) }),
);

const historyEvent = z.object({
  at: instant,
  type: z.enum(HISTORY_TYPES),
  actor: person,
  surface: z.enum(['card', 'tab', 'api', 'scheduler']),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
});

const history = component(
  'History',
  'What happened to a story, newest first.',
  z.object({ items: z.array(historyEvent) }),
);

const moderationQueue = component(
  'ModerationQueue',
  'Reported stories with their open reports, then hidden stories.',
  z.object({
    items: z.array(
      z.object({
        story,
        reportCount: z.number().int(),
        reports: z.array(z.object({ reporter: person, reason: z.string(), at: instant })),
      }),
    ),
  }),
);

const legacySearch = z.object({ scanned: z.number().int(), complete: z.boolean() });

const erasureReceipt = component(
  'ErasureReceipt',
  'What an erasure removed, of each kind, and where.',
  z.object({
    personId: z.string(),
    pseudonymId: z.string(),
    requestedBy: z.string(),
    requestedAt: instant,
    completedAt: absent(instant),
    erased: z.record(
      z.enum(ERASURE_KINDS),
      z.object({ count: z.number().int(), ids: z.array(z.string()) }),
    ),
    legacySearch,
  }),
);

const storySummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(STORY_STATUSES),
  publishedAt: absent(instant),
});

const personalDataExport = component(
  'PersonalDataExport',
  'What the app holds about a person (empty after their erasure).',
  z.object({
    personId: z.string(),
    exportedAt: instant,
    profile: z
      .object({
        id: z.string(),
        displayName: z.string(),
        email: absent(z.string()),
        team: absent(z.string()),
        locale: absent(z.enum(LOCALES)),
        roles: z.array(z.enum(ROLES)),
      })
      .nullable(),
    botConversation: z.boolean(),
    stories: z.array(z.object({ story, history: z.array(historyEvent) })),
    votes: z.array(z.object({ story: storySummary, at: instant })),
    learned: z.array(z.object({ story: storySummary, at: instant })),
    featuredIn: z.array(storySummary),
    routedTo: z.array(storySummary),
    actedOn: z.array(storySummary),
    delegations: z.array(delegation),
    roleGrants: z.array(roleGrant),
    legacySearch,
  }),
);

/** The error envelope of every answer that is not a success. */
const apiError = component(
  'ApiError',
  'Every error: a code from a closed list, a message safe to show, and for `validation` the ' +
    'fields (dotted paths) with what is wrong with each.',
  z.object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      fields: absent(z.record(z.string(), z.string())),
    }),
  }),
);

const apiKeyFields = {
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: instant,
  createdBy: z.string(),
  lastUsedAt: absent(instant),
};

const apiKey = component(
  'ApiKey',
  'An API key as listed: never the key itself.',
  z.object(apiKeyFields),
);

const newApiKey = component(
  'NewApiKey',
  'A new API key, with the key shown this once (`swk_…`); only its hash is kept.',
  z.object({ ...apiKeyFields, key: z.string() }),
);

const apiKeys = component(
  'ApiKeys',
  'The API keys of the tenant.',
  z.object({ items: z.array(apiKey) }),
);

const webhookFields = {
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: absent(z.string()),
  paused: z.boolean(),
  createdAt: instant,
  createdBy: z.string(),
};

const webhook = component(
  'Webhook',
  'A webhook as listed: never its signing secret.',
  z.object(webhookFields),
);

const newWebhook = component(
  'NewWebhook',
  'A new webhook, with its signing secret (`whsec_…`) shown this once.',
  z.object({ ...webhookFields, secret: z.string() }),
);

const webhooks = component(
  'Webhooks',
  'The webhooks of the tenant.',
  z.object({ items: z.array(webhook) }),
);

const webhookDelivery = component(
  'WebhookDelivery',
  "One event's delivery to one webhook: `pending` (not yet sent, or failed and due again), " +
    '`delivered` (answered 2xx), `failed` (given up; may be retried), `refused` (the address ' +
    'resolved to one webhooks may not reach), `skipped` (paused, or the story was deleted). A ' +
    '410 answer removes the webhook and its log.',
  z.object({
    id: z.string(),
    event: z.enum(WEBHOOK_EVENTS),
    storyId: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'refused', 'skipped']),
    attempts: z.number().int(),
    createdAt: instant,
    lastAttemptAt: absent(instant),
    lastStatus: absent(z.number().int()),
    lastError: absent(z.string()),
    nextAttemptAt: absent(instant),
  }),
);

const webhookDeliveries = component(
  'WebhookDeliveries',
  "A webhook's deliveries, newest event first (the last 50).",
  z.object({ items: z.array(webhookDelivery) }),
);

const webhookPayload = component(
  'WebhookPayload',
  'What a webhook receives (Standard Webhooks), signed in the headers `webhook-id`, ' +
    '`webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of ' +
    '`id.timestamp.body` with the secret). The story as a colleague with no part in it sees it.',
  z.object({
    type: z.enum(WEBHOOK_EVENTS),
    timestamp: instant,
    data: z.object({ story }),
  }),
);

/** The answers' descriptions, by what they describe. */
export const responseSchemas = {
  story,
  storyPage,
  wallPage,
  storyList,
  myReactions,
  award,
  awards,
  shortlist,
  collectionSummary,
  collections,
  collection,
  insights,
  me,
  devUsers,
  people,
  teamSuggestions,
  neverFeaturedSuggestions,
  settings,
  scheduledJobs,
  delegation,
  delegations,
  history,
  moderationQueue,
  erasureReceipt,
  personalDataExport,
  apiKey,
  newApiKey,
  apiKeys,
  webhook,
  newWebhook,
  webhooks,
  webhookDelivery,
  webhookDeliveries,
  webhookPayload,
  apiError,
};

// ---------------------------------------------------------------------------------------------
// The contract, checked when the code compiles: each description reads exactly its DTO.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Each reads the other, and both name the same fields (an optional field too). */
type Describes<S extends z.ZodType, Dto> =
  Same<z.output<S>, Dto> extends true ? Same<keyof z.output<S>, keyof Dto> : false;
type AllTrue<T extends Record<string, true>> = T;

export type ResponseContract = AllTrue<{
  story: Describes<typeof story, StoryDto>;
  storyPage: Describes<typeof storyPage, StoryPageDto>;
  wallPage: Describes<typeof wallPage, WallPageDto>;
  storyList: Describes<typeof storyList, StoryListDto>;
  myReactions: Describes<typeof myReactions, MyReactionsDto>;
  award: Describes<typeof award, AwardDto>;
  awards: Describes<typeof awards, AwardsDto>;
  shortlist: Describes<typeof shortlist, ShortlistDto>;
  collectionSummary: Describes<typeof collectionSummary, CollectionSummaryDto>;
  collections: Describes<typeof collections, CollectionsDto>;
  collection: Describes<typeof collection, CollectionDto>;
  insights: Describes<typeof insights, InsightsDto>;
  me: Describes<typeof me, MeDto>;
  devUsers: Describes<typeof devUsers, DevUsersDto>;
  people: Describes<typeof people, PeopleDto>;
  teamSuggestions: Describes<typeof teamSuggestions, TeamSuggestionsDto>;
  neverFeaturedSuggestions: Describes<typeof neverFeaturedSuggestions, NeverFeaturedSuggestionsDto>;
  settings: Describes<typeof settings, SettingsDto>;
  scheduledJobs: Describes<typeof scheduledJobs, ScheduledJobsDto>;
  delegation: Describes<typeof delegation, DelegationDto>;
  delegations: Describes<typeof delegations, DelegationsDto>;
  history: Describes<typeof history, HistoryDto>;
  moderationQueue: Describes<typeof moderationQueue, ModerationQueueDto>;
  erasureReceipt: Describes<typeof erasureReceipt, ErasureReceiptDto>;
  personalDataExport: Describes<typeof personalDataExport, PersonalDataExportDto>;
  apiKey: Describes<typeof apiKey, ApiKeyDto>;
  newApiKey: Describes<typeof newApiKey, NewApiKeyDto>;
  apiKeys: Describes<typeof apiKeys, ApiKeysDto>;
  webhook: Describes<typeof webhook, WebhookDto>;
  newWebhook: Describes<typeof newWebhook, NewWebhookDto>;
  webhooks: Describes<typeof webhooks, WebhooksDto>;
  webhookDelivery: Describes<typeof webhookDelivery, WebhookDeliveryDto>;
  webhookDeliveries: Describes<typeof webhookDeliveries, WebhookDeliveriesDto>;
  webhookPayload: Describes<typeof webhookPayload, WebhookPayloadDto>;
  apiError: Describes<typeof apiError, ApiErrorBody>;
}>;

import { parse as parseDuration, serialize as serializeDuration } from 'tinyduration';
import { z } from 'zod';
import {
  API_KEY_SCOPES,
  CATEGORIES,
  COLLECTION_EXPORT_FORMATS,
  GRANTABLE_ROLES,
  LIMITS,
  LOCALES,
  STAGE_MODES,
  WALL_SORTS,
  WEBHOOK_EVENTS,
  WEEKDAYS,
} from './dto.js';
import type * as inputs from './inputs.js';
import { repeatedTeam } from './teams.js';

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a
 * title they can make text display reversed ("txt.exe" as "exe.txt"), on cards and in the tab.
 * Removed from every text input before its length is checked (docs/SECURITY.md). The same set is
 * removed from names that reach the domain from sign-ins and the directory (src/domain/text.ts;
 * tests/unit/security/bidi.test.ts checks both remove the same characters).
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Text as typed, without bidirectional controls, trimmed, of a length between `min` and `max`. */
const text = (min: number, max: number) =>
  z
    .string()
    .overwrite((value) => value.replace(BIDI_CONTROLS, ''))
    .trim()
    .min(min)
    .max(max);

/** http and https only, at most `max` long: a link is emitted as `Action.OpenUrl`, never as HTML. */
const webUrl = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'https:' || url.protocol === 'http:';
        } catch {
          return false;
        }
      },
      { message: 'Must be an http or https address.' },
    );

const userId = z.string().trim().min(1).max(100);

/** Empty optional text fields count as absent (forms send ""). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.replace(BIDI_CONTROLS, '').trim() === '' ? undefined : v),
    schema.optional(),
  );

/** `POST /api/stories` and the bot's story form. */
export const storyInputSchema = z.strictObject({
  title: text(LIMITS.title.min, LIMITS.title.max),
  situation: text(LIMITS.situation.min, LIMITS.situation.max),
  action: text(LIMITS.action.min, LIMITS.action.max),
  outcome: text(LIMITS.outcome.min, LIMITS.outcome.max),
  lesson: text(LIMITS.lesson.min, LIMITS.lesson.max),
  team: text(LIMITS.team.min, LIMITS.team.max),
  category: z.enum(CATEGORIES),
  featured: z.array(userId).max(LIMITS.featured.max).default([]),
  customerQuote: optional(text(1, LIMITS.customerQuote.max)),
  sourceUrl: optional(webUrl(LIMITS.sourceUrl.max)),
  accountName: optional(text(1, LIMITS.accountName.max)),
  crmUrl: optional(webUrl(LIMITS.crmUrl.max)),
  consent: z.boolean(),
  locale: z.enum(LOCALES).optional(),
});
export type StoryInput = z.infer<typeof storyInputSchema>;

/** `POST /api/stories/:id/decision` and the approval card. */
export const decisionInputSchema = z.strictObject({
  decision: z.enum(['approve', 'reject', 'changes']),
  comment: optional(text(1, LIMITS.comment.max)),
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;

/** `POST /api/stories/:id/reassign`: the person who decides instead, and a note for the record. */
export const reassignInputSchema = z.strictObject({
  approverId: userId,
  comment: optional(text(1, LIMITS.comment.max)),
});
export type ReassignInput = z.infer<typeof reassignInputSchema>;

/** `POST /api/stories/:id/report`: why a reader reports a published story to the editors. */
export const reportInputSchema = z.strictObject({
  reason: text(LIMITS.reportReason.min, LIMITS.reportReason.max),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** `POST /api/moderation/:id/hide`, `…/restore`, `…/dismiss`: an optional note for the history. */
export const moderationNoteSchema = z.strictObject({
  note: optional(text(1, LIMITS.comment.max)),
});
export type ModerationNoteInput = z.infer<typeof moderationNoteSchema>;

/**
 * `POST /api/moderation/:id/edit`: an editor's correction of a story's texts, with the limits of
 * a story, and a note for its history saying why (required).
 */
export const moderationEditSchema = z.strictObject({
  title: text(LIMITS.title.min, LIMITS.title.max),
  situation: text(LIMITS.situation.min, LIMITS.situation.max),
  action: text(LIMITS.action.min, LIMITS.action.max),
  outcome: text(LIMITS.outcome.min, LIMITS.outcome.max),
  lesson: text(LIMITS.lesson.min, LIMITS.lesson.max),
  customerQuote: optional(text(1, LIMITS.customerQuote.max)),
  note: text(1, LIMITS.comment.max),
});
export type ModerationEditInput = z.infer<typeof moderationEditSchema>;

/** `GET /api/stories` query string. */
export const wallQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  cursor: optional(z.string().max(LIMITS.cursor.max)),
  team: optional(text(1, LIMITS.team.max)),
  category: optional(z.enum(CATEGORIES)),
  month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.')),
  q: optional(text(1, LIMITS.q.max)),
  account: optional(text(1, LIMITS.accountName.max)),
  language: optional(z.enum(LOCALES)),
  sort: optional(z.enum(WALL_SORTS)),
  // A query string says `true` or `false`; anything else is refused rather than read as true.
  total: z
    .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
    .optional(),
});
export type WallQueryInput = z.infer<typeof wallQuerySchema>;

/** `GET /api/exports/wall.csv` query string: the wall's filters, without paging or order. */
export const wallExportQuerySchema = wallQuerySchema.omit({
  limit: true,
  cursor: true,
  sort: true,
  total: true,
});

/** `GET /api/stories/mine` query string. */
export const myStoriesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  cursor: optional(z.string().max(LIMITS.cursor.max)),
});
export type MyStoriesQueryInput = z.infer<typeof myStoriesQuerySchema>;

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM.');
/** Months from year 0 of a `YYYY-MM` already checked by `yearMonth`. */
const monthNumber = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7));

/** `GET /api/insights` query string: both ends optional; `from` ≤ `to`, at most 24 months. */
export const insightsQuerySchema = z
  .strictObject({
    from: optional(yearMonth),
    to: optional(yearMonth),
  })
  .refine(({ from, to }) => from === undefined || to === undefined || from <= to, {
    message: 'The range must not start after it ends.',
    path: ['from'],
  })
  .refine(
    ({ from, to }) =>
      from === undefined ||
      to === undefined ||
      monthNumber(to) - monthNumber(from) < LIMITS.insightMonths.max,
    { message: `At most ${LIMITS.insightMonths.max} months.`, path: ['from'] },
  );
export type InsightsQueryInput = z.infer<typeof insightsQuerySchema>;

/** The body of an action that takes no input (`withdraw`, `archive`): none, or `{}`. */
export const emptyBodySchema = z.strictObject({});

/** Path parameter `:id` of a story. */
const storyIdPattern = /^[A-Za-z0-9-]{1,64}$/;
export const storyIdSchema = z.string().regex(storyIdPattern, 'Not a story id.');

/**
 * `GET /api/me/reactions` query string: story ids, comma-separated, at most
 * `LIMITS.reactionStories.max`, each a story id (split, not matched by one pattern: linear time).
 */
export const myReactionsQuerySchema = z.strictObject({
  stories: z
    .string()
    .min(1)
    .max(LIMITS.reactionStories.max * 65)
    .refine(
      (value) => {
        const ids = value.split(',');
        return (
          ids.length <= LIMITS.reactionStories.max && ids.every((id) => storyIdPattern.test(id))
        );
      },
      { message: `At most ${LIMITS.reactionStories.max} story ids, comma-separated.` },
    ),
});
export type MyReactionsQueryInput = z.infer<typeof myReactionsQuerySchema>;

/** Path parameter `:month` of the awards (journey 8). */
export const awardMonthSchema = yearMonth;

/** The body of `PUT /api/awards/:month`: the chosen story and, optionally, why (plain text). */
export const awardInputSchema = z.strictObject({
  storyId: storyIdSchema,
  citation: optional(
    z
      .string()
      .trim()
      .max(LIMITS.citation.max, `Keep the citation to ${LIMITS.citation.max} characters.`),
  ),
});
export type AwardInput = z.infer<typeof awardInputSchema>;

/** Path parameter `:id` of a training collection. */
export const collectionIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a collection id.');

const collectionFields = {
  title: text(LIMITS.collectionTitle.min, LIMITS.collectionTitle.max),
  description: text(0, LIMITS.collectionDescription.max).default(''),
  storyIds: z
    .array(storyIdSchema)
    .max(
      LIMITS.collectionStories.max,
      `A collection holds at most ${LIMITS.collectionStories.max} stories.`,
    )
    .refine((ids) => new Set(ids).size === ids.length, 'Add each story once.'),
};

/** `POST /api/collections`: the title, a description and the stories in order. */
export const collectionInputSchema = z.strictObject(collectionFields);

/** `PUT /api/collections/:id`: the whole collection, with the version it was read at. */
export const collectionUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  ...collectionFields,
});

/** The query of `GET /api/collections/:id/export`. */
export const collectionExportQuerySchema = z.strictObject({
  format: z.enum(COLLECTION_EXPORT_FORMATS),
});

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * An ISO 8601 duration (`P2D`, `PT1H30M`, `P1W`) in milliseconds, from one minute (so a reminder
 * can be watched live) to a year. Years and months are refused: their length depends on the
 * calendar.
 */
const duration = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    let parsed: ReturnType<typeof parseDuration>;
    try {
      parsed = parseDuration(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Use an ISO 8601 duration such as P2D or PT1H.' });
      return z.NEVER;
    }
    if (parsed.negative || parsed.years || parsed.months) {
      ctx.addIssue({ code: 'custom', message: 'Use weeks, days, hours or minutes (P2D, PT4H).' });
      return z.NEVER;
    }
    const ms =
      ((parsed.weeks ?? 0) * 7 + (parsed.days ?? 0)) * DAY_MS +
      (parsed.hours ?? 0) * 60 * MINUTE_MS +
      (parsed.minutes ?? 0) * MINUTE_MS +
      Math.round((parsed.seconds ?? 0) * 1000);
    if (ms < MINUTE_MS || ms > 366 * DAY_MS) {
      ctx.addIssue({ code: 'custom', message: 'Between one minute (PT1M) and a year.' });
      return z.NEVER;
    }
    return ms;
  });

/** Milliseconds as the ISO 8601 duration the settings document shows (`P1DT12H`). */
export function isoDuration(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / (60 * MINUTE_MS));
  const minutes = Math.floor((ms % (60 * MINUTE_MS)) / MINUTE_MS);
  const seconds = Math.round((ms % MINUTE_MS) / 1000);
  return serializeDuration({
    ...(days ? { days } : {}),
    ...(hours ? { hours } : {}),
    ...(minutes ? { minutes } : {}),
    ...(seconds ? { seconds } : {}),
  });
}

const directoryId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'Not a person or group id.');

const approverSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manager') }),
  z.strictObject({
    kind: z.literal('people'),
    ids: z
      .array(directoryId)
      .min(1, 'Name at least one person.')
      .max(LIMITS.stageApprovers.max)
      .refine((ids) => new Set(ids).size === ids.length, 'Name each person once.'),
  }),
  z.strictObject({ kind: z.literal('group'), groupId: directoryId }),
  z.strictObject({ kind: z.literal('role'), role: z.enum(GRANTABLE_ROLES) }),
]);

const policyStage = z.strictObject({ approvers: approverSpec, mode: z.enum(STAGE_MODES) });
const stages = z.array(policyStage).min(1, 'At least one stage.').max(LIMITS.stages.max);

/** The `approval` member of the settings document; durations come out in milliseconds. */
export const approvalPolicySchema = z
  .strictObject({
    stages,
    fallback: approverSpec,
    remindAfter: duration.optional(),
    escalateAfterReminders: z.number().int().min(0).max(10).optional(),
    expireAfter: duration.optional(),
    byCategory: z.partialRecord(z.enum(CATEGORIES), z.strictObject({ stages })).optional(),
  })
  .refine((p) => p.escalateAfterReminders === undefined || p.remindAfter !== undefined, {
    message: 'Escalation counts reminders: set remindAfter too.',
    path: ['escalateAfterReminders'],
  });

/** `HH:MM` of the 24-hour clock. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 00:00 to 23:59.');

/**
 * An IANA time zone the runtime knows (`Europe/Helsinki`, `UTC`), as its canonical name; no
 * offsets (`+02:00`): a digest keeps its local hour across daylight-saving changes only in a zone.
 */
const timeZone = z
  .string()
  .trim()
  .max(LIMITS.timeZone.max)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'Use an IANA time zone such as Europe/Helsinki.')
  .transform((value, ctx) => {
    try {
      return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Use an IANA time zone such as Europe/Helsinki.' });
      return z.NEVER;
    }
  });

/** The `digests` member of the settings document. */
export const digestsSchema = z.strictObject({
  weekly: z.strictObject({
    enabled: z.boolean(),
    day: z.enum(WEEKDAYS),
    time: timeOfDay,
  }),
  monthly: z.strictObject({
    enabled: z.boolean(),
    day: z.number().int().min(LIMITS.digestMonthDay.min).max(LIMITS.digestMonthDay.max),
    time: timeOfDay,
  }),
  timeZone,
});

/**
 * The teams admins keep (Settings): trimmed names of a story's team length, at most
 * `LIMITS.teams.max`, none twice whatever its case.
 */
export const teamListSchema = z
  .array(text(LIMITS.team.min, LIMITS.team.max))
  .max(LIMITS.teams.max)
  .superRefine((names, ctx) => {
    const repeated = repeatedTeam(names);
    if (repeated !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${repeated}" is on the list twice.`,
        path: [names.lastIndexOf(repeated)],
      });
    }
  });

/** `PUT /api/settings`: the whole document, with the version it was edited from. */
export const settingsInputSchema = z.strictObject({
  version: z.number().int().min(0),
  approval: approvalPolicySchema,
  roles: z
    .array(
      z.strictObject({
        role: z.enum(GRANTABLE_ROLES),
        kind: z.enum(['person', 'group']),
        id: directoryId,
      }),
    )
    .max(LIMITS.roleGrants.max),
  /** Absent: the privacy settings stay as saved; so does each of its fields left out. */
  privacy: z
    .strictObject({
      enabled: z.boolean(),
      confirmFeatured: z.boolean().optional(),
      deleteClosedAfterDays: z
        .number()
        .int()
        .min(LIMITS.retentionDays.min)
        .max(LIMITS.retentionDays.max)
        .nullable()
        .optional(),
    })
    .optional(),
  /** Absent: the digests stay as saved. */
  digests: digestsSchema.optional(),
  /** Absent: the story of the month's rule stays as saved. */
  awards: z
    .strictObject({
      noRepeatWithinMonths: z
        .number()
        .int()
        .min(LIMITS.repeatWinnerMonths.min)
        .max(LIMITS.repeatWinnerMonths.max)
        .nullable(),
    })
    .optional(),
  /** Absent: the list of teams stays as saved. */
  teams: teamListSchema.optional(),
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;

/** `PUT /api/delegations`: whose approvals (an admin may name anyone), to whom, from when to when. */
const isDate = (value: unknown): value is Date =>
  value instanceof Date && !Number.isNaN(value.getTime());

export const delegationInputSchema = z
  .strictObject({
    userId: userId.optional(),
    delegateId: userId,
    from: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
    until: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  })
  // Judged only when both are dates: a malformed one is already a problem of its own field.
  .refine(({ from, until }) => !isDate(from) || !isDate(until) || until > from, {
    message: 'The window must end after it starts.',
    path: ['until'],
  });
export type DelegationInput = z.infer<typeof delegationInputSchema>;

/** `DELETE /api/delegations?userId=`: an admin may end anyone's; a person their own. */
export const delegationQuerySchema = z.strictObject({ userId: optional(userId) });

/** `GET /api/people?q=`: a name or mail prefix for pickers; without it, the known people. */
export const peopleQuerySchema = z.strictObject({
  q: optional(text(1, LIMITS.q.max)),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(20),
});

/** `GET /api/suggestions/never-featured`: optionally one team's colleagues, at most `limit`. */
export const neverFeaturedQuerySchema = z.strictObject({
  team: optional(text(1, LIMITS.team.max)),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.neverFeatured.max)
    .default(LIMITS.neverFeatured.default),
});

/** `GET /api/approvals?scope=all`: an admin's view of every pending story. */
export const approvalsQuerySchema = z.strictObject({
  scope: optional(z.enum(['mine', 'all'])),
});

/** `/api/people/:id/erase` and `/api/people/:id/export`: an Entra object id. */
export const personIdSchema = directoryId;

/** `POST /api/keys`: a name, and at least one scope, each once. */
export const apiKeyInputSchema = z.strictObject({
  name: text(LIMITS.apiKeyName.min, LIMITS.apiKeyName.max),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, 'Choose at least one scope.')
    .max(API_KEY_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'Name each scope once.'),
});

/**
 * `POST /api/webhooks`: an http(s) address without credentials, at least one event, each once.
 * Whether the address may be used (https outside local mode, no private address) is the
 * service's decision: it depends on the mode and, at delivery, on what the name resolves to.
 */
export const webhookInputSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(LIMITS.webhookUrl.max)
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (
            (url.protocol === 'https:' || url.protocol === 'http:') &&
            url.username === '' &&
            url.password === ''
          );
        } catch {
          return false;
        }
      },
      { message: 'Must be an http or https address without a user name or password.' },
    ),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, 'Choose at least one event.')
    .max(WEBHOOK_EVENTS.length)
    .refine((events) => new Set(events).size === events.length, 'Name each event once.'),
  description: optional(text(1, LIMITS.webhookDescription.max)),
});

/** `PATCH /api/webhooks/:id`. */
export const webhookUpdateSchema = z.strictObject({ paused: z.boolean() });

/** Path parameter `:id` of a webhook, and `:deliveryId` of one of its deliveries. */
export const webhookIdSchema = z.string().regex(/^wh_[a-z0-9]{16}$/, 'Not a webhook id.');
export const webhookDeliveryIdSchema = z
  .string()
  .regex(/^msg_[A-Za-z0-9-]{1,64}$/, 'Not a delivery id.');
export const webhookParamsSchema = z.strictObject({ id: webhookIdSchema });
export const webhookDeliveryParamsSchema = z.strictObject({
  id: webhookIdSchema,
  deliveryId: webhookDeliveryIdSchema,
});

/** Path parameter `:id` of an API key. */
export const apiKeyIdSchema = z.string().regex(/^[a-z0-9]{16}$/, 'Not an API key id.');

/**
 * The path parameters of the routes, as objects, for the API's description (OpenAPI). Each route
 * still reads its parameter with the schema of the value (`storyIdSchema`, …).
 */
export const storyParamsSchema = z.strictObject({ id: storyIdSchema });
export const personParamsSchema = z.strictObject({ id: personIdSchema });
export const awardMonthParamsSchema = z.strictObject({ month: awardMonthSchema });
export const apiKeyParamsSchema = z.strictObject({ id: apiKeyIdSchema });
export const collectionParamsSchema = z.strictObject({ id: collectionIdSchema });

// ---------------------------------------------------------------------------------------------
// The contract, checked when the code compiles: each schema reads every body of its wire type in
// `inputs.ts`, and both name the same fields. A field added to one and not the other, or a type
// that drifted, fails `npm run typecheck`.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Reads<S extends z.ZodType, Wire> = [Wire] extends [z.input<S>]
  ? Same<keyof z.input<S>, keyof Wire>
  : false;

/** Compiles only when every entry is `true`. */
type AllTrue<T extends Record<string, true>> = T;

export type InputContract = AllTrue<{
  story: Reads<typeof storyInputSchema, inputs.StoryInput>;
  decision: Reads<typeof decisionInputSchema, inputs.DecisionInput>;
  reassign: Reads<typeof reassignInputSchema, inputs.ReassignInput>;
  report: Reads<typeof reportInputSchema, inputs.ReportInput>;
  moderationNote: Reads<typeof moderationNoteSchema, inputs.ModerationNoteInput>;
  correction: Reads<typeof moderationEditSchema, inputs.StoryCorrectionInput>;
  wall: Reads<typeof wallQuerySchema, inputs.WallQuery>;
  wallExport: Reads<typeof wallExportQuerySchema, inputs.WallExportQuery>;
  myStories: Reads<typeof myStoriesQuerySchema, inputs.MyStoriesQuery>;
  myReactions: Reads<typeof myReactionsQuerySchema, inputs.MyReactionsQuery>;
  insights: Reads<typeof insightsQuerySchema, inputs.InsightsQuery>;
  award: Reads<typeof awardInputSchema, inputs.ChooseAwardInput>;
  collection: Reads<typeof collectionInputSchema, inputs.CollectionInput>;
  collectionUpdate: Reads<typeof collectionUpdateSchema, inputs.CollectionUpdateInput>;
  collectionExport: Reads<typeof collectionExportQuerySchema, inputs.CollectionExportQuery>;
  settings: Reads<typeof settingsInputSchema, inputs.SettingsInput>;
  delegation: Reads<typeof delegationInputSchema, inputs.DelegationInput>;
  apiKey: Reads<typeof apiKeyInputSchema, inputs.ApiKeyInput>;
  webhook: Reads<typeof webhookInputSchema, inputs.WebhookInput>;
  webhookUpdate: Reads<typeof webhookUpdateSchema, inputs.WebhookUpdateInput>;
}>;

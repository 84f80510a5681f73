/** The schemas checked against the wire input types of `inputs.ts` when the code compiles. */

import type { z } from 'zod';
import type * as inputs from '../inputs.js';
import type { apiKeyInputSchema } from './apiKeys.js';
import type { delegationInputSchema } from './approval.js';
import type { awardInputSchema } from './awards.js';
import type {
  collectionExportQuerySchema,
  collectionInputSchema,
  collectionUpdateSchema,
} from './collections.js';
import type { insightsQuerySchema } from './insights.js';
import type { moderationEditSchema, moderationNoteSchema } from './moderation.js';
import type { settingsInputSchema } from './settings.js';
import type {
  decisionInputSchema,
  myReactionsQuerySchema,
  myStoriesQuerySchema,
  reassignInputSchema,
  reportInputSchema,
  storyInputSchema,
  wallExportQuerySchema,
  wallQuerySchema,
} from './story.js';
import type { webhookInputSchema, webhookUpdateSchema } from './webhooks.js';

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

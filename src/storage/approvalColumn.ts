import { z } from 'zod';
import type { ApprovalState } from '../domain/approval.js';
import type { ApproverSpec, PolicyStage } from '../domain/policy.js';
import { CorruptRowError } from './entityFields.js';

/**
 * A story's approval state as one JSON column. Table Storage has no nested types; the state is
 * read and written whole with the story, never queried. Parsed with a schema on the way back, so a
 * row this code did not write fails loudly instead of flowing on half-formed.
 */

const grantable = z.enum(['approver', 'editor', 'admin']);

export const approverSpecSchema: z.ZodType<ApproverSpec> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manager') }),
  z.object({ kind: z.literal('people'), ids: z.array(z.string()) }),
  z.object({ kind: z.literal('group'), groupId: z.string() }),
  z.object({ kind: z.literal('role'), role: grantable }),
]);

export const stageSchema: z.ZodType<PolicyStage> = z.object({
  approvers: approverSpecSchema,
  mode: z.enum(['any', 'all']),
});

export const planFields = {
  stages: z.array(stageSchema),
  fallback: approverSpecSchema,
  remindAfterMs: z.number().optional(),
  escalateAfterReminders: z.number().optional(),
  expireAfterMs: z.number().optional(),
};

const isoDate = z.iso.datetime().transform((value) => new Date(value));

const slotSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  approvedAt: isoDate.optional(),
  onBehalfOf: z.string().optional(),
});

const approvalSchema = z.object({
  policyVersion: z.number(),
  plan: z.object(planFields),
  startedAt: isoDate,
  stage: z.object({
    index: z.number(),
    mode: z.enum(['any', 'all']),
    slots: z.array(slotSchema),
    startedAt: isoDate,
    fallback: z
      .enum(['no_manager', 'directory_unavailable', 'no_group', 'no_one_eligible', 'escalation'])
      .optional(),
  }),
  reminders: z.number(),
  nudgedAt: isoDate,
  asked: z.array(z.string()),
  expired: z.boolean().optional(),
});

/** The JSON of an approval state (dates as ISO strings). */
export function approvalToColumn(approval: ApprovalState): string {
  return JSON.stringify(approval);
}

/**
 * Approval states read lately, by their column's text. The column is read with every row of
 * every wall page, and its schema check cost more than the rest of the row (about 15 µs a row,
 * half a millisecond a page); a published story's approval no longer changes, so the pages people
 * read again and again parse it once. The state is immutable (readonly types), so sharing it is
 * safe. Emptied when full, which bounds it whatever is read.
 */
const PARSED = new Map<string, ApprovalState>();
const PARSED_MAX = 5_000;

/** The approval state stored by `approvalToColumn`, checked by `approvalSchema`. */
export function approvalFromColumn(json: string): ApprovalState {
  let approval = PARSED.get(json);
  if (approval === undefined) {
    approval = parseJsonColumn(json, approvalSchema, 'approval') as ApprovalState;
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    PARSED.set(json, approval);
  }
  return approval;
}

/**
 * A JSON column checked against `schema`; anything else is a CorruptRowError naming `what`.
 * Absent optional keys come back absent, as the domain's exact optional types expect.
 */
export function parseJsonColumn(json: string, schema: z.ZodType, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new CorruptRowError(`${what} is not JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CorruptRowError(`${what} has an unknown shape.`);
  return stripUndefined(parsed.data);
}

/**
 * A story stored before approval policies existed names one approver: it reads as a one-stage
 * plan of that approver, without reminders (it was submitted when there were none).
 */
export function legacyApproval(approverId: string, createdAt: Date): ApprovalState {
  return {
    policyVersion: 0,
    plan: {
      stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
      fallback: { kind: 'role', role: 'approver' },
    },
    startedAt: createdAt,
    stage: {
      index: 0,
      mode: 'any',
      slots: [{ userId: approverId, displayName: approverId }],
      startedAt: createdAt,
    },
    reminders: 0,
    nudgedAt: createdAt,
    asked: [approverId],
  };
}

/** zod keeps absent optional keys as `undefined`; the domain's types are exact optionals. */
function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, stripUndefined(v)]),
    );
  }
  return value;
}

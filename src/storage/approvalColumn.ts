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

/** The JSON of an approval state (dates as ISO strings). */
export function approvalToColumn(approval: ApprovalState): string {
  return JSON.stringify(approval);
}

/**
 * The approval state stored by `approvalToColumn`, checked as strictly as the schemas above
 * check the settings (unknown keys dropped, absent optional keys left absent), by hand: it is
 * read with every row of every wall page, and a zod parse of it cost more than the rest of the
 * row (about 15 µs a row, half a millisecond a page).
 */
export function approvalFromColumn(json: string): ApprovalState {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new CorruptRowError('approval is not JSON.');
  }
  const approval = record(value);
  const stage = record(approval['stage']);
  const plan = record(approval['plan']);
  const expired = approval['expired'];
  const fallback = stage['fallback'];
  return {
    policyVersion: num(approval['policyVersion']),
    plan: {
      stages: list(plan['stages']).map(stageOf),
      fallback: specOf(plan['fallback']),
      ...optional('remindAfterMs', plan['remindAfterMs'], num),
      ...optional('escalateAfterReminders', plan['escalateAfterReminders'], num),
      ...optional('expireAfterMs', plan['expireAfterMs'], num),
    },
    startedAt: isoDate(approval['startedAt']),
    stage: {
      index: num(stage['index']),
      mode: oneOf(stage['mode'], MODES),
      slots: list(stage['slots']).map(slotOf),
      startedAt: isoDate(stage['startedAt']),
      ...(fallback !== undefined ? { fallback: oneOf(fallback, FALLBACKS) } : {}),
    },
    reminders: num(approval['reminders']),
    nudgedAt: isoDate(approval['nudgedAt']),
    asked: list(approval['asked']).map(str),
    ...(expired !== undefined ? { expired: bool(expired) } : {}),
  };
}

const MODES = ['any', 'all'] as const;
const GRANTABLE = ['approver', 'editor', 'admin'] as const;
const FALLBACKS = [
  'no_manager',
  'directory_unavailable',
  'no_group',
  'no_one_eligible',
  'escalation',
] as const;
/** As `z.iso.datetime()`: UTC, `Z`, optional fractions of a second. Linear: no nested repeats. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

function corrupt(): never {
  throw new CorruptRowError('approval has an unknown shape.');
}
function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : corrupt();
}
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : corrupt();
}
function str(value: unknown): string {
  return typeof value === 'string' ? value : corrupt();
}
function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : corrupt();
}
function bool(value: unknown): boolean {
  return typeof value === 'boolean' ? value : corrupt();
}
function oneOf<T extends string>(value: unknown, values: readonly T[]): T {
  return values.includes(value as T) ? (value as T) : corrupt();
}
function isoDate(value: unknown): Date {
  const text = str(value);
  const date = new Date(text);
  return ISO_UTC.test(text) && !Number.isNaN(date.getTime()) ? date : corrupt();
}
function optional<K extends string, T>(
  key: K,
  value: unknown,
  read: (value: unknown) => T,
): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: read(value) }) as { [P in K]?: T };
}
function specOf(value: unknown): ApproverSpec {
  const spec = record(value);
  switch (spec['kind']) {
    case 'manager':
      return { kind: 'manager' };
    case 'people':
      return { kind: 'people', ids: list(spec['ids']).map(str) };
    case 'group':
      return { kind: 'group', groupId: str(spec['groupId']) };
    case 'role':
      return { kind: 'role', role: oneOf(spec['role'], GRANTABLE) };
    default:
      return corrupt();
  }
}
function stageOf(value: unknown): PolicyStage {
  const stage = record(value);
  return { approvers: specOf(stage['approvers']), mode: oneOf(stage['mode'], MODES) };
}
function slotOf(value: unknown): ApprovalState['stage']['slots'][number] {
  const slot = record(value);
  const approvedAt = slot['approvedAt'];
  const onBehalfOf = slot['onBehalfOf'];
  return {
    userId: str(slot['userId']),
    displayName: str(slot['displayName']),
    ...(approvedAt !== undefined ? { approvedAt: isoDate(approvedAt) } : {}),
    ...(onBehalfOf !== undefined ? { onBehalfOf: str(onBehalfOf) } : {}),
  };
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

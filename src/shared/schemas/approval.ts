/**
 * The inputs of approvals: the approval policy of Settings (with its durations), delegations and
 * the approvals queue.
 */

import { parse as parseDuration, serialize as serializeDuration } from 'tinyduration';
import { z } from 'zod';
import { STAGE_MODES } from '../dto/approval.js';
import { LIMITS } from '../dto/limits.js';
import { GRANTABLE_ROLES } from '../dto/people.js';
import { CATEGORIES } from '../dto/story.js';
import { directoryId, optional, userId } from './fields.js';

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

/** `GET /api/approvals?scope=all`: an admin's view of every pending story. */
export const approvalsQuerySchema = z.strictObject({
  scope: optional(z.enum(['mine', 'all'])),
});

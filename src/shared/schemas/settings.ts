/** The settings document an admin saves: policy, roles, privacy, digests, awards rule and teams. */

import { z } from 'zod';
import { repeatedTeam } from '../teams.js';
import { WEEKDAYS } from '../dto/digests.js';
import { LIMITS } from '../dto/limits.js';
import { GRANTABLE_ROLES } from '../dto/people.js';
import { approvalPolicySchema } from './approval.js';
import { directoryId, text } from './fields.js';

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

import { z } from 'zod';
import { DEFAULT_DIGESTS, WEEKDAYS, type TenantSettings } from '../domain/policy.js';
import { parseJsonColumn, planFields, stageSchema } from './approvalColumn.js';

/** The settings document as one JSON column (it is read and written whole, never queried). */

const settingsSchema = z.object({
  version: z.number(),
  approval: z.object({
    ...planFields,
    byCategory: z.record(z.string(), z.object({ stages: z.array(stageSchema) })).optional(),
  }),
  roles: z.array(
    z.object({
      role: z.enum(['approver', 'editor', 'admin']),
      kind: z.enum(['person', 'group']),
      id: z.string(),
    }),
  ),
  // Absent in documents saved before privacy mode existed: off; each later field likewise.
  privacy: z
    .object({
      enabled: z.boolean(),
      confirmFeatured: z.boolean().default(false),
      deleteClosedAfterDays: z.number().int().positive().nullable().default(null),
    })
    .default({ enabled: false, confirmFeatured: false, deleteClosedAfterDays: null }),
  // Absent in documents saved before digests existed: both off.
  digests: z
    .object({
      weekly: z.object({ enabled: z.boolean(), day: z.enum(WEEKDAYS), time: z.string() }),
      monthly: z.object({ enabled: z.boolean(), day: z.number().int(), time: z.string() }),
      timeZone: z.string(),
    })
    .default(DEFAULT_DIGESTS),
  // Absent in documents saved before the story of the month's rule existed: no rule.
  awards: z
    .object({ noRepeatWithinMonths: z.number().int().positive().nullable().default(null) })
    .default({ noRepeatWithinMonths: null }),
  // Absent in documents saved before the list of teams existed: none.
  teams: z.array(z.string()).default([]),
  updatedAt: z.iso
    .datetime()
    .transform((value) => new Date(value))
    .optional(),
  updatedBy: z.string().optional(),
});

export function settingsToColumn(settings: TenantSettings): string {
  return JSON.stringify(settings);
}

export function settingsFromColumn(json: string): TenantSettings {
  return parseJsonColumn(json, settingsSchema, 'settings') as TenantSettings;
}

import { z } from 'zod';
import type { TenantSettings } from '../domain/policy.js';
import { planFields, stageSchema } from './approvalColumn.js';
import { CorruptRowError } from './entityFields.js';

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
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new CorruptRowError('settings are not JSON.');
  }
  const parsed = settingsSchema.safeParse(value);
  if (!parsed.success) throw new CorruptRowError('settings have an unknown shape.');
  // JSON round trips drop undefined keys, so the parsed value has only what was written.
  const { updatedAt, updatedBy, approval, ...rest } = parsed.data;
  const { byCategory, remindAfterMs, escalateAfterReminders, expireAfterMs, ...plan } = approval;
  return {
    ...rest,
    approval: {
      ...plan,
      ...(remindAfterMs !== undefined ? { remindAfterMs } : {}),
      ...(escalateAfterReminders !== undefined ? { escalateAfterReminders } : {}),
      ...(expireAfterMs !== undefined ? { expireAfterMs } : {}),
      ...(byCategory !== undefined ? { byCategory } : {}),
    },
    ...(updatedAt !== undefined ? { updatedAt } : {}),
    ...(updatedBy !== undefined ? { updatedBy } : {}),
  };
}

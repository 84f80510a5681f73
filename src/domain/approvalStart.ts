import { withAsked, type ApprovalState } from './approval.js';
import { planFor, type TenantSettings } from './policy.js';
import type { AuditEvent, StoryDeps } from './ports.js';
import { routeStage, type RoutingNote, type RoutingSubject } from './routing.js';
import { auditOf } from './storyChange.js';
import type { Actor } from './user.js';

/**
 * A story's approval from its first stage, under the tenant's `settings` as the caller read them
 * (the plan of its category, copied into the story with the settings version). `asked` carries over whoever
 * earlier rounds asked, so a resubmitted story keeps them in its history and out of stale queues.
 */
export async function startApproval(
  deps: StoryDeps,
  settings: TenantSettings,
  subject: RoutingSubject,
  category: string,
  now: Date,
  asked: readonly string[] = [],
): Promise<{ approval: ApprovalState; notes: readonly RoutingNote[] }> {
  const plan = planFor(settings.approval, category);
  const { run, notes } = await routeStage(deps, subject, plan, 0, now);
  return {
    approval: {
      policyVersion: settings.version,
      plan,
      startedAt: now,
      stage: run,
      reminders: 0,
      nudgedAt: now,
      asked: withAsked(
        asked,
        run.slots.map((s) => s.userId),
      ),
    },
    notes,
  };
}

/** Routing's notes as history events of the change that routed. */
export function routingEvents(
  deps: Pick<StoryDeps, 'ids'>,
  actor: Actor,
  notes: readonly RoutingNote[],
  now: Date,
): AuditEvent[] {
  return notes.map((note) => auditOf(deps, actor, note.action, now, { detail: note.detail }));
}

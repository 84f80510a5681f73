import {
  confirmsFeatured,
  digestsOf,
  repeatWinnerMonths,
  teamsOf,
  featuredSeenBy,
  privacyMode,
  type ApprovalPolicy,
  type Actor,
  type ApprovalState,
  type AuditEvent,
  type Award,
  type Delegation,
  type Insights,
  type ModerationItem,
  type Story,
  type TenantSettings,
} from '../domain/index.js';
import type {
  ApprovalDto,
  ApprovalPolicyDto,
  AwardDto,
  DelegationDto,
  HistoryEventDto,
  InsightsDto,
  ModerationItemDto,
  SettingsDto,
  StoryDto,
} from '../shared/dto.js';
import { isoDuration, type SettingsInput } from '../shared/schemas.js';

/**
 * What the reader may see beyond a story's text: `voteCount` is whether they may see how many
 * votes (and "I learned from this") it has (`canSeeVoteCounts` of the domain: privacy mode hides them from most people);
 * `viewer` is who reads (null: a view everyone sees alike), which decides whose names among the
 * featured colleagues still asked to confirm are shown (`featuredSeenBy`).
 */
export interface StoryView {
  readonly voteCount: boolean;
  readonly viewer: Actor | null;
}

/** The wire form of a story, as `view` lets its reader see it. */
export function presentStory(story: Story, view: StoryView): StoryDto {
  return {
    id: story.id,
    title: story.title,
    situation: story.situation,
    action: story.action,
    outcome: story.outcome,
    lesson: story.lesson,
    team: story.team,
    category: story.category,
    featured: featuredSeenBy(view.viewer, story).map((p) => ({
      id: p.id,
      displayName: p.displayName,
      ...(p.awaiting ? { awaitingConfirmation: true as const } : {}),
    })),
    ...(story.customerQuote ? { customerQuote: story.customerQuote } : {}),
    ...(story.sourceUrl ? { sourceUrl: story.sourceUrl } : {}),
    ...(story.accountName ? { accountName: story.accountName } : {}),
    ...(story.crmUrl ? { crmUrl: story.crmUrl } : {}),
    consent: story.consent,
    locale: story.locale,
    author: { id: story.authorId, displayName: story.authorName },
    status: story.status,
    approval: presentApproval(story.approval),
    ...(story.decisionComment ? { decisionComment: story.decisionComment } : {}),
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    ...(story.publishedAt ? { publishedAt: story.publishedAt.toISOString() } : {}),
    // Privacy mode hides every count of reactions alike: votes and "I learned from this".
    ...(view.voteCount ? { voteCount: story.voteCount, learnedCount: story.learnedCount } : {}),
  };
}

/** The wire form of the insight counts. */
export function presentInsights(insights: Insights): InsightsDto {
  return {
    from: insights.from,
    to: insights.to,
    total: insights.total,
    months: insights.months.map(({ month, count }) => ({ month, count })),
    teams: insights.teams.map(({ team, count }) => ({ team, count })),
    categories: insights.categories.map(({ category, count }) => ({ category, count })),
  };
}

/** The wire form of a month's winner; its story as `view` lets the reader see it. */
export function presentAward(award: Award, view: StoryView): AwardDto {
  return {
    month: award.month,
    story: presentStory(award.story, view),
    awardedBy: { id: award.awardedBy.id, displayName: award.awardedBy.displayName },
    awardedAt: award.awardedAt.toISOString(),
    ...(award.citation !== undefined ? { citation: award.citation } : {}),
  };
}

/** A story of the moderation queue with its open reports, newest first (editors and admins). */
export function presentModerationItem(item: ModerationItem, view: StoryView): ModerationItemDto {
  return {
    story: presentStory(item.story, view),
    reportCount: item.reports.length,
    reports: item.reports.map((report) => ({
      reporter: { id: report.reporterId, displayName: report.reporterName },
      reason: report.reason,
      at: report.at.toISOString(),
    })),
  };
}

/** Where a story is in its approval, as the tab and the API show it. */
export function presentApproval(approval: ApprovalState): ApprovalDto {
  return {
    stage: approval.stage.index + 1,
    stages: approval.plan.stages.length,
    mode: approval.stage.mode,
    approvers: approval.stage.slots.map((slot) => ({
      id: slot.userId,
      displayName: slot.displayName,
      ...(slot.approvedAt ? { approvedAt: slot.approvedAt.toISOString() } : {}),
      ...(slot.onBehalfOf ? { onBehalfOf: slot.onBehalfOf } : {}),
    })),
    waitingSince: approval.stage.startedAt.toISOString(),
    ...(approval.stage.fallback ? { fallback: approval.stage.fallback } : {}),
    ...(approval.expired ? { expired: true } : {}),
    policyVersion: approval.policyVersion,
  };
}

type HistoryValue = HistoryEventDto['detail'][string];

/** One event of a story's history. */
export function presentHistoryEvent(event: AuditEvent): HistoryEventDto {
  return {
    at: event.at.toISOString(),
    type: event.action,
    actor: { id: event.actorId, displayName: event.actorName },
    surface: event.surface,
    detail: {
      ...Object.fromEntries(
        Object.entries(event.detail ?? {}).map(([key, value]): [string, HistoryValue] => [
          key,
          typeof value === 'object' ? [...value] : value,
        ]),
      ),
      ...(event.comment ? { comment: event.comment } : {}),
    },
  };
}

/** The settings document, durations in ISO 8601. */
export function presentSettings(settings: TenantSettings): SettingsDto {
  const { approval } = settings;
  const policy: ApprovalPolicyDto = {
    stages: approval.stages.map(copyStage),
    fallback: copySpec(approval.fallback),
    ...(approval.remindAfterMs !== undefined
      ? { remindAfter: isoDuration(approval.remindAfterMs) }
      : {}),
    ...(approval.escalateAfterReminders !== undefined
      ? { escalateAfterReminders: approval.escalateAfterReminders }
      : {}),
    ...(approval.expireAfterMs !== undefined
      ? { expireAfter: isoDuration(approval.expireAfterMs) }
      : {}),
    ...(approval.byCategory
      ? {
          byCategory: Object.fromEntries(
            Object.entries(approval.byCategory).map(([category, own]) => [
              category,
              { stages: own.stages.map(copyStage) },
            ]),
          ),
        }
      : {}),
  };
  return {
    version: settings.version,
    approval: policy,
    roles: settings.roles.map((grant) => ({ role: grant.role, kind: grant.kind, id: grant.id })),
    privacy: {
      enabled: privacyMode(settings),
      confirmFeatured: confirmsFeatured(settings),
      deleteClosedAfterDays: settings.privacy?.deleteClosedAfterDays ?? null,
    },
    digests: presentDigests(settings),
    awards: { noRepeatWithinMonths: repeatWinnerMonths(settings) },
    teams: [...teamsOf(settings)],
    ...(settings.updatedAt ? { updatedAt: settings.updatedAt.toISOString() } : {}),
    ...(settings.updatedBy ? { updatedBy: settings.updatedBy } : {}),
  };
}

/** When the digests go out; a document from before digests existed: both off. */
function presentDigests(settings: TenantSettings): SettingsDto['digests'] {
  const { weekly, monthly, timeZone } = digestsOf(settings);
  return {
    weekly: { enabled: weekly.enabled, day: weekly.day, time: weekly.time },
    monthly: { enabled: monthly.enabled, day: monthly.day, time: monthly.time },
    timeZone,
  };
}

/** The domain's policy from a checked settings document (durations already in milliseconds). */
export function policyOf(input: SettingsInput['approval']): ApprovalPolicy {
  const { remindAfter, expireAfter, escalateAfterReminders, byCategory, stages, fallback } = input;
  return {
    stages,
    fallback,
    ...(remindAfter !== undefined ? { remindAfterMs: remindAfter } : {}),
    ...(escalateAfterReminders !== undefined ? { escalateAfterReminders } : {}),
    ...(expireAfter !== undefined ? { expireAfterMs: expireAfter } : {}),
    ...(byCategory ? { byCategory } : {}),
  };
}

/** A delegation as the tab shows it. */
export function presentDelegation(delegation: Delegation): DelegationDto {
  return {
    userId: delegation.userId,
    delegateId: delegation.delegateId,
    from: delegation.from.toISOString(),
    until: delegation.until.toISOString(),
    setBy: delegation.setBy,
  };
}

type Spec = ApprovalPolicy['fallback'];
function copySpec(spec: Spec): ApprovalPolicyDto['fallback'] {
  switch (spec.kind) {
    case 'people':
      return { kind: 'people', ids: [...spec.ids] };
    case 'group':
      return { kind: 'group', groupId: spec.groupId };
    case 'role':
      return { kind: 'role', role: spec.role };
    case 'manager':
      return { kind: 'manager' };
  }
}

function copyStage(stage: ApprovalPolicy['stages'][number]): ApprovalPolicyDto['stages'][number] {
  return { approvers: copySpec(stage.approvers), mode: stage.mode };
}

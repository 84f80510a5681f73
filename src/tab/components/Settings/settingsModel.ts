import {
  CATEGORIES,
  type ApprovalPolicyDto,
  type ApproverSpecDto,
  type CategoryId,
  type GrantableRoleDto,
  type PolicyStageDto,
  type RoleGrantDto,
  type SettingsDto,
  type StageModeDto,
} from '../../../shared/dto.js';
import type { SettingsInput } from '../../../shared/inputs.js';
import { digestsDraftOf, digestsInputOf, type DigestsDraft } from './digestsModel.js';
import { draftOfIso, isoOfDraft, type DurationDraft } from './durations.js';

export type ApproverKind = ApproverSpecDto['kind'];
export const APPROVER_KINDS: readonly ApproverKind[] = ['manager', 'people', 'group', 'role'];

/**
 * Who approves, as the editor holds it: every kind's entries are kept while another kind is
 * chosen, so switching back and forth loses nothing. Only the chosen kind is saved.
 */
export interface ApproverDraft {
  kind: ApproverKind;
  /** Person ids, in the order they were added. */
  people: string[];
  groupId: string;
  role: GrantableRoleDto;
}

export interface StageDraft {
  /** Stable while the stage is edited and moved; not saved. */
  key: string;
  approvers: ApproverDraft;
  mode: StageModeDto;
}

/** An optional duration: off, or an amount in a unit. */
export interface TimerDraft extends DurationDraft {
  on: boolean;
}

export interface SettingsDraft {
  version: number;
  stages: StageDraft[];
  fallback: ApproverDraft;
  remind: TimerDraft;
  /** Reminders before escalating; '' for never. */
  escalateAfter: string;
  expire: TimerDraft;
  roles: RoleGrantDto[];
  /** The categories that have stages of their own instead of the tenant's `stages`. */
  byCategory: CategoryStagesDraft;
  privacy: PrivacyDraft;
  digests: DigestsDraft;
  awards: AwardRulesDraft;
  /** The teams suggested in the story forms, in the admins' order. */
  teams: string[];
}

/** The story of the month's rule as edited. */
export interface AwardRulesDraft {
  /** Whether an author who won cannot win again within `months`. */
  noRepeatOn: boolean;
  /** Months, as typed. */
  months: string;
}

/** The "no repeat winners" window offered when an admin first switches it on. */
export const DEFAULT_REPEAT_MONTHS = 12;

/** The privacy settings as edited. */
export interface PrivacyDraft {
  /** Privacy mode: vote counts for editors and admins only, nothing ranked by votes. */
  mode: boolean;
  /** Featured colleagues confirm before the company sees their name. */
  confirmFeatured: boolean;
  /** Whether rejected and withdrawn stories are deleted after `retentionDays`. */
  retentionOn: boolean;
  /** Days, as typed. */
  retentionDays: string;
}

/** The retention period offered when an admin first switches it on. */
export const DEFAULT_RETENTION_DAYS = 365;

/** Per category, its own stages; a category that is absent uses the tenant's stages. */
export type CategoryStagesDraft = Partial<Record<CategoryId, StageDraft[]>>;

let nextKey = 0;
/** A key for a new stage row. */
export function newStageKey(): string {
  nextKey += 1;
  return `stage-${nextKey}`;
}

const GROUP_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

/** A person or group id as the API accepts it. */
export function isDirectoryId(value: string): boolean {
  return GROUP_ID.test(value.trim());
}

function approverDraftOf(spec: ApproverSpecDto): ApproverDraft {
  return {
    kind: spec.kind,
    people: spec.kind === 'people' ? [...spec.ids] : [],
    groupId: spec.kind === 'group' ? spec.groupId : '',
    role: spec.kind === 'role' ? spec.role : 'approver',
  };
}

function specOf(draft: ApproverDraft): ApproverSpecDto {
  switch (draft.kind) {
    case 'manager':
      return { kind: 'manager' };
    case 'people':
      return { kind: 'people', ids: [...draft.people] };
    case 'group':
      return { kind: 'group', groupId: draft.groupId.trim() };
    case 'role':
      return { kind: 'role', role: draft.role };
  }
}

/** A new stage: the author's manager decides. */
export function newStage(): StageDraft {
  return {
    key: newStageKey(),
    approvers: approverDraftOf({ kind: 'manager' }),
    mode: 'any',
  };
}

function stagesDraftOf(stages: readonly PolicyStageDto[]): StageDraft[] {
  return stages.map((stage) => ({
    key: newStageKey(),
    approvers: approverDraftOf(stage.approvers),
    mode: stage.mode,
  }));
}

function stagesOf(stages: readonly StageDraft[]): PolicyStageDto[] {
  return stages.map((stage) => ({ approvers: specOf(stage.approvers), mode: stage.mode }));
}

const TIMER_DEFAULT: DurationDraft = { amount: '2', unit: 'days' };

function timerOf(iso: string | undefined): TimerDraft {
  return { on: iso !== undefined, ...draftOfIso(iso, TIMER_DEFAULT) };
}

/** The editor's copy of the settings document. */
export function draftOf(settings: SettingsDto): SettingsDraft {
  const { approval } = settings;
  return {
    version: settings.version,
    stages: stagesDraftOf(approval.stages),
    fallback: approverDraftOf(approval.fallback),
    remind: timerOf(approval.remindAfter),
    escalateAfter:
      approval.escalateAfterReminders === undefined ? '' : String(approval.escalateAfterReminders),
    expire: timerOf(approval.expireAfter),
    roles: settings.roles.map((grant) => ({ ...grant })),
    byCategory: Object.fromEntries(
      CATEGORIES.flatMap((category) => {
        const own = approval.byCategory?.[category];
        return own ? [[category, stagesDraftOf(own.stages)]] : [];
      }),
    ),
    privacy: {
      mode: settings.privacy.enabled,
      confirmFeatured: settings.privacy.confirmFeatured,
      retentionOn: settings.privacy.deleteClosedAfterDays !== null,
      retentionDays: String(settings.privacy.deleteClosedAfterDays ?? DEFAULT_RETENTION_DAYS),
    },
    digests: digestsDraftOf(settings.digests),
    awards: {
      noRepeatOn: settings.awards.noRepeatWithinMonths !== null,
      months: String(settings.awards.noRepeatWithinMonths ?? DEFAULT_REPEAT_MONTHS),
    },
    teams: [...settings.teams],
  };
}

/** The categories with stages of their own, in the order of `CATEGORIES`. */
export function categoriesWithStages(draft: Pick<SettingsDraft, 'byCategory'>): CategoryId[] {
  return CATEGORIES.filter((category) => draft.byCategory[category] !== undefined);
}

/** The categories that use the tenant's stages, which can be given stages of their own. */
export function categoriesWithoutStages(draft: Pick<SettingsDraft, 'byCategory'>): CategoryId[] {
  return CATEGORIES.filter((category) => draft.byCategory[category] === undefined);
}

/**
 * `byCategory` with `category` given stages of its own: a copy of the tenant's stages as they
 * are in the draft now (new keys, so both lists can be edited apart).
 */
export function withCategoryStages(
  draft: Pick<SettingsDraft, 'stages' | 'byCategory'>,
  category: CategoryId,
): CategoryStagesDraft {
  if (draft.byCategory[category]) return draft.byCategory;
  const copy = draft.stages.map((stage) => ({
    key: newStageKey(),
    approvers: { ...stage.approvers, people: [...stage.approvers.people] },
    mode: stage.mode,
  }));
  return { ...draft.byCategory, [category]: copy };
}

/** `byCategory` without `category`'s own stages: its stories use the tenant's stages again. */
export function withoutCategoryStages(
  draft: Pick<SettingsDraft, 'byCategory'>,
  category: CategoryId,
): CategoryStagesDraft {
  const { [category]: _removed, ...rest } = draft.byCategory;
  return rest;
}

/** The body of `PUT /api/settings` for a draft that has no problems. */
export function inputOf(draft: SettingsDraft): SettingsInput {
  const remindAfter = draft.remind.on ? isoOfDraft(draft.remind) : undefined;
  const expireAfter = draft.expire.on ? isoOfDraft(draft.expire) : undefined;
  const escalate = draft.escalateAfter.trim();
  const categories = categoriesWithStages(draft);
  const byCategory: NonNullable<ApprovalPolicyDto['byCategory']> = {};
  for (const category of categories) {
    byCategory[category] = { stages: stagesOf(draft.byCategory[category] ?? []) };
  }
  return {
    version: draft.version,
    approval: {
      stages: stagesOf(draft.stages),
      fallback: specOf(draft.fallback),
      ...(remindAfter ? { remindAfter } : {}),
      ...(remindAfter && escalate !== '' ? { escalateAfterReminders: Number(escalate) } : {}),
      ...(expireAfter ? { expireAfter } : {}),
      ...(categories.length > 0 ? { byCategory } : {}),
    },
    roles: draft.roles.map((grant) => ({ ...grant, id: grant.id.trim() })),
    privacy: {
      enabled: draft.privacy.mode,
      confirmFeatured: draft.privacy.confirmFeatured,
      deleteClosedAfterDays: draft.privacy.retentionOn
        ? Number(draft.privacy.retentionDays.trim())
        : null,
    },
    digests: digestsInputOf(draft.digests),
    awards: {
      noRepeatWithinMonths: draft.awards.noRepeatOn ? Number(draft.awards.months.trim()) : null,
    },
    teams: [...draft.teams],
  };
}

/** The draft with the stage `key` moved `by` places (−1 up, +1 down), if it can move. */
export function moveStage(stages: StageDraft[], key: string, by: -1 | 1): StageDraft[] {
  const from = stages.findIndex((stage) => stage.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= stages.length) return stages;
  const next = [...stages];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/** Two grants are the same when they give the same role to the same person or group. */
export function sameGrant(a: RoleGrantDto, b: RoleGrantDto): boolean {
  return a.role === b.role && a.kind === b.kind && a.id.trim() === b.id.trim();
}

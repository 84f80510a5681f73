import {
  CATEGORIES,
  LIMITS,
  repeatedTeam,
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
import type { MessageKey } from '../../i18n.js';
import {
  digestProblemFromServer,
  digestProblemsOf,
  digestsDraftOf,
  digestsInputOf,
  type DigestProblemPlace,
  type DigestsDraft,
} from './digestsModel.js';
import { draftOfIso, durationProblem, isoOfDraft, type DurationDraft } from './durations.js';

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

/**
 * Where a problem is shown: a stage (by key, unique across the tenant's and the categories'
 * stages), a category's list of stages as a whole, the fallback, a timer, or the role grants.
 * `roles` is also where the server's refusal to remove the saving admin's own grant goes.
 */
export type ProblemPlace =
  | `stage:${string}`
  | `category:${CategoryId}`
  | 'fallback'
  | 'remindAfter'
  | 'escalateAfterReminders'
  | 'expireAfter'
  | 'roles'
  | 'retention'
  | 'repeatWinners'
  | 'teams'
  | DigestProblemPlace;

export type Problems = Partial<Record<ProblemPlace, MessageKey>>;

function approverProblem(draft: ApproverDraft): MessageKey | undefined {
  if (draft.kind === 'people') {
    if (draft.people.length === 0) return 'settings.errors.peopleRequired';
    if (draft.people.length > LIMITS.stageApprovers.max) return 'settings.errors.tooManyPeople';
  }
  if (draft.kind === 'group' && !isDirectoryId(draft.groupId)) return 'settings.errors.groupId';
  return undefined;
}

/** A category's own stages: at least one (else it should use the tenant's), at most the limit. */
function categoryStagesProblem(stages: readonly StageDraft[]): MessageKey | undefined {
  if (stages.length === 0) return 'settings.errors.categoryStagesRequired';
  if (stages.length > LIMITS.stages.max) return 'settings.errors.tooManyStages';
  return undefined;
}

function timerProblem(timer: TimerDraft): MessageKey | undefined {
  if (!timer.on) return undefined;
  const problem = durationProblem(timer);
  if (problem === 'invalid') return 'settings.errors.durationInvalid';
  if (problem === 'range') return 'settings.errors.durationRange';
  return undefined;
}

/** What must be fixed before saving, checked here so the API's refusals are the rare case. */
export function problemsOf(draft: SettingsDraft): Problems {
  const problems: Problems = {};
  const ownStages = categoriesWithStages(draft).map((category) => {
    const stages = draft.byCategory[category] ?? [];
    const problem = categoryStagesProblem(stages);
    if (problem) problems[`category:${category}`] = problem;
    return stages;
  });
  for (const stage of [...draft.stages, ...ownStages.flat()]) {
    const problem = approverProblem(stage.approvers);
    if (problem) problems[`stage:${stage.key}`] = problem;
  }
  const fallback = approverProblem(draft.fallback);
  if (fallback) problems.fallback = fallback;
  const remind = timerProblem(draft.remind);
  if (remind) problems.remindAfter = remind;
  const expire = timerProblem(draft.expire);
  if (expire) problems.expireAfter = expire;
  // Escalation counts reminders: without reminders it is not saved, so it is not checked.
  const escalate = draft.escalateAfter.trim();
  if (
    draft.remind.on &&
    escalate !== '' &&
    (!/^\d{1,2}$/.test(escalate) || Number(escalate) > 10)
  ) {
    problems.escalateAfterReminders = 'settings.errors.escalateRange';
  }
  if (draft.privacy.retentionOn && !retentionDaysValid(draft.privacy.retentionDays)) {
    problems.retention = 'settings.errors.retentionRange';
  }
  if (draft.awards.noRepeatOn && !repeatMonthsValid(draft.awards.months)) {
    problems.repeatWinners = 'settings.errors.repeatWinnersRange';
  }
  Object.assign(problems, digestProblemsOf(draft.digests));
  return problems;
}

/**
 * Why `typed` cannot join the list of teams, or undefined when it can (it is added trimmed): the
 * rules of the API's list — a name, not too long, not on the list in any case, not too many.
 */
export function teamAddProblem(teams: readonly string[], typed: string): MessageKey | undefined {
  const name = typed.trim();
  if (name.length === 0) return 'settings.teams.empty';
  if (name.length > LIMITS.team.max) return 'settings.teams.tooLong';
  if (repeatedTeam([...teams, name]) !== undefined) return 'settings.teams.duplicate';
  if (teams.length >= LIMITS.teams.max) return 'settings.teams.tooMany';
  return undefined;
}

function repeatMonthsValid(typed: string): boolean {
  const months = typed.trim();
  if (!/^\d{1,2}$/.test(months)) return false;
  const value = Number(months);
  return value >= LIMITS.repeatWinnerMonths.min && value <= LIMITS.repeatWinnerMonths.max;
}

function retentionDaysValid(typed: string): boolean {
  const days = typed.trim();
  if (!/^\d{1,4}$/.test(days)) return false;
  const value = Number(days);
  return value >= LIMITS.retentionDays.min && value <= LIMITS.retentionDays.max;
}

/**
 * The API's field problems (`approval.stages.1.approvers.ids`,
 * `approval.byCategory.care.stages.0.approvers.ids`, `roles`, …) placed beside the inputs they
 * concern. The server's own words are for logs; people read the locale's.
 */
export function problemsFromServer(
  fields: Readonly<Record<string, string>>,
  draft: SettingsDraft,
): Problems {
  const problems: Problems = {};
  for (const field of Object.keys(fields)) {
    const [top, ...path] = field.split('.');
    if (field === 'roles') {
      problems.roles = 'settings.errors.selfLockout';
    } else if (top === 'roles') {
      problems.roles ??= 'settings.errors.grantInvalid';
    } else if (top === 'privacy') {
      problems.retention = 'settings.errors.retentionRange';
    } else if (top === 'awards') {
      problems.repeatWinners = 'settings.errors.repeatWinnersRange';
    } else if (top === 'teams') {
      problems.teams = 'settings.teams.invalid';
    } else if (top === 'digests') {
      const found = digestProblemFromServer(field);
      if (found) problems[found[0]] = found[1];
    } else if (top === 'approval') {
      const found = approvalProblem(path, draft);
      if (found) problems[found[0]] = found[1];
    }
  }
  return problems;
}

/** Where a problem in `approval.<member>…` (path after `approval`) is shown, and what it says. */
function approvalProblem(
  path: readonly string[],
  draft: SettingsDraft,
): [ProblemPlace, MessageKey] | undefined {
  const [member, index] = path;
  switch (member) {
    case 'stages':
      return stageProblem(draft.stages, index);
    case 'byCategory':
      return categoryProblem(path.slice(1), draft);
    case 'fallback':
      return ['fallback', 'settings.errors.approverInvalid'];
    case 'remindAfter':
    case 'expireAfter':
      return [member, 'settings.errors.durationRange'];
    case 'escalateAfterReminders':
      return [member, 'settings.errors.escalateRange'];
    default:
      return undefined;
  }
}

/** The stage at `index` (a decimal index as the API writes it), if the list has it. */
function stageAt(stages: readonly StageDraft[], index: string | undefined): StageDraft | undefined {
  return index !== undefined && /^\d+$/.test(index) ? stages[Number(index)] : undefined;
}

function stageProblem(
  stages: readonly StageDraft[],
  index: string | undefined,
): [ProblemPlace, MessageKey] | undefined {
  const stage = stageAt(stages, index);
  return stage ? [`stage:${stage.key}`, 'settings.errors.approverInvalid'] : undefined;
}

/** `approval.byCategory.<category>.stages[.<index>…]`: beside that stage, or that category's list. */
function categoryProblem(
  [name, member, index]: readonly string[],
  draft: SettingsDraft,
): [ProblemPlace, MessageKey] | undefined {
  const category = CATEGORIES.find((known) => known === name);
  const stages = category ? draft.byCategory[category] : undefined;
  if (!category || !stages || member !== 'stages') return undefined;
  if (index !== undefined) return stageProblem(stages, index);
  const problem = categoryStagesProblem(stages);
  return problem ? [`category:${category}`, problem] : undefined;
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

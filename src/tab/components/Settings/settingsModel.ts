import {
  LIMITS,
  type ApprovalPolicyDto,
  type ApproverSpecDto,
  type GrantableRoleDto,
  type RoleGrantDto,
  type SettingsDto,
  type StageModeDto,
} from '../../../shared/dto.js';
import type { SaveSettingsInput } from '../../api/client.js';
import type { MessageKey } from '../../i18n.js';
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
  /** Per-category stages are not edited here; they are saved back as they were read. */
  byCategory: ApprovalPolicyDto['byCategory'];
}

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

const TIMER_DEFAULT: DurationDraft = { amount: '2', unit: 'days' };

function timerOf(iso: string | undefined): TimerDraft {
  return { on: iso !== undefined, ...draftOfIso(iso, TIMER_DEFAULT) };
}

/** The editor's copy of the settings document. */
export function draftOf(settings: SettingsDto): SettingsDraft {
  const { approval } = settings;
  return {
    version: settings.version,
    stages: approval.stages.map((stage) => ({
      key: newStageKey(),
      approvers: approverDraftOf(stage.approvers),
      mode: stage.mode,
    })),
    fallback: approverDraftOf(approval.fallback),
    remind: timerOf(approval.remindAfter),
    escalateAfter:
      approval.escalateAfterReminders === undefined ? '' : String(approval.escalateAfterReminders),
    expire: timerOf(approval.expireAfter),
    roles: settings.roles.map((grant) => ({ ...grant })),
    byCategory: approval.byCategory,
  };
}

/** The body of `PUT /api/settings` for a draft that has no problems. */
export function inputOf(draft: SettingsDraft): SaveSettingsInput {
  const remindAfter = draft.remind.on ? isoOfDraft(draft.remind) : undefined;
  const expireAfter = draft.expire.on ? isoOfDraft(draft.expire) : undefined;
  const escalate = draft.escalateAfter.trim();
  return {
    version: draft.version,
    approval: {
      stages: draft.stages.map((stage) => ({
        approvers: specOf(stage.approvers),
        mode: stage.mode,
      })),
      fallback: specOf(draft.fallback),
      ...(remindAfter ? { remindAfter } : {}),
      ...(remindAfter && escalate !== '' ? { escalateAfterReminders: Number(escalate) } : {}),
      ...(expireAfter ? { expireAfter } : {}),
      ...(draft.byCategory ? { byCategory: draft.byCategory } : {}),
    },
    roles: draft.roles.map((grant) => ({ ...grant, id: grant.id.trim() })),
  };
}

/**
 * Where a problem is shown: a stage (by key), the fallback, a timer, or the role grants.
 * `roles` is also where the server's refusal to remove the saving admin's own grant goes.
 */
export type ProblemPlace =
  | `stage:${string}`
  | 'fallback'
  | 'remindAfter'
  | 'escalateAfterReminders'
  | 'expireAfter'
  | 'roles';

export type Problems = Partial<Record<ProblemPlace, MessageKey>>;

function approverProblem(draft: ApproverDraft): MessageKey | undefined {
  if (draft.kind === 'people') {
    if (draft.people.length === 0) return 'settings.errors.peopleRequired';
    if (draft.people.length > LIMITS.stageApprovers.max) return 'settings.errors.tooManyPeople';
  }
  if (draft.kind === 'group' && !isDirectoryId(draft.groupId)) return 'settings.errors.groupId';
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
  for (const stage of draft.stages) {
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
  return problems;
}

/**
 * The API's field problems (`approval.stages.1.approvers.ids`, `roles`, …) placed beside the
 * inputs they concern. The server's own words are for logs; people read the locale's.
 */
export function problemsFromServer(
  fields: Readonly<Record<string, string>>,
  draft: SettingsDraft,
): Problems {
  const problems: Problems = {};
  for (const field of Object.keys(fields)) {
    const [top, member, index] = field.split('.');
    if (field === 'roles') {
      problems.roles = 'settings.errors.selfLockout';
    } else if (top === 'roles') {
      problems.roles ??= 'settings.errors.grantInvalid';
    } else if (top === 'approval') {
      const found = approvalProblem(member, index, draft);
      if (found) problems[found[0]] = found[1];
    }
  }
  return problems;
}

/** Where a problem in `approval.<member>.<index>…` is shown, and what it says there. */
function approvalProblem(
  member: string | undefined,
  index: string | undefined,
  draft: SettingsDraft,
): [ProblemPlace, MessageKey] | undefined {
  switch (member) {
    case 'stages': {
      const stage = draft.stages[Number(index)];
      return stage ? [`stage:${stage.key}`, 'settings.errors.approverInvalid'] : undefined;
    }
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

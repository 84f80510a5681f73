/**
 * What is wrong with a settings draft, and where the page shows it: the checks the page makes
 * before saving, and the server's refusals mapped back to the field they are about.
 */
import { CATEGORIES, LIMITS, repeatedTeam, type CategoryId } from '../../../shared/dto.js';
import type { MessageKey } from '../../i18n.js';
import {
  digestProblemFromServer,
  digestProblemsOf,
  type DigestProblemPlace,
} from './digestsModel.js';
import { durationProblem } from './durations.js';
import {
  categoriesWithStages,
  isDirectoryId,
  type ApproverDraft,
  type SettingsDraft,
  type StageDraft,
  type TimerDraft,
} from './settingsModel.js';

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

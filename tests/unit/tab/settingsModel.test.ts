import { describe, expect, it } from 'vitest';
import { CATEGORIES, LIMITS, type SettingsDto } from '../../../src/shared/dto.js';
import { settingsInputSchema } from '../../../src/shared/schemas.js';
import {
  APPROVER_KINDS,
  categoriesWithoutStages,
  categoriesWithStages,
  DEFAULT_RETENTION_DAYS,
  draftOf,
  inputOf,
  isDirectoryId,
  moveStage,
  newStage,
  sameGrant,
  withCategoryStages,
  withoutCategoryStages,
  type ApproverDraft,
  type SettingsDraft,
  type StageDraft,
} from '../../../src/tab/components/Settings/settingsModel.js';
import {
  problemsFromServer,
  problemsOf,
  teamAddProblem,
} from '../../../src/tab/components/Settings/settingsProblems.js';

/** The settings document as `GET /api/settings` gives it; override what a test is about. */
function buildSettingsDto(overrides: Partial<SettingsDto> = {}): SettingsDto {
  return {
    version: 3,
    approval: {
      stages: [
        { approvers: { kind: 'manager' }, mode: 'any' },
        { approvers: { kind: 'people', ids: ['mikko', 'eeva'] }, mode: 'all' },
        { approvers: { kind: 'group', groupId: 'comms-team' }, mode: 'any' },
        { approvers: { kind: 'role', role: 'editor' }, mode: 'any' },
      ],
      fallback: { kind: 'role', role: 'approver' },
      remindAfter: 'P2D',
      escalateAfterReminders: 2,
      expireAfter: 'P21D',
      byCategory: {
        care: { stages: [{ approvers: { kind: 'people', ids: ['anna'] }, mode: 'any' }] },
      },
    },
    roles: [
      { role: 'admin', kind: 'person', id: 'ada' },
      { role: 'approver', kind: 'group', id: 'approvers@contoso' },
    ],
    privacy: { enabled: false, confirmFeatured: false, deleteClosedAfterDays: null },
    digests: {
      weekly: { enabled: false, day: 'monday', time: '09:00' },
      monthly: { enabled: false, day: 1, time: '09:00' },
      timeZone: 'Europe/Helsinki',
    },
    awards: { noRepeatWithinMonths: null },
    teams: ['Sales', 'Venue services'],
    updatedAt: '2026-03-10T08:00:00.000Z',
    updatedBy: 'ada',
    ...overrides,
  };
}

/** A draft of the default document with some members replaced. */
function buildDraft(overrides: Partial<SettingsDraft> = {}): SettingsDraft {
  return { ...draftOf(buildSettingsDto()), ...overrides };
}

function approvers(overrides: Partial<ApproverDraft>): ApproverDraft {
  return { kind: 'manager', people: [], groupId: '', role: 'approver', ...overrides };
}

function stage(key: string, overrides: Partial<ApproverDraft> = {}): StageDraft {
  return { key, approvers: approvers(overrides), mode: 'any' };
}

const keys = (stages: StageDraft[]) => stages.map((s) => s.key);

describe('draftOf', () => {
  it('holds each stage with its kind of approver and its mode', () => {
    const draft = draftOf(buildSettingsDto());
    expect(draft.version).toBe(3);
    expect(draft.stages.map((s) => [s.approvers.kind, s.mode])).toEqual([
      ['manager', 'any'],
      ['people', 'all'],
      ['group', 'any'],
      ['role', 'any'],
    ]);
    expect(draft.stages[1]?.approvers.people).toEqual(['mikko', 'eeva']);
    expect(draft.stages[2]?.approvers.groupId).toBe('comms-team');
    expect(draft.stages[3]?.approvers.role).toBe('editor');
    expect(draft.fallback).toEqual(approvers({ kind: 'role', role: 'approver' }));
  });

  it('gives every stage a key of its own', () => {
    const first = draftOf(buildSettingsDto());
    const second = draftOf(buildSettingsDto());
    const all = [...keys(first.stages), ...keys(second.stages), newStage().key];
    expect(new Set(all).size).toBe(all.length);
  });

  it('shows the timers in friendly units and escalation as text', () => {
    const draft = draftOf(buildSettingsDto());
    expect(draft.remind).toEqual({ on: true, amount: '2', unit: 'days' });
    expect(draft.expire).toEqual({ on: true, amount: '3', unit: 'weeks' });
    expect(draft.escalateAfter).toBe('2');
  });

  it('shows absent timers switched off, ready with two days if switched on', () => {
    const dto = buildSettingsDto();
    const draft = draftOf({
      ...dto,
      approval: { stages: dto.approval.stages, fallback: { kind: 'manager' } },
    });
    expect(draft.remind).toEqual({ on: false, amount: '2', unit: 'days' });
    expect(draft.expire).toEqual({ on: false, amount: '2', unit: 'days' });
    expect(draft.escalateAfter).toBe('');
  });

  it('copies what it edits, so the loaded document stays as it was', () => {
    const dto = buildSettingsDto();
    const draft = draftOf(dto);
    draft.roles[0]!.id = 'someone-else';
    draft.stages[1]!.approvers.people.push('third');
    expect(dto.roles[0]?.id).toBe('ada');
    expect(dto.approval.stages[1]?.approvers).toEqual({ kind: 'people', ids: ['mikko', 'eeva'] });
  });
});

describe('inputOf', () => {
  it('carries privacy mode as read, and as switched', () => {
    expect(draftOf(buildSettingsDto()).privacy.mode).toBe(false);
    const on = draftOf(
      buildSettingsDto({
        privacy: { enabled: true, confirmFeatured: false, deleteClosedAfterDays: null },
      }),
    );
    expect(on.privacy.mode).toBe(true);
    expect(inputOf(on).privacy).toEqual({
      enabled: true,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    expect(inputOf({ ...on, privacy: { ...on.privacy, mode: false } }).privacy?.enabled).toBe(
      false,
    );
    expect(settingsInputSchema.safeParse(inputOf(on)).success).toBe(true);
  });

  it('carries the featured confirmation and the retention period, and checks the days', () => {
    const read = draftOf(
      buildSettingsDto({
        privacy: { enabled: false, confirmFeatured: true, deleteClosedAfterDays: 90 },
      }),
    );
    expect(read.privacy).toEqual({
      mode: false,
      confirmFeatured: true,
      retentionOn: true,
      retentionDays: '90',
    });
    expect(inputOf(read).privacy).toEqual({
      enabled: false,
      confirmFeatured: true,
      deleteClosedAfterDays: 90,
    });
    expect(settingsInputSchema.safeParse(inputOf(read)).success).toBe(true);
    // Off: kept for ever; the days typed are not sent and not checked.
    const off = { ...read, privacy: { ...read.privacy, retentionOn: false, retentionDays: 'x' } };
    expect(inputOf(off).privacy?.deleteClosedAfterDays).toBeNull();
    expect(problemsOf(off).retention).toBeUndefined();
    for (const days of ['0', '3651', '1.5', '', 'abc']) {
      const bad = { ...read, privacy: { ...read.privacy, retentionDays: days } };
      expect(problemsOf(bad).retention).toBe('settings.errors.retentionRange');
    }
    // Never saved: off, with a year offered when switched on.
    expect(draftOf(buildSettingsDto()).privacy).toMatchObject({
      retentionOn: false,
      retentionDays: String(DEFAULT_RETENTION_DAYS),
    });
  });

  it('gives back the document it was made from, without the server’s own fields', () => {
    const { updatedAt: _at, updatedBy: _by, ...document } = buildSettingsDto();
    expect(inputOf(draftOf(buildSettingsDto()))).toEqual(document);
  });

  it('round-trips policies with one to five stages into bodies the API accepts', () => {
    const dto = buildSettingsDto();
    for (let count = 1; count <= LIMITS.stages.max; count++) {
      const stages = Array.from({ length: count }, (_, index) => ({
        approvers: { kind: 'people' as const, ids: [`person-${index}`] },
        mode: index % 2 === 0 ? ('any' as const) : ('all' as const),
      }));
      const input = inputOf(draftOf({ ...dto, approval: { ...dto.approval, stages } }));
      expect(input.approval.stages).toEqual(stages);
      expect(settingsInputSchema.safeParse(input).success).toBe(true);
    }
  });

  it('saves a week as seven days and keeps zero reminders before escalating', () => {
    const dto = buildSettingsDto();
    const input = inputOf(
      draftOf({
        ...dto,
        approval: { ...dto.approval, remindAfter: 'P1W', escalateAfterReminders: 0 },
      }),
    );
    expect(input.approval.remindAfter).toBe('P7D');
    expect(input.approval.escalateAfterReminders).toBe(0);
  });

  it('saves only the chosen kind of approver, keeping the others for switching back', () => {
    const draft = buildDraft();
    const people = draft.stages[1]!;
    const asManager = { ...people, approvers: { ...people.approvers, kind: 'manager' as const } };
    const switched = { ...draft, stages: [draft.stages[0]!, asManager] };
    expect(inputOf(switched).approval.stages[1]).toEqual({
      approvers: { kind: 'manager' },
      mode: 'all',
    });
    const back = { ...asManager, approvers: { ...asManager.approvers, kind: 'people' as const } };
    expect(inputOf({ ...switched, stages: [draft.stages[0]!, back] }).approval.stages[1]).toEqual({
      approvers: { kind: 'people', ids: ['mikko', 'eeva'] },
      mode: 'all',
    });
  });

  it('saves each kind of approver in the API’s shape, group ids trimmed', () => {
    const all = { people: ['p1'], groupId: '  g-1 ', role: 'admin' as const };
    const stages = APPROVER_KINDS.map((kind) => stage(`s-${kind}`, { ...all, kind }));
    expect(inputOf(buildDraft({ stages })).approval.stages.map((s) => s.approvers)).toEqual([
      { kind: 'manager' },
      { kind: 'people', ids: ['p1'] },
      { kind: 'group', groupId: 'g-1' },
      { kind: 'role', role: 'admin' },
    ]);
  });

  it('leaves out a timer that is off, and escalation without reminders', () => {
    const draft = buildDraft();
    const input = inputOf({
      ...draft,
      remind: { ...draft.remind, on: false },
      expire: { ...draft.expire, on: false },
    });
    expect(input.approval).not.toHaveProperty('remindAfter');
    expect(input.approval).not.toHaveProperty('escalateAfterReminders');
    expect(input.approval).not.toHaveProperty('expireAfter');
    expect(settingsInputSchema.safeParse(input).success).toBe(true);
  });

  it('leaves out escalation when its box is empty', () => {
    const input = inputOf(buildDraft({ escalateAfter: '  ' }));
    expect(input.approval.remindAfter).toBe('P2D');
    expect(input.approval).not.toHaveProperty('escalateAfterReminders');
  });

  it('saves the per-category stages as they were read', () => {
    const dto = buildSettingsDto();
    expect(inputOf(draftOf(dto)).approval.byCategory).toEqual(dto.approval.byCategory);
    const { byCategory: _omitted, ...withoutCategories } = dto.approval;
    expect(inputOf(draftOf({ ...dto, approval: withoutCategories })).approval).not.toHaveProperty(
      'byCategory',
    );
  });

  it('round-trips several categories’ own stages, each kind of approver, into a valid body', () => {
    const dto = buildSettingsDto();
    const byCategory = {
      care: { stages: dto.approval.stages },
      teamwork: {
        stages: [
          { approvers: { kind: 'people' as const, ids: ['anna', 'pekka'] }, mode: 'all' as const },
          { approvers: { kind: 'manager' as const }, mode: 'any' as const },
        ],
      },
    };
    const input = inputOf(draftOf({ ...dto, approval: { ...dto.approval, byCategory } }));
    expect(input.approval.byCategory).toEqual(byCategory);
    expect(settingsInputSchema.safeParse(input).success).toBe(true);
  });

  it('saves the edits made in a category’s own stages', () => {
    const draft = buildDraft();
    const [care] = draft.byCategory.care!;
    const edited = { ...care!, mode: 'all' as const };
    expect(
      inputOf({ ...draft, byCategory: { care: [edited, stage('new', { kind: 'role' })] } }).approval
        .byCategory,
    ).toEqual({
      care: {
        stages: [
          { approvers: { kind: 'people', ids: ['anna'] }, mode: 'all' },
          { approvers: { kind: 'role', role: 'approver' }, mode: 'any' },
        ],
      },
    });
  });

  it('leaves out byCategory once every category uses the tenant’s stages again', () => {
    const draft = buildDraft();
    const input = inputOf({ ...draft, byCategory: withoutCategoryStages(draft, 'care') });
    expect(input.approval).not.toHaveProperty('byCategory');
    expect(settingsInputSchema.safeParse(input).success).toBe(true);
  });

  it('saves role grants with their ids trimmed', () => {
    const roles = [{ role: 'editor' as const, kind: 'group' as const, id: ' editors ' }];
    expect(inputOf(buildDraft({ roles })).roles).toEqual([
      { role: 'editor', kind: 'group', id: 'editors' },
    ]);
    expect(roles[0]?.id).toBe(' editors ');
  });
});

describe('stages', () => {
  it('start a new stage with the author’s manager, the first answer deciding', () => {
    expect(newStage()).toEqual({
      key: expect.any(String) as string,
      approvers: approvers({ kind: 'manager' }),
      mode: 'any',
    });
  });

  it('move a stage up or down by one place', () => {
    const stages = [stage('a'), stage('b'), stage('c')];
    expect(keys(moveStage(stages, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(keys(moveStage(stages, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(keys(moveStage(stages, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(keys(stages)).toEqual(['a', 'b', 'c']);
  });

  it('stay as they are when a stage cannot move', () => {
    const stages = [stage('a'), stage('b')];
    expect(moveStage(stages, 'a', -1)).toBe(stages);
    expect(moveStage(stages, 'b', 1)).toBe(stages);
    expect(moveStage(stages, 'missing', 1)).toBe(stages);
    const one = [stage('only')];
    expect(moveStage(one, 'only', 1)).toBe(one);
  });
});

describe('categories’ own stages', () => {
  it('are held as stages with keys of their own, apart from the tenant’s', () => {
    const draft = draftOf(buildSettingsDto());
    expect(categoriesWithStages(draft)).toEqual(['care']);
    const care = draft.byCategory.care!;
    expect(care.map((s) => [s.approvers.kind, s.approvers.people, s.mode])).toEqual([
      ['people', ['anna'], 'any'],
    ]);
    const all = [...keys(draft.stages), ...keys(care)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('copy what they edit, so the loaded document stays as it was', () => {
    const dto = buildSettingsDto();
    draftOf(dto).byCategory.care![0]!.approvers.people.push('someone');
    expect(dto.approval.byCategory?.care?.stages[0]?.approvers).toEqual({
      kind: 'people',
      ids: ['anna'],
    });
  });

  it('start as a copy of the tenant’s stages as they are in the draft', () => {
    const draft = buildDraft();
    const byCategory = withCategoryStages(draft, 'teamwork');
    const teamwork = byCategory.teamwork!;
    expect(teamwork.map((s) => [s.approvers, s.mode])).toEqual(
      draft.stages.map((s) => [s.approvers, s.mode]),
    );
    expect(byCategory.care).toBe(draft.byCategory.care);
    const input = inputOf({ ...draft, byCategory });
    expect(input.approval.byCategory?.teamwork).toEqual({ stages: input.approval.stages });
    expect(input.approval.byCategory?.care).toEqual(buildSettingsDto().approval.byCategory?.care);

    // New keys, and people lists of their own: editing one list leaves the other.
    expect(keys(teamwork).some((key) => keys(draft.stages).includes(key))).toBe(false);
    teamwork[1]!.approvers.people.push('third');
    expect(draft.stages[1]?.approvers.people).toEqual(['mikko', 'eeva']);
  });

  it('keep a category’s stages when it already has its own', () => {
    const draft = buildDraft();
    expect(withCategoryStages(draft, 'care')).toBe(draft.byCategory);
  });

  it('are removed for one category, which then uses the tenant’s stages', () => {
    const draft = buildDraft({ byCategory: withCategoryStages(buildDraft(), 'teamwork') });
    const byCategory = withoutCategoryStages(draft, 'care');
    expect(Object.keys(byCategory)).toEqual(['teamwork']);
    expect(Object.keys(draft.byCategory).sort()).toEqual(['care', 'teamwork']);
    expect(inputOf({ ...draft, byCategory }).approval.byCategory).not.toHaveProperty('care');
  });

  it('can be added for the categories that have none, until every category has its own', () => {
    let draft = buildDraft();
    expect(categoriesWithoutStages(draft)).toEqual(CATEGORIES.filter((c) => c !== 'care'));
    for (const category of categoriesWithoutStages(draft)) {
      draft = { ...draft, byCategory: withCategoryStages(draft, category) };
    }
    expect(categoriesWithoutStages(draft)).toEqual([]);
    expect(categoriesWithStages(draft)).toEqual([...CATEGORIES]);
    expect(settingsInputSchema.safeParse(inputOf(draft)).success).toBe(true);
  });
});

describe('problemsOf', () => {
  it('finds nothing wrong with the saved document', () => {
    expect(problemsOf(buildDraft())).toEqual({});
  });

  it('asks for at least one person, and at most the API’s limit, in a stage', () => {
    const tooMany = Array.from({ length: LIMITS.stageApprovers.max + 1 }, (_, i) => `p${i}`);
    const stages = [
      stage('empty', { kind: 'people' }),
      stage('full', { kind: 'people', people: tooMany.slice(0, -1) }),
      stage('over', { kind: 'people', people: tooMany }),
    ];
    expect(problemsOf(buildDraft({ stages }))).toEqual({
      'stage:empty': 'settings.errors.peopleRequired',
      'stage:over': 'settings.errors.tooManyPeople',
    });
  });

  it('asks for a group id the API accepts', () => {
    const stages = [
      stage('blank', { kind: 'group', groupId: '  ' }),
      stage('spaces', { kind: 'group', groupId: 'comms team' }),
      stage('fine', { kind: 'group', groupId: ' comms-team ' }),
    ];
    expect(problemsOf(buildDraft({ stages }))).toEqual({
      'stage:blank': 'settings.errors.groupId',
      'stage:spaces': 'settings.errors.groupId',
    });
  });

  it('does not check entries of a kind that is not chosen', () => {
    const stages = [stage('a', { kind: 'manager', people: [], groupId: 'not an id' })];
    expect(problemsOf(buildDraft({ stages }))).toEqual({});
  });

  it('checks the fallback like a stage', () => {
    expect(problemsOf(buildDraft({ fallback: approvers({ kind: 'people' }) }))).toEqual({
      fallback: 'settings.errors.peopleRequired',
    });
  });

  it('checks a timer only while it is on', () => {
    const draft = buildDraft();
    const broken = {
      ...draft,
      remind: { on: true, amount: 'soon', unit: 'days' as const },
      expire: { on: true, amount: '400', unit: 'days' as const },
    };
    expect(problemsOf(broken)).toEqual({
      remindAfter: 'settings.errors.durationInvalid',
      expireAfter: 'settings.errors.durationRange',
    });
    expect(
      problemsOf({
        ...broken,
        remind: { ...broken.remind, on: false },
        expire: { ...broken.expire, on: false },
      }),
    ).toEqual({});
  });

  it('allows zero to ten reminders before escalating, or none', () => {
    for (const escalateAfter of ['', '0', '10', ' 3 ']) {
      expect(problemsOf(buildDraft({ escalateAfter })), escalateAfter).toEqual({});
    }
    for (const escalateAfter of ['11', '-1', '1.5', 'two', '100']) {
      expect(problemsOf(buildDraft({ escalateAfter })), escalateAfter).toEqual({
        escalateAfterReminders: 'settings.errors.escalateRange',
      });
    }
  });

  it('checks a category’s own stages like the tenant’s', () => {
    const byCategory = {
      care: [stage('care-ok'), stage('care-empty', { kind: 'people' })],
      teamwork: [stage('team-group', { kind: 'group', groupId: 'no spaces please' })],
    };
    expect(problemsOf(buildDraft({ byCategory }))).toEqual({
      'stage:care-empty': 'settings.errors.peopleRequired',
      'stage:team-group': 'settings.errors.groupId',
    });
  });

  it('asks for at least one stage, and at most the API’s limit, in a category’s own', () => {
    const tooMany = Array.from({ length: LIMITS.stages.max + 1 }, (_, i) => stage(`t${i}`));
    const byCategory = {
      care: [],
      teamwork: tooMany,
      craftsmanship: tooMany.slice(1).map((s) => ({ ...s, key: `c-${s.key}` })),
    };
    expect(problemsOf(buildDraft({ byCategory }))).toEqual({
      'category:care': 'settings.errors.categoryStagesRequired',
      'category:teamwork': 'settings.errors.tooManyStages',
    });
  });

  it('does not check escalation while reminders are off', () => {
    const draft = buildDraft({ escalateAfter: '99' });
    expect(problemsOf({ ...draft, remind: { ...draft.remind, on: false } })).toEqual({});
  });
});

describe('problemsFromServer', () => {
  const draft = buildDraft({ stages: [stage('first'), stage('second')] });

  it('places a stage’s problem beside that stage', () => {
    expect(
      problemsFromServer({ 'approval.stages.1.approvers.ids': 'Name each person once.' }, draft),
    ).toEqual({
      'stage:second': 'settings.errors.approverInvalid',
    });
  });

  it('places a problem in a category’s own stage beside that stage', () => {
    const withCategories = buildDraft({
      stages: [stage('first'), stage('second')],
      byCategory: { care: [stage('care-1'), stage('care-2')], teamwork: [stage('team-1')] },
    });
    expect(
      problemsFromServer(
        {
          'approval.byCategory.care.stages.1.approvers.ids': 'Name each person once.',
          'approval.byCategory.teamwork.stages.0.approvers.groupId': 'Not a person or group id.',
        },
        withCategories,
      ),
    ).toEqual({
      'stage:care-2': 'settings.errors.approverInvalid',
      'stage:team-1': 'settings.errors.approverInvalid',
    });
  });

  it('places a problem with a category’s list of stages beside that category', () => {
    const withCategories = buildDraft({ byCategory: { care: [] } });
    expect(
      problemsFromServer(
        { 'approval.byCategory.care.stages': 'At least one stage.' },
        withCategories,
      ),
    ).toEqual({ 'category:care': 'settings.errors.categoryStagesRequired' });
  });

  it('places problems of the fallback and the timers beside their inputs', () => {
    expect(
      problemsFromServer(
        {
          'approval.fallback.groupId': 'x',
          'approval.remindAfter': 'x',
          'approval.expireAfter': 'x',
          'approval.escalateAfterReminders': 'x',
        },
        draft,
      ),
    ).toEqual({
      fallback: 'settings.errors.approverInvalid',
      remindAfter: 'settings.errors.durationRange',
      expireAfter: 'settings.errors.durationRange',
      escalateAfterReminders: 'settings.errors.escalateRange',
    });
  });

  it('says the admin would lock themselves out over a bad grant, in either order', () => {
    expect(problemsFromServer({ roles: 'x', 'roles.0.id': 'x' }, draft)).toEqual({
      roles: 'settings.errors.selfLockout',
    });
    expect(problemsFromServer({ 'roles.0.id': 'x', roles: 'x' }, draft)).toEqual({
      roles: 'settings.errors.selfLockout',
    });
    expect(problemsFromServer({ 'roles.3.id': 'x' }, draft)).toEqual({
      roles: 'settings.errors.grantInvalid',
    });
  });

  it('ignores what it has no place for', () => {
    expect(
      problemsFromServer(
        {
          'approval.stages.5.mode': 'x',
          'approval.stages.first.mode': 'x',
          'approval.byCategory.care.stages': 'x',
          'approval.byCategory.care.stages.3.mode': 'x',
          'approval.byCategory.teamwork.stages.0.mode': 'x',
          'approval.byCategory.unknown.stages.0.mode': 'x',
          'approval.byCategory': 'x',
          version: 'x',
          approval: 'x',
        },
        draft,
      ),
    ).toEqual({});
  });
});

describe('role grants', () => {
  it('are the same grant for the same role to the same person or group', () => {
    const grant = { role: 'editor', kind: 'person', id: 'emma' } as const;
    expect(sameGrant(grant, { ...grant })).toBe(true);
    expect(sameGrant(grant, { ...grant, id: ' emma ' })).toBe(true);
    expect(sameGrant(grant, { ...grant, role: 'admin' })).toBe(false);
    expect(sameGrant(grant, { ...grant, kind: 'group' })).toBe(false);
    expect(sameGrant(grant, { ...grant, id: 'emmi' })).toBe(false);
  });

  it('take person and group ids as the API does', () => {
    for (const id of ['emma', 'a1b2-c3', 'group@contoso.com', 'x_y.z', ' padded ']) {
      expect(isDirectoryId(id), id).toBe(true);
    }
    for (const id of ['', ' ', '-leading', '.dot', 'has space', 'ä', 'x'.repeat(129)]) {
      expect(isDirectoryId(id), id).toBe(false);
    }
    expect(isDirectoryId('x'.repeat(128))).toBe(true);
  });
});

describe('the story of the month rule', () => {
  it('is off by default and offers 12 months when switched on', () => {
    const draft = draftOf(buildSettingsDto());
    expect(draft.awards).toEqual({ noRepeatOn: false, months: '12' });
    expect(inputOf(draft).awards).toEqual({ noRepeatWithinMonths: null });
  });

  it('saves the months typed, and refuses a number outside 1–24', () => {
    const draft = draftOf(buildSettingsDto({ awards: { noRepeatWithinMonths: 6 } }));
    expect(draft.awards).toEqual({ noRepeatOn: true, months: '6' });
    expect(inputOf(draft).awards).toEqual({ noRepeatWithinMonths: 6 });
    for (const months of ['0', '25', 'x', '']) {
      expect(problemsOf({ ...draft, awards: { noRepeatOn: true, months } }).repeatWinners).toBe(
        'settings.errors.repeatWinnersRange',
      );
    }
    expect(problemsOf({ ...draft, awards: { noRepeatOn: false, months: 'x' } })).toEqual({});
    expect(problemsFromServer({ 'awards.noRepeatWithinMonths': 'bad' }, draft)).toEqual({
      repeatWinners: 'settings.errors.repeatWinnersRange',
    });
  });
});

describe('teamAddProblem', () => {
  it('adds a trimmed name once whatever its case, within the limits', () => {
    expect(teamAddProblem(['Sales'], ' Logistics ')).toBeUndefined();
    expect(teamAddProblem(['Sales'], '   ')).toBe('settings.teams.empty');
    expect(teamAddProblem(['Sales'], ' sALES')).toBe('settings.teams.duplicate');
    expect(teamAddProblem([], 'x'.repeat(61))).toBe('settings.teams.tooLong');
    const full = Array.from({ length: 200 }, (_, i) => `Team ${i}`);
    expect(teamAddProblem(full, 'One more')).toBe('settings.teams.tooMany');
  });

  it('sends the list with the document and places the API’s refusal beside it', () => {
    const draft = draftOf(buildSettingsDto());
    expect(inputOf(draft).teams).toEqual(['Sales', 'Venue services']);
    expect(problemsFromServer({ 'teams.1': 'twice' }, draft)).toEqual({
      teams: 'settings.teams.invalid',
    });
  });
});

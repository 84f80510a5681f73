import { describe, expect, it } from 'vitest';
import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import {
  DEFAULT_SETTINGS,
  DomainError,
  MAX_STAGE_APPROVERS,
  escalateSlots,
  routeStage,
  type ApprovalPlan,
  type ApproverSpec,
  type Directory,
  type PolicyStage,
  type RoleGrant,
  type RoutingDeps,
  type RoutingNote,
  type StageMode,
  type User,
} from '../../../src/domain/index.js';
import { fakeDelegations, fakeSettings, fakeUsers } from '../../support/fakes.js';
import { buildUser } from '../../support/factories.js';
import { errorOf } from '../../support/domainFixtures.js';

const TENANT = 'tenant-routing';
const NOW = new Date('2026-11-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const person = (id: string, displayName: string, managerId?: string): User =>
  buildUser({ tenantId: TENANT, id, displayName, ...(managerId ? { managerId } : {}) });

/** A small organisation: the author reports to Bo, who reports to Cy. */
const people: readonly User[] = [
  person('author', 'Ada Author', 'boss'),
  person('boss', 'Bo Boss', 'chief'),
  person('chief', 'Cy Chief'),
  person('ann', 'Ann Aalto', 'boss'),
  person('ben', 'Ben Berg', 'boss'),
  person('intern', 'Ida Intern', 'author'),
  person('solo', 'Sam Solo'),
  person('rita', 'Rita Reviewer'),
  person('alex', 'Alex Admin'),
];
const groups = { team: ['ann', 'ben', 'author'], 'only-author': ['author'] };
/** Rita approves by a grant to her; the team edits by a grant to its group; Alex is configured. */
const grants: readonly RoleGrant[] = [
  { role: 'approver', kind: 'person', id: 'rita' },
  { role: 'editor', kind: 'group', id: 'team' },
];

interface WorldOptions {
  readonly users?: readonly User[];
  readonly roles?: readonly RoleGrant[];
  readonly configAdmins?: readonly string[];
  readonly groups?: Readonly<Record<string, readonly string[]>>;
}

/** Routing's dependencies on fakes; `directory.down` makes every directory call unavailable. */
function world(options: WorldOptions = {}) {
  const users = fakeUsers(options.users ?? people);
  const demo = createDemoDirectory({ users, groups: options.groups ?? groups });
  const state = { down: false };
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      state.down ? Promise.reject(new DomainError('unavailable', 'Graph is down')) : call(...args);
  const directory: Directory = {
    person: guard(demo.person),
    manager: guard(demo.manager),
    search: guard(demo.search),
    groupMembers: guard(demo.groupMembers),
  };
  const delegations = fakeDelegations();
  const deps: RoutingDeps = {
    users,
    directory,
    delegations,
    settings: fakeSettings({
      [TENANT]: { ...DEFAULT_SETTINGS, version: 1, roles: options.roles ?? grants },
    }),
    configAdmins: options.configAdmins ?? ['alex'],
  };
  /** `userId` is away today and `delegateId` stands in. */
  const away = (userId: string, delegateId: string, from = NOW, until = new Date(+NOW + DAY)) =>
    delegations.put({ tenantId: TENANT, userId, delegateId, from, until, setBy: userId });
  return { deps, directory: state, away };
}

const stage = (approvers: ApproverSpec, mode: StageMode = 'any'): PolicyStage => ({
  approvers,
  mode,
});
const planOf = (...stages: PolicyStage[]): ApprovalPlan => ({
  stages,
  fallback: { kind: 'role', role: 'approver' },
});
const by = (authorId: string) => ({ tenantId: TENANT, authorId });
const route = (deps: RoutingDeps, plan: ApprovalPlan, authorId = 'author', index = 0) =>
  routeStage(deps, by(authorId), plan, index, NOW);
const ids = (routed: { run: { slots: readonly { userId: string }[] } }) =>
  routed.run.slots.map((s) => s.userId);

describe('routeStage', () => {
  describe('each kind of approver', () => {
    it('manager: the author’s manager, first to respond, and the history says whom', async () => {
      const { deps } = world();
      expect(await route(deps, planOf(stage({ kind: 'manager' })))).toEqual({
        run: {
          index: 0,
          mode: 'any',
          slots: [{ userId: 'boss', displayName: 'Bo Boss' }],
          startedAt: NOW,
        },
        notes: [
          {
            action: 'routed',
            detail: { stage: 1, stages: 1, mode: 'any', approvers: ['Bo Boss'] },
          },
        ],
      });
    });

    it('people: the named people in order, each once; an unknown id is left out', async () => {
      const { deps } = world();
      const routed = await route(
        deps,
        planOf(stage({ kind: 'people', ids: ['ben', 'ann', 'ghost', 'ben'] }, 'all')),
      );
      expect(routed.run.slots).toEqual([
        { userId: 'ben', displayName: 'Ben Berg' },
        { userId: 'ann', displayName: 'Ann Aalto' },
      ]);
      expect(routed.run.mode).toBe('all');
      expect(routed.run.fallback).toBeUndefined();
    });

    it('group: its members from the directory', async () => {
      const { deps } = world();
      const routed = await route(deps, planOf(stage({ kind: 'group', groupId: 'team' })), 'solo');
      expect(ids(routed)).toEqual(['ann', 'ben', 'author']);
    });

    it('role: everyone holding it, by a grant to them or to their group', async () => {
      const { deps } = world({
        roles: [...grants, { role: 'approver', kind: 'person', id: 'chief' }],
      });
      const approvers = await route(deps, planOf(stage({ kind: 'role', role: 'approver' })));
      expect(ids(approvers)).toEqual(['rita', 'chief']);
      const editors = await route(deps, planOf(stage({ kind: 'role', role: 'editor' })), 'solo');
      expect(ids(editors)).toEqual(['ann', 'ben', 'author']);
    });

    it('a later stage says which of how many it is', async () => {
      const { deps } = world();
      const plan = planOf(stage({ kind: 'manager' }), stage({ kind: 'role', role: 'approver' }));
      const routed = await route(deps, plan, 'author', 1);
      expect(routed.run).toMatchObject({ index: 1, slots: [{ userId: 'rita' }] });
      expect(routed.notes[0]?.detail).toMatchObject({ stage: 2, stages: 2 });
    });

    it('refuses a stage the plan does not have', async () => {
      const { deps } = world();
      const error = await errorOf(route(deps, planOf(stage({ kind: 'manager' })), 'author', 1));
      expect(error).toMatchObject({ code: 'validation' });
    });
  });

  describe('the author never approves their own story', () => {
    it('is left out of a group they belong to', async () => {
      const { deps } = world();
      const routed = await route(deps, planOf(stage({ kind: 'group', groupId: 'team' }, 'all')));
      expect(ids(routed)).toEqual(['ann', 'ben']);
      expect(routed.notes[0]?.detail).toMatchObject({ approvers: ['Ann Aalto', 'Ben Berg'] });
    });

    it('a stage that names only the author goes to the fallback (no_one_eligible)', async () => {
      const { deps } = world();
      for (const spec of [
        { kind: 'people', ids: ['author'] },
        { kind: 'group', groupId: 'only-author' },
      ] as const) {
        const routed = await route(deps, planOf(stage(spec, 'all')));
        expect(routed.run).toMatchObject({ mode: 'any', fallback: 'no_one_eligible' });
        expect(ids(routed)).toEqual(['rita']);
      }
    });

    it('nor through the fallback or the admins: with nobody else it is no_approver', async () => {
      // Rita writes; she alone holds the fallback role and is also the configured admin.
      const { deps } = world({ configAdmins: ['rita'] });
      const error = await errorOf(route(deps, planOf(stage({ kind: 'manager' })), 'rita'));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'no_approver' });
    });
  });

  describe('delegation', () => {
    it('a delegate stands in for an away approver, and the history says from whom to whom', async () => {
      const { deps, away } = world();
      await away('boss', 'ann');
      const routed = await route(deps, planOf(stage({ kind: 'manager' })));
      expect(routed.run.slots).toEqual([
        { userId: 'ann', displayName: 'Ann Aalto', onBehalfOf: 'boss' },
      ]);
      expect(routed.notes).toEqual([
        {
          action: 'routed',
          detail: { stage: 1, stages: 1, mode: 'any', approvers: ['Ann Aalto'] },
        },
        { action: 'delegated', detail: { from: 'Bo Boss', to: 'Ann Aalto' } },
      ]);
    });

    it.each([
      ['has ended', new Date(+NOW - 2 * DAY), NOW],
      ['has not started', new Date(+NOW + 1), new Date(+NOW + DAY)],
    ])('a delegation that %s is not used', async (_, from, until) => {
      const { deps, away } = world();
      await away('boss', 'ann', from, until);
      const routed = await route(deps, planOf(stage({ kind: 'manager' })));
      expect(ids(routed)).toEqual(['boss']);
      expect(routed.notes.map((n) => n.action)).toEqual(['routed']);
    });

    it('follows a chain of delegations, standing in for the first person', async () => {
      const { deps, away } = world();
      await away('boss', 'ann');
      await away('ann', 'ben');
      const routed = await route(deps, planOf(stage({ kind: 'manager' })));
      expect(routed.run.slots).toEqual([
        { userId: 'ben', displayName: 'Ben Berg', onBehalfOf: 'boss' },
      ]);
      expect(routed.notes.slice(1).map((n) => n.detail)).toEqual([
        { from: 'Bo Boss', to: 'Ann Aalto' },
        { from: 'Ann Aalto', to: 'Ben Berg' },
      ]);
    });

    it('stops at a cycle and never delegates to the author', async () => {
      const { deps, away } = world();
      await away('boss', 'ann');
      await away('ann', 'boss');
      expect(ids(await route(deps, planOf(stage({ kind: 'manager' }))))).toEqual(['ann']);

      const toAuthor = world();
      await toAuthor.away('boss', 'author');
      const routed = await route(toAuthor.deps, planOf(stage({ kind: 'manager' })));
      expect(ids(routed)).toEqual(['boss']);
      expect(routed.notes.map((n) => n.action)).toEqual(['routed']);
    });

    it('two approvers delegating to the same person make one slot', async () => {
      const { deps, away } = world();
      await away('ben', 'ann');
      const routed = await route(
        deps,
        planOf(stage({ kind: 'people', ids: ['ben', 'ann'] }, 'all')),
      );
      expect(routed.run.slots).toEqual([
        { userId: 'ann', displayName: 'Ann Aalto', onBehalfOf: 'ben' },
      ]);
    });
  });

  describe('fallback', () => {
    it('an author without a manager goes to the fallback role, first to respond', async () => {
      const { deps } = world();
      const routed = await route(deps, planOf(stage({ kind: 'manager' }, 'all')), 'solo');
      expect(routed.run).toEqual({
        index: 0,
        mode: 'any',
        slots: [{ userId: 'rita', displayName: 'Rita Reviewer' }],
        startedAt: NOW,
        fallback: 'no_manager',
      });
      expect(routed.notes).toEqual([
        {
          action: 'routed',
          detail: {
            stage: 1,
            stages: 1,
            mode: 'any',
            approvers: ['Rita Reviewer'],
            fallback: 'no_manager',
          },
        },
      ]);
    });

    it('a directory that cannot answer is a reason to fall back, not an error', async () => {
      const { deps, directory } = world();
      directory.down = true;
      const routed = await route(deps, planOf(stage({ kind: 'manager' })));
      expect(routed.run).toMatchObject({ fallback: 'directory_unavailable' });
      expect(ids(routed)).toEqual(['rita']);
      const group = await route(deps, planOf(stage({ kind: 'group', groupId: 'team' })));
      expect(group.run).toMatchObject({ fallback: 'directory_unavailable' });
    });

    it('an unknown group falls back (no_group)', async () => {
      const { deps } = world();
      const routed = await route(deps, planOf(stage({ kind: 'group', groupId: 'gone' })));
      expect(routed.run).toMatchObject({ fallback: 'no_group', slots: [{ userId: 'rita' }] });
    });

    it('the fallback approvers’ delegates stand in for them too', async () => {
      const { deps, away } = world();
      await away('rita', 'chief');
      const routed = await route(deps, planOf(stage({ kind: 'manager' })), 'solo');
      expect(routed.run.slots).toEqual([
        { userId: 'chief', displayName: 'Cy Chief', onBehalfOf: 'rita' },
      ]);
      expect(routed.notes.map((n) => n.action)).toEqual(['routed', 'delegated']);
    });

    it('when the fallback names nobody, the configured admins decide', async () => {
      const { deps } = world({ roles: [] });
      const routed = await route(deps, planOf(stage({ kind: 'manager' })), 'solo');
      expect(routed.run).toMatchObject({
        mode: 'any',
        fallback: 'no_manager',
        slots: [{ userId: 'alex', displayName: 'Alex Admin' }],
      });
    });

    it('and the admins granted in Settings with them', async () => {
      const { deps } = world({ roles: [{ role: 'admin', kind: 'person', id: 'chief' }] });
      const routed = await route(deps, planOf(stage({ kind: 'manager' })), 'solo');
      expect(ids(routed)).toEqual(['alex', 'chief']);
    });

    it('with the directory down, a fallback role granted to a group gives way to the configured admins', async () => {
      const { deps, directory } = world({
        roles: [
          { role: 'approver', kind: 'group', id: 'team' },
          { role: 'admin', kind: 'group', id: 'team' },
        ],
      });
      directory.down = true;
      const routed = await route(deps, planOf(stage({ kind: 'manager' })));
      expect(routed.run).toMatchObject({ fallback: 'directory_unavailable' });
      expect(ids(routed)).toEqual(['alex']);
    });

    it('with nobody at all to decide, the story is refused (no_approver)', async () => {
      const { deps } = world({ roles: [], configAdmins: [] });
      const error = await errorOf(route(deps, planOf(stage({ kind: 'manager' })), 'solo'));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'no_approver' });
    });

    it('with nobody found only because the directory is down, it is unavailable, not no_approver', async () => {
      const { deps, directory } = world({ roles: [], configAdmins: [] });
      directory.down = true;
      const error = await errorOf(route(deps, planOf(stage({ kind: 'manager' }))));
      expect(error).toMatchObject({ code: 'unavailable' });
    });
  });

  describe('at most MAX_STAGE_APPROVERS', () => {
    const crowd = Array.from({ length: MAX_STAGE_APPROVERS + 5 }, (_, i) =>
      person(`p${String(i).padStart(2, '0')}`, `Person ${i}`),
    );
    const everyone = [...people, ...crowd];

    it('asks the first of the named people, not all of them', async () => {
      const { deps } = world({ users: everyone });
      const routed = await route(
        deps,
        planOf(stage({ kind: 'people', ids: crowd.map((p) => p.id) }, 'all')),
      );
      expect(ids(routed)).toEqual(crowd.slice(0, MAX_STAGE_APPROVERS).map((p) => p.id));
    });

    it('and of a large group, leaving the author out first', async () => {
      const members = ['author', ...crowd.map((p) => p.id)];
      const { deps } = world({ users: everyone, groups: { crowd: members } });
      const routed = await route(deps, planOf(stage({ kind: 'group', groupId: 'crowd' })));
      expect(ids(routed)).toHaveLength(MAX_STAGE_APPROVERS);
      expect(ids(routed)).not.toContain('author');
    });
  });
});

describe('escalateSlots', () => {
  const plan = planOf(stage({ kind: 'people', ids: ['ann', 'ben'] }, 'all'));
  const slot = (userId: string) => ({
    userId,
    displayName: people.find((p) => p.id === userId)?.displayName ?? userId,
  });
  const escalate = (deps: RoutingDeps, userIds: readonly string[], notes: RoutingNote[] = []) =>
    escalateSlots(deps, by('author'), plan, userIds.map(slot), NOW, notes);

  it('each waiting approver’s manager takes over, once, standing in for them', async () => {
    const { deps } = world();
    expect(await escalate(deps, ['ann', 'ben'])).toEqual([
      { userId: 'boss', displayName: 'Bo Boss', onBehalfOf: 'ann' },
    ]);
    expect(await escalate(deps, ['boss'])).toEqual([
      { userId: 'chief', displayName: 'Cy Chief', onBehalfOf: 'boss' },
    ]);
  });

  it('someone without a manager is passed to the plan’s fallback', async () => {
    const { deps } = world();
    expect(await escalate(deps, ['chief'])).toEqual([
      { userId: 'rita', displayName: 'Rita Reviewer', onBehalfOf: 'chief' },
    ]);
  });

  it('the directory being down is passed to the fallback too', async () => {
    const { deps, directory } = world();
    directory.down = true;
    expect(await escalate(deps, ['ann'])).toEqual([
      { userId: 'rita', displayName: 'Rita Reviewer', onBehalfOf: 'ann' },
    ]);
  });

  it('an away manager’s delegate takes over, and the history says so', async () => {
    const { deps, away } = world();
    await away('boss', 'chief');
    const notes: RoutingNote[] = [];
    expect(await escalate(deps, ['ann'], notes)).toEqual([
      { userId: 'chief', displayName: 'Cy Chief', onBehalfOf: 'ann' },
    ]);
    expect(notes).toEqual([{ action: 'delegated', detail: { from: 'Bo Boss', to: 'Cy Chief' } }]);
  });

  it('never escalates to the author, even when the author is the approver’s manager', async () => {
    const { deps } = world();
    expect(await escalate(deps, ['intern'])).toEqual([
      { userId: 'rita', displayName: 'Rita Reviewer', onBehalfOf: 'intern' },
    ]);
  });

  it('goes past the person, never back to them through the fallback', async () => {
    // Rita has no manager and is the fallback role's only holder: the admins take over.
    const { deps } = world();
    expect(await escalate(deps, ['rita'])).toEqual([
      { userId: 'alex', displayName: 'Alex Admin', onBehalfOf: 'rita' },
    ]);
  });

  it('with nobody above them, they stay asked', async () => {
    const { deps } = world({ roles: [], configAdmins: ['chief'] });
    expect(await escalate(deps, ['chief', 'ann'])).toEqual([
      { userId: 'chief', displayName: 'Cy Chief' },
      { userId: 'boss', displayName: 'Bo Boss', onBehalfOf: 'ann' },
    ]);
  });
});

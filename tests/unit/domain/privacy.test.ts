import { describe, expect, it } from 'vitest';
import {
  canSeeVoteCounts,
  DEFAULT_SETTINGS,
  privacyMode,
  ranksByVotes,
  seesVoteCounts,
  voteCountsPublic,
  voteCountsPublicIn,
  type Role,
  type TenantSettings,
} from '../../../src/domain/index.js';
import { saveSettings } from '../../../src/domain/useCases/settings.js';
import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import { buildActor, buildUser } from '../../support/factories.js';
import { fakeDue, fakeSettings, fakeUsers, fixedClock } from '../../support/fakes.js';

/** Privacy mode's rules (works councils): who sees vote counts, and whether votes rank. */

const on: TenantSettings = { ...DEFAULT_SETTINGS, version: 2, privacy: { enabled: true } };
const off: TenantSettings = { ...DEFAULT_SETTINGS, version: 2, privacy: { enabled: false } };
/** A document saved before privacy mode existed. */
const { privacy: _privacy, ...before } = DEFAULT_SETTINGS;
const old: TenantSettings = before;

const withRoles = (...roles: Role[]) => ({ roles });

describe('privacy mode', () => {
  it('is off by default and in a document saved before it existed', () => {
    expect(privacyMode(DEFAULT_SETTINGS)).toBe(false);
    expect(privacyMode(old)).toBe(false);
    expect(privacyMode(off)).toBe(false);
    expect(privacyMode(on)).toBe(true);
  });

  it('off: everyone sees vote counts, the channel card too, and votes rank', () => {
    for (const settings of [off, old]) {
      expect(canSeeVoteCounts(withRoles('employee'), settings)).toBe(true);
      expect(canSeeVoteCounts(withRoles('employee', 'approver'), settings)).toBe(true);
      expect(voteCountsPublic(settings)).toBe(true);
      expect(ranksByVotes(settings)).toBe(true);
    }
  });

  it('on: only editors and admins see vote counts; nothing public, nothing ranked', () => {
    expect(canSeeVoteCounts(withRoles('employee'), on)).toBe(false);
    expect(canSeeVoteCounts(withRoles('employee', 'approver'), on)).toBe(false);
    expect(canSeeVoteCounts(withRoles('employee', 'editor'), on)).toBe(true);
    expect(canSeeVoteCounts(withRoles('employee', 'admin'), on)).toBe(true);
    expect(voteCountsPublic(on)).toBe(false);
    expect(ranksByVotes(on)).toBe(false);
  });

  it('reads the tenant’s saved settings, and the defaults (off) before any save', async () => {
    const employee = buildActor(buildUser({ tenantId: 't-on', roles: ['employee'] }));
    const editor = buildActor(buildUser({ tenantId: 't-on', id: 'ed', roles: ['editor'] }));
    const elsewhere = buildActor(buildUser({ tenantId: 't-none', roles: ['employee'] }));
    const deps = { settings: fakeSettings({ 't-on': on }) };
    expect(await seesVoteCounts(deps, employee)).toBe(false);
    expect(await seesVoteCounts(deps, editor)).toBe(true);
    expect(await seesVoteCounts(deps, elsewhere)).toBe(true);
    expect(await voteCountsPublicIn(deps, 't-on')).toBe(false);
    expect(await voteCountsPublicIn(deps, 't-none')).toBe(true);
  });
});

describe('saving privacy mode', () => {
  const admin = buildUser({ id: 'admin-1', roles: ['admin'] });
  const actor = buildActor(admin);

  function setUp(saved: TenantSettings) {
    const settings = fakeSettings({ [admin.tenantId]: saved });
    const users = fakeUsers([admin]);
    const deps = {
      settings,
      users,
      directory: createDemoDirectory({ users, groups: {} }),
      configAdmins: [],
      clock: fixedClock(),
      due: fakeDue(),
    };
    const current = async () => (await settings.getTenantSettings(admin.tenantId))!.value;
    return { deps, current };
  }

  it('turns it on and off as the next version', async () => {
    const { deps, current } = setUp({ ...old, version: 4 });
    const input = { approval: DEFAULT_SETTINGS.approval, roles: [] };
    const first = await saveSettings(deps, actor, {
      ...input,
      version: 4,
      privacy: { enabled: true },
    });
    expect(first).toMatchObject({ version: 5, privacy: { enabled: true } });
    expect(privacyMode(await current())).toBe(true);
    await saveSettings(deps, actor, { ...input, version: 5, privacy: { enabled: false } });
    expect(await current()).toMatchObject({ version: 6, privacy: { enabled: false } });
  });

  it('keeps it as saved when the input leaves it out', async () => {
    const { deps, current } = setUp({ ...on, version: 7 });
    await saveSettings(deps, actor, {
      version: 7,
      approval: DEFAULT_SETTINGS.approval,
      roles: [],
    });
    expect(await current()).toMatchObject({ version: 8, privacy: { enabled: true } });
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { createDemoDirectory } from '../../../src/directory/demoDirectory.js';
import {
  createDigestService,
  DEFAULT_DIGESTS,
  DEFAULT_SETTINGS,
  DIGEST_JOBS,
  DomainError,
  monthlySummariesOf,
  weeklyDigestOf,
  type DigestDeps,
  type DigestSettings,
  type Directory,
  type DirectoryPerson,
  type Story,
  type TenantSettings,
} from '../../../src/domain/index.js';
import { saveSettings } from '../../../src/domain/useCases/settings.js';
import { fakeJobHistory, recordingDelivery } from '../../support/digestFakes.js';
import { demoActor } from '../../support/domainFixtures.js';
import { buildStory, recordingLogger } from '../../support/factories.js';
import {
  buildStoryDeps,
  fakeDue,
  fakeSettings,
  fakeUsers,
  fakeWall,
  fixedClock,
} from '../../support/fakes.js';

const { employee, driver, editor, manager, admin } = DEMO_USER_IDS;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Monday 9 November 2026, 09:00 in Helsinki: the default weekly digest's occurrence. */
const MONDAY = new Date('2026-11-09T07:00:00Z');
/** Tuesday 1 December 2026, 09:00 in Helsinki: the default monthly summary's occurrence. */
const FIRST = new Date('2026-12-01T07:00:00Z');

function published(id: string, overrides: Partial<Story> = {}): Story {
  return buildStory({
    id,
    title: `Story ${id}`,
    status: 'published',
    publishedAt: new Date(MONDAY.getTime() - DAY),
    voteCount: 0,
    ...overrides,
  });
}

const period = { from: new Date(MONDAY.getTime() - 7 * DAY), to: MONDAY, timeZone: 'UTC' };

describe('the weekly digest', () => {
  it('lists the week’s five most-voted stories, a tie by earlier publication', () => {
    const stories = [
      published('a', { voteCount: 1, publishedAt: new Date(MONDAY.getTime() - 2 * DAY) }),
      published('b', { voteCount: 4 }),
      published('c', { voteCount: 1, publishedAt: new Date(MONDAY.getTime() - 3 * DAY) }),
      published('d', { voteCount: 0 }),
      published('e', { voteCount: 9 }),
      published('f', { voteCount: 2 }),
      // Before the week, after it, and no longer on the wall: not in it.
      published('old', { voteCount: 50, publishedAt: new Date(MONDAY.getTime() - 8 * DAY) }),
      published('late', { voteCount: 50, publishedAt: MONDAY }),
      published('hid', { voteCount: 50, status: 'hidden' }),
    ];
    const digest = weeklyDigestOf(stories, period, true);
    expect(digest.stories.map((s) => s.id)).toEqual(['e', 'b', 'f', 'c', 'a']);
    expect(digest.published).toBe(6);
    expect(digest.byVotes).toBe(true);
  });

  it('in privacy mode lists the newest instead, and says it is not by votes', () => {
    const stories = [
      published('a', { voteCount: 9, publishedAt: new Date(MONDAY.getTime() - 5 * DAY) }),
      published('b', { voteCount: 0, publishedAt: new Date(MONDAY.getTime() - 1 * DAY) }),
      published('c', { voteCount: 3, publishedAt: new Date(MONDAY.getTime() - 3 * DAY) }),
    ];
    const digest = weeklyDigestOf(stories, period, false);
    expect(digest.stories.map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(digest.byVotes).toBe(false);
  });
});

describe('the monthly summaries', () => {
  const mikko = { id: manager, displayName: 'Mikko Manager' };
  const aaron = { id: admin, displayName: 'Aaron Admin' };

  it('give each manager their direct reports’ stories, and nobody an empty one', () => {
    const stories = [
      published('a', { authorId: employee, voteCount: 1 }),
      published('b', { authorId: driver, voteCount: 3 }),
      published('c', { authorId: editor }),
      published('d', { authorId: manager }),
      published('old', { authorId: employee, publishedAt: new Date(0) }),
    ];
    const managers = new Map<string, DirectoryPerson | null>([
      [employee, mikko],
      [driver, mikko],
      [editor, aaron],
      [manager, null],
    ]);
    const summaries = monthlySummariesOf(stories, period, managers, true);
    expect(summaries.map((s) => [s.lead.id, s.stories.map((story) => story.id)])).toEqual([
      [admin, ['c']],
      [manager, ['b', 'a']],
    ]);
    expect(summaries[1]?.published).toBe(2);
  });
});

interface Setup {
  digests?: Partial<DigestSettings>;
  privacy?: boolean;
  stories?: Story[];
  channel?: boolean;
  directory?: Directory;
  delivery?: ReturnType<typeof recordingDelivery>;
}

function setup(options: Setup = {}) {
  const digests: DigestSettings = {
    ...DEFAULT_DIGESTS,
    weekly: { ...DEFAULT_DIGESTS.weekly, enabled: true },
    monthly: { ...DEFAULT_DIGESTS.monthly, enabled: true },
    ...options.digests,
  };
  const document: TenantSettings = {
    ...DEFAULT_SETTINGS,
    version: 1,
    privacy: { enabled: options.privacy === true },
    digests,
  };
  const settings = fakeSettings({ [DEMO_TENANT_ID]: document });
  if (options.channel !== false) {
    settings.channels.set(DEMO_TENANT_ID, {
      reference: '{"conversation":{"id":"19:channel"}}',
      locale: 'fi',
      setBy: admin,
      setAt: new Date(0),
    });
  }
  const wall = fakeWall();
  for (const story of options.stories ?? []) void wall.upsert(story);
  const users = fakeUsers(demoUsers());
  const clock = fixedClock(new Date(MONDAY.getTime() + 20_000));
  const delivery = options.delivery ?? recordingDelivery();
  const deps: DigestDeps = {
    settings,
    wall,
    directory: options.directory ?? createDemoDirectory({ users, groups: {} }),
    due: fakeDue(),
    history: fakeJobHistory(),
    delivery,
    clock,
    logger: recordingLogger(),
  };
  return {
    deps,
    delivery,
    clock,
    due: deps.due as ReturnType<typeof fakeDue>,
    history: deps.history as ReturnType<typeof fakeJobHistory>,
    service: createDigestService(deps),
  };
}

const weekly = { ref: { tenantId: DEMO_TENANT_ID, storyId: DIGEST_JOBS.weekly } };

describe('a weekly digest run', () => {
  it('posts the digest to the channel once, books the next run and records the run', async () => {
    const stories = [published('a', { voteCount: 2 }), published('b', { voteCount: 5 })];
    const { service, delivery, due, history } = setup({ stories });

    const run = await service.run(DEMO_TENANT_ID, 'weekly', MONDAY);
    expect(delivery.channel).toHaveLength(1);
    expect(delivery.channel[0]?.channel.locale).toBe('fi');
    expect(delivery.channel[0]?.digest.stories.map((s) => s.id)).toEqual(['b', 'a']);
    expect(delivery.channel[0]?.digest.period).toEqual({
      from: new Date(MONDAY.getTime() - 7 * DAY),
      to: MONDAY,
      timeZone: 'Europe/Helsinki',
    });
    expect(run).toMatchObject({
      job: 'digest.weekly',
      scheduledFor: MONDAY,
      outcome: 'sent',
      stories: 2,
      recipients: 1,
      delivered: 1,
      titles: ['Story b', 'Story a'],
    });
    expect(due.entries()).toEqual([
      expect.objectContaining({ ref: weekly.ref, at: new Date(MONDAY.getTime() + 7 * DAY) }),
    ]);

    // The same occurrence again (another instance, a retry): nothing more is sent.
    expect(await service.run(DEMO_TENANT_ID, 'weekly', MONDAY)).toBeNull();
    expect(delivery.channel).toHaveLength(1);
    expect(history.runs()).toHaveLength(1);
  });

  it('without a channel records what it would have sent, and sends nothing', async () => {
    const { service, delivery } = setup({ stories: [published('a')], channel: false });
    const run = await service.run(DEMO_TENANT_ID, 'weekly', MONDAY);
    expect(run).toMatchObject({ outcome: 'no_channel', recipients: 0, titles: ['Story a'] });
    expect(delivery.channel).toEqual([]);
  });

  it('sends nothing when no story was published in the week, and says so', async () => {
    const old = published('old', { publishedAt: new Date(MONDAY.getTime() - 10 * DAY) });
    const { service, delivery, due } = setup({ stories: [old] });
    const run = await service.run(DEMO_TENANT_ID, 'weekly', MONDAY);
    expect(run).toMatchObject({ outcome: 'no_stories', stories: 0, delivered: 0 });
    expect(delivery.channel).toEqual([]);
    expect(due.entries()).toHaveLength(1);
  });

  it('in privacy mode sends the newest stories, not ranked by votes', async () => {
    const stories = [
      published('a', { voteCount: 9, publishedAt: new Date(MONDAY.getTime() - 3 * DAY) }),
      published('b', { voteCount: 1, publishedAt: new Date(MONDAY.getTime() - 1 * DAY) }),
    ];
    const { service, delivery } = setup({ stories, privacy: true });
    await service.run(DEMO_TENANT_ID, 'weekly', MONDAY);
    expect(delivery.channel[0]?.digest).toMatchObject({ byVotes: false });
    expect(delivery.channel[0]?.digest.stories.map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('drops an entry the settings no longer hold: turned off, or moved', async () => {
    const stories = [published('a')];
    const off = setup({ stories, digests: { weekly: { ...DEFAULT_DIGESTS.weekly } } });
    expect(await off.service.run(DEMO_TENANT_ID, 'weekly', MONDAY)).toBeNull();
    expect(off.delivery.channel).toEqual([]);
    expect(off.due.entries()).toEqual([]);

    const moved = setup({
      stories,
      digests: { weekly: { enabled: true, day: 'tuesday', time: '09:00' } },
    });
    expect(await moved.service.run(DEMO_TENANT_ID, 'weekly', MONDAY)).toBeNull();
    expect(moved.delivery.channel).toEqual([]);
    expect(moved.history.runs()).toEqual([]);
  });

  it('records a failed post, and does not send it again', async () => {
    const delivery = recordingDelivery({ failChannel: true });
    const { service } = setup({ stories: [published('a')], delivery });
    expect(await service.run(DEMO_TENANT_ID, 'weekly', MONDAY)).toMatchObject({
      outcome: 'failed',
      failed: 1,
      delivered: 0,
    });
    expect(await service.run(DEMO_TENANT_ID, 'weekly', MONDAY)).toBeNull();
  });

  it('run late, books the next occurrence after now, not one already past', async () => {
    const { service, due, clock } = setup({ stories: [published('a')] });
    clock.set(new Date(MONDAY.getTime() + 8 * DAY));
    await service.run(DEMO_TENANT_ID, 'weekly', MONDAY);
    expect(due.entries().map((e) => e.at)).toEqual([new Date(MONDAY.getTime() + 14 * DAY)]);
  });
});

describe('a monthly summary run', () => {
  const inNovember = (id: string, authorId: string, voteCount = 0) =>
    published(id, { authorId, voteCount, publishedAt: new Date('2026-11-20T12:00:00Z') });

  it('sends each team lead their team’s stories of the month', async () => {
    const stories = [
      inNovember('a', employee, 1),
      inNovember('b', driver, 4),
      published('october', { authorId: employee, publishedAt: new Date('2026-10-20T00:00Z') }),
    ];
    const { service, delivery, due, clock } = setup({ stories });
    clock.set(new Date(FIRST.getTime() + 1000));
    const run = await service.run(DEMO_TENANT_ID, 'monthly', FIRST);
    expect(delivery.leads.map((s) => [s.lead.id, s.stories.map((story) => story.id)])).toEqual([
      [manager, ['b', 'a']],
    ]);
    expect(delivery.leads[0]?.period.from).toEqual(new Date('2026-11-01T07:00:00Z'));
    expect(run).toMatchObject({
      job: 'digest.monthly',
      outcome: 'sent',
      stories: 2,
      recipients: 1,
      delivered: 1,
      unreachable: 0,
    });
    expect(due.entries().map((e) => e.at)).toEqual([new Date('2027-01-01T07:00:00Z')]);
  });

  it('counts a team lead the bot cannot reach', async () => {
    const delivery = recordingDelivery({ unreachable: [manager] });
    const { service, clock } = setup({ stories: [inNovember('a', employee)], delivery });
    clock.set(FIRST);
    expect(await service.run(DEMO_TENANT_ID, 'monthly', FIRST)).toMatchObject({
      outcome: 'unreachable',
      recipients: 1,
      delivered: 0,
      unreachable: 1,
    });
  });

  it('with the directory not answering, records and sends nothing, to run again later', async () => {
    const directory: Directory = {
      person: () => Promise.resolve(null),
      manager: () => Promise.reject(new DomainError('unavailable', 'Graph is down')),
      search: () => Promise.resolve([]),
      groupMembers: () => Promise.resolve(null),
    };
    const { service, delivery, history, clock } = setup({
      stories: [inNovember('a', employee)],
      directory,
    });
    clock.set(FIRST);
    await expect(service.run(DEMO_TENANT_ID, 'monthly', FIRST)).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect(delivery.leads).toEqual([]);
    expect(history.runs()).toEqual([]);
  });
});

describe('the history of scheduled jobs', () => {
  it('lists the runs and the next run of each digest that is on, to admins only', async () => {
    const { service, deps } = setup({
      stories: [published('a')],
      digests: { monthly: { ...DEFAULT_DIGESTS.monthly } },
    });
    await service.run(DEMO_TENANT_ID, 'weekly', MONDAY);
    const actor = (roles: ('employee' | 'admin')[]) => ({
      tenantId: DEMO_TENANT_ID,
      userId: admin,
      displayName: 'Aaron Admin',
      roles,
      surface: 'tab' as const,
    });
    const jobs = await service.listScheduledJobs(actor(['employee', 'admin']));
    expect(jobs.runs.map((r) => [r.job, r.outcome])).toEqual([['digest.weekly', 'sent']]);
    expect(jobs.upcoming).toEqual([
      { job: 'digest.weekly', at: new Date(MONDAY.getTime() + 7 * DAY) },
    ]);
    expect(deps.clock.now().getTime()).toBeGreaterThan(MONDAY.getTime());
    await expect(service.listScheduledJobs(actor(['employee']))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('saving the settings', () => {
  it('keeps the digests as saved and books the next run of each one turned on', async () => {
    const ctx = buildStoryDeps(demoUsers());
    // Wednesday 4 November 2026, 12:00 in Helsinki.
    ctx.clock.set(new Date('2026-11-04T10:00:00Z'));
    const held = (await ctx.settings.getTenantSettings(DEMO_TENANT_ID))?.value ?? DEFAULT_SETTINGS;
    expect(held.digests).toEqual(DEFAULT_DIGESTS);
    const digests: DigestSettings = {
      weekly: { enabled: true, day: 'friday', time: '15:00' },
      monthly: { enabled: false, day: 31, time: '08:00' },
      timeZone: 'UTC',
    };
    const saved = await saveSettings(ctx.deps, demoActor(admin), {
      version: held.version,
      approval: held.approval,
      roles: held.roles,
      digests,
    });
    expect(saved.digests).toEqual(digests);
    expect(ctx.due.entries()).toEqual([
      expect.objectContaining({ ref: weekly.ref, at: new Date('2026-11-06T15:00:00Z') }),
    ]);

    // Saved again without `digests` (an older client): they stay as they were.
    const again = await saveSettings(ctx.deps, demoActor(admin), {
      version: saved.version,
      approval: saved.approval,
      roles: saved.roles,
    });
    expect(again.digests).toEqual(digests);
    expect(ctx.due.entries()).toHaveLength(1);
  });
});

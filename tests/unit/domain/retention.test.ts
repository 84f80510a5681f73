import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { RETENTION_JOB, type Story } from '../../../src/domain/index.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { RETENTION_BATCH, runRetention } from '../../../src/domain/useCases/retention.js';
import { saveSettings } from '../../../src/domain/useCases/settings.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { withdrawStory } from '../../../src/domain/useCases/withdrawStory.js';
import { demoActor } from '../../support/domainFixtures.js';
import { buildStoryDraft } from '../../support/factories.js';
import { buildStoryDeps } from '../../support/fakes.js';

/**
 * The retention setting: rejected and withdrawn stories are deleted N days after they were
 * closed, published and waiting ones never; the run books its own next run.
 */

const ids = DEMO_USER_IDS;
const T = DEMO_TENANT_ID;
const DAY = 24 * 60 * 60 * 1000;
const actor = (id: string) => demoActor(id, demoUsers());

async function tenant(days: number | null) {
  const ctx = buildStoryDeps(demoUsers());
  const deps = { ...ctx.deps, personalData: ctx.stories };
  const held = (await ctx.settings.getTenantSettings(T))!;
  await ctx.settings.putTenantSettings(
    T,
    { ...held.value, privacy: { enabled: false, deleteClosedAfterDays: days } },
    held.etag,
  );
  const submit = (title: string) =>
    submitStory(deps, actor(ids.employee), buildStoryDraft({ title, featured: [] }));
  const stored = async (story: Story) =>
    (await ctx.stories.get({ tenantId: T, storyId: story.id }))?.value ?? null;
  const mine = async () =>
    (await ctx.authors.list(T, ids.employee, { limit: 50 })).items.map((s) => s.title);
  const jobs = () => ctx.due.entries().filter((e) => e.ref.storyId === RETENTION_JOB);
  return { ...ctx, deps, submit, stored, mine, jobs };
}

describe('runRetention', () => {
  it('deletes rejected and withdrawn stories past the period, with their cards and lists', async () => {
    const t = await tenant(30);
    const rejected = await t.submit('Rejected one');
    await decideStory(t.deps, actor(ids.manager), rejected.id, 'reject', 'Not for the wall');
    const withdrawn = await t.submit('Withdrawn one');
    await withdrawStory(t.deps, actor(ids.employee), withdrawn.id);
    const published = await t.submit('Published one');
    await decideStory(t.deps, actor(ids.manager), published.id, 'approve');
    const pending = await t.submit('Pending one');
    // Closing booked the tenant's run.
    expect(t.jobs().length).toBeGreaterThan(0);

    // Not yet: 29 days on, nothing goes; the next run is booked for when the first falls due.
    t.clock.advance(29 * DAY);
    expect(await runRetention(t.deps, T)).toBe(0);
    expect(await t.stored(rejected)).not.toBeNull();
    const closedAt = (await t.stored(rejected))!.updatedAt.getTime();
    expect(t.jobs().map((e) => e.at.getTime())).toContain(closedAt + 30 * DAY);

    t.clock.advance(2 * DAY);
    expect(await runRetention(t.deps, T)).toBe(2);
    expect(await t.stored(rejected)).toBeNull();
    expect(await t.stored(withdrawn)).toBeNull();
    expect((await t.stored(published))?.status).toBe('published');
    expect((await t.stored(pending))?.status).toBe('pending');
    expect((await t.mine()).sort()).toEqual(['Pending one', 'Published one']);
    // Their cards are deleted and their partitions purged through the outbox.
    const kinds = t.stories.outboxOf({ tenantId: T, storyId: rejected.id }).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['cards.delete', 'story.purge']));
    expect(t.closed.entries()).toEqual([]);
    // Nothing left to delete: nothing more is booked beyond what is already there.
    const booked = t.jobs().length;
    expect(await runRetention(t.deps, T)).toBe(0);
    expect(t.jobs().length).toBe(booked);
  });

  it('does nothing while the setting is off', async () => {
    const t = await tenant(null);
    const rejected = await t.submit('Rejected one');
    await decideStory(t.deps, actor(ids.manager), rejected.id, 'reject');
    t.clock.advance(5000 * DAY);
    expect(await runRetention(t.deps, T)).toBe(0);
    expect(await t.stored(rejected)).not.toBeNull();
  });

  it('deletes a batch a run and books the next at once when more are due', async () => {
    const t = await tenant(1);
    for (let i = 0; i < RETENTION_BATCH + 3; i++) {
      const story = await t.submit(`Withdrawn ${i}`);
      await withdrawStory(t.deps, actor(ids.employee), story.id);
    }
    t.clock.advance(2 * DAY);
    const now = t.clock.now().getTime();
    expect(await runRetention(t.deps, T)).toBe(RETENTION_BATCH);
    expect(t.jobs().map((e) => e.at.getTime())).toContain(now + 1);
    expect(await runRetention(t.deps, T)).toBe(3);
    expect(await t.mine()).toEqual([]);
  });

  it('is booked at once when an admin saves a retention period', async () => {
    const t = await tenant(null);
    const admin = actor(ids.admin);
    const held = (await t.settings.getTenantSettings(T))!.value;
    await saveSettings({ ...t.deps, due: t.due }, admin, {
      version: held.version,
      approval: held.approval,
      roles: held.roles,
      privacy: { enabled: false, deleteClosedAfterDays: 90 },
    });
    expect(t.jobs().map((e) => e.at.getTime())).toEqual([t.clock.now().getTime()]);
  });
});

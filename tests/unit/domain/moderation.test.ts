import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import {
  canSee,
  createStoryService,
  DomainError,
  type ActionLimiter,
  type StoryStatus,
  type User,
} from '../../../src/domain/index.js';
import { archiveStory } from '../../../src/domain/useCases/archiveStory.js';
import { decideStory } from '../../../src/domain/useCases/decideStory.js';
import { getStory } from '../../../src/domain/useCases/getStory.js';
import {
  dismissReports,
  editStory,
  hideStory,
  listModeration,
  MAX_OPEN_REPORTS,
  reportStory,
  restoreStory,
} from '../../../src/domain/useCases/moderation.js';
import { storyHistory } from '../../../src/domain/useCases/storyHistory.js';
import { submitStory } from '../../../src/domain/useCases/submitStory.js';
import { voteStory } from '../../../src/domain/useCases/voteStory.js';
import { buildStoryDeps } from '../../support/fakes.js';
import { buildActor, buildStory, buildStoryDraft, buildUser } from '../../support/factories.js';
import { HOUR, demoActor, errorOf } from '../../support/domainFixtures.js';

const ids = DEMO_USER_IDS;
const people = demoUsers();
const actorOf = (id: string, users: readonly User[] = people) => demoActor(id, users);
const employee = actorOf(ids.employee);
const manager = actorOf(ids.manager);
const editor = actorOf(ids.editor);
const admin = actorOf(ids.admin);
const reader = actorOf(ids.service);
const otherReader = actorOf(ids.cloakroom);

const correction = {
  title: 'The borrowed jacket, corrected',
  situation: 'A guest forgot his jacket on a cold evening after the gala dinner.',
  action: 'Our driver lent him his own jacket for the ride back to the hotel.',
  outcome: 'The guest wrote to thank the whole team the next morning.',
  lesson: 'Small personal gestures are remembered longest.',
};

/** The employee's story, approved by the manager and on the wall; the clock moved on. */
async function published() {
  const ctx = buildStoryDeps(people);
  const submitted = await submitStory(ctx.deps, employee, buildStoryDraft());
  ctx.clock.advance(HOUR);
  const story = await decideStory(ctx.deps, manager, submitted.id, 'approve');
  ctx.clock.advance(HOUR);
  const ref = { tenantId: DEMO_TENANT_ID, storyId: story.id };
  const kinds = (kind: string) => ctx.stories.outboxOf(ref).filter((m) => m.kind === kind);
  const actions = async () => (await ctx.stories.audit(ref)).map((e) => e.action);
  const stored = async () => (await ctx.stories.get(ref))?.value;
  const queued = () => ctx.moderation.entries().map((s) => s.id);
  return { ...ctx, story, ref, kinds, actions, stored, queued };
}

/** As `published`, with one report by a reader. */
async function reported() {
  const ctx = await published();
  await reportStory(ctx.deps, reader, ctx.story.id, 'It names a customer who did not agree.');
  ctx.clock.advance(HOUR);
  return ctx;
}

describe('reportStory', () => {
  it('keeps the report on the story and queues the story for the editors', async () => {
    const { deps, story, clock, stored, queued, actions, kinds } = await published();
    const after = await reportStory(deps, reader, story.id, 'It names a customer.');
    expect(after.reports).toEqual([
      {
        reporterId: ids.service,
        reporterName: 'Niklas Palvelu',
        reason: 'It names a customer.',
        at: clock.now(),
      },
    ]);
    expect(after).toMatchObject({ status: 'published', revision: story.revision + 1 });
    // A report is no edit of the story.
    expect(after.updatedAt).toEqual(story.updatedAt);
    expect(await stored()).toEqual(after);
    expect(queued()).toEqual([story.id]);
    // Not in the history the author reads: the reporter stays unnamed to them.
    expect(await actions()).toEqual(['submitted', 'routed', 'approved', 'published']);
    // The queue is a projection: a failed inline write is repaired by the outbox.
    expect(kinds('story.project').length).toBe(3);
  });

  it('a second report of the same person while the first is open changes nothing', async () => {
    const { deps, story, stored } = await reported();
    const before = await stored();
    const again = await reportStory(deps, reader, story.id, 'Another reason.');
    expect(again).toEqual(before);
    expect(await stored()).toEqual(before);
  });

  it('each person has a report of their own, and one may report again once it is resolved', async () => {
    const { deps, story, stored } = await reported();
    await reportStory(deps, otherReader, story.id, 'Wrong team.');
    expect((await stored())?.reports?.map((r) => r.reporterId)).toEqual([
      ids.service,
      ids.cloakroom,
    ]);
    await dismissReports(deps, editor, story.id);
    await reportStory(deps, reader, story.id, 'Still wrong.');
    expect((await stored())?.reports?.map((r) => r.reason)).toEqual(['Still wrong.']);
  });

  it(`keeps at most ${MAX_OPEN_REPORTS} open reports`, async () => {
    const { deps, story, stored } = await published();
    const users = Array.from({ length: MAX_OPEN_REPORTS + 1 }, (_, n) =>
      buildUser({ tenantId: DEMO_TENANT_ID, id: `reader-${n}`, displayName: `Reader ${n}` }),
    );
    for (const user of users) await reportStory(deps, buildActor(user), story.id, 'Why not.');
    expect((await stored())?.reports).toHaveLength(MAX_OPEN_REPORTS);
  });

  it.each<StoryStatus>(['pending', 'archived'])('a %s story cannot be reported', async (status) => {
    const { deps, stories } = buildStoryDeps(people);
    const story = buildStory({ status });
    await stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    // The author sees it, so the refusal is about its status, not its existence.
    const error = await errorOf(reportStory(deps, employee, story.id, 'Why not.'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'illegal_transition' });
  });

  it('a reader who cannot see the story does not find it', async () => {
    const { deps, story } = await reported();
    await hideStory(deps, editor, story.id);
    expect(await errorOf(reportStory(deps, otherReader, story.id, 'Why not.'))).toMatchObject({
      code: 'not_found',
    });
  });

  it('spends the reporter’s report budget, not another action’s', async () => {
    const { deps, story } = await published();
    const asked: string[] = [];
    const limits: ActionLimiter = {
      take: (_tenant, _user, action) => {
        asked.push(action);
        return Promise.resolve(action === 'report' ? 1500 : null);
      },
    };
    const error = await errorOf(
      createStoryService(deps, limits).reportStory(reader, story.id, 'Why not.'),
    );
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect(asked).toEqual(['report']);
  });
});

describe('hideStory', () => {
  it('takes the story off the wall and every card, resolves its reports, and records it', async () => {
    const { deps, story, clock, wall, stored, kinds, stories, ref, queued } = await reported();
    const hidden = await hideStory(deps, editor, story.id, 'Customer asked us to.');
    expect(hidden).toMatchObject({
      status: 'hidden',
      reports: [],
      updatedAt: clock.now(),
      publishedAt: story.publishedAt,
    });
    expect(await stored()).toEqual(hidden);
    expect(wall.entries()).toEqual([]);
    // Still listed for the editors, to be restored.
    expect(queued()).toEqual([story.id]);
    expect(kinds('cards.refresh').at(-1)?.payload).toEqual({});
    expect((await stories.audit(ref)).at(-1)).toMatchObject({
      action: 'hidden',
      actorId: ids.editor,
      comment: 'Customer asked us to.',
      detail: { reports: 1 },
      at: clock.now(),
    });
  });

  it('hiding again changes nothing', async () => {
    const { deps, story, actions } = await reported();
    const first = await hideStory(deps, editor, story.id);
    expect(await hideStory(deps, admin, story.id)).toEqual(first);
    expect((await actions()).filter((a) => a === 'hidden')).toHaveLength(1);
  });

  it.each([
    ['the author', ids.employee],
    ['the approver', ids.manager],
    ['a reader', ids.service],
  ])('%s may not hide (forbidden)', async (_, userId) => {
    const { deps, story, wall } = await reported();
    expect(await errorOf(hideStory(deps, actorOf(userId), story.id))).toMatchObject({
      code: 'forbidden',
    });
    expect(wall.entries().map((s) => s.id)).toEqual([story.id]);
  });

  it('a hidden story is no longer voted for', async () => {
    const { deps, story } = await reported();
    await hideStory(deps, editor, story.id);
    expect(await errorOf(voteStory(deps, otherReader, story.id))).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('who can read a hidden or archived story', () => {
  it.each([
    ['the author', ids.employee, true],
    ['the approver', ids.manager, true],
    ['a featured colleague', ids.driver, true],
    ['an editor', ids.editor, true],
    ['an admin', ids.admin, true],
    ['a reader', ids.service, false],
  ])('%s: %s', async (_, userId, sees) => {
    const { deps, story } = await reported();
    await hideStory(deps, editor, story.id);
    const read = getStory(deps, actorOf(userId), story.id);
    if (sees) await expect(read).resolves.toMatchObject({ status: 'hidden' });
    else expect(await errorOf(read)).toMatchObject({ code: 'not_found' });
  });

  it('an archived story is not found by a reader either', async () => {
    const { deps, story } = await published();
    const archived = await archiveStory(deps, employee, story.id);
    expect(canSee(reader, archived)).toBe(false);
    expect(await errorOf(getStory(deps, reader, story.id))).toMatchObject({ code: 'not_found' });
    await expect(getStory(deps, employee, story.id)).resolves.toEqual(archived);
  });
});

describe('restoreStory', () => {
  it('publishes a hidden story again: back on the wall and its cards, out of the queue', async () => {
    const { deps, story, wall, stored, queued, kinds, actions } = await reported();
    await hideStory(deps, editor, story.id);
    const restored = await restoreStory(deps, admin, story.id, 'Checked with the customer.');
    expect(restored).toMatchObject({ status: 'published', publishedAt: story.publishedAt });
    expect(await stored()).toEqual(restored);
    expect(wall.entries()).toEqual([restored]);
    expect(queued()).toEqual([]);
    // The approval's, the hiding's and the restoring's.
    expect(kinds('cards.refresh')).toHaveLength(3);
    expect((await actions()).slice(-2)).toEqual(['hidden', 'restored']);
  });

  it('restoring a published story changes nothing; an archived one cannot be', async () => {
    const { deps, story, actions } = await published();
    expect(await restoreStory(deps, editor, story.id)).toEqual(story);
    await archiveStory(deps, employee, story.id);
    expect(await errorOf(restoreStory(deps, editor, story.id))).toMatchObject({
      code: 'illegal_transition',
    });
    expect(await actions()).not.toContain('restored');
  });

  it('a hidden story can be archived for good, and leaves the queue', async () => {
    const { deps, story, queued } = await reported();
    await hideStory(deps, editor, story.id);
    expect((await archiveStory(deps, editor, story.id)).status).toBe('archived');
    expect(queued()).toEqual([]);
  });
});

describe('dismissReports', () => {
  it('closes the reports without changing the story', async () => {
    const { deps, story, stored, wall, queued, stories, ref, kinds } = await reported();
    const before = await stored();
    const after = await dismissReports(deps, editor, story.id, 'Nothing wrong with it.');
    expect(after).toEqual({ ...before, reports: [], revision: before!.revision + 1 });
    expect(wall.entries()).toEqual([after]);
    expect(queued()).toEqual([]);
    // The cards show nothing of the reports: only the approval's refresh is there.
    expect(kinds('cards.refresh')).toHaveLength(1);
    expect((await stories.audit(ref)).at(-1)).toMatchObject({
      action: 'reports_dismissed',
      comment: 'Nothing wrong with it.',
      detail: { reports: 1 },
    });
  });

  it('with no open reports changes nothing; a reader may not dismiss', async () => {
    const { deps, story, actions } = await published();
    expect(await dismissReports(deps, editor, story.id)).toEqual(story);
    expect(await actions()).not.toContain('reports_dismissed');
    const ctx = await reported();
    expect(await errorOf(dismissReports(ctx.deps, reader, ctx.story.id))).toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('editStory', () => {
  it('corrects the text with a note in the history; the wall and cards follow', async () => {
    const { deps, story, clock, stored, wall, queued, stories, ref, kinds } = await reported();
    const edited = await editStory(deps, editor, story.id, correction, 'Removed the name.');
    expect(edited).toMatchObject({ ...correction, status: 'published', updatedAt: clock.now() });
    expect(edited.customerQuote).toBeUndefined();
    expect(await stored()).toEqual(edited);
    expect(wall.entries()).toEqual([edited]);
    // The correction answers the reports.
    expect(edited.reports).toEqual([]);
    expect(queued()).toEqual([]);
    // The approval's and the correction's.
    expect(kinds('cards.refresh')).toHaveLength(2);
    const event = (await stories.audit(ref)).at(-1);
    expect(event).toMatchObject({
      action: 'edited',
      comment: 'Removed the name.',
      detail: { reports: 1 },
    });
    expect(event?.detail?.['fields']).toEqual(expect.arrayContaining(['title', 'situation']));
    // The author reads it in the story's history.
    const history = await storyHistory(deps, employee, story.id);
    expect(history[0]).toMatchObject({ action: 'edited', comment: 'Removed the name.' });
  });

  it('the same correction again changes nothing', async () => {
    const { deps, story, actions } = await reported();
    const first = await editStory(deps, editor, story.id, correction, 'Fix.');
    expect(await editStory(deps, editor, story.id, correction, 'Fix.')).toEqual(first);
    expect((await actions()).filter((a) => a === 'edited')).toHaveLength(1);
  });

  it('a hidden story can be corrected and stays hidden; a pending one cannot', async () => {
    const { deps, story, wall } = await reported();
    await hideStory(deps, editor, story.id);
    const edited = await editStory(deps, editor, story.id, correction, 'Fix.');
    expect(edited.status).toBe('hidden');
    expect(wall.entries()).toEqual([]);

    const ctx = buildStoryDeps(people);
    const pending = await submitStory(ctx.deps, employee, buildStoryDraft());
    expect(
      await errorOf(editStory(ctx.deps, editor, pending.id, correction, 'Fix.')),
    ).toMatchObject({ code: 'illegal_transition' });
  });

  it('only editors and admins may correct', async () => {
    const { deps, story, stored } = await reported();
    const before = await stored();
    expect(await errorOf(editStory(deps, employee, story.id, correction, 'Mine.'))).toMatchObject({
      code: 'forbidden',
    });
    expect(await stored()).toEqual(before);
  });
});

describe('listModeration', () => {
  it('lists reported stories, latest report first, then hidden ones; reports newest first', async () => {
    const ctx = buildStoryDeps(people);
    const tell = async () => {
      const submitted = await submitStory(ctx.deps, employee, buildStoryDraft());
      return decideStory(ctx.deps, manager, submitted.id, 'approve');
    };
    const [a, b, c] = [await tell(), await tell(), await tell()];
    await reportStory(ctx.deps, reader, a.id, 'First on a.');
    ctx.clock.advance(HOUR);
    await reportStory(ctx.deps, reader, b.id, 'On b.');
    ctx.clock.advance(HOUR);
    await reportStory(ctx.deps, otherReader, a.id, 'Second on a.');
    ctx.clock.advance(HOUR);
    await reportStory(ctx.deps, reader, c.id, 'On c.');
    await hideStory(ctx.deps, editor, c.id);

    const items = await listModeration(ctx.deps, editor);
    expect(items.map((i) => [i.story.id, i.story.status])).toEqual([
      [a.id, 'published'],
      [b.id, 'published'],
      [c.id, 'hidden'],
    ]);
    expect(items[0]?.reports.map((r) => r.reason)).toEqual(['Second on a.', 'First on a.']);
    expect(items[2]?.reports).toEqual([]);
  });

  it('is for editors and admins only', async () => {
    const { deps } = await reported();
    await expect(listModeration(deps, admin)).resolves.toHaveLength(1);
    expect(await errorOf(listModeration(deps, reader))).toMatchObject({ code: 'forbidden' });
    expect(await errorOf(listModeration(deps, manager))).toMatchObject({ code: 'forbidden' });
  });

  it('another tenant’s queue is its own', async () => {
    const { deps } = await reported();
    const foreign = buildActor(demoUsers('00000000-0000-4000-8000-0000000000ff')[2]!);
    expect(foreign.roles).toContain('editor');
    await expect(listModeration(deps, foreign)).resolves.toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  createAwardsService,
  followAward,
  DEFAULT_SETTINGS,
  UNRANKED_SHORTLIST_MAX,
  webhookEventsOf,
  isBarred,
  type Story,
  type StoryChange,
  type StoryRepository,
} from '../../../src/domain/index.js';
import { fakeAwards } from '../../support/erasureFakes.js';
import { buildActor, buildStory, buildUser } from '../../support/factories.js';
import { fakeSettings, fakeWall, fixedClock, sequentialIds } from '../../support/fakes.js';

/** Journey 8: the shortlist of a month and the choice of its winner. */

const editor = buildActor(buildUser({ id: 'editor-1', displayName: 'Eeva', roles: ['editor'] }));
const admin = buildActor(buildUser({ id: 'admin-1', roles: ['admin'] }));
const employee = buildActor(buildUser({ id: 'emp-1', roles: ['employee'] }));
/** What a choice needs beyond the stores: ids for its history event, and the relay's hook. */
const wiring = { ids: sequentialIds('ev'), onCommitted: () => undefined };

/** Stories by id; a commit is recorded and replaces the story. */
function storiesOf(stories: readonly Story[]): StoryRepository & { commits: StoryChange[] } {
  const current = new Map(stories.map((story) => [story.id, story]));
  const commits: StoryChange[] = [];
  return {
    commits,
    async get(ref) {
      const story = current.get(ref.storyId);
      return story && story.tenantId === ref.tenantId ? { value: story, etag: '1' } : null;
    },
    getForView(ref) {
      return this.get(ref);
    },
    async commit(change) {
      commits.push(change);
      current.set(change.story.id, change.story);
      return { value: change.story, etag: '1' };
    },
    reactionOf: () => Promise.resolve(null),
    audit: () => Promise.resolve([]),
  };
}

function published(id: string, day: number, voteCount: number, month = '2026-10'): Story {
  const publishedAt = new Date(`${month}-${String(day).padStart(2, '0')}T10:00:00Z`);
  return buildStory({ id, status: 'published', publishedAt, updatedAt: publishedAt, voteCount });
}

async function setup(
  stories: Story[],
  options: { privacy?: boolean; noRepeatWithinMonths?: number } = {},
) {
  const wall = fakeWall();
  for (const story of stories) await wall.upsert(story);
  const awards = fakeAwards();
  const settings = fakeSettings(
    options.privacy === undefined && options.noRepeatWithinMonths === undefined
      ? {}
      : {
          [editor.tenantId]: {
            ...DEFAULT_SETTINGS,
            version: 1,
            privacy: { enabled: options.privacy ?? false },
            awards: { noRepeatWithinMonths: options.noRepeatWithinMonths ?? null },
          },
        },
  );
  const repository = storiesOf(stories);
  const service = createAwardsService({
    awards,
    stories: repository,
    wall,
    settings,
    clock: fixedClock(new Date('2026-11-02T09:00:00Z')),
    ...wiring,
  });
  return { service, awards, repository };
}

describe('getShortlist', () => {
  it('lists the most-voted stories first, ties by earlier publication, at most 10', async () => {
    const stories = Array.from({ length: 12 }, (_, i) => published(`s-${i}`, i + 1, i % 3));
    const { service } = await setup(stories);
    const shortlist = await service.getShortlist(editor, '2026-10');
    expect(shortlist.items.map((s) => s.id)).toEqual([
      's-2',
      's-5',
      's-8',
      's-11',
      's-1',
      's-4',
      's-7',
      's-10',
      's-0',
      's-3',
    ]);
    expect(shortlist.winner).toBeNull();
    expect(shortlist).toMatchObject({ order: 'votes', voteCounts: true });
  });

  it('in privacy mode ranks nothing by votes: the month’s stories, newest first', async () => {
    // Votes rise with age, so an order by votes would be the reverse.
    const stories = Array.from({ length: 12 }, (_, i) => published(`s-${i}`, i + 1, 20 - i));
    stories.push(published('t-a', 5, 0));
    const { service } = await setup(stories, { privacy: true });
    const shortlist = await service.getShortlist(editor, '2026-10');
    expect(shortlist.order).toBe('newest');
    // Every story of the month, not only ten; a tie on the same instant by id.
    expect(shortlist.items.map((s) => s.id)).toEqual([
      's-11',
      's-10',
      's-9',
      's-8',
      's-7',
      's-6',
      's-5',
      's-4',
      't-a',
      's-3',
      's-2',
      's-1',
      's-0',
    ]);
    // Editors and admins still see the counts, to choose.
    expect(shortlist.voteCounts).toBe(true);
    expect((await service.getShortlist(admin, '2026-10')).voteCounts).toBe(true);
  });

  it('in privacy mode holds at most UNRANKED_SHORTLIST_MAX, the newest', async () => {
    const stories = Array.from({ length: UNRANKED_SHORTLIST_MAX + 5 }, (_, i) =>
      published(`s-${String(i).padStart(3, '0')}`, (i % 28) + 1, i),
    );
    const { service } = await setup(stories, { privacy: true });
    const { items } = await service.getShortlist(editor, '2026-10');
    expect(items).toHaveLength(UNRANKED_SHORTLIST_MAX);
    const times = items.map((s) => s.publishedAt!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('turned off again ranks by votes', async () => {
    const { service } = await setup([published('a', 3, 1), published('b', 9, 0)], {
      privacy: false,
    });
    const shortlist = await service.getShortlist(editor, '2026-10');
    expect(shortlist.order).toBe('votes');
    expect(shortlist.items.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('tells who may see the vote counts of the winners', async () => {
    const hidden = await setup([], { privacy: true });
    expect(await hidden.service.seesVoteCounts(employee)).toBe(false);
    expect(await hidden.service.seesVoteCounts(editor)).toBe(true);
    const shown = await setup([]);
    expect(await shown.service.seesVoteCounts(employee)).toBe(true);
  });

  it('is for editors and admins only', async () => {
    const { service } = await setup([]);
    await expect(service.getShortlist(admin, '2026-10')).resolves.toMatchObject({ items: [] });
    await expect(service.getShortlist(employee, '2026-10')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses a malformed month and a month in the future', async () => {
    const { service } = await setup([]);
    for (const month of ['2026-13', '2026-1', 'last', '2026-12']) {
      await expect(service.getShortlist(editor, month)).rejects.toMatchObject({
        code: 'validation',
      });
    }
    await expect(service.getShortlist(editor, '2026-11')).resolves.toMatchObject({ items: [] });
  });
});

describe('chooseWinner', () => {
  it('records the winner with the editor and citation; choosing again replaces it', async () => {
    const { service } = await setup([published('a', 3, 5), published('b', 9, 2)]);
    const first = await service.chooseWinner(editor, '2026-10', {
      storyId: 'a',
      citation: '  Lent his own jacket.  ',
    });
    expect(first).toMatchObject({
      month: '2026-10',
      story: { id: 'a' },
      awardedBy: { id: 'editor-1', displayName: 'Eeva' },
      citation: 'Lent his own jacket.',
    });
    await service.chooseWinner(admin, '2026-10', { storyId: 'b' });
    const shortlist = await service.getShortlist(editor, '2026-10');
    expect(shortlist.winner?.story.id).toBe('b');
    expect(shortlist.winner?.citation).toBeUndefined();
    expect((await service.listAwards(employee)).map((a) => a.story.id)).toEqual(['b']);
  });

  it('writes the choice into the winner’s history once, which announces it to webhooks', async () => {
    const { service, repository } = await setup([published('a', 3, 5), published('b', 9, 2)]);
    await service.chooseWinner(editor, '2026-10', { storyId: 'a' });
    // A new citation for the same winner is no new announcement.
    await service.chooseWinner(editor, '2026-10', { storyId: 'a', citation: 'Warm.' });
    await service.chooseWinner(editor, '2026-10', { storyId: 'b' });
    expect(
      repository.commits
        .filter((c) => c.audit.length > 0)
        .map((c) => [c.story.id, c.audit.map((e) => [e.action, e.detail])]),
    ).toEqual([
      ['a', [['awarded', { month: '2026-10' }]]],
      ['b', [['awarded', { month: '2026-10' }]]],
    ]);
    // The story replaced gets its cards refreshed: its announcement no longer claims the month.
    expect(
      repository.commits
        .filter((c) => c.audit.length === 0)
        .map((c) => [c.story.id, c.outbox.map((m) => m.kind)]),
    ).toEqual([['a', ['cards.refresh']]]);
    expect(webhookEventsOf(repository.commits[0]!)).toEqual(['award.announced']);
  });

  it('lists winners newest month first', async () => {
    const { service } = await setup([published('a', 3, 1, '2026-09'), published('b', 3, 1)]);
    await service.chooseWinner(editor, '2026-09', { storyId: 'a' });
    await service.chooseWinner(editor, '2026-10', { storyId: 'b' });
    expect((await service.listAwards(employee)).map((a) => a.month)).toEqual([
      '2026-10',
      '2026-09',
    ]);
  });

  it('refuses employees, unpublished stories and stories of another month', async () => {
    const pending = buildStory({ id: 'p', status: 'pending' });
    const { service } = await setup([published('a', 3, 1), pending]);
    await expect(service.chooseWinner(employee, '2026-10', { storyId: 'a' })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(service.chooseWinner(editor, '2026-10', { storyId: 'p' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    await expect(service.chooseWinner(editor, '2026-09', { storyId: 'a' })).rejects.toMatchObject({
      code: 'validation',
      details: { field: 'storyId' },
    });
    await expect(service.chooseWinner(editor, '2026-10', { storyId: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      service.chooseWinner(editor, '2026-10', { storyId: 'a', citation: 'x'.repeat(501) }),
    ).rejects.toMatchObject({ code: 'validation', details: { field: 'citation' } });
  });
});

describe('the announcement', () => {
  it('is committed with the history event: one channel card, a note to the author and to each colleague shown publicly', async () => {
    const story = {
      ...published('a', 3, 5),
      featured: [
        { id: 'driver', displayName: 'Tomi' },
        { id: 'asked', displayName: 'Aino', awaiting: true as const },
        { id: 'cook', displayName: 'Kalle' },
      ],
    };
    const { service, repository } = await setup([story, published('b', 9, 2)]);
    await service.chooseWinner(editor, '2026-10', { storyId: 'a' });
    // Choosing the same story again (a new citation) announces nothing new.
    await service.chooseWinner(editor, '2026-10', { storyId: 'a', citation: 'Warm.' });
    expect(repository.commits).toHaveLength(1);
    const outbox = repository.commits[0]!.outbox.map((m) => [m.kind, m.payload]);
    expect(outbox).toEqual([
      ['story.project', {}],
      ['award.announce', { month: '2026-10' }],
      ['award.notify', { month: '2026-10', userId: story.authorId }],
      ['award.notify', { month: '2026-10', userId: 'driver' }],
      ['award.notify', { month: '2026-10', userId: 'cook' }],
    ]);
  });
});

describe('no repeat winners within N months', () => {
  const byAuthor = (story: Story, authorId: string): Story => ({ ...story, authorId });

  it('is off by default: an author may win month after month', async () => {
    const { service } = await setup([published('a', 3, 1, '2026-09'), published('b', 3, 1)]);
    await service.chooseWinner(editor, '2026-09', { storyId: 'a' });
    await expect(service.chooseWinner(editor, '2026-10', { storyId: 'b' })).resolves.toMatchObject({
      month: '2026-10',
    });
  });

  it('refuses an author who won within N months, with the field, and marks them in the shortlist', async () => {
    const stories = [
      byAuthor(published('old', 3, 1, '2026-08'), 'anna'),
      byAuthor(published('again', 3, 9), 'anna'),
      byAuthor(published('other', 4, 1), 'ben'),
    ];
    const { service, repository } = await setup(stories, { noRepeatWithinMonths: 2 });
    await service.chooseWinner(editor, '2026-08', { storyId: 'old' });
    const shortlist = await service.getShortlist(editor, '2026-10');
    expect(shortlist.repeatWithinMonths).toBe(2);
    // (The fake wall ignores the month, so the winning story itself is listed too.)
    expect(shortlist.ineligible).toContain('again');
    expect(shortlist.ineligible).not.toContain('other');
    await expect(
      service.chooseWinner(editor, '2026-10', { storyId: 'again' }),
    ).rejects.toMatchObject({ code: 'conflict', details: { field: 'storyId', months: 2 } });
    // Nothing was written for the refused choice.
    expect(repository.commits).toHaveLength(1);
    expect((await service.getShortlist(editor, '2026-10')).winner).toBeNull();
    await expect(
      service.chooseWinner(editor, '2026-10', { storyId: 'other' }),
    ).resolves.toBeTruthy();
  });

  it('lets an author win again once the window has passed', async () => {
    const stories = [
      byAuthor(published('old', 3, 1, '2026-07'), 'anna'),
      byAuthor(published('again', 3, 9), 'anna'),
    ];
    const { service } = await setup(stories, { noRepeatWithinMonths: 2 });
    await service.chooseWinner(editor, '2026-07', { storyId: 'old' });
    expect((await service.getShortlist(editor, '2026-10')).ineligible).toEqual([]);
    await expect(
      service.chooseWinner(editor, '2026-10', { storyId: 'again' }),
    ).resolves.toBeTruthy();
  });

  it('counts both sides of the month and never the month itself', () => {
    const won = (month: string) => ({ month, story: buildStory({ authorId: 'anna' }) });
    expect(isBarred([won('2026-10')], 'anna', '2026-10', 3)).toBe(false);
    expect(isBarred([won('2026-07')], 'anna', '2026-10', 3)).toBe(true);
    expect(isBarred([won('2026-06')], 'anna', '2026-10', 3)).toBe(false);
    expect(isBarred([won('2027-01')], 'anna', '2026-10', 3)).toBe(true);
    expect(isBarred([won('2025-12')], 'anna', '2026-01', 1)).toBe(true);
    expect(isBarred([won('2026-09')], 'ben', '2026-10', 3)).toBe(false);
    expect(isBarred([won('2026-09')], 'anna', '2026-10', null)).toBe(false);
  });
});

describe('the winner’s copy follows its story', () => {
  it('drops a featured colleague who took their name off, and a hidden winner is not listed', async () => {
    const winner = published('w', 3, 5);
    const named = { ...winner, featured: [{ id: 'emp-2', displayName: 'Tomi' }], revision: 2 };
    const current = new Map<string, Story>([[named.id, named]]);
    const stories: StoryRepository = {
      ...storiesOf([]),
      async get(ref) {
        const story = current.get(ref.storyId);
        return story && story.tenantId === ref.tenantId ? { value: story, etag: '1' } : null;
      },
    };
    const awards = fakeAwards();
    const deps = {
      awards,
      stories,
      wall: fakeWall(),
      settings: fakeSettings(),
      clock: fixedClock(new Date('2026-11-02T09:00:00Z')),
      ...wiring,
    };
    const service = createAwardsService(deps);
    await service.chooseWinner(editor, '2026-10', { storyId: 'w' });
    const ref = { tenantId: winner.tenantId, storyId: 'w' };
    const follow = async () => followAward(deps, (await deps.stories.get(ref))?.value ?? null);

    // Tomi takes his name off: the award's copy follows.
    current.set('w', { ...named, featured: [], revision: 3 });
    await follow();
    expect((await service.listAwards(employee))[0]?.story.featured).toEqual([]);
    // An older snapshot never overwrites a newer one.
    current.set('w', { ...named, revision: 2 });
    await follow();
    expect((await service.listAwards(employee))[0]?.story.revision).toBe(3);

    // Hidden by an editor: the month's winner is not shown while it is hidden.
    current.set('w', { ...named, featured: [], status: 'hidden', revision: 4 });
    await follow();
    expect(await service.listAwards(employee)).toEqual([]);
  });

  it('leaves the copy alone when another story won the month', async () => {
    const a = published('a', 3, 5);
    const b = { ...published('b', 4, 1), revision: 7 };
    const awards = fakeAwards();
    const deps = {
      awards,
      stories: storiesOf([a, b]),
      wall: fakeWall(),
      settings: fakeSettings(),
      clock: fixedClock(new Date('2026-11-02T09:00:00Z')),
      ...wiring,
    };
    await createAwardsService(deps).chooseWinner(editor, '2026-10', { storyId: 'a' });
    await followAward(deps, b);
    expect((await awards.get(a.tenantId, '2026-10'))?.value.story.id).toBe('a');
  });
});

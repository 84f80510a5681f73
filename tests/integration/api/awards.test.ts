import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  AwardDto,
  SettingsDto,
  AwardsDto,
  ShortlistDto,
  StoryDto,
  WallPageDto,
} from '../../../src/shared/dto.js';
import { clockFrom } from '../../support/fakes.js';
import { useTestApp } from '../../support/useTestApp.js';
import { buildStoryDraft } from '../../support/factories.js';

/** Journey 8 over HTTP: the shortlist of a month, choosing its winner, the history. */

const { employee, editor, admin } = DEMO_USER_IDS;

/**
 * The demo wall is dated from the app's clock, so the suite runs on chosen dates — the first and
 * the last day of a month, where a wall dated from today's date once ran out of stories.
 */
describe.each([
  ['on the 1st of a month', '2027-03-01T00:05:00Z'],
  ['on the 31st of a month', '2027-01-31T23:55:00Z'],
])('/api/awards %s', (_when, today) => {
  const { api } = useTestApp({ clock: clockFrom(new Date(today)) });

  const shortlistAs = (user: string, month: string) =>
    api.get<ShortlistDto & ApiErrorBody>(`/api/awards/${month}/shortlist`, { user });
  const chooseAs = (user: string, month: string, body: unknown) =>
    api.call<AwardDto & ApiErrorBody>('PUT', `/api/awards/${month}`, { user, body });

  /** The month before the app's today (always a whole month of the demo wall), and its stories. */
  async function seededMonth(): Promise<{ month: string; stories: StoryDto[] }> {
    const wall = (await api.get<WallPageDto>('/api/stories?limit=50')).body.items;
    const now = new Date(today);
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    return { month, stories: wall.filter((s) => s.publishedAt?.startsWith(month)) };
  }

  it('shortlists a month for editors, most votes first, and refuses others', async () => {
    const { month, stories } = await seededMonth();
    const response = await shortlistAs(editor, month);
    expect(response.status).toBe(200);
    expect(response.body.month).toBe(month);
    expect(response.body.winner).toBeNull();
    const items = response.body.items;
    expect(items.length).toBe(Math.min(10, stories.length));
    const votes = items.map((s) => s.voteCount ?? NaN);
    expect(votes.every(Number.isInteger)).toBe(true);
    expect([...votes].sort((a, b) => b - a)).toEqual(votes);
    expect(response.body.order).toBe('votes');
    expect(items.every((s) => s.status === 'published' && s.publishedAt?.startsWith(month))).toBe(
      true,
    );

    expect((await shortlistAs(employee, month)).status).toBe(403);
    expect((await shortlistAs(editor, '2026-13')).status).toBe(400);
    expect((await shortlistAs(editor, '9999-01')).status).toBe(400);
  });

  it('chooses a winner, replaces it, and shows the history to everyone', async () => {
    const { month, stories } = await seededMonth();
    const [a, b] = stories;
    if (!a || !b) throw new Error('The demo month needs two stories.');

    const chosen = await chooseAs(editor, month, { storyId: a.id, citation: 'Beyond the brief.' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({
      month,
      story: { id: a.id },
      awardedBy: { id: editor },
      citation: 'Beyond the brief.',
    });

    const replaced = await chooseAs(admin, month, { storyId: b.id });
    expect(replaced.status).toBe(200);
    expect((await shortlistAs(editor, month)).body.winner?.story.id).toBe(b.id);

    const history = await api.get<AwardsDto>('/api/awards', { user: employee });
    expect(history.status).toBe(200);
    expect(history.body.items.filter((item) => item.month === month)).toEqual([replaced.body]);
  });

  it('leaves a hidden winner out of the history, and shows it again once restored', async () => {
    const { month, stories } = await seededMonth();
    const winner = stories.at(-1);
    if (!winner) throw new Error('The demo month is empty.');
    expect((await chooseAs(editor, month, { storyId: winner.id })).status).toBe(200);
    const listed = async () =>
      (await api.get<AwardsDto>('/api/awards', { user: employee })).body.items.some(
        (item) => item.story.id === winner.id,
      );
    expect(await listed()).toBe(true);

    const hidden = await api.post(`/api/moderation/${winner.id}/hide`, {}, { user: editor });
    expect(hidden.status).toBe(200);
    // The award's copy follows through the outbox, as the posted cards do.
    await expect.poll(listed, { timeout: 5000 }).toBe(false);
    expect(
      (await api.post(`/api/moderation/${winner.id}/restore`, {}, { user: editor })).status,
    ).toBe(200);
    await expect.poll(listed, { timeout: 5000 }).toBe(true);
  });

  it('with "no repeat winners within N months" on, refuses an author who won within N months and marks their stories', async () => {
    // Two earlier months that share an author, among the demo wall's months before today.
    const now = new Date(today);
    const monthsAgo = (n: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
    const later = monthsAgo(1);
    const laterItems = (await shortlistAs(editor, later)).body.items;
    let found: { earlier: string; won: StoryDto; again: StoryDto } | undefined;
    for (const n of [2, 3]) {
      const items = (await shortlistAs(editor, monthsAgo(n))).body.items;
      const won = items.find((s) => laterItems.some((t) => t.author.id === s.author.id));
      const again = won && laterItems.find((t) => t.author.id === won.author.id);
      if (won && again) {
        found = { earlier: monthsAgo(n), won, again };
        break;
      }
    }
    if (!found) throw new Error('The demo wall needs an author in two nearby months.');
    const { earlier, won, again } = found;

    const read = (await api.get<SettingsDto>('/api/settings', { user: admin })).body;
    expect(read.awards).toEqual({ noRepeatWithinMonths: null });
    const save = (noRepeatWithinMonths: unknown) =>
      api.call<SettingsDto & ApiErrorBody>('PUT', '/api/settings', {
        user: admin,
        body: {
          version: read.version,
          approval: read.approval,
          roles: read.roles,
          awards: { noRepeatWithinMonths },
        },
      });
    expect((await save(0)).status).toBe(400);
    expect((await save(25)).status).toBe(400);
    const saved = await save(3);
    expect(saved.status).toBe(200);
    expect(saved.body.awards).toEqual({ noRepeatWithinMonths: 3 });

    expect((await chooseAs(editor, earlier, { storyId: won.id })).status).toBe(200);
    const shortlist = (await shortlistAs(editor, later)).body;
    expect(shortlist.repeatWithinMonths).toBe(3);
    expect(shortlist.ineligible).toContain(again.id);
    expect(
      shortlist.ineligible.every(
        (id) => shortlist.items.find((s) => s.id === id)?.author.id === won.author.id,
      ),
    ).toBe(true);

    const refused = await chooseAs(editor, later, { storyId: again.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(Object.keys(refused.body.error.fields ?? {})).toEqual(['storyId']);
    expect((await shortlistAs(editor, later)).body.winner?.story.id).not.toBe(again.id);

    // An eligible author may win the month.
    const eligible = shortlist.items.find((s) => !shortlist.ineligible.includes(s.id));
    if (eligible) {
      expect((await chooseAs(editor, later, { storyId: eligible.id })).status).toBe(200);
    }
  });

  it('answers 403, 400 and 409 for what may not be chosen', async () => {
    const { month, stories } = await seededMonth();
    const story = stories[0];
    if (!story) throw new Error('The demo month is empty.');
    const other = month === '2026-01' ? '2025-12' : `${month.slice(0, 5)}01`;

    expect((await chooseAs(employee, month, { storyId: story.id })).status).toBe(403);
    const elsewhere = await chooseAs(editor, other, { storyId: story.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('validation');
    expect((await chooseAs(editor, month, { storyId: story.id, extra: 1 })).status).toBe(400);
    expect(
      (await chooseAs(editor, month, { storyId: story.id, citation: 'x'.repeat(501) })).status,
    ).toBe(400);

    const pending = await api.post<StoryDto>('/api/stories', buildStoryDraft({ featured: [] }), {
      user: employee,
    });
    expect(pending.status).toBe(201);
    const response = await chooseAs(editor, month, { storyId: pending.body.id });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('illegal_transition');
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  AwardDto,
  AwardsDto,
  InsightsDto,
  MeDto,
  SettingsDto,
  ShortlistDto,
  StoryDto,
  WallPageDto,
} from '../../../src/shared/dto.js';
import { clockFrom } from '../../support/fakes.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * Privacy mode over HTTP (works councils): an admin turns it on in Settings; then nobody but
 * editors and admins gets vote counts, the shortlist is not ranked by votes, insight has nothing
 * per person; turning it off brings the counts back; an old settings document reads as off.
 */

const { employee, manager, editor, admin } = DEMO_USER_IDS;
const TODAY = '2027-03-15T12:00:00Z';

const hasCount = (story: StoryDto) => typeof story.voteCount === 'number';

describe('privacy mode', () => {
  const { api, app } = useTestApp({ clock: clockFrom(new Date(TODAY)) });

  const wallAs = async (user: string) => {
    const response = await api.get<WallPageDto>('/api/stories?limit=50', { user });
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(5);
    return response.body.items;
  };
  const storyAs = async (user: string, id: string) => {
    const response = await api.get<StoryDto>(`/api/stories/${id}`, { user });
    expect(response.status).toBe(200);
    return response.body;
  };
  const shortlistAs = async (user: string, month: string) => {
    const response = await api.get<ShortlistDto>(`/api/awards/${month}/shortlist`, { user });
    expect(response.status).toBe(200);
    return response.body;
  };

  /** Saves the settings as read, with privacy mode `enabled` (left out when undefined). */
  async function savePrivacy(enabled: boolean | undefined): Promise<SettingsDto> {
    const read = await api.get<SettingsDto>('/api/settings', { user: admin });
    expect(read.status).toBe(200);
    const { version, approval, roles } = read.body;
    const saved = await api.call<SettingsDto & ApiErrorBody>('PUT', '/api/settings', {
      user: admin,
      body: {
        version,
        approval,
        roles,
        ...(enabled === undefined ? {} : { privacy: { enabled } }),
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(version + 1);
    return saved.body;
  }

  /** The month with the most seeded stories, and them as an editor sees them. */
  async function busiestMonth(): Promise<{ month: string; stories: StoryDto[] }> {
    const wall = await wallAs(editor);
    const byMonth = new Map<string, StoryDto[]>();
    for (const story of wall) {
      const month = (story.publishedAt ?? '').slice(0, 7);
      byMonth.set(month, [...(byMonth.get(month) ?? []), story]);
    }
    const [month, stories] = [...byMonth].sort(([, a], [, b]) => b.length - a.length)[0]!;
    return { month, stories };
  }

  it('starts off: everyone sees vote counts', async () => {
    const settings = await api.get<SettingsDto>('/api/settings', { user: admin });
    expect(settings.body.privacy).toEqual({
      enabled: false,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    expect((await wallAs(employee)).every(hasCount)).toBe(true);
  });

  it('refuses a malformed privacy member', async () => {
    const { version, approval, roles } = (
      await api.get<SettingsDto>('/api/settings', { user: admin })
    ).body;
    for (const privacy of [{ enabled: 'yes' }, { enabled: true, extra: 1 }, true]) {
      const response = await api.call<ApiErrorBody>('PUT', '/api/settings', {
        user: admin,
        body: { version, approval, roles, privacy },
      });
      expect(response.status).toBe(400);
    }
  });

  it('on: employees and approvers get no counts, editors and admins do; voting still works', async () => {
    const saved = await savePrivacy(true);
    expect(saved.privacy).toEqual({
      enabled: true,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    expect((await api.get<SettingsDto>('/api/settings', { user: admin })).body.privacy).toEqual({
      enabled: true,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });

    for (const user of [employee, manager]) {
      const wall = await wallAs(user);
      expect(wall.some(hasCount)).toBe(false);
      expect(wall.every((story) => !('voteCount' in story))).toBe(true);
      expect(hasCount(await storyAs(user, wall[0]!.id))).toBe(false);
    }
    for (const user of [editor, admin]) {
      const wall = await wallAs(user);
      expect(wall.every(hasCount)).toBe(true);
      expect(hasCount(await storyAs(user, wall[0]!.id))).toBe(true);
    }

    // A vote counts, and says so only to those who may see it.
    const target = (await wallAs(editor)).find(
      (story) =>
        story.author.id !== employee && !story.featured.some((person) => person.id === employee),
    )!;
    const voted = await api.post<StoryDto>(`/api/stories/${target.id}/vote`, undefined, {
      user: employee,
    });
    expect(voted.status).toBe(200);
    expect(hasCount(voted.body)).toBe(false);
    const again = await api.post<ApiErrorBody>(`/api/stories/${target.id}/vote`, undefined, {
      user: employee,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_voted');
    expect((await storyAs(editor, target.id)).voteCount).toBe(target.voteCount! + 1);
  });

  it('on: the shortlist is the month’s stories newest first, not ranked by votes', async () => {
    const { month, stories } = await busiestMonth();
    expect(stories.length).toBeGreaterThan(1);
    const newestFirst = [...stories]
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .map((story) => story.id);
    const byVotes = [...stories]
      .sort(
        (a, b) =>
          b.voteCount! - a.voteCount! || (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''),
      )
      .map((story) => story.id);
    // The seeded month differs in the two orders, so this test tells them apart.
    expect(byVotes).not.toEqual(newestFirst);

    const shortlist = await shortlistAs(editor, month);
    expect(shortlist.order).toBe('newest');
    expect(shortlist.items.map((story) => story.id)).toEqual(newestFirst);
    // Editors still choose, with the counts.
    expect(shortlist.items.every(hasCount)).toBe(true);
    expect((await api.get(`/api/awards/${month}/shortlist`, { user: employee })).status).toBe(403);

    // The winner's story carries no count for everyone else.
    const chosen = await api.call<AwardDto>('PUT', `/api/awards/${month}`, {
      user: editor,
      body: { storyId: newestFirst.at(-1) },
    });
    expect(chosen.status).toBe(200);
    expect(hasCount(chosen.body.story)).toBe(true);
    const seenByEmployee = await api.get<AwardsDto>('/api/awards', { user: employee });
    expect(seenByEmployee.body.items.length).toBeGreaterThan(0);
    expect(seenByEmployee.body.items.some((award) => hasCount(award.story))).toBe(false);
    const seenByEditor = await api.get<AwardsDto>('/api/awards', { user: editor });
    expect(seenByEditor.body.items.every((award) => hasCount(award.story))).toBe(true);
  });

  it('on: insight counts per month, team and category, and nothing per person', async () => {
    const response = await api.get<InsightsDto>('/api/insights', { user: admin });
    expect(response.status).toBe(200);
    const insights = response.body;
    expect(Object.keys(insights).sort()).toEqual(
      ['categories', 'from', 'months', 'teams', 'to', 'total'].sort(),
    );
    expect(insights.total).toBeGreaterThan(0);
    for (const team of insights.teams) expect(Object.keys(team).sort()).toEqual(['count', 'team']);
    for (const category of insights.categories) {
      expect(Object.keys(category).sort()).toEqual(['category', 'count']);
    }
    // No person of the tenant is named or identified anywhere in it.
    const json = JSON.stringify(insights);
    for (const person of demoUsers()) {
      expect(json).not.toContain(person.id);
      expect(json).not.toContain(person.displayName);
    }
  });

  it('a save that leaves privacy out keeps it as saved', async () => {
    const saved = await savePrivacy(undefined);
    expect(saved.privacy).toEqual({
      enabled: true,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    expect((await wallAs(employee)).some(hasCount)).toBe(false);
  });

  it('off again: the counts come back for everyone, and the shortlist ranks by votes', async () => {
    const saved = await savePrivacy(false);
    expect(saved.privacy).toEqual({
      enabled: false,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    const wall = await wallAs(employee);
    expect(wall.every(hasCount)).toBe(true);
    expect(hasCount(await storyAs(employee, wall[0]!.id))).toBe(true);
    const { month } = await busiestMonth();
    const shortlist = await shortlistAs(editor, month);
    expect(shortlist.order).toBe('votes');
    const votes = shortlist.items.map((story) => story.voteCount!);
    expect([...votes].sort((a, b) => b - a)).toEqual(votes);
    const awards = await api.get<AwardsDto>('/api/awards', { user: employee });
    expect(awards.body.items.every((award) => hasCount(award.story))).toBe(true);
  });

  it('reads a settings document saved before privacy mode existed as off', async () => {
    await savePrivacy(true);
    expect((await wallAs(employee)).some(hasCount)).toBe(false);
    // The stored document as an older version of the app wrote it: no `privacy` member.
    const { tenantId } = (await api.get<MeDto>('/api/me', { user: admin })).body;
    const store = app.server.storage.settings;
    const held = (await store.getTenantSettings(tenantId))!;
    const { privacy: _privacy, ...old } = held.value;
    await store.putTenantSettings(tenantId, { ...old, version: old.version + 1 }, held.etag);

    const settings = await api.get<SettingsDto>('/api/settings', { user: admin });
    expect(settings.body.version).toBe(old.version + 1);
    expect(settings.body.privacy).toEqual({
      enabled: false,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    expect((await wallAs(employee)).every(hasCount)).toBe(true);
  });
});

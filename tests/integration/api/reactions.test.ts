import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type {
  ApiErrorBody,
  ErasureReceiptDto,
  MyReactionsDto,
  PersonalDataExportDto,
  SettingsDto,
  StoryDto,
} from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * Reactions over HTTP: a vote taken back, "I learned from this" given and taken back, the
 * caller's own reactions to a page of stories, privacy mode, and a person's erasure and export.
 */

const { employee, manager, service, cloakroom, driver, editor, admin } = DEMO_USER_IDS;

function draft(overrides: Record<string, unknown> = {}) {
  return {
    title: 'The guest who lost her badge',
    situation: 'A guest lost her conference badge minutes before the keynote began.',
    action: 'I printed a new badge at the desk and walked her to her seat.',
    outcome: 'She made it on time and thanked the team at the end of the day.',
    lesson: 'Fixing the small thing at once saves the big moment.',
    team: 'Venue services',
    category: 'care',
    featured: [driver],
    consent: true,
    ...overrides,
  };
}

describe('reactions API', () => {
  const { api } = useTestApp();

  /** A story by the employee featuring the driver, published. */
  async function published(overrides: Record<string, unknown> = {}): Promise<StoryDto> {
    const created = await api.post<StoryDto>('/api/stories', draft(overrides), { user: employee });
    expect(created.status).toBe(201);
    const decided = await api.post<StoryDto>(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: manager },
    );
    expect(decided.status).toBe(200);
    return decided.body;
  }
  const react = (method: 'POST' | 'DELETE', id: string, kind: 'vote' | 'learned', user: string) =>
    api.call<StoryDto & ApiErrorBody>(method, `/api/stories/${id}/${kind}`, { user });
  const mine = (ids: string, user: string) =>
    api.get<MyReactionsDto & ApiErrorBody>(`/api/me/reactions?stories=${ids}`, { user });

  it('counts "I learned from this" once per person, beside the votes, and takes it back', async () => {
    const story = await published();
    const first = await react('POST', story.id, 'learned', service);
    expect(first.status).toBe(200);
    expect(first.body.learnedCount).toBe(1);
    expect(first.body.voteCount).toBe(0);
    const again = await react('POST', story.id, 'learned', service);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_reacted');
    expect((await react('POST', story.id, 'learned', cloakroom)).body.learnedCount).toBe(2);

    const read = await api.get<StoryDto>(`/api/stories/${story.id}`, { user: service });
    expect(read.body.learnedCount).toBe(2);

    const back = await react('DELETE', story.id, 'learned', service);
    expect(back.status).toBe(200);
    expect(back.body.learnedCount).toBe(1);
    const missing = await react('DELETE', story.id, 'learned', service);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_reacted');
  });

  it('refuses a reaction to a story about yourself, as a vote is refused', async () => {
    const story = await published();
    for (const user of [employee, driver]) {
      const learned = await react('POST', story.id, 'learned', user);
      expect(learned.status).toBe(409);
      expect(learned.body.error.code).toBe('self_reaction');
      const vote = await react('POST', story.id, 'vote', user);
      expect(vote.body.error.code).toBe('self_vote');
    }
  });

  it('takes a vote back; one not cast is not_voted; a story not published is not found', async () => {
    const story = await published();
    expect((await react('POST', story.id, 'vote', service)).body.voteCount).toBe(1);
    const back = await react('DELETE', story.id, 'vote', service);
    expect(back.status).toBe(200);
    expect(back.body.voteCount).toBe(0);
    const missing = await react('DELETE', story.id, 'vote', service);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_voted');
    const pending = await api.post<StoryDto>('/api/stories', draft(), { user: employee });
    const refused = await react('POST', pending.body.id, 'learned', service);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');
    const badId = await react('POST', 'not a story', 'learned', service);
    expect(badId.status).toBe(400);
  });

  it('answers which of a page of stories the caller voted for and learned from', async () => {
    const a = await published();
    const b = await published();
    await react('POST', a.id, 'vote', service);
    await react('POST', b.id, 'learned', service);
    await react('POST', b.id, 'vote', cloakroom);
    const answer = await mine(`${a.id},${b.id},no-such-story`, service);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { storyId: a.id, voted: true, learned: false },
      { storyId: b.id, voted: false, learned: true },
      { storyId: 'no-such-story', voted: false, learned: false },
    ]);
    const theirs = await mine(`${b.id}`, cloakroom);
    expect(theirs.body.items).toEqual([{ storyId: b.id, voted: true, learned: false }]);
  });

  it('schema-checks the stories asked about: at most 50 story ids', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `s-${i}`).join(',');
    expect((await mine(fifty, service)).status).toBe(200);
    for (const bad of [`${fifty},s-50`, 'a,,b', 'a/b', '']) {
      const refused = await mine(encodeURIComponent(bad), service);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation');
    }
    const none = await api.get<ApiErrorBody>('/api/me/reactions', { user: service });
    expect(none.status).toBe(400);
  });

  it('hides learned counts in privacy mode as it hides vote counts; editors still see them', async () => {
    const story = await published();
    await react('POST', story.id, 'learned', service);
    const setPrivacy = async (enabled: boolean) => {
      const read = await api.get<SettingsDto>('/api/settings', { user: admin });
      const { version, approval, roles } = read.body;
      const saved = await api.call('PUT', '/api/settings', {
        user: admin,
        body: { version, approval, roles, privacy: { enabled } },
      });
      expect(saved.status).toBe(200);
    };
    await setPrivacy(true);
    try {
      const asEmployee = await api.get<StoryDto>(`/api/stories/${story.id}`, { user: cloakroom });
      expect(asEmployee.body).not.toHaveProperty('learnedCount');
      expect(asEmployee.body).not.toHaveProperty('voteCount');
      const reacted = await react('POST', story.id, 'learned', cloakroom);
      expect(reacted.status).toBe(200);
      expect(reacted.body).not.toHaveProperty('learnedCount');
      const asEditor = await api.get<StoryDto>(`/api/stories/${story.id}`, { user: editor });
      expect(asEditor.body.learnedCount).toBe(2);
    } finally {
      await setPrivacy(false);
    }
  });

  it('exports a person’s "I learned from this" and erases them with each count', async () => {
    const story = await published({ title: 'A story two people learned from' });
    await react('POST', story.id, 'learned', service);
    await react('POST', story.id, 'learned', cloakroom);
    const exported = await api.get<PersonalDataExportDto>(`/api/people/${service}/export`, {
      user: service,
    });
    expect(exported.status).toBe(200);
    expect(exported.body.learned.map((l) => l.story.id)).toContain(story.id);
    expect(exported.body.learned.find((l) => l.story.id === story.id)?.story).not.toHaveProperty(
      'learnedCount',
    );

    const receipt = await api.call<ErasureReceiptDto>('POST', `/api/people/${service}/erase`, {
      user: admin,
      body: {},
    });
    expect(receipt.status).toBe(200);
    expect(receipt.body.erased.learned.ids).toContain(story.id);
    const after = await api.get<StoryDto>(`/api/stories/${story.id}`, { user: editor });
    expect(after.body.learnedCount).toBe(1);
    const left = await mine(story.id, cloakroom);
    expect(left.body.items[0]?.learned).toBe(true);
    const gone = await api.get<PersonalDataExportDto>(`/api/people/${service}/export`, {
      user: admin,
    });
    expect(gone.body.learned).toEqual([]);
  });
});

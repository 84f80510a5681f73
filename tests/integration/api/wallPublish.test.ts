import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { SettingsDto, StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import { buildStoryDraft } from '../../support/factories.js';
import { useTestApp } from '../../support/useTestApp.js';

/**
 * A story approved on this instance goes onto the wall's cached first page in place (ADR 0010):
 * every class of readers — vote counts shown or hidden, the featured colleagues shown to all, to
 * some, or to the people of the story alone — gets the page a read of the wall gives them, and
 * the page after it, from its cursor, goes on with nothing skipped or shown twice.
 */

const { employee, editor, admin, service, cloakroom, driver } = DEMO_USER_IDS;
const LIMIT = 5;

describe('a story approved while the wall is cached', () => {
  const { api } = useTestApp();

  const page = async (user: string, query: string) => {
    const answer = await api.get<WallPageDto>(`/api/stories?${query}`, { user });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('is on every reader’s cached first page, and the next page goes on right after it', async () => {
    // Privacy mode hides the counts from all but editors and admins; a featured colleague's
    // name shows to everyone once they confirm, to the people of the story before.
    const read = await api.get<SettingsDto>('/api/settings', { user: admin });
    const { version, approval, roles } = read.body;
    const saved = await api.call('PUT', '/api/settings', {
      user: admin,
      body: { version, approval, roles, privacy: { enabled: true, confirmFeatured: true } },
    });
    expect(saved.status).toBe(200);

    // An outsider, the author, a colleague asked to confirm, an editor (counts shown).
    const readers = [service, employee, cloakroom, editor];
    for (const reader of readers) await page(reader, `limit=${LIMIT}`);

    const created = await api.post<StoryDto>(
      '/api/stories',
      buildStoryDraft({ featured: [cloakroom, driver] }),
      { user: employee },
    );
    expect(created.status).toBe(201);
    const approver = created.body.approval.approvers[0]?.id ?? '';
    const decided = await api.post(
      `/api/stories/${created.body.id}/decision`,
      { decision: 'approve' },
      { user: approver },
    );
    expect(decided.status).toBe(200);
    // The wall's projection may finish after the answer (ADR 0011).
    for (let tries = 0; ; tries++) {
      const first = await page(service, `limit=${LIMIT}`);
      if (first.items[0]?.id === created.body.id) break;
      expect(tries).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    for (const reader of readers) {
      const first = await page(reader, `limit=${LIMIT}`);
      expect(first.items[0]?.id).toBe(created.body.id);
      expect(first.nextCursor).not.toBeNull();
      const next = await page(
        reader,
        `limit=${LIMIT}&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
      );
      // A page size never asked for before the approval: read from storage after it.
      const whole = await page(reader, `limit=${2 * LIMIT}`);
      expect([...first.items, ...next.items]).toEqual(whole.items);
    }
    // The classes did see the story differently.
    const names = async (user: string) =>
      (await page(user, `limit=${LIMIT}`)).items[0]?.featured.map((p) => p.displayName);
    expect(await names(service)).toEqual([]);
    expect(await names(cloakroom)).toEqual(['Anna Naulakko']);
    expect(await names(employee)).toEqual(['Anna Naulakko', 'Tomi Kuljettaja']);
    const counted = async (user: string) =>
      'voteCount' in ((await page(user, `limit=${LIMIT}`)).items[0] ?? {});
    expect(await counted(editor)).toBe(true);
    expect(await counted(service)).toBe(false);
  });
});

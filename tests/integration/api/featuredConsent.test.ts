import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import type { ApiErrorBody, SettingsDto, StoryDto, WallPageDto } from '../../../src/shared/dto.js';
import { useTestApp } from '../../support/useTestApp.js';
import { buildStoryDraft } from '../../support/factories.js';

/**
 * Featured colleagues confirm before they are named (the `confirmFeatured` privacy setting), over
 * HTTP: an admin turns it on in Settings; a new story names its colleagues only to those with a
 * part in it until each confirms; declining takes the name off.
 */

const { employee, manager, admin, cloakroom, driver, editor, service } = DEMO_USER_IDS;

const draft = buildStoryDraft({ featured: [cloakroom, driver] });

describe('featured colleagues confirm first', () => {
  const { api } = useTestApp();

  async function savePrivacy(privacy: Record<string, unknown>) {
    const read = await api.get<SettingsDto>('/api/settings', { user: admin });
    const { version, approval, roles } = read.body;
    return api.call<SettingsDto & ApiErrorBody>('PUT', '/api/settings', {
      user: admin,
      body: { version, approval, roles, privacy },
    });
  }

  const names = (story: StoryDto | undefined) =>
    (story?.featured ?? []).map((p) => [p.displayName, p.awaitingConfirmation === true]);

  it('starts off, and is saved and read back with the retention period', async () => {
    const before = await api.get<SettingsDto>('/api/settings', { user: admin });
    expect(before.body.privacy).toEqual({
      enabled: false,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    const saved = await savePrivacy({ enabled: false, confirmFeatured: true });
    expect(saved.status).toBe(200);
    // A field left out stays as saved.
    expect(saved.body.privacy).toEqual({
      enabled: false,
      confirmFeatured: true,
      deleteClosedAfterDays: null,
    });
    const bad = await savePrivacy({ enabled: false, deleteClosedAfterDays: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {})).toEqual(['privacy.deleteClosedAfterDays']);
  });

  it('names a colleague to everyone only once they confirm', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft, { user: employee });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // The author sees both, marked.
    expect(names(created.body)).toEqual([
      ['Anna Naulakko', true],
      ['Tomi Kuljettaja', true],
    ]);
    await api.post(`/api/stories/${id}/decision`, { decision: 'approve' }, { user: manager });

    const onWall = async (user: string) =>
      (await api.get<WallPageDto>('/api/stories?limit=50', { user })).body.items.find(
        (s) => s.id === id,
      );
    expect(names(await onWall(employee))).toHaveLength(2);
    expect(names(await onWall(editor))).toHaveLength(2);
    // A reader with no part in it sees nobody yet; the person asked sees only themselves.
    expect(names(await onWall(service))).toEqual([]);
    expect(names(await onWall(cloakroom))).toEqual([['Anna Naulakko', true]]);

    const confirmed = await api.post<StoryDto>(
      `/api/stories/${id}/featured/me/confirm`,
      {},
      { user: cloakroom },
    );
    expect(confirmed.status).toBe(200);
    expect(names(confirmed.body)).toEqual([['Anna Naulakko', false]]);
    expect(names(await onWall(driver))).toEqual([
      ['Anna Naulakko', false],
      ['Tomi Kuljettaja', true],
    ]);

    // The driver declines: the name comes off for everyone.
    const declined = await api.call<StoryDto>('DELETE', `/api/stories/${id}/featured/me`, {
      user: driver,
    });
    expect(names(declined.body)).toEqual([['Anna Naulakko', false]]);
    const history = await api.get<{ items: { type: string }[] }>(`/api/stories/${id}/history`, {
      user: employee,
    });
    expect(history.body.items.slice(0, 2).map((e) => e.type)).toEqual([
      'featured_removed',
      'featured_confirmed',
    ]);
  });

  it('refuses a body on confirm, and hides a pending story from a stranger', async () => {
    const created = await api.post<StoryDto>('/api/stories', draft, { user: employee });
    const body = await api.post<ApiErrorBody>(
      `/api/stories/${created.body.id}/featured/me/confirm`,
      { yes: true },
      { user: cloakroom },
    );
    expect(body.status).toBe(400);
    const stranger = await api.post<ApiErrorBody>(
      `/api/stories/${created.body.id}/featured/me/confirm`,
      {},
      { user: service },
    );
    expect(stranger.status).toBe(404);
  });
});

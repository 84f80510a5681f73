import type { Story } from '../../../src/domain/index.js';
import { pendingApproval } from '../../support/factories.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/index.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage } from '../../support/azurite.js';
import { buildStory, buildUser } from '../../support/factories.js';

let storage: TableStorage;

beforeAll(async () => {
  storage = await testStorage();
});
afterAll(async () => {
  await storage.dropTables();
});

describe('TableApprovalQueue', () => {
  const tenantId = 'tenant-q';
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
  const pending = (id: string, createdAt: Date, approverId = 'approver-1') =>
    buildStory({
      tenantId,
      id,
      createdAt,
      updatedAt: createdAt,
      approval: pendingApproval(approverId, approverId, createdAt),
      status: 'pending',
    });

  it('lists an approver’s stories oldest first, up to the limit', async () => {
    const stories = [pending('s3', day(3)), pending('s1', day(1)), pending('s2', day(2))];
    await Promise.all(
      [...stories, pending('other', day(1), 'approver-2')].map((s) =>
        storage.approvals.put(s, approverOf(s)),
      ),
    );
    expect((await storage.approvals.list(tenantId, 'approver-1', 10)).map((s) => s.id)).toEqual([
      's1',
      's2',
      's3',
    ]);
    expect((await storage.approvals.list(tenantId, 'approver-1', 2)).map((s) => s.id)).toEqual([
      's1',
      's2',
    ]);
    expect((await storage.approvals.list(tenantId, 'approver-2', 10)).map((s) => s.id)).toEqual([
      'other',
    ]);
    expect(await storage.approvals.list('tenant-other', 'approver-1', 10)).toEqual([]);
  });

  it('replaces on put and removes by the story alone (twice is fine)', async () => {
    const story = pending('s9', day(9), 'approver-9');
    await storage.approvals.put(story, approverOf(story));
    const edited = { ...story, title: 'Edited', updatedAt: day(10), revision: story.revision + 1 };
    await storage.approvals.put(edited, approverOf(edited));
    expect(await storage.approvals.list(tenantId, 'approver-9', 10)).toEqual([edited]);
    const published = { ...edited, status: 'published' as const, publishedAt: day(11) };
    await storage.approvals.remove(
      { ...published, revision: edited.revision + 1 },
      approverOf({ ...published, revision: edited.revision + 1 }),
    );
    await storage.approvals.remove(
      { ...published, revision: edited.revision + 1 },
      approverOf({ ...published, revision: edited.revision + 1 }),
    );
    expect(await storage.approvals.list(tenantId, 'approver-9', 10)).toEqual([]);
  });
});

describe('TableUserDirectory', () => {
  it('upserts, gets and lists the people of one tenant', async () => {
    const full = buildUser({
      tenantId: 'tenant-u',
      id: 'u-1',
      displayName: 'Mikko Manager',
      email: 'mikko@example.com',
      roles: ['employee', 'approver', 'admin'],
      managerId: 'u-0',
      team: 'Customer service',
      locale: 'fi',
    });
    const bare = buildUser({ tenantId: 'tenant-u', id: 'u-2', roles: ['employee'] });
    await Promise.all(
      [full, bare, buildUser({ tenantId: 'tenant-v', id: 'u-3' })].map((u) =>
        storage.users.upsert(u),
      ),
    );
    expect(await storage.users.get('tenant-u', 'u-1')).toEqual(full);
    expect(await storage.users.get('tenant-u', 'u-2')).toEqual(bare);
    expect(await storage.users.get('tenant-v', 'u-1')).toBeNull();
    expect((await storage.users.list('tenant-u')).map((u) => u.id)).toEqual(['u-1', 'u-2']);

    const { email: _email, ...withoutEmail } = full;
    await storage.users.upsert({ ...withoutEmail, roles: ['employee'] });
    expect(await storage.users.get('tenant-u', 'u-1')).toEqual({
      ...withoutEmail,
      roles: ['employee'],
    });
  });

  it('refuses ids that cannot be keys', async () => {
    await expect(storage.users.get('tenant-u', 'a/b')).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'validation',
    );
  });
});

describe('TableConversationStore', () => {
  it('keeps the newest reference per person', async () => {
    expect(await storage.conversations.get('tenant-c', 'u-1')).toBeNull();
    await storage.conversations.put('tenant-c', 'u-1', '{"conversation":{"id":"a"}}');
    await storage.conversations.put('tenant-c', 'u-1', '{"conversation":{"id":"b"}}');
    expect(await storage.conversations.get('tenant-c', 'u-1')).toBe('{"conversation":{"id":"b"}}');
    expect(await storage.conversations.get('tenant-d', 'u-1')).toBeNull();
  });
});

/** The approver a test story waits for. */
function approverOf(story: Story): string {
  return story.approval.asked[0] ?? '';
}

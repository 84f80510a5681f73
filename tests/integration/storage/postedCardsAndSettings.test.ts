import { describe, expect, it } from 'vitest';
import type { PostedCard } from '../../../src/domain/index.js';
import { useTestStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const storage = useTestStorage();

describe('TablePostedCards', () => {
  const ref = { tenantId: 'tenant-c', storyId: 'story-c1' };
  const approval: PostedCard = {
    activityId: '1:1Ab_c|d/e#f?g',
    reference: '{"conversation":{"id":"a:chat"}}',
    kind: 'approval',
    locale: 'fi',
    userId: 'manager-1',
    teamsUserId: '29:manager-1',
    messageId: 'message-1',
  };
  const channel: PostedCard = {
    activityId: '1700000000000',
    reference: '{"conversation":{"id":"19:general@thread.tacv2"}}',
    kind: 'channel',
    locale: 'en',
  };

  it('keeps every card of a story, whatever characters Teams puts in an activity id', async () => {
    await storage.postedCards.add(ref, approval);
    await storage.postedCards.add(ref, channel);
    expect(await storage.postedCards.list(ref)).toEqual(
      expect.arrayContaining([approval, channel]),
    );
    expect(await storage.postedCards.list(ref)).toHaveLength(2);
    expect(await storage.postedCards.list({ ...ref, storyId: 'story-other' })).toEqual([]);
    expect(await storage.postedCards.list({ ...ref, tenantId: 'tenant-other' })).toEqual([]);
  });

  it('records the same message once, and forgets it (twice is fine)', async () => {
    const other = { ...ref, storyId: 'story-c2' };
    await storage.postedCards.add(other, channel);
    await storage.postedCards.add(other, { ...channel, locale: 'fi' });
    expect(await storage.postedCards.list(other)).toEqual([{ ...channel, locale: 'fi' }]);
    await storage.postedCards.remove(other, channel.activityId);
    await storage.postedCards.remove(other, channel.activityId);
    expect(await storage.postedCards.list(other)).toEqual([]);
  });

  it('lives beside the story without disturbing it, its outbox or its audit', async () => {
    const story = buildStory({ tenantId: 'tenant-c', id: 'story-c3' });
    const storyRef = { tenantId: story.tenantId, storyId: story.id };
    await storage.stories.commit({
      story,
      expectedEtag: null,
      audit: [
        {
          id: 'a1',
          at: story.createdAt,
          actorId: story.authorId,
          action: 'submitted',
          actorName: 'x',
          surface: 'tab',
        },
      ],
      outbox: [{ id: 'o1', kind: 'cards.refresh', createdAt: story.createdAt, payload: {} }],
    });
    await storage.postedCards.add(storyRef, approval);
    expect((await storage.stories.get(storyRef))?.value).toEqual(story);
    expect((await storage.outbox.pending(storyRef, story.createdAt)).map((m) => m.kind)).toEqual([
      'cards.refresh',
    ]);
    expect(await storage.stories.audit(storyRef)).toHaveLength(1);
    expect(await storage.postedCards.list(storyRef)).toEqual([approval]);
  });
});

describe('TableSettingsStore', () => {
  it('has no publication channel until an admin sets one; the last one set wins', async () => {
    expect(await storage.settings.getPublicationChannel('tenant-s')).toBeNull();
    const first = {
      reference: '{"conversation":{"id":"19:a@thread.tacv2"}}',
      locale: 'en' as const,
      setBy: 'admin-1',
      setAt: new Date('2026-11-02T09:00:00Z'),
    };
    await storage.settings.setPublicationChannel('tenant-s', first);
    expect(await storage.settings.getPublicationChannel('tenant-s')).toEqual(first);
    const second = { ...first, reference: '{"conversation":{"id":"19:b"}}', locale: 'fi' as const };
    await storage.settings.setPublicationChannel('tenant-s', second);
    expect(await storage.settings.getPublicationChannel('tenant-s')).toEqual(second);
    expect(await storage.settings.getPublicationChannel('tenant-other')).toBeNull();
  });
});

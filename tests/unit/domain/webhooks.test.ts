import { describe, expect, it } from 'vitest';
import {
  cachedSubscriptions,
  webhookEventsOf,
  webhookMessages,
  withWebhookEvents,
  type AuditAction,
  type StoryChange,
  type WebhookRecord,
} from '../../../src/domain/index.js';
import { buildStory } from '../../support/factories.js';
import { fakeStories, movableClock, sequentialIds } from '../../support/fakes.js';

/** Which changes raise which webhook events, and how they reach the outbox. */

const at = new Date('2026-10-01T08:00:00Z');
const audit = (...actions: AuditAction[]) =>
  actions.map((action, i) => ({
    id: `a-${i}`,
    at,
    actorId: 'u-1',
    actorName: 'Ulla',
    action,
    surface: 'tab' as const,
  }));

describe('webhookEventsOf', () => {
  it('maps each step of a story to its event, once, in the order of its history', () => {
    expect(webhookEventsOf({ audit: audit('submitted', 'routed') })).toEqual(['story.submitted']);
    expect(webhookEventsOf({ audit: audit('resubmitted', 'routed') })).toEqual(['story.submitted']);
    // The last approval publishes: both steps are in one change, one event.
    expect(webhookEventsOf({ audit: audit('approved', 'published') })).toEqual(['story.published']);
    expect(webhookEventsOf({ audit: audit('rejected') })).toEqual(['story.rejected']);
    expect(webhookEventsOf({ audit: audit('changes_requested') })).toEqual([
      'story.changes_requested',
    ]);
    expect(webhookEventsOf({ audit: audit('archived') })).toEqual(['story.archived']);
    expect(webhookEventsOf({ audit: audit('awarded') })).toEqual(['award.announced']);
    expect(webhookEventsOf({ audit: [], reaction: { kind: 'vote', personId: 'u-2', at } })).toEqual(
      ['vote.cast'],
    );
  });

  it('raises nothing for steps no integration listens to', () => {
    for (const action of [
      'routed',
      'approved',
      'reminded',
      'escalated',
      'hidden',
      'restored',
      'edited',
      'featured_removed',
    ] as const) {
      expect(webhookEventsOf({ audit: audit(action) })).toEqual([]);
    }
  });
});

describe('webhookMessages', () => {
  const hooks = [
    { id: 'wh_a', events: ['story.published', 'vote.cast'] as const, paused: false },
    { id: 'wh_b', events: ['story.published'] as const, paused: true },
    { id: 'wh_c', events: ['story.submitted'] as const, paused: false },
  ];

  it('queues one message per event and webhook that wants it, never to a paused one', () => {
    const messages = webhookMessages(
      sequentialIds('m'),
      at,
      ['story.published', 'vote.cast'],
      hooks,
    );
    expect(messages.map((m) => [m.kind, m.payload])).toEqual([
      ['webhook.deliver', { event: 'story.published', webhookId: 'wh_a' }],
      ['webhook.deliver', { event: 'vote.cast', webhookId: 'wh_a' }],
    ]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(2);
  });
});

describe('withWebhookEvents', () => {
  function setup(webhooks: Pick<WebhookRecord, 'id' | 'events' | 'paused'>[]) {
    const stories = fakeStories();
    let reads = 0;
    const repository = withWebhookEvents(stories, {
      ids: sequentialIds('w'),
      subscriptions: {
        of: () => {
          reads++;
          return Promise.resolve(webhooks);
        },
        forget: () => undefined,
      },
    });
    return { stories, repository, reads: () => reads };
  }
  const change = (actions: AuditAction[]): StoryChange => ({
    story: buildStory({ id: 's-1', revision: 1 }),
    expectedEtag: null,
    audit: audit(...actions),
    outbox: [{ id: 'p-1', kind: 'story.project', createdAt: at, payload: {} }],
  });

  it('adds the deliveries to the same commit as the change', async () => {
    const { stories, repository } = setup([
      { id: 'wh_a', events: ['story.submitted'], paused: false },
    ]);
    await repository.commit(change(['submitted', 'routed']));
    const outbox = stories.outboxOf({ tenantId: buildStory().tenantId, storyId: 's-1' });
    expect(outbox.map((m) => [m.kind, m.payload])).toEqual([
      ['story.project', {}],
      ['webhook.deliver', { event: 'story.submitted', webhookId: 'wh_a' }],
    ]);
    expect(outbox[1]?.createdAt).toEqual(at);
  });

  it('reads no subscriptions for a change that raises no event', async () => {
    const { repository, reads } = setup([]);
    await repository.commit(change(['reminded']));
    expect(reads()).toBe(0);
  });

  it('adds nothing when no webhook wants the event', async () => {
    const { stories, repository, reads } = setup([
      { id: 'wh_a', events: ['vote.cast'], paused: false },
    ]);
    await repository.commit(change(['submitted']));
    expect(reads()).toBe(1);
    const outbox = stories.outboxOf({ tenantId: buildStory().tenantId, storyId: 's-1' });
    expect(outbox.map((m) => m.kind)).toEqual(['story.project']);
  });
});

describe('cachedSubscriptions', () => {
  it('reads a tenant once per period, again after forget, and not a failed read', async () => {
    const clock = movableClock();
    let reads = 0;
    let fail = false;
    const cached = cachedSubscriptions(
      {
        list: async () => {
          reads++;
          if (fail) throw new Error('storage down');
          return [];
        },
      },
      clock,
      5_000,
    );
    await cached.of('t');
    await cached.of('t');
    expect(reads).toBe(1);
    clock.advance(5_000);
    await cached.of('t');
    expect(reads).toBe(2);
    cached.forget('t');
    fail = true;
    await expect(cached.of('t')).rejects.toThrow('storage down');
    fail = false;
    await cached.of('t');
    expect(reads).toBe(4);
  });
});

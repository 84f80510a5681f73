import { odata, TableClient } from '@azure/data-tables';
import { describe, expect, inject, it } from 'vitest';
import type { OutboxMessage, PendingOutboxMessage, StoryRef } from '../../../src/domain/index.js';
import { createOutboxRelay } from '../../../src/domain/outboxRelay.js';
import { testStorage, uniqueTablePrefix, useTestStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';
import { fixedClock, silentLogger } from '../../support/fakes.js';
import { everyKind } from '../../support/outboxHandlers.js';

const T0 = new Date('2026-11-02T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const storage = useTestStorage();
let n = 0;

/** Commits a new story with the given outbox messages; returns its ref. */
async function storyWith(outbox: OutboxMessage[], tenantId = 'tenant-a'): Promise<StoryRef> {
  const story = buildStory({ tenantId, id: `story-${++n}`, createdAt: T0, updatedAt: T0 });
  await storage.stories.commit({ story, expectedEtag: null, audit: [], outbox });
  return { tenantId, storyId: story.id };
}

const message = (id: string, createdAt = T0, kind: OutboxMessage['kind'] = 'story.project') => ({
  id,
  kind,
  createdAt,
  payload: { approverId: 'm-1', n: 2, ok: true },
});

describe('TableOutboxStore', () => {
  it('lists the due messages of one story in the order they were queued', async () => {
    const ref = await storyWith([
      message(`z-${n}`, T0, 'approval.requested'),
      message(`a-${n}`, T0, 'story.project'),
      message(`m-${n}`, at(-5), 'story.decided'),
    ]);
    const pending = await storage.outbox.pending(ref, T0);
    expect(pending.map((m) => m.kind)).toEqual([
      'story.decided',
      'approval.requested',
      'story.project',
    ]);
    expect(pending[0]).toMatchObject({
      ref,
      attempts: 0,
      payload: { approverId: 'm-1', n: 2, ok: true },
    });
    expect(await storage.outbox.pending(ref, at(-10))).toEqual([]);
  });

  it('lets one worker claim a message; a second claim of the same version gets null', async () => {
    const ref = await storyWith([message(`c-${n + 1}`)]);
    const [msg] = await storage.outbox.pending(ref, T0);
    const claimed = await storage.outbox.claim(msg!, at(60));
    expect(claimed?.nextAttemptAt).toEqual(at(60));
    expect(claimed?.etag).not.toBe(msg!.etag);
    expect(await storage.outbox.claim(msg!, at(60))).toBeNull();
    // Leased: not due until the lease runs out.
    expect(await storage.outbox.pending(ref, at(30))).toEqual([]);
    expect(await storage.outbox.pending(ref, at(61))).toHaveLength(1);
  });

  it('claims the messages of one story in one call, all or none', async () => {
    const ref = await storyWith([message(`b1-${n + 1}`), message(`b2-${n + 1}`)]);
    const pending = await storage.outbox.pending(ref, T0);
    // Another worker took one of them: nothing is claimed, the caller goes one by one.
    const taken = (await storage.outbox.claim(pending[1]!, at(60)))!;
    expect(await storage.outbox.claimAll!(pending, at(60))).toBeNull();
    expect(await storage.outbox.pending(ref, T0)).toHaveLength(1);

    await storage.outbox.complete(taken);
    const [rest] = await storage.outbox.pending(ref, T0);
    const claimed = (await storage.outbox.claimAll!([rest!], at(60)))!;
    expect(claimed.map((m) => m.nextAttemptAt)).toEqual([at(60)]);
    expect(await storage.outbox.pending(ref, at(30))).toEqual([]);
    await storage.outbox.completeAll!(claimed);
    await storage.outbox.completeAll!(claimed);
    expect(await storage.outbox.pending(ref, at(3600))).toEqual([]);
  });

  it('completes a claimed message, and completing twice is harmless', async () => {
    const ref = await storyWith([message(`d-${n + 1}`)]);
    const [msg] = await storage.outbox.pending(ref, T0);
    const claimed = (await storage.outbox.claim(msg!, at(60)))!;
    await storage.outbox.complete(claimed);
    await storage.outbox.complete(claimed);
    expect(await storage.outbox.pending(ref, at(3600))).toEqual([]);
    expect(await storage.outbox.claim(claimed, at(120))).toBeNull();
  });

  it('reschedules a failed message with its attempt count and a truncated error', async () => {
    const ref = await storyWith([message(`r-${n + 1}`)]);
    const [msg] = await storage.outbox.pending(ref, T0);
    const claimed = (await storage.outbox.claim(msg!, at(60)))!;
    await storage.outbox.retryLater(claimed, at(10), 'x'.repeat(5000));
    const [again] = await storage.outbox.pending(ref, at(10));
    expect(again).toMatchObject({ id: msg!.id, attempts: 1, nextAttemptAt: at(10) });
    // A stale version (the pre-claim one) no longer applies.
    await storage.outbox.retryLater(msg!, at(999), 'stale');
    expect((await storage.outbox.pending(ref, at(10)))[0]?.attempts).toBe(1);
  });

  it('parks a given-up message for good, with its error and a "givenUp" mark', async () => {
    const tablePrefix = uniqueTablePrefix();
    const own = await testStorage({ tablePrefix });
    try {
      const story = buildStory({ tenantId: 'tenant-g', id: 'story-g', createdAt: T0 });
      await own.stories.commit({ story, expectedEtag: null, audit: [], outbox: [message('g-1')] });
      const ref = { tenantId: 'tenant-g', storyId: 'story-g' };
      const [msg] = await own.outbox.pending(ref, T0);
      const claimed = (await own.outbox.claim(msg!, at(60)))!;
      await own.outbox.giveUp(claimed, 'Forbidden: ' + 'y'.repeat(5000));
      const far = new Date('9000-01-01T00:00:00Z');
      expect(await own.outbox.pending(ref, far)).toEqual([]);
      expect(await own.outbox.due(far, 100)).toEqual([]);
      // The row stays for an operator to read.
      const raw = TableClient.fromConnectionString(
        inject('azurite').connectionString,
        `${tablePrefix}stories`,
        { allowInsecureConnection: true },
      );
      const rows: Record<string, unknown>[] = [];
      const filter = odata`id eq ${'g-1'}`;
      for await (const row of raw.listEntities({ queryOptions: { filter } })) rows.push(row);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ givenUp: true, attempts: 1 });
      expect(String(rows[0]!.lastError)).toHaveLength(1000);
      // A stale version (the pre-claim one) changes nothing.
      await own.outbox.giveUp(msg!, 'stale');
      expect(await own.outbox.due(far, 100)).toEqual([]);
    } finally {
      await own.dropTables();
    }
  });

  it('finds due messages of any story and tenant for the background sweep', async () => {
    const refs = [
      await storyWith([message(`s-${n + 1}`, at(-100))], 'tenant-sweep-1'),
      await storyWith([message(`s-${n + 1}`, at(-90))], 'tenant-sweep-2'),
    ];
    const due = await storage.outbox.due(at(-80), 100);
    expect(due.map((m) => m.ref)).toEqual(refs);
    expect(await storage.outbox.due(at(-80), 1)).toHaveLength(1);
    expect(await storage.outbox.due(at(-200), 100)).toEqual([]);
  });

  it('drives the real outbox relay: handled once, retried after a failure', async () => {
    const ref = await storyWith([message(`h-${n + 1}`, T0, 'story.decided')]);
    const clock = fixedClock(T0);
    const seen: PendingOutboxMessage[] = [];
    let fail = true;
    const handle = async (m: PendingOutboxMessage) => {
      seen.push(m);
      if (fail) throw new Error('Teams is down');
    };
    const relay = createOutboxRelay({
      outbox: storage.outbox,
      clock,
      logger: silentLogger,
      handlers: everyKind(handle),
    });
    await relay.relay(ref);
    expect(seen).toHaveLength(1);
    await relay.relay(ref);
    expect(seen).toHaveLength(1);
    fail = false;
    clock.advance(60_000);
    await relay.relay(ref);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.attempts).toBe(1);
    expect(await storage.outbox.pending(ref, new Date(T0.getTime() + 86_400_000))).toEqual([]);
  });
});

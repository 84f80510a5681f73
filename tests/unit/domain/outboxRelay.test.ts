import { describe, expect, it, vi } from 'vitest';
import {
  backoffMs,
  createOutboxRelay,
  type OutboxHandler,
  type OutboxKind,
  type OutboxStore,
  PermanentFailure,
  type PendingOutboxMessage,
  type StoryRef,
} from '../../../src/domain/index.js';
import { fakeStories, fixedClock } from '../../support/fakes.js';
import { buildStory, recordingLogger } from '../../support/factories.js';
import { everyKind, perKind } from '../../support/outboxHandlers.js';

const HOUR = 60 * 60 * 1000;
const kinds: readonly OutboxKind[] = ['approval.requested', 'story.decided', 'story.project'];

/** A store with one story per id in `stories`, each with outbox rows of the given kinds. */
async function setup(stories: Record<string, readonly OutboxKind[]> = { s1: kinds }) {
  const store = fakeStories();
  const clock = fixedClock();
  const logger = recordingLogger();
  const refs: Record<string, StoryRef> = {};
  for (const [storyId, messageKinds] of Object.entries(stories)) {
    const story = buildStory({ id: storyId });
    refs[storyId] = { tenantId: story.tenantId, storyId };
    await store.commit({
      story,
      expectedEtag: null,
      audit: [],
      outbox: messageKinds.map((kind, i) => ({
        id: `${storyId}-m${i + 1}`,
        kind,
        createdAt: clock.now(),
        payload: {},
      })),
    });
  }
  const ran: string[] = [];
  const failing = new Map<string, () => unknown>();
  const handler: OutboxHandler = async (message) => {
    ran.push(message.id);
    const fail = failing.get(message.id);
    if (fail) throw fail();
  };
  const handlers = everyKind(handler);
  const relayWith = (outbox: OutboxStore = store, leaseMs?: number, maxAttempts?: number) =>
    createOutboxRelay({
      outbox,
      handlers,
      clock,
      logger,
      ...(leaseMs === undefined ? {} : { leaseMs }),
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    });
  const pendingOf = (storyId: string) => store.outboxOf(refs[storyId]!);
  const messageOf = (storyId: string, id: string) => pendingOf(storyId).find((m) => m.id === id);
  return { store, clock, logger, refs, ran, failing, relayWith, pendingOf, messageOf };
}

describe('backoffMs', () => {
  it('grows exponentially from two seconds', () => {
    expect([0, 1, 2, 3, 4].map(backoffMs)).toEqual([2000, 4000, 8000, 16000, 32000]);
  });

  it('is capped at an hour', () => {
    expect(backoffMs(11)).toBe(HOUR);
    expect(backoffMs(1000)).toBe(HOUR);
  });

  it('treats a negative attempt count as the first', () => {
    expect(backoffMs(-3)).toBe(backoffMs(0));
  });
});

describe('createOutboxRelay', () => {
  describe('relay', () => {
    it('runs every due message of the story, in order, and completes it', async () => {
      const { relayWith, refs, ran, pendingOf } = await setup();
      await relayWith().relay(refs.s1!);
      expect(ran).toEqual(['s1-m1', 's1-m2', 's1-m3']);
      expect(pendingOf('s1')).toEqual([]);
    });

    it('passes each handler the message of its kind', async () => {
      const { store, clock, logger, refs } = await setup();
      const seen: Array<[OutboxKind, OutboxKind]> = [];
      const record =
        (as: OutboxKind): OutboxHandler =>
        async (m) => {
          seen.push([as, m.kind]);
        };
      const relay = createOutboxRelay({
        outbox: store,
        clock,
        logger,
        handlers: perKind(record),
      });
      await relay.relay(refs.s1!);
      expect(seen).toEqual(kinds.map((k) => [k, k]));
    });

    it('runs only the messages of the given story', async () => {
      const { relayWith, refs, ran, pendingOf } = await setup({
        s1: ['story.project'],
        s2: ['story.project'],
      });
      await relayWith().relay(refs.s1!);
      expect(ran).toEqual(['s1-m1']);
      expect(pendingOf('s2')).toHaveLength(1);
    });

    it('keeps a failed message for a retry after the back-off, and runs the others', async () => {
      const { relayWith, refs, ran, failing, messageOf, pendingOf, clock, logger } = await setup();
      failing.set('s1-m2', () => new Error('Teams is down'));
      await relayWith().relay(refs.s1!);

      expect(ran).toEqual(['s1-m1', 's1-m2', 's1-m3']);
      expect(pendingOf('s1').map((m) => m.id)).toEqual(['s1-m2']);
      expect(messageOf('s1', 's1-m2')).toMatchObject({
        attempts: 1,
        nextAttemptAt: new Date(clock.now().getTime() + backoffMs(0)),
      });
      expect(logger.entries).toMatchObject([
        { level: 'warn', context: { kind: 'story.decided', attempts: 1 } },
      ]);
    });

    it('retries only once the back-off has passed, with a longer back-off each time', async () => {
      const { relayWith, refs, ran, failing, messageOf, pendingOf, clock } = await setup({
        s1: ['approval.requested'],
      });
      const relay = relayWith();
      failing.set('s1-m1', () => new Error('Teams is down'));
      await relay.relay(refs.s1!);
      expect(ran).toHaveLength(1);

      clock.advance(backoffMs(0) - 1);
      await relay.relay(refs.s1!);
      expect(ran).toHaveLength(1);

      clock.advance(1);
      await relay.relay(refs.s1!);
      expect(ran).toHaveLength(2);
      expect(messageOf('s1', 's1-m1')).toMatchObject({
        attempts: 2,
        nextAttemptAt: new Date(clock.now().getTime() + backoffMs(1)),
      });

      failing.delete('s1-m1');
      clock.advance(backoffMs(1));
      await relay.relay(refs.s1!);
      expect(ran).toEqual(['s1-m1', 's1-m1', 's1-m1']);
      expect(pendingOf('s1')).toEqual([]);
    });

    it('logs an error instead of a warning once a message keeps failing', async () => {
      const { relayWith, refs, failing, clock, logger } = await setup({ s1: ['story.decided'] });
      const relay = relayWith();
      failing.set('s1-m1', () => new Error('still down'));
      for (let attempt = 0; attempt < 6; attempt++) {
        await relay.relay(refs.s1!);
        clock.advance(HOUR);
      }
      expect(logger.entries.map((e) => e.level)).toEqual([
        'warn',
        'warn',
        'warn',
        'warn',
        'warn',
        'error',
      ]);
    });

    it('gives up on a message after maxAttempts, keeping it for an operator', async () => {
      const { store, relayWith, refs, failing, clock, logger, pendingOf, ran } = await setup({
        s1: ['story.decided'],
      });
      const giveUp = vi.spyOn(store, 'giveUp');
      const relay = relayWith(store, undefined, 3);
      failing.set('s1-m1', () => new Error('still down'));
      for (let attempt = 0; attempt < 5; attempt++) {
        await relay.relay(refs.s1!);
        clock.advance(HOUR);
      }
      expect(ran).toEqual(['s1-m1', 's1-m1', 's1-m1']);
      expect(giveUp).toHaveBeenCalledTimes(1);
      expect(giveUp).toHaveBeenCalledWith(
        expect.objectContaining({ id: 's1-m1', attempts: 2 }),
        'still down',
      );
      expect(pendingOf('s1')).toHaveLength(1);
      expect(logger.entries.at(-1)).toMatchObject({
        level: 'error',
        message: 'outbox message given up',
      });
    });

    it('gives up at once on a permanent failure (e.g. the person blocked the bot)', async () => {
      const { store, relayWith, refs, failing, clock, ran } = await setup({
        s1: ['story.decided'],
      });
      const giveUp = vi.spyOn(store, 'giveUp');
      const retryLater = vi.spyOn(store, 'retryLater');
      failing.set('s1-m1', () => new PermanentFailure('Forbidden: conversation blocked'));
      const relay = relayWith();
      await relay.relay(refs.s1!);
      clock.advance(24 * HOUR);
      await relay.relay(refs.s1!);
      expect(ran).toEqual(['s1-m1']);
      expect(retryLater).not.toHaveBeenCalled();
      expect(giveUp).toHaveBeenCalledWith(
        expect.objectContaining({ id: 's1-m1', attempts: 0 }),
        'Forbidden: conversation blocked',
      );
    });

    it('keeps retrying a failure marked permanent: false', async () => {
      const { store, relayWith, refs, failing } = await setup({ s1: ['story.decided'] });
      const giveUp = vi.spyOn(store, 'giveUp');
      failing.set('s1-m1', () => Object.assign(new Error('flaky'), { permanent: false }));
      await relayWith().relay(refs.s1!);
      expect(giveUp).not.toHaveBeenCalled();
    });

    it('honours retryAfterMs on the error (a 429 Retry-After)', async () => {
      const { relayWith, refs, failing, messageOf, clock, ran } = await setup({
        s1: ['story.decided'],
      });
      failing.set('s1-m1', () => Object.assign(new Error('429'), { retryAfterMs: 30_000 }));
      const relay = relayWith();
      await relay.relay(refs.s1!);
      expect(messageOf('s1', 's1-m1')?.nextAttemptAt).toEqual(
        new Date(clock.now().getTime() + 30_000),
      );

      clock.advance(backoffMs(0));
      await relay.relay(refs.s1!);
      expect(ran).toHaveLength(1);
      clock.advance(30_000 - backoffMs(0));
      await relay.relay(refs.s1!);
      expect(ran).toHaveLength(2);
    });

    it.each([
      ['negative', -5],
      ['not a number', '30'],
    ])('falls back to the back-off for a retryAfterMs that is %s', async (_, retryAfterMs) => {
      const { relayWith, refs, failing, messageOf, clock } = await setup({ s1: ['story.decided'] });
      failing.set('s1-m1', () => Object.assign(new Error('429'), { retryAfterMs }));
      await relayWith().relay(refs.s1!);
      expect(messageOf('s1', 's1-m1')?.nextAttemptAt).toEqual(
        new Date(clock.now().getTime() + backoffMs(0)),
      );
    });

    it('records a thrown non-Error value as the failure reason', async () => {
      const { store, relayWith, refs, failing } = await setup({ s1: ['story.decided'] });
      failing.set('s1-m1', () => 'plain string');
      const retryLater = vi.spyOn(store, 'retryLater');
      await relayWith().relay(refs.s1!);
      expect(retryLater).toHaveBeenCalledWith(
        expect.objectContaining({ id: 's1-m1' }),
        expect.any(Date),
        'plain string',
      );
    });

    it('claims each message with a lease of leaseMs', async () => {
      const { store, relayWith, refs, clock } = await setup({ s1: ['story.project'] });
      const claim = vi.spyOn(store, 'claim');
      await relayWith(store, 5_000).relay(refs.s1!);
      expect(claim).toHaveBeenCalledWith(
        expect.objectContaining({ id: 's1-m1' }),
        new Date(clock.now().getTime() + 5_000),
      );
    });

    it('does not run a message another worker claimed first', async () => {
      const { store, relayWith, refs, ran, pendingOf } = await setup();
      const complete = vi.spyOn(store, 'complete');
      await relayWith({ ...store, claim: async () => null }).relay(refs.s1!);
      expect(ran).toEqual([]);
      expect(complete).not.toHaveBeenCalled();
      expect(pendingOf('s1')).toHaveLength(3);
    });

    it('runs each message once when two workers relay the same story at once', async () => {
      const { relayWith, refs, ran, pendingOf } = await setup();
      await Promise.all([relayWith().relay(refs.s1!), relayWith().relay(refs.s1!)]);
      expect([...ran].sort()).toEqual(['s1-m1', 's1-m2', 's1-m3']);
      expect(pendingOf('s1')).toEqual([]);
    });

    it('a second relay of a story in flight waits for the first, so its messages are done', async () => {
      const { store, clock, logger, refs, pendingOf } = await setup({ s1: ['approval.requested'] });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow: OutboxHandler = () => gate;
      const relay = createOutboxRelay({
        outbox: store,
        handlers: everyKind(slow),
        clock,
        logger,
      });
      const first = relay.relay(refs.s1!);
      let secondDone = false;
      const second = relay.relay(refs.s1!).then(() => (secondDone = true));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(secondDone).toBe(false);
      release();
      await Promise.all([first, second]);
      expect(pendingOf('s1')).toEqual([]);
    });

    it('relays asked for while one runs share one run after it, which does their messages', async () => {
      const { store, clock, logger, refs, pendingOf } = await setup({ s1: ['approval.requested'] });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reads = 0;
      const outbox: OutboxStore = {
        ...store,
        pending: (ref, now) => {
          reads++;
          return store.pending(ref, now);
        },
      };
      const relay = createOutboxRelay({
        outbox,
        handlers: everyKind(() => gate),
        clock,
        logger,
      });
      const first = relay.relay(refs.s1!);
      await new Promise((resolve) => setTimeout(resolve, 10));
      // Ten votes commit while the first relay runs; each asks for a relay after its commit.
      for (let i = 0; i < 10; i++) {
        await store.enqueue(refs.s1!, {
          id: `vote-${i}`,
          kind: 'cards.refresh',
          createdAt: clock.now(),
          payload: {},
        });
      }
      const later = Array.from({ length: 10 }, () => relay.relay(refs.s1!));
      release();
      await Promise.all([first, ...later]);
      expect(pendingOf('s1')).toEqual([]);
      expect(reads).toBe(2);
    });

    it('does not hold up the relay of another story', async () => {
      const { store, clock, logger, refs, pendingOf } = await setup({
        s1: ['approval.requested'],
        s2: ['story.project'],
      });
      const never = new Promise<void>(() => undefined);
      const relay = createOutboxRelay({
        outbox: store,
        handlers: everyKind(() => never, {
          'story.project': async () => undefined,
        }),
        clock,
        logger,
      });
      void relay.relay(refs.s1!);
      await relay.relay(refs.s2!);
      expect(pendingOf('s2')).toEqual([]);
    });

    it('runs a message leased by a worker that died once the lease is over', async () => {
      const { store, relayWith, refs, ran, clock, pendingOf } = await setup({
        s1: ['story.project'],
      });
      const [message] = pendingOf('s1');
      await store.claim(message!, new Date(clock.now().getTime() + 60_000));
      const relay = relayWith();
      await relay.relay(refs.s1!);
      expect(ran).toEqual([]);
      clock.advance(60_000);
      await relay.relay(refs.s1!);
      expect(ran).toEqual(['s1-m1']);
    });
  });

  describe('sweep', () => {
    it('runs due messages of any story and says how many', async () => {
      const { relayWith, ran, pendingOf } = await setup({
        s1: ['approval.requested', 'story.project'],
        s2: ['story.decided'],
      });
      const done = await relayWith().sweep();
      expect(done).toBe(3);
      expect([...ran].sort()).toEqual(['s1-m1', 's1-m2', 's2-m1']);
      expect(pendingOf('s1')).toEqual([]);
      expect(pendingOf('s2')).toEqual([]);
    });

    it('runs at most `limit` messages', async () => {
      const { relayWith, ran } = await setup({ s1: kinds, s2: kinds });
      await relayWith().sweep(2);
      expect(ran).toHaveLength(2);
    });

    it('leaves messages whose retry is not yet due', async () => {
      const { relayWith, refs, failing, ran, clock } = await setup({
        s1: ['story.decided'],
        s2: ['story.project'],
      });
      failing.set('s1-m1', () => new Error('down'));
      const relay = relayWith();
      await relay.relay(refs.s1!);
      await relay.sweep();
      expect(ran).toEqual(['s1-m1', 's2-m1']);
      failing.delete('s1-m1');
      clock.advance(backoffMs(0));
      await relay.sweep();
      expect(ran).toEqual(['s1-m1', 's2-m1', 's1-m1']);
    });
  });

  describe('when the store fails', () => {
    const down = () => Promise.reject(new Error('storage unavailable'));

    it('relay does not throw when reading the outbox fails', async () => {
      const { store, relayWith, refs, ran, logger } = await setup();
      await expect(relayWith({ ...store, pending: down }).relay(refs.s1!)).resolves.toBeUndefined();
      expect(ran).toEqual([]);
      expect(logger.entries.map((e) => e.level)).toEqual(['error']);
    });

    it('sweep does not throw and reports nothing done', async () => {
      const { store, relayWith, logger } = await setup();
      await expect(relayWith({ ...store, due: down }).sweep()).resolves.toBe(0);
      expect(logger.entries.map((e) => e.level)).toEqual(['error']);
    });

    it('a failed claim is logged and the other messages still run', async () => {
      const { store, relayWith, refs, ran } = await setup();
      const claim = store.claim.bind(store);
      const flaky: OutboxStore = {
        ...store,
        claim: (m: PendingOutboxMessage, until: Date) =>
          m.id === 's1-m1' ? down() : claim(m, until),
      };
      await expect(relayWith(flaky).relay(refs.s1!)).resolves.toBeUndefined();
      expect(ran).toEqual(['s1-m2', 's1-m3']);
    });

    it('does not throw when recording a retry fails too', async () => {
      const { store, relayWith, refs, failing, logger } = await setup({ s1: ['story.decided'] });
      failing.set('s1-m1', () => new Error('down'));
      await expect(
        relayWith({ ...store, retryLater: down }).relay(refs.s1!),
      ).resolves.toBeUndefined();
      expect(logger.entries.at(-1)).toMatchObject({ level: 'error' });
    });

    it('retries a message whose completion could not be recorded', async () => {
      const { store, relayWith, refs, ran, messageOf } = await setup({ s1: ['story.project'] });
      await expect(
        relayWith({ ...store, complete: down }).relay(refs.s1!),
      ).resolves.toBeUndefined();
      expect(ran).toEqual(['s1-m1']);
      expect(messageOf('s1', 's1-m1')).toMatchObject({ attempts: 1 });
    });
  });
});

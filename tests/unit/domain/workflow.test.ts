import { describe, expect, it } from 'vitest';
import {
  DomainError,
  canTransition,
  outcomeOf,
  transition,
  type StoryEvent,
  type StoryStatus,
} from '../../../src/domain/index.js';

const statuses: readonly StoryStatus[] = [
  'pending',
  'changes_requested',
  'published',
  'rejected',
  'withdrawn',
  'archived',
];
const events: readonly StoryEvent[] = [
  'approve',
  'requestChanges',
  'reject',
  'resubmit',
  'withdraw',
  'archive',
  'reassign',
];

/** The workflow as the product describes it (docs/PRODUCT.md journeys 4, 5, 10). */
const allowed: ReadonlyArray<readonly [StoryStatus, StoryEvent, StoryStatus]> = [
  ['pending', 'approve', 'published'],
  ['pending', 'requestChanges', 'changes_requested'],
  ['pending', 'reject', 'rejected'],
  ['pending', 'withdraw', 'withdrawn'],
  ['pending', 'reassign', 'pending'],
  ['changes_requested', 'resubmit', 'pending'],
  ['changes_requested', 'withdraw', 'withdrawn'],
  ['published', 'archive', 'archived'],
];

const isAllowed = (from: StoryStatus, event: StoryEvent) =>
  allowed.some(([f, e]) => f === from && e === event);

const illegal = statuses.flatMap((from) =>
  events.filter((event) => !isAllowed(from, event)).map((event) => [from, event] as const),
);

describe('workflow', () => {
  it('enumerates every status × event pair', () => {
    expect(allowed.length + illegal.length).toBe(statuses.length * events.length);
  });

  describe.each(allowed)('%s --%s-->', (from, event, to) => {
    it(`moves to ${to}`, () => {
      expect(transition(from, event)).toBe(to);
    });

    it('is reported as allowed', () => {
      expect(canTransition(from, event)).toBe(true);
    });
  });

  describe.each(illegal)('%s --%s-->', (from, event) => {
    it('is refused with illegal_transition', () => {
      let caught: unknown;
      try {
        transition(from, event);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({ code: 'illegal_transition', details: { from, event } });
    });

    it('is reported as not allowed', () => {
      expect(canTransition(from, event)).toBe(false);
    });
  });

  it.each(['rejected', 'withdrawn', 'archived'] as const)('%s is final', (status) => {
    for (const event of events) {
      expect(canTransition(status, event)).toBe(false);
    }
  });

  it.each(['pending', 'changes_requested', 'published'] as const)('%s is not final', (status) => {
    expect(events.some((event) => canTransition(status, event))).toBe(true);
  });
});

describe('outcomeOf', () => {
  it.each([
    ['approve', 'approve', 'approved', 'published'],
    ['reject', 'reject', 'rejected', 'rejected'],
    ['changes', 'requestChanges', 'changes_requested', 'changes_requested'],
  ] as const)('%s is the event %s, audited %s, leading to %s', (decision, event, audit, status) => {
    expect(outcomeOf(decision)).toEqual({ event, audit, status });
  });
});

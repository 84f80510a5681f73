import type { Row } from './report.js';
import { round } from './stats.js';
import type { CardActionResult } from './cards.js';

/**
 * The relay's storage calls per action before issue 11 (at 100,000 stories): its targets are
 * half of these.
 */
export const RELAY_CALLS_BEFORE = { invoke: 31, vote: 15 } as const;

/** A card action's p95 over the floor bot's, measured interleaved in the same run. */
function ratioP95(result: CardActionResult): number {
  return round(result.app.p95 / result.floor.p95, 3);
}

/** Calls per action by table and kind, the most first. */
function byTable(r: CardActionResult): string {
  return Object.entries(r.byTable)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

/** The rows of the card actions (issue 11): latency over the floor, and storage calls. */
export function cardActionRows(invoke: CardActionResult, vote: CardActionResult): Row[] {
  const rows = (name: 'invoke' | 'vote', what: string, r: CardActionResult): Row[] => [
    {
      name: `${name}.ratioP95`,
      value: ratioP95(r),
      unit: '',
      limit: 4,
      note: `${what} p95 ${r.app.p95} ÷ floor p95 ${r.floor.p95} ms; p50 ${r.app.p50} ÷ ${r.floor.p50}`,
    },
    {
      name: `${name}.storageCalls`,
      value: r.requestCalls,
      unit: '',
      limit: 4,
      note: `the answer waits for these; ${r.projectionCalls} inline projection after it, ${r.storageCallsEach} in all: ${byTable(r)}`,
    },
    {
      name: `${name}.relayCalls`,
      value: r.relayCalls,
      unit: '',
      ...(RELAY_CALLS_BEFORE[name] > 0 ? { limit: RELAY_CALLS_BEFORE[name] / 2 } : {}),
      note: `outbox relay per action; ${RELAY_CALLS_BEFORE[name]} before`,
    },
  ];
  return [...rows('invoke', 'approve', invoke), ...rows('vote', 'vote', vote)];
}

/** bench/results.json's figures of one card action. */
export function cardActionResults(r: CardActionResult) {
  return {
    ratioP95: ratioP95(r),
    storageCalls: r.requestCalls,
    relayCalls: r.relayCalls,
    projectionCalls: r.projectionCalls,
    storageCallsEach: r.storageCallsEach,
    storageCallsByTable: r.byTable,
    app: r.app,
    floor: r.floor,
  };
}

import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, demoUsers } from '../../../src/demo/demoUsers.js';
import { setDelegation } from '../../../src/domain/useCases/delegations.js';
import type { DelegationDto } from '../../../src/shared/dto.js';
import { delegationInputSchema } from '../../../src/shared/schemas.js';
import {
  MAX_DAYS_AHEAD,
  dayProblem,
  dayString,
  delegationRows,
  isActive,
  lastMomentOf,
  serverDayProblem,
  untilOf,
  withDelegation,
  withoutDelegation,
} from '../../../src/tab/components/Delegation/delegationModel.js';
import { demoActor, errorOf } from '../../support/domainFixtures.js';
import { buildStoryDeps } from '../../support/fakes.js';

// The model works in the browser's local calendar, so "now" is built from local parts and the
// expectations likewise: the tests hold in any time zone, on any date.
const now = new Date(2026, 2, 14, 9, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

describe('dayString', () => {
  it('writes the local calendar day as a date input does', () => {
    expect(dayString(now)).toBe('2026-03-14');
    expect(dayString(new Date(2026, 0, 5, 0, 0))).toBe('2026-01-05');
    expect(dayString(new Date(2026, 11, 31, 23, 59, 59, 999))).toBe('2026-12-31');
  });
});

describe('untilOf', () => {
  it('ends the delegation at the start of the local day after the last day away', () => {
    expect(untilOf('2026-03-14')).toBe(new Date(2026, 2, 15).toISOString());
    const until = new Date(untilOf('2026-03-14') ?? '');
    expect([until.getDate(), until.getHours(), until.getMinutes()]).toEqual([15, 0, 0]);
  });

  it('rolls over months, years and leap days', () => {
    expect(untilOf('2026-03-31')).toBe(new Date(2026, 3, 1).toISOString());
    expect(untilOf('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
    expect(untilOf('2028-02-28')).toBe(new Date(2028, 1, 29).toISOString());
    expect(untilOf('2028-02-29')).toBe(new Date(2028, 2, 1).toISOString());
  });

  it('refuses what is not a real date', () => {
    for (const day of [
      '',
      'tomorrow',
      '2026-3-14',
      '14.03.2026',
      '2026-03-14T00:00',
      '2026-02-29',
      '2026-02-31',
      '2026-04-31',
      '2026-03-00',
    ]) {
      expect(untilOf(day), day).toBeUndefined();
    }
  });

  it('refuses a month that does not exist rather than rolling it into another year', () => {
    expect(untilOf('2026-13-01')).toBeUndefined();
    expect(untilOf('2026-00-10')).toBeUndefined();
    expect(dayProblem('2026-13-01', now)).toBe('required');
  });
});

describe('lastMomentOf', () => {
  it('is the last millisecond before the exclusive end', () => {
    expect(lastMomentOf('2026-03-15T00:00:00.000Z')).toBe('2026-03-14T23:59:59.999Z');
  });

  it('falls on the last day away, as the person picked it', () => {
    for (const day of ['2026-03-14', '2026-12-31', '2028-02-29']) {
      expect(dayString(new Date(lastMomentOf(untilOf(day) ?? '')))).toBe(day);
    }
  });
});

describe('dayProblem', () => {
  it('asks for a day when none, or no real one, is chosen', () => {
    expect(dayProblem('', now)).toBe('required');
    expect(dayProblem('next week', now)).toBe('required');
    expect(dayProblem('2026-02-30', now)).toBe('required');
  });

  it('refuses a last day before today', () => {
    expect(dayProblem('2026-03-13', now)).toBe('past');
    expect(dayProblem('2025-12-31', now)).toBe('past');
  });

  it('accepts today as the last day, until its last minute', () => {
    expect(dayProblem('2026-03-14', now)).toBeUndefined();
    expect(dayProblem('2026-03-14', new Date(2026, 2, 14, 23, 59))).toBeUndefined();
    expect(dayProblem('2026-03-14', new Date(2026, 2, 15, 0, 0))).toBe('past');
  });

  it('accepts up to a year ahead and refuses the day after', () => {
    expect(MAX_DAYS_AHEAD).toBe(365);
    expect(dayProblem('2026-06-30', now)).toBeUndefined();
    expect(dayProblem('2027-03-14', now)).toBeUndefined();
    expect(dayProblem('2027-03-15', now)).toBe('tooFar');
    expect(dayProblem('2030-01-01', now)).toBe('tooFar');
  });

  it('counts the year in days across a leap day and a new year', () => {
    const march2027 = new Date(2027, 2, 1, 12, 0);
    expect(dayProblem('2028-02-29', march2027)).toBeUndefined();
    expect(dayProblem('2028-03-01', march2027)).toBe('tooFar');
    const newYearsEve = new Date(2026, 11, 31, 18, 0);
    expect(dayProblem('2027-12-31', newYearsEve)).toBeUndefined();
    expect(dayProblem('2028-01-01', newYearsEve)).toBe('tooFar');
  });

  it('keeps an accepted window within the API’s limit of 366 days', () => {
    const from = new Date(2026, 2, 14, 0, 1);
    const lastDay = dayString(new Date(2026, 2, 14 + MAX_DAYS_AHEAD));
    expect(dayProblem(lastDay, from)).toBeUndefined();
    const until = new Date(untilOf(lastDay) ?? '');
    expect(until.getTime() - from.getTime()).toBeLessThanOrEqual(366 * DAY_MS);
  });
});

describe('serverDayProblem', () => {
  // The messages the API really answers with, taken from the schema and the use case, so a
  // change of their wording shows here rather than as a wrong hint in the form.
  async function domainMessage(from: Date, until: Date): Promise<string> {
    const { deps, clock } = buildStoryDeps(demoUsers());
    clock.set(new Date('2026-03-14T09:00:00Z'));
    const failure = await errorOf(
      setDelegation(deps, demoActor(DEMO_USER_IDS.manager), {
        delegateId: DEMO_USER_IDS.editor,
        from,
        until,
      }),
    );
    expect(failure).toMatchObject({ code: 'validation', details: { field: 'until' } });
    return (failure as Error).message;
  }

  function schemaMessage(body: Record<string, string>, field: string): string | undefined {
    const parsed = delegationInputSchema.safeParse({ delegateId: DEMO_USER_IDS.editor, ...body });
    expect(parsed.success).toBe(false);
    return parsed.error?.issues.find((issue) => issue.path[0] === field)?.message;
  }

  it('tells a window longer than a year from one that is not in the future', async () => {
    const tooLong = await domainMessage(
      new Date('2026-03-14T09:00:00Z'),
      new Date('2027-03-20T00:00:00Z'),
    );
    expect(serverDayProblem(tooLong)).toBe('tooFar');
    const ended = await domainMessage(
      new Date('2026-03-10T09:00:00Z'),
      new Date('2026-03-12T00:00:00Z'),
    );
    expect(serverDayProblem(ended)).toBe('past');
    const backwards = schemaMessage(
      { from: '2026-03-14T09:00:00Z', until: '2026-03-13T00:00:00Z' },
      'until',
    );
    expect(serverDayProblem(backwards)).toBe('past');
  });

  it('calls anything else about the day invalid, not "in the past"', () => {
    // What the schema says of a `from` that is not an instant (its field check on its own: the
    // whole schema's window check does not expect a malformed field).
    const garbled = delegationInputSchema.shape.from.safeParse('soon').error?.issues[0]?.message;
    expect(garbled).toBeDefined();
    expect(serverDayProblem(garbled)).toBe('invalid');
    expect(serverDayProblem('Something else entirely.')).toBe('invalid');
    expect(serverDayProblem(undefined)).toBe('invalid');
  });
});

describe('the admins’ list of delegations', () => {
  const at = new Date('2026-03-14T09:00:00Z');
  const names: Record<string, string> = {
    u1: 'Mikko Manager',
    u2: 'Eeva Editor',
    u3: 'Aaron Admin',
    u4: 'Ämmä Äänekoski',
    d1: 'Tomi Kuljettaja',
  };
  const nameOf = (id: string) => names[id] ?? id;
  const delegation = (userId: string, from: string, until: string): DelegationDto => ({
    userId,
    delegateId: 'd1',
    from,
    until,
    setBy: 'u3',
  });
  const inForce = delegation('u1', '2026-03-13T08:00:00Z', '2026-03-20T00:00:00Z');
  const planned = delegation('u2', '2026-04-01T00:00:00Z', '2026-04-10T00:00:00Z');
  const over = delegation('u3', '2026-03-01T00:00:00Z', '2026-03-14T09:00:00Z');

  it('leaves out the delegations that have ended, to the millisecond', () => {
    expect(isActive(over, at)).toBe(false);
    expect(isActive(over, new Date(at.getTime() - 1))).toBe(true);
    const rows = delegationRows([inForce, over, planned], at, nameOf, 'en');
    expect(rows.map((row) => row.userId).sort()).toEqual(['u1', 'u2']);
    expect(delegationRows([over], at, nameOf, 'en')).toEqual([]);
  });

  it('names the away person and the delegate, the last day and whether it has started', () => {
    const [row] = delegationRows([inForce], at, nameOf, 'en');
    expect(row).toEqual({
      userId: 'u1',
      awayName: 'Mikko Manager',
      delegateId: 'd1',
      delegateName: 'Tomi Kuljettaja',
      lastMoment: '2026-03-19T23:59:59.999Z',
      from: inForce.from,
      planned: false,
    });
    const [later] = delegationRows([planned], at, nameOf, 'en');
    expect(later?.planned).toBe(true);
    // Starting exactly now is in force, not planned.
    const now = delegation('u1', at.toISOString(), '2026-03-20T00:00:00Z');
    expect(delegationRows([now], at, nameOf, 'en')[0]?.planned).toBe(false);
  });

  it('shows an id for a person whose name is not known', () => {
    const stranger = delegation('x9', '2026-03-13T08:00:00Z', '2026-03-20T00:00:00Z');
    expect(delegationRows([stranger], at, nameOf, 'en')[0]?.awayName).toBe('x9');
  });

  it('orders by the away person’s name in the UI language', () => {
    const umlaut = delegation('u4', '2026-03-13T08:00:00Z', '2026-03-20T00:00:00Z');
    const aaron = delegation('u3', '2026-03-13T08:00:00Z', '2026-03-20T00:00:00Z');
    const items = [inForce, umlaut, planned, aaron];
    const order = (language: string) =>
      delegationRows(items, at, nameOf, language).map((row) => row.awayName);
    expect(order('en')).toEqual(['Aaron Admin', 'Ämmä Äänekoski', 'Eeva Editor', 'Mikko Manager']);
    // In Finnish, Ä comes after Z.
    expect(order('fi')).toEqual(['Aaron Admin', 'Eeva Editor', 'Mikko Manager', 'Ämmä Äänekoski']);
  });

  it('puts a saved delegation in place of the one its person had, and drops an ended one', () => {
    const replaced = { ...inForce, delegateId: 'u2' };
    expect(withDelegation([inForce, planned], replaced)).toEqual([planned, replaced]);
    expect(withDelegation([planned], inForce)).toEqual([planned, inForce]);
    expect(withoutDelegation([inForce, planned], 'u1')).toEqual([planned]);
    expect(withoutDelegation([planned], 'u1')).toEqual([planned]);
  });
});

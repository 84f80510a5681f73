import { describe, expect, it } from 'vitest';
import { cacheDirectory } from '../../../src/directory/cachedDirectory.js';
import { DomainError, type Directory, type DirectoryPerson } from '../../../src/domain/index.js';
import { fixedClock } from '../../support/fakes.js';

const TTL = 10 * 60_000;
const ANNA: DirectoryPerson = { id: 'anna', displayName: 'Anna Virtanen' };
const MIKKO: DirectoryPerson = { id: 'mikko', displayName: 'Mikko Manager' };

/**
 * A directory that records every call, answers from a small table, and can be made to fail or to
 * hold its answers until released.
 */
function recordingDirectory() {
  const calls: string[] = [];
  const managers = new Map<string, DirectoryPerson>([['anna', MIKKO]]);
  let failing = false;
  let held: (() => void)[] | undefined;

  async function answer<T>(call: string, value: T): Promise<T> {
    calls.push(call);
    if (held) await new Promise<void>((resolve) => held?.push(resolve));
    if (failing) throw new DomainError('unavailable', 'Graph is down.');
    return value;
  }

  const directory: Directory = {
    person: (tenantId, userId) =>
      answer(`person ${tenantId} ${userId}`, userId === 'anna' ? ANNA : null),
    manager: (tenantId, userId) =>
      answer(`manager ${tenantId} ${userId}`, managers.get(userId) ?? null),
    search: (tenantId, query, limit) => answer(`search ${tenantId} ${query} ${limit}`, [ANNA]),
    groupMembers: (tenantId, groupId, limit) =>
      answer(`group ${tenantId} ${groupId} ${limit}`, groupId === 'sales' ? [ANNA, MIKKO] : null),
  };
  return {
    directory,
    calls,
    managers,
    failing: (value: boolean) => (failing = value),
    hold: () => (held = []),
    release: () => {
      const waiting = held ?? [];
      held = undefined;
      for (const resolve of waiting) resolve();
    },
  };
}

describe('cacheDirectory', () => {
  it('serves a manager from memory for the TTL, then asks again', async () => {
    const inner = recordingDirectory();
    const clock = fixedClock();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock });

    expect(await directory.manager('t1', 'anna')).toEqual(MIKKO);
    inner.managers.delete('anna');
    clock.advance(TTL - 1);
    expect(await directory.manager('t1', 'anna')).toEqual(MIKKO);
    expect(inner.calls).toEqual(['manager t1 anna']);

    clock.advance(1);
    expect(await directory.manager('t1', 'anna')).toBeNull();
    expect(inner.calls).toHaveLength(2);
  });

  it('keeps "no manager" and "no such person" as answers too', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock: fixedClock() });
    expect(await directory.manager('t1', 'mikko')).toBeNull();
    expect(await directory.manager('t1', 'mikko')).toBeNull();
    expect(await directory.person('t1', 'nobody')).toBeNull();
    expect(await directory.person('t1', 'nobody')).toBeNull();
    expect(inner.calls).toEqual(['manager t1 mikko', 'person t1 nobody']);
  });

  it('keeps tenants, methods and arguments apart', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock: fixedClock() });
    await directory.person('t1', 'anna');
    await directory.person('t2', 'anna');
    await directory.manager('t1', 'anna');
    await directory.groupMembers('t1', 'sales', 10);
    await directory.groupMembers('t1', 'sales', 2);
    await directory.groupMembers('t1', 'missing', 10);
    // Ids with separators in them cannot be mistaken for other arguments.
    await directory.person('t1', 'anna t2');
    expect(inner.calls).toHaveLength(7);
  });

  it('does not keep a failure: the next lookup asks again', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock: fixedClock() });
    inner.failing(true);
    await expect(directory.manager('t1', 'anna')).rejects.toMatchObject({ code: 'unavailable' });
    inner.failing(false);
    expect(await directory.manager('t1', 'anna')).toEqual(MIKKO);
    expect(inner.calls).toHaveLength(2);
  });

  it('shares one lookup among callers who ask while it is under way', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock: fixedClock() });
    inner.hold();
    const answers = Promise.all([
      directory.manager('t1', 'anna'),
      directory.manager('t1', 'anna'),
      directory.manager('t1', 'anna'),
    ]);
    inner.release();
    expect(await answers).toEqual([MIKKO, MIKKO, MIKKO]);
    expect(inner.calls).toEqual(['manager t1 anna']);
  });

  it('shares a failing lookup too, and then forgets it', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock: fixedClock() });
    inner.hold();
    inner.failing(true);
    const first = directory.person('t1', 'anna');
    const second = directory.person('t1', 'anna');
    inner.release();
    await expect(first).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toBeInstanceOf(DomainError);
    expect(inner.calls).toHaveLength(1);
    inner.failing(false);
    expect(await directory.person('t1', 'anna')).toEqual(ANNA);
  });

  it('gives each caller its own copy of a group’s members', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock: fixedClock() });
    const first = await directory.groupMembers('t1', 'sales', 10);
    first?.pop();
    expect(await directory.groupMembers('t1', 'sales', 10)).toEqual([ANNA, MIKKO]);
    expect(await directory.groupMembers('t1', 'missing', 10)).toBeNull();
    expect(inner.calls).toHaveLength(2);
  });

  it('does not cache search', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock: fixedClock() });
    await directory.search('t1', 'an', 5);
    await directory.search('t1', 'an', 5);
    expect(inner.calls).toEqual(['search t1 an 5', 'search t1 an 5']);
  });

  it('stays within its size: past the bound it starts over', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, {
      ttlMs: TTL,
      clock: fixedClock(),
      maxEntries: 3,
    });
    for (const id of ['a', 'b', 'c']) await directory.person('t1', id);
    await directory.person('t1', 'a');
    expect(inner.calls).toHaveLength(3);
    // A fourth person does not fit: everything kept goes, so 'a' is asked again.
    await directory.person('t1', 'd');
    await directory.person('t1', 'a');
    expect(inner.calls).toHaveLength(5);
  });

  it('drops only the expired answers when that makes room', async () => {
    const inner = recordingDirectory();
    const clock = fixedClock();
    const directory = cacheDirectory(inner.directory, { ttlMs: TTL, clock, maxEntries: 2 });
    await directory.person('t1', 'old');
    clock.advance(TTL / 2);
    await directory.person('t1', 'recent');
    clock.advance(TTL / 2);
    await directory.person('t1', 'new');
    await directory.person('t1', 'recent');
    expect(inner.calls).toEqual(['person t1 old', 'person t1 recent', 'person t1 new']);
  });

  it('passes every call through when the TTL is 0', async () => {
    const inner = recordingDirectory();
    const directory = cacheDirectory(inner.directory, { ttlMs: 0, clock: fixedClock() });
    await directory.person('t1', 'anna');
    await directory.person('t1', 'anna');
    expect(inner.calls).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { User, UserDirectory } from '../../../src/domain/index.js';
import { cacheUsers } from '../../../src/storage/userCache.js';

const person = (name: string): User => ({
  tenantId: 't-1',
  id: 'u-1',
  displayName: name,
  roles: [],
});

function setUp() {
  let stored: User | null = person('Aino');
  let reads = 0;
  const inner: UserDirectory = {
    get: () => {
      reads++;
      return Promise.resolve(stored);
    },
    list: () => Promise.resolve(stored ? [stored] : []),
    upsert: (user) => {
      stored = user;
      return Promise.resolve();
    },
    remove: () => {
      stored = null;
      return Promise.resolve();
    },
  };
  let clock = 0;
  const users = cacheUsers(inner, { ttlMs: 1_000, now: () => clock });
  return {
    users,
    reads: () => reads,
    advance: (ms: number) => (clock += ms),
    changeElsewhere: (user: User | null) => (stored = user),
  };
}

describe('cacheUsers', () => {
  it('serves a person from memory until the time-to-live is over', async () => {
    const { users, reads, advance, changeElsewhere } = setUp();
    expect((await users.get('t-1', 'u-1'))?.displayName).toBe('Aino');
    changeElsewhere(person('Aino Virtanen'));
    expect((await users.get('t-1', 'u-1'))?.displayName).toBe('Aino');
    expect(reads()).toBe(1);
    advance(1_001);
    expect((await users.get('t-1', 'u-1'))?.displayName).toBe('Aino Virtanen');
  });

  it('shows a change made through it at once', async () => {
    const { users } = setUp();
    await users.get('t-1', 'u-1');
    await users.upsert(person('Aino V.'));
    expect((await users.get('t-1', 'u-1'))?.displayName).toBe('Aino V.');
    await users.remove('t-1', 'u-1');
    expect(await users.get('t-1', 'u-1')).toBeNull();
  });

  it('forgets everyone when told (an erasure elsewhere)', async () => {
    const { users, changeElsewhere } = setUp();
    await users.get('t-1', 'u-1');
    changeElsewhere(null);
    users.forget();
    expect(await users.get('t-1', 'u-1')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { createApiKeys } from '../../../src/api/apiKeys.js';
import type { ApiKeyRecord, ApiKeyStore } from '../../../src/domain/index.js';
import { buildActor, buildUser } from '../../support/factories.js';
import { fixedClock, silentLogger } from '../../support/fakes.js';

/** API keys on a store in memory: what is kept, how a key is checked, when a use is recorded. */
function memoryStore(): ApiKeyStore & { rows: Map<string, ApiKeyRecord>; touches: number } {
  const rows = new Map<string, ApiKeyRecord>();
  const store = {
    rows,
    touches: 0,
    get: async (id: string) => rows.get(id) ?? null,
    list: async (tenantId: string) => [...rows.values()].filter((k) => k.tenantId === tenantId),
    create: async (key: ApiKeyRecord) => {
      rows.set(key.id, key);
    },
    remove: async (tenantId: string, id: string) =>
      rows.get(id)?.tenantId === tenantId ? rows.delete(id) : false,
    touch: async (id: string, at: Date) => {
      store.touches++;
      const held = rows.get(id);
      if (held) rows.set(id, { ...held, lastUsedAt: at });
    },
  };
  return store;
}

const admin = buildActor(buildUser({ id: 'admin-1', roles: ['admin'] }));

describe('API keys', () => {
  it('keeps only a hash of the secret, and knows the key by it', async () => {
    const store = memoryStore();
    const keys = createApiKeys({ store, clock: fixedClock(), logger: silentLogger });
    const { record, key } = await keys.create(admin, { name: 'CRM', scopes: ['stories:read'] });
    // The secret is everything after `swk_<id>_`; it may itself hold underscores (base64url).
    const secret = key.slice(`swk_${record.id}_`.length);
    expect(JSON.stringify([...store.rows.values()])).not.toContain(secret);
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await keys.verify(key))?.id).toBe(record.id);
    // One character off, another key's id, or not the shape at all: not a key.
    expect(await keys.verify(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await keys.verify(key.replace(record.id, 'a'.repeat(16)))).toBeNull();
    expect(await keys.verify('swk_short')).toBeNull();
  });

  it('records a use at most once a minute', async () => {
    const store = memoryStore();
    const clock = fixedClock();
    const keys = createApiKeys({ store, clock, logger: silentLogger });
    const { key } = await keys.create(admin, { name: 'Form', scopes: ['stories:write'] });
    await keys.verify(key);
    await keys.verify(key);
    expect(store.touches).toBe(1);
    clock.advance(61_000);
    await keys.verify(key);
    expect(store.touches).toBe(2);
  });

  it('is for admins', async () => {
    const keys = createApiKeys({ store: memoryStore(), clock: fixedClock(), logger: silentLogger });
    const employee = buildActor(buildUser({ id: 'e-1', roles: ['employee'] }));
    await expect(keys.list(employee)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      keys.create(employee, { name: 'x', scopes: ['stories:read'] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

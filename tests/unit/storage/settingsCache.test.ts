import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DomainError,
  type SettingsStore,
  type TenantSettings,
} from '../../../src/domain/index.js';
import { cacheTenantSettings } from '../../../src/storage/settingsCache.js';
import { settingsFromColumn, settingsToColumn } from '../../../src/storage/settingsColumn.js';
import { createGate } from '../../support/gate.js';

const tenantId = 'tenant-a';
const version = (n: number): TenantSettings => ({ ...DEFAULT_SETTINGS, version: n });

/** A settings store in memory that counts its reads and can hold a read until told to go on. */
function fakeStore() {
  let held: { value: TenantSettings; etag: string } | null = null;
  let reads = 0;
  const gate = createGate();
  const inner: SettingsStore = {
    getPublicationChannel: () => Promise.resolve(null),
    setPublicationChannel: () => Promise.resolve(),
    async getTenantSettings() {
      reads++;
      const value = held;
      await gate.passed();
      return value;
    },
    async putTenantSettings(_tenant, settings, etag) {
      if ((held?.etag ?? null) !== etag) throw new DomainError('conflict', 'stale');
      held = { value: settings, etag: `e${settings.version}` };
    },
  };
  return {
    inner,
    reads: () => reads,
    /** Another instance saves: this one's cache does not hear of it. */
    saveElsewhere: (settings: TenantSettings) => {
      held = { value: settings, etag: `e${settings.version}` };
    },
    hold: gate.hold,
  };
}

function setUp(ttlMs = 1_000) {
  let clock = 0;
  const fake = fakeStore();
  const store = cacheTenantSettings(fake.inner, { ttlMs, now: () => clock });
  return { fake, store, advance: (ms: number) => (clock += ms) };
}

describe('cacheTenantSettings', () => {
  it('serves the document (or its absence) from memory until the time-to-live is over', async () => {
    const { fake, store, advance } = setUp();
    expect(await store.getTenantSettings(tenantId)).toBeNull();
    fake.saveElsewhere(version(1));
    advance(999);
    expect(await store.getTenantSettings(tenantId)).toBeNull();
    expect(fake.reads()).toBe(1);
    advance(1);
    expect((await store.getTenantSettings(tenantId))?.value.version).toBe(1);
    expect(fake.reads()).toBe(2);
  });

  it('drops the tenant’s copy on a save through it, at once', async () => {
    const { store } = setUp();
    await store.putTenantSettings(tenantId, version(1), null);
    const read = await store.getTenantSettings(tenantId);
    await store.putTenantSettings(tenantId, { ...version(2), privacy: { enabled: true } }, 'e1');
    expect(read?.value.version).toBe(1);
    expect(await store.getTenantSettings(tenantId)).toMatchObject({
      value: { version: 2, privacy: { enabled: true } },
    });
  });

  it('drops a stale copy when a save loses to another instance’s, so a reload sees theirs', async () => {
    const { fake, store } = setUp();
    await store.putTenantSettings(tenantId, version(1), null);
    expect((await store.getTenantSettings(tenantId))?.etag).toBe('e1');
    fake.saveElsewhere(version(2));
    await expect(store.putTenantSettings(tenantId, version(2), 'e1')).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await store.getTenantSettings(tenantId))?.value.version).toBe(2);
  });

  it('does not keep a read that overlapped a save', async () => {
    const { fake, store } = setUp();
    await store.putTenantSettings(tenantId, version(1), null);
    const release = fake.hold();
    const reading = store.getTenantSettings(tenantId);
    await store.putTenantSettings(tenantId, version(2), 'e1');
    release();
    expect((await reading)?.value.version).toBe(1);
    expect((await store.getTenantSettings(tenantId))?.value.version).toBe(2);
  });

  it('shares one read among readers who miss at once (an expiry under many requests)', async () => {
    const { fake, store, advance } = setUp();
    await store.putTenantSettings(tenantId, version(1), null);
    await store.getTenantSettings(tenantId);
    advance(1_000);
    const release = fake.hold();
    const readers = Array.from({ length: 20 }, () => store.getTenantSettings(tenantId));
    release();
    const answers = await Promise.all(readers);
    expect(answers.map((answer) => answer?.value.version)).toEqual(Array(20).fill(1));
    expect(fake.reads()).toBe(2);
  });

  it('starts a new read for readers who come after a save, not the one under way', async () => {
    const { fake, store } = setUp();
    await store.putTenantSettings(tenantId, version(1), null);
    const release = fake.hold();
    const before = store.getTenantSettings(tenantId);
    fake.saveElsewhere(version(2));
    await store.putTenantSettings(tenantId, version(3), 'e2');
    const after = store.getTenantSettings(tenantId);
    release();
    expect((await before)?.value.version).toBe(1);
    expect((await after)?.value.version).toBe(3);
  });

  it('tells what it holds fresh without reading (`cachedTenantSettings`), and nothing once stale or saved', async () => {
    const { fake, store, advance } = setUp();
    expect(store.cachedTenantSettings?.(tenantId)).toBeUndefined();
    expect(await store.getTenantSettings(tenantId)).toBeNull();
    expect(store.cachedTenantSettings?.(tenantId)).toBeNull();
    advance(1_000);
    expect(store.cachedTenantSettings?.(tenantId)).toBeUndefined();
    await store.putTenantSettings(tenantId, version(1), null);
    expect(store.cachedTenantSettings?.(tenantId)).toBeUndefined();
    await store.getTenantSettings(tenantId);
    expect(store.cachedTenantSettings?.(tenantId)?.value.version).toBe(1);
    expect(fake.reads()).toBe(2);
  });

  it('reads storage every time with a time-to-live of 0', async () => {
    const { fake, store } = setUp(0);
    await store.getTenantSettings(tenantId);
    await store.getTenantSettings(tenantId);
    expect(fake.reads()).toBe(2);
  });
});

describe('the settings column', () => {
  it('reads a document saved before privacy mode existed as off', () => {
    const old = JSON.stringify({
      version: 3,
      approval: {
        stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
        fallback: { kind: 'role', role: 'approver' },
      },
      roles: [],
      updatedAt: '2026-01-02T03:04:05.000Z',
      updatedBy: 'admin-1',
    });
    expect(settingsFromColumn(old).privacy).toEqual({
      enabled: false,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
  });

  it('keeps privacy mode through a write and a read', () => {
    const saved = { ...version(4), privacy: { enabled: true } };
    expect(settingsFromColumn(settingsToColumn(saved)).privacy).toEqual({
      enabled: true,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
  });
});

describe('cacheTenantSettings and the publication channel', () => {
  function channelStore() {
    type Channel = Awaited<ReturnType<SettingsStore['getPublicationChannel']>>;
    let channel: Channel = null;
    let reads = 0;
    const inner: SettingsStore = {
      getPublicationChannel: () => {
        reads++;
        return Promise.resolve(channel);
      },
      setPublicationChannel: (_tenant, next) => {
        channel = next;
        return Promise.resolve();
      },
      getTenantSettings: () => Promise.resolve(null),
      putTenantSettings: () => Promise.resolve(),
    };
    let clock = 0;
    const store = cacheTenantSettings(inner, { ttlMs: 1_000, now: () => clock });
    return {
      store,
      reads: () => reads,
      advance: (ms: number) => (clock += ms),
      setElsewhere: (next: Channel) => (channel = next),
    };
  }
  const general = {
    reference: '{"conversation":{"id":"19:general"}}',
    locale: 'fi' as const,
    setBy: 'admin-1',
    setAt: new Date(0),
  };

  it('serves the channel (or its absence) from memory until the time-to-live is over', async () => {
    const { store, reads, advance, setElsewhere } = channelStore();
    expect(await store.getPublicationChannel(tenantId)).toBeNull();
    setElsewhere(general);
    expect(await store.getPublicationChannel(tenantId)).toBeNull();
    expect(reads()).toBe(1);
    advance(1_001);
    expect(await store.getPublicationChannel(tenantId)).toEqual(general);
    expect(reads()).toBe(2);
  });

  it('shows a channel set through this instance at once', async () => {
    const { store } = channelStore();
    expect(await store.getPublicationChannel(tenantId)).toBeNull();
    await store.setPublicationChannel(tenantId, general);
    expect(await store.getPublicationChannel(tenantId)).toEqual(general);
  });
});

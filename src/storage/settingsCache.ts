import type { SettingsStore, Versioned } from '../domain/ports.js';
import type { TenantSettings } from '../domain/policy.js';
import { createReadCache } from './readCache.js';

export interface SettingsCacheOptions {
  /** How long a tenant's settings document is served from memory; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
  /** Tenants kept at most, 10,000 by default; past it the expired ones are dropped, or all. */
  readonly maxEntries?: number;
}

type Held = Versioned<TenantSettings> | null;

/**
 * Serves a tenant's settings document from memory for `ttlMs`. Every tab request reads it (privacy
 * mode decides whether the answer shows vote counts), so without it the wall's cached first page
 * would cost a storage call again. A save through this instance drops the tenant's copy at once,
 * whether it succeeded or lost a race (then the copy was stale); a save made by another instance
 * shows within `ttlMs`, and an admin who edited such a stale copy gets a conflict, and then the
 * saved document. The publication channel is held the same way (a vote from the channel card
 * answers in its language): a new channel set through this instance shows at once, one set
 * through another within `ttlMs`.
 */
export function cacheTenantSettings(
  inner: SettingsStore,
  options: SettingsCacheOptions,
): SettingsStore {
  if (options.ttlMs <= 0) return inner;
  const common = {
    ttlMs: options.ttlMs,
    ...(options.now ? { now: options.now } : {}),
    ...(options.maxEntries ? { maxEntries: options.maxEntries } : {}),
  };
  // One read at a time per tenant: the copy expires under every request of a busy morning.
  const documents = createReadCache<Held>(common);
  type Channel = Awaited<ReturnType<SettingsStore['getPublicationChannel']>>;
  const channels = createReadCache<Channel>(common);

  return {
    getPublicationChannel: (tenantId) =>
      channels.get(tenantId, () => inner.getPublicationChannel(tenantId)),

    async setPublicationChannel(tenantId, channel) {
      try {
        await inner.setPublicationChannel(tenantId, channel);
      } finally {
        channels.drop(tenantId);
      }
    },

    getTenantSettings: (tenantId) =>
      documents.get(tenantId, () => inner.getTenantSettings(tenantId)),

    cachedTenantSettings: (tenantId) => documents.peek(tenantId)?.value,

    async putTenantSettings(tenantId, settings, etag) {
      try {
        await inner.putTenantSettings(tenantId, settings, etag);
      } finally {
        documents.drop(tenantId);
      }
    },
  };
}

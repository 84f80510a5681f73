import type { SettingsStore, Versioned } from '../domain/ports.js';
import type { TenantSettings } from '../domain/policy.js';

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
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 10_000;
  const held = new Map<string, { value: Held; until: number }>();
  // Bumped by every save of a tenant's document: a read that overlapped a save must not put
  // what it read (possibly from before the save) into the cache.
  const generations = new Map<string, number>();
  type Channel = Awaited<ReturnType<SettingsStore['getPublicationChannel']>>;
  const channels = new Map<string, { value: Channel; until: number }>();
  const channelGenerations = new Map<string, number>();

  return {
    async getPublicationChannel(tenantId) {
      const hit = channels.get(tenantId);
      if (hit && hit.until > now()) return hit.value;
      const generation = channelGenerations.get(tenantId) ?? 0;
      const value = await inner.getPublicationChannel(tenantId);
      if ((channelGenerations.get(tenantId) ?? 0) === generation) {
        if (channels.size >= maxEntries) channels.clear();
        channels.set(tenantId, { value, until: now() + options.ttlMs });
      }
      return value;
    },

    async setPublicationChannel(tenantId, channel) {
      try {
        await inner.setPublicationChannel(tenantId, channel);
      } finally {
        channelGenerations.set(tenantId, (channelGenerations.get(tenantId) ?? 0) + 1);
        channels.delete(tenantId);
      }
    },

    async getTenantSettings(tenantId) {
      const hit = held.get(tenantId);
      if (hit && hit.until > now()) return hit.value;
      const generation = generations.get(tenantId) ?? 0;
      const value = await inner.getTenantSettings(tenantId);
      if ((generations.get(tenantId) ?? 0) === generation) {
        const at = now();
        if (held.size >= maxEntries) {
          for (const [old, entry] of held) if (entry.until <= at) held.delete(old);
          if (held.size >= maxEntries) held.clear();
        }
        held.set(tenantId, { value, until: at + options.ttlMs });
      }
      return value;
    },

    async putTenantSettings(tenantId, settings, etag) {
      try {
        await inner.putTenantSettings(tenantId, settings, etag);
      } finally {
        generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
        held.delete(tenantId);
      }
    },
  };
}

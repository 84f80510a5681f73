import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  hasRole,
  type Actor,
  type ApiKeyRecord,
  type ApiKeyStore,
  type Clock,
  type Logger,
} from '../domain/index.js';
import { LIMITS, type ApiKeyScopeDto } from '../shared/dto.js';

/** Every key starts so: a bearer value with it is an API key, never a Teams token. */
export const API_KEY_PREFIX = 'swk_';
/** `swk_<16 lowercase letters and digits>_<43 base64url characters>`. */
const KEY_SHAPE = /^swk_([a-z0-9]{16})_([\w-]{43})$/;
/** A use is recorded at most this often per key, so a busy integration does not write each call. */
const TOUCH_EVERY_MS = 60_000;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface ApiKeysDeps {
  readonly store: ApiKeyStore;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * API keys for server-to-server callers (a customer-feedback form, a CRM, Power Automate):
 * admins create, list and revoke them; a request that presents one acts as the key, with the
 * scopes it was given. The secret is shown once and kept only as its SHA-256 (a key holds 256
 * random bits, so a slow hash adds nothing); a presented key is compared in constant time, and
 * is read from storage on every request, so a revoked key is refused at once on every instance.
 */
export function createApiKeys(deps: ApiKeysDeps) {
  return {
    async create(
      actor: Actor,
      input: { readonly name: string; readonly scopes: readonly ApiKeyScopeDto[] },
    ): Promise<{ record: ApiKeyRecord; key: string }> {
      requireAdmin(actor);
      const held = await deps.store.list(actor.tenantId);
      if (held.length >= LIMITS.apiKeys.max) {
        throw new DomainError('conflict', `A tenant holds at most ${LIMITS.apiKeys.max} keys.`);
      }
      const id = newId();
      const secret = randomBytes(32).toString('base64url');
      const record: ApiKeyRecord = {
        tenantId: actor.tenantId,
        id,
        name: input.name,
        scopes: [...input.scopes],
        hash: sha256(secret),
        createdAt: deps.clock.now(),
        createdBy: actor.userId,
      };
      await deps.store.create(record);
      return { record, key: `${API_KEY_PREFIX}${id}_${secret}` };
    },

    async list(actor: Actor): Promise<ApiKeyRecord[]> {
      requireAdmin(actor);
      const keys = await deps.store.list(actor.tenantId);
      return keys.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      requireAdmin(actor);
      if (!(await deps.store.remove(actor.tenantId, id))) {
        throw new DomainError('not_found', 'No such key.');
      }
    },

    /** The key's record when `presented` is a live key; null otherwise (malformed, unknown, revoked). */
    async verify(presented: string): Promise<ApiKeyRecord | null> {
      const match = KEY_SHAPE.exec(presented);
      if (!match) return null;
      const [, id, secret] = match as unknown as [string, string, string];
      const record = await deps.store.get(id);
      if (!record) return null;
      const expected = Buffer.from(record.hash, 'hex');
      const actual = Buffer.from(sha256(secret), 'hex');
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
      const now = deps.clock.now();
      if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
        // Recording the use must not fail the request it belongs to.
        deps.store.touch(id, now).catch((error: unknown) => {
          deps.logger.warn({ err: error, keyId: id }, 'could not record an API key use');
        });
      }
      return record;
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;

/** The user id of a key's actor: `apikey-` and the key's id. */
const KEY_ACTOR_PREFIX = 'apikey-';

/** Who acts when a key is presented: the key itself, by its name, through the API. */
export function actorOfKey(record: ApiKeyRecord): Actor {
  return {
    tenantId: record.tenantId,
    userId: `${KEY_ACTOR_PREFIX}${record.id}`,
    displayName: record.name,
    roles: ['employee'],
    surface: 'api',
  };
}

/**
 * Whether an API key acts (`withApiKeys` let it through only on a route its scopes allow). A
 * person's id never starts so: Entra object ids are GUIDs, demo ids are fixed.
 */
export function isKeyActor(actor: Actor): boolean {
  return actor.surface === 'api' && actor.userId.startsWith(KEY_ACTOR_PREFIX);
}

function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new DomainError('forbidden', 'Only admins manage API keys.');
}

function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newId(): string {
  const bytes = randomBytes(16);
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

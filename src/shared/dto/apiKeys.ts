/** API keys of server-to-server callers on the wire. */

/**
 * What an API key may do (server-to-server callers): read published stories, submit stories
 * that then follow the tenant's approval policy, or subscribe webhooks (a Power Automate trigger).
 */
export const API_KEY_SCOPES = ['stories:read', 'stories:write', 'webhooks:manage'] as const;
export type ApiKeyScopeDto = (typeof API_KEY_SCOPES)[number];

/** An API key as `GET /api/keys` lists it: never the key itself, which is shown once. */
export interface ApiKeyDto {
  id: string;
  name: string;
  scopes: ApiKeyScopeDto[];
  createdAt: string;
  createdBy: string;
  /** When it was last used (to the minute); absent when never. */
  lastUsedAt?: string;
}

/** The answer of `POST /api/keys`: the key, shown this once; only its hash is kept. */
export interface NewApiKeyDto extends ApiKeyDto {
  key: string;
}

export interface ApiKeysDto {
  items: ApiKeyDto[];
}

import type { FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Actor, People, Role } from '../domain/index.js';
import { DEV_USER_HEADER, type ApiKeyScopeDto } from '../shared/dto.js';
import { actorOfKey, type ApiKeys } from './apiKeys.js';
import { ApiError } from './errors.js';

/** Resolves the caller of a request, or throws a 401 ApiError. */
export type Authenticator = (request: FastifyRequest) => Promise<Actor>;

export interface LocalAuthOptions {
  mode: 'local';
  tenantId: string;
  /** Who a request without `x-dev-user` acts as. */
  defaultUserId: string;
}

export interface EntraAuthOptions {
  mode: 'entra';
  clientId: string;
  audiences: readonly string[];
  /** Accepted tenants; undefined accepts any tenant. */
  tenantIds?: readonly string[];
  jwksUri: string;
}

export interface AuthDeps {
  /** Who a person is and which roles they hold; shared with the bot. */
  people: People;
  /**
   * Local mode: stores the demo person `userId` if they are one and not stored yet (no demo data
   * was seeded), so that they are enrolled on first use rather than refused; false otherwise.
   */
  enrolDemoPerson?: (tenantId: string, userId: string) => Promise<boolean>;
}

/** The Entra app roles of `aad.manifest.json` (`roles` claim) and the roles they give here. */
export const ENTRA_APP_ROLES: Readonly<Record<string, Role>> = {
  'StoryWall.Admin': 'admin',
  'StoryWall.Editor': 'editor',
  'StoryWall.Approver': 'approver',
};

const REQUIRED_SCOPE = 'access_as_user';

/**
 * Local mode: no credentials needed; `x-dev-user` picks a demo user. Entra mode: only a Teams SSO
 * bearer token counts — signature from the Entra JWKS, audience, issuer of the token's tenant,
 * allowed tenant and the `access_as_user` scope — and `x-dev-user` is ignored.
 */
export function createAuthenticator(
  options: LocalAuthOptions | EntraAuthOptions,
  deps: AuthDeps,
): Authenticator {
  const { people } = deps;
  if (options.mode === 'local') {
    return async (request) => {
      const header = request.headers[DEV_USER_HEADER];
      const userId = (Array.isArray(header) ? header[0] : header)?.trim() || options.defaultUserId;
      let found = await people.actorOf(options.tenantId, userId, 'tab', {}, false);
      if (!found && (await deps.enrolDemoPerson?.(options.tenantId, userId))) {
        // "Unknown" was just cached for them; they are known now.
        people.forget({ tenantId: options.tenantId, userId });
        found = await people.actorOf(options.tenantId, userId, 'tab', {}, false);
      }
      if (!found) throw new ApiError(401, 'unauthenticated', `Unknown demo user '${userId}'.`);
      return found.actor;
    };
  }

  const jwks = createRemoteJWKSet(new URL(options.jwksUri), {
    cooldownDuration: 30_000,
    cacheMaxAge: 6 * 60 * 60_000,
  });
  return async (request) => {
    const token = bearerToken(request.headers.authorization);
    const payload = await verify(token, jwks, options);
    const tenantId = String(payload['tid']);
    const userId = String(payload['oid']);
    const displayName = stringClaim(payload, 'name') ?? stringClaim(payload, 'preferred_username');
    const email = stringClaim(payload, 'preferred_username');
    const found = await people.actorOf(tenantId, userId, 'tab', {
      ...(displayName ? { displayName } : {}),
      ...(email ? { email } : {}),
      appRoles: appRolesOf(payload),
    });
    if (!found) throw new ApiError(401, 'unauthenticated', 'Sign-in is required.');
    return found.actor;
  };
}

/**
 * The routes an API key may call, and the scope each needs (`METHOD /route/pattern`). Every other
 * route refuses a key: keys are for reading and submitting stories and for subscribing webhooks
 * (Power Automate's trigger subscribes and unsubscribes so), never for settings, and never to
 * react: a vote or "I learned from this" is one person's, and a key acts as no person (a flow's
 * reaction would be nobody's, or everyone's under one name); it reads the counts on the stories.
 */
export const API_KEY_ROUTES: Readonly<Record<string, ApiKeyScopeDto>> = {
  'GET /api/stories': 'stories:read',
  'GET /api/stories/:id': 'stories:read',
  'POST /api/stories': 'stories:write',
  'POST /api/webhooks': 'webhooks:manage',
  'DELETE /api/webhooks/:id': 'webhooks:manage',
};

/**
 * Lets a request present an API key (`Authorization: Bearer swk_…`) instead of a sign-in, in
 * every auth mode: a live key acts as itself on the routes its scopes allow (401 for a key that
 * is not live, 403 for a route or scope it lacks); any other request goes to `authenticate`.
 */
export function withApiKeys(
  authenticate: Authenticator,
  keys: Pick<ApiKeys, 'verify'>,
): Authenticator {
  return async (request) => {
    // The prefix of `API_KEY_PREFIX` tells a key from a Teams token.
    const match = /^Bearer\s+(swk_\S*)$/i.exec(request.headers.authorization ?? '');
    const presented = match?.[1];
    if (presented === undefined) return authenticate(request);
    const record = await keys.verify(presented);
    if (!record) throw new ApiError(401, 'unauthenticated', 'The API key is not valid.');
    const scope = API_KEY_ROUTES[`${request.method} ${request.routeOptions.url ?? ''}`];
    if (!scope) throw new ApiError(403, 'forbidden', 'API keys cannot use this route.');
    if (!record.scopes.includes(scope)) {
      throw new ApiError(403, 'forbidden', `The API key lacks the ${scope} scope.`);
    }
    return actorOfKey(record);
  };
}

/** The app roles the token carries that this app knows; others are ignored. */
function appRolesOf(payload: JWTPayload): Role[] {
  const claim = payload['roles'];
  if (!Array.isArray(claim)) return [];
  const roles = claim.flatMap((value) =>
    typeof value === 'string' && Object.hasOwn(ENTRA_APP_ROLES, value)
      ? [ENTRA_APP_ROLES[value] as Role]
      : [],
  );
  return [...new Set(roles)];
}

function bearerToken(header: string | undefined): string {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new ApiError(401, 'unauthenticated', 'Sign-in is required.');
  return match[1];
}

async function verify(
  token: string,
  jwks: ReturnType<typeof createRemoteJWKSet>,
  options: EntraAuthOptions,
): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, {
      audience: [...options.audiences],
      algorithms: ['RS256'],
      clockTolerance: 60,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) {
      throw new ApiError(401, 'unauthenticated', 'The sign-in token is not valid.');
    }
    throw error;
  }
  const tid = stringClaim(payload, 'tid');
  const oid = stringClaim(payload, 'oid');
  if (!tid || !oid) throw new ApiError(401, 'unauthenticated', 'The token names no user.');
  const issuers = [
    `https://login.microsoftonline.com/${tid}/v2.0`,
    `https://sts.windows.net/${tid}/`,
  ];
  if (!payload.iss || !issuers.includes(payload.iss)) {
    throw new ApiError(401, 'unauthenticated', 'The token was not issued by Microsoft Entra ID.');
  }
  if (options.tenantIds && !options.tenantIds.includes(tid)) {
    throw new ApiError(403, 'forbidden', 'This organisation is not allowed to use the app.');
  }
  const scopes = (stringClaim(payload, 'scp') ?? '').split(' ');
  if (!scopes.includes(REQUIRED_SCOPE)) {
    throw new ApiError(401, 'unauthenticated', `The token lacks the ${REQUIRED_SCOPE} scope.`);
  }
  return payload;
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

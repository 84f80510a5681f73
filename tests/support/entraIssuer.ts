import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

/** A loopback stand-in for Entra's signing keys, and Teams SSO tokens signed with them. */
export interface EntraIssuer {
  /** The JWKS address, for `ENTRA_JWKS_URI`. */
  readonly jwksUri: string;
  /** A key Entra does not publish: tokens signed with it must be refused. */
  readonly strangerKey: CryptoKey;
  /** A v2 access token for `api://localhost/<clientId>` with scope `access_as_user`. */
  token(
    claims?: Record<string, unknown>,
    options?: { key?: CryptoKey; audience?: string },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startEntraIssuer(tenant: string, clientId: string): Promise<EntraIssuer> {
  const pair = await generateKeyPair('RS256');
  const strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUri: `http://127.0.0.1:${port}/keys`,
    strangerKey,
    token(claims = {}, options = {}) {
      const tid = (claims['tid'] as string | undefined) ?? tenant;
      return new SignJWT({
        tid,
        oid: '33333333-3333-4333-8333-333333333333',
        name: 'Sanna SSO',
        scp: 'access_as_user',
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(`https://login.microsoftonline.com/${tid}/v2.0`)
        .setAudience(options.audience ?? `api://localhost/${clientId}`)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(options.key ?? pair.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The settings of an app in Teams SSO mode that trusts `issuer` (bot settings included). */
export function entraEnv(
  issuer: Pick<EntraIssuer, 'jwksUri'>,
  tenant: string,
  clientId: string,
): Record<string, string> {
  return {
    AUTH_MODE: 'entra',
    ENTRA_CLIENT_ID: clientId,
    ENTRA_TENANT_ID: tenant,
    ENTRA_AUDIENCE: `api://localhost/${clientId}`,
    ENTRA_JWKS_URI: issuer.jwksUri,
    BOT_ID: '44444444-4444-4444-8444-444444444444',
    BOT_APP_TYPE: 'SingleTenant',
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: tenant,
  };
}

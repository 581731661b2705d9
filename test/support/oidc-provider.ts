import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ISSUER = 'https://id.example.gov.cn/realms/reform';
export const AUDIENCE = 'reform-api';

export interface TokenClaims {
  sub: string;
  roles: string[];
  unitId?: string;
  name?: string;
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** A stand-in OIDC provider on 127.0.0.1: serves its JWKS and signs RS256 tokens with its current key. */
export class OidcProvider {
  fetches = 0;
  private readonly keys: Array<{ kid: string; pair: KeyPair }> = [];
  private server!: Server;
  url = '';

  static async start(): Promise<OidcProvider> {
    const provider = new OidcProvider();
    await provider.rotate();
    provider.server = createServer((_req, res) => {
      provider.fetches += 1;
      void provider.jwks().then((body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
    });
    await new Promise<void>((resolve) => provider.server.listen(0, '127.0.0.1', resolve));
    provider.url = `http://127.0.0.1:${(provider.server.address() as AddressInfo).port}/protocol/openid-connect/certs`;
    return provider;
  }

  /** A new signing key (new kid) is published next to the old ones and used from now on. */
  async rotate(): Promise<void> {
    this.keys.push({ kid: `kid-${randomBytes(4).toString('hex')}`, pair: await generateKeyPair('RS256', { extractable: true }) });
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return {
      keys: await Promise.all(
        this.keys.map(async ({ kid, pair }) => ({ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' })),
      ),
    };
  }

  sign(claims: TokenClaims, options: { issuer?: string; audience?: string; expiresIn?: string | number } = {}): Promise<string> {
    const { kid, pair } = this.keys[this.keys.length - 1];
    const { sub, ...rest } = claims;
    return new SignJWT({ name: sub, ...rest })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(sub)
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '10m')
      .sign(pair.privateKey);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** An HS256 token with the given secret, carrying iss/aud unless told otherwise. */
export function hs256(
  claims: TokenClaims,
  secret: string,
  options: { issuer?: string | null; audience?: string | null; expiresIn?: string } = {},
) {
  const { sub, ...rest } = claims;
  let jwt = new SignJWT({ name: sub, ...rest }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt();
  if (options.issuer !== null) jwt = jwt.setIssuer(options.issuer ?? ISSUER);
  if (options.audience !== null) jwt = jwt.setAudience(options.audience ?? AUDIENCE);
  return jwt.setExpirationTime(options.expiresIn ?? '10m').sign(new TextEncoder().encode(secret));
}

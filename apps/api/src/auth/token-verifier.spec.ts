import { UnauthorizedException } from '@nestjs/common';
import type { AppConfigService, AuthSettings } from '@reform/config';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IdentityProviderUnavailableError } from '../errors/identity-provider-unavailable.error';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://id.example.gov.cn/realms/reform';
const AUDIENCE = 'reform-api';
const SECRET = 'a-test-secret-of-enough-length';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** A stand-in OIDC provider: serves whatever key set the test says, and counts the fetches. */
class FakeProvider {
  keys: JWK[] = [];
  status = 200;
  fetches = 0;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((_req, res) => {
      this.fetches += 1;
      res.writeHead(this.status, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface SigningKey {
  pair: KeyPair;
  kid: string;
  alg: 'RS256' | 'ES256';
}

async function keyPair(alg: SigningKey['alg'] = 'RS256'): Promise<SigningKey> {
  return { pair: await generateKeyPair(alg, { extractable: true }), kid: `k-${Math.random().toString(36).slice(2, 8)}`, alg };
}

async function publicJwk({ pair, kid, alg }: SigningKey): Promise<JWK> {
  return { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
}

function token(
  { pair, kid, alg }: SigningKey,
  claims: Record<string, unknown> = { roles: ['auditor'] },
  { issuer = ISSUER, audience = AUDIENCE, expires = '10m' }: { issuer?: string; audience?: string; expires?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid })
    .setSubject('auditor-1')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(pair.privateKey);
}

const verifierFor = (auth: Partial<AuthSettings>) =>
  new TokenVerifier({
    auth: { hs256Secret: null, jwksUrl: null, issuer: ISSUER, audience: AUDIENCE, production: false, ...auth },
  } as AppConfigService);

describe('TokenVerifier with an OIDC provider (JWKS)', () => {
  const provider = new FakeProvider();
  let jwksUrl: string;
  let first: SigningKey;
  let second: SigningKey;

  beforeAll(async () => {
    jwksUrl = await provider.start();
    [first, second] = [await keyPair(), await keyPair()];
  }, 30_000);
  afterAll(() => provider.stop());
  beforeEach(async () => {
    provider.keys = [await publicJwk(first)];
    provider.status = 200;
    provider.fetches = 0;
  });
  afterEach(() => jest.restoreAllMocks());

  it('accepts a provider-signed token and caches the key set', async () => {
    const verifier = verifierFor({ jwksUrl });
    for (let i = 0; i < 5; i++) {
      expect(await verifier.verify(await token(first))).toEqual({ id: 'auditor-1', name: 'auditor-1', roles: ['auditor'] });
    }
    expect(provider.fetches).toBe(1);
  });

  it.each([
    ['another issuer', { issuer: 'https://evil.example' }, /invalid token: unexpected "iss" claim value/],
    ['another audience', { audience: 'some-other-api' }, /invalid token: unexpected "aud" claim value/],
    ['an expired token', { expires: '-1m' }, /token has expired/],
  ])('refuses %s with 401', async (_label, options, message) => {
    const verifier = verifierFor({ jwksUrl });
    await expect(verifier.verify(await token(first, { roles: ['auditor'] }, options))).rejects.toThrow(message);
  });

  it('follows a key rotation: a new kid refetches the set (once the cooldown has passed)', async () => {
    const verifier = verifierFor({ jwksUrl });
    await verifier.verify(await token(first));
    provider.keys = [await publicJwk(first), await publicJwk(second)];
    const rotated = await token(second);

    // Within 30 s of the last fetch, an unknown kid does not reach the provider again.
    await expect(verifier.verify(rotated)).rejects.toThrow(/no applicable key found/);
    expect(provider.fetches).toBe(1);

    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    expect(await verifier.verify(rotated)).toMatchObject({ id: 'auditor-1' });
    expect(provider.fetches).toBe(2);

    // The old key withdrawn: once the cache (10 min) is stale, its tokens stop working.
    provider.keys = [await publicJwk(second)];
    jest.spyOn(Date, 'now').mockReturnValue(now + 11 * 60_000);
    await expect(verifier.verify(await token(first))).rejects.toThrow(UnauthorizedException);
    expect(await verifier.verify(rotated)).toMatchObject({ id: 'auditor-1' });
    expect(provider.fetches).toBe(3);
  });

  it('does not let made-up kids flood the provider', async () => {
    const verifier = verifierFor({ jwksUrl });
    await verifier.verify(await token(first));
    // ES256 keys: quick to make, and their kids are as unknown to the provider as any.
    const strangers = await Promise.all(Array.from({ length: 10 }, () => keyPair('ES256')));
    for (const stranger of strangers) await expect(verifier.verify(await token(stranger))).rejects.toThrow(UnauthorizedException);
    expect(provider.fetches).toBe(1);
  });

  it('answers 503, not 401, when the provider cannot be reached', async () => {
    provider.status = 500;
    const verifier = verifierFor({ jwksUrl });
    await expect(verifier.verify(await token(first))).rejects.toThrow(IdentityProviderUnavailableError);
  });

  it('never takes an HS256 token for a provider token (algorithm confusion)', async () => {
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(await publicJwk(first)));
    const forged = await new SignJWT({ roles: ['supervisor'] })
      .setProtectedHeader({ alg: 'HS256', kid: first.kid })
      .setSubject('intruder')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(publicKeyAsSecret);
    await expect(verifierFor({ jwksUrl }).verify(forged)).rejects.toThrow(/invalid token/);
    await expect(verifierFor({ jwksUrl, hs256Secret: SECRET }).verify(forged)).rejects.toThrow(
      /invalid token: signature verification failed/,
    );
  });

  it('accepts both kinds when both are configured, with iss and aud required of HS256 tokens too', async () => {
    const verifier = verifierFor({ jwksUrl, hs256Secret: SECRET });
    const hs256 = (claims: { iss?: string; aud?: string }) =>
      new SignJWT({ roles: ['officer'], ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('officer-1')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(SECRET));
    expect(await verifier.verify(await hs256({ iss: ISSUER, aud: AUDIENCE }))).toMatchObject({ id: 'officer-1' });
    await expect(verifier.verify(await hs256({}))).rejects.toThrow(/"iss" claim/);
    expect(await verifier.verify(await token(first))).toMatchObject({ id: 'auditor-1' });
  });

  it('refuses to be built with the published local secret in production', () => {
    expect(() => verifierFor({ production: true, hs256Secret: 'reform-local-dev-secret' })).toThrow(/published local default/);
    expect(() => verifierFor({ production: true })).toThrow(/needs a way to verify tokens/);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

interface IssuedCode {
  nonce: string;
  challenge: string;
  redirectUri: string;
  claims: Record<string, unknown>;
}

/**
 * A local OpenID Connect provider in the shape of Microsoft Entra ID: discovery, signing keys, and a token endpoint
 * that checks the client secret and PKCE and issues RS256 ID tokens. `authorize` plays the person signing in.
 */
export class FakeEntra {
  readonly clientId = randomUUID();
  readonly clientSecret = 'client-secret-of-the-test';
  readonly tenantId = randomUUID();
  issuer = '';
  private server?: http.Server;
  private key?: CryptoKey;
  private jwk?: JWK;
  private readonly codes = new Map<string, IssuedCode>();

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.key = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        void this.handle(req, body).then(([status, json]) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${this.tenantId}/v2.0`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The person signs in at the authorization URL the bot sent them to; returns where the browser goes back to. */
  authorize(authorizationUrl: string, claims: Record<string, unknown>): string {
    const url = new URL(authorizationUrl);
    const code = randomUUID();
    const p = (name: string) => url.searchParams.get(name) ?? '';
    this.codes.set(code, { nonce: p('nonce'), challenge: p('code_challenge'), redirectUri: p('redirect_uri'), claims });
    return `${p('redirect_uri')}?code=${code}&state=${encodeURIComponent(p('state'))}`;
  }

  private async handle(req: http.IncomingMessage, body: string): Promise<[number, unknown]> {
    const path = new URL(req.url ?? '', this.issuer).pathname.replace(new URL(this.issuer).pathname, '');
    if (path === '/.well-known/openid-configuration') {
      return [
        200,
        {
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          jwks_uri: `${this.issuer}/keys`,
          response_types_supported: ['code'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        },
      ];
    }
    if (path === '/keys') return [200, { keys: [this.jwk] }];
    if (path !== '/token' || req.method !== 'POST') return [404, { error: 'not_found' }];
    const form = new URLSearchParams(body);
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent) : [];
    const clientId = form.get('client_id') ?? basicId;
    const clientSecret = form.get('client_secret') ?? basicSecret;
    if (clientId !== this.clientId || clientSecret !== this.clientSecret) return [401, { error: 'invalid_client' }];
    const issued = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
    if (!issued || issued.challenge !== challenge || issued.redirectUri !== form.get('redirect_uri')) return [400, { error: 'invalid_grant' }];
    const idToken = await new SignJWT({ ...issued.claims, nonce: issued.nonce, tid: this.tenantId })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(this.issuer)
      .setAudience(this.clientId)
      .setSubject(String(issued.claims.oid ?? 'subject'))
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.key as CryptoKey);
    return [200, { access_token: randomUUID(), token_type: 'Bearer', expires_in: 600, id_token: idToken }];
  }
}

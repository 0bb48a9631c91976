import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod/v4';
import type { Database } from '../store/index.js';

/** As long as Azure Direct Line's: clients refresh halfway (botframework-directlinejs every 15 minutes). */
export const TOKEN_LIFETIME_S = 30 * 60;
const ISSUER = 'onderwijsloket-directline';

/** What a token allows: one conversation, as one user. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
}

export type Credential = { kind: 'secret' } | ({ kind: 'token' } & TokenClaims);

export type CredentialCheck = { ok: true; credential: Credential } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export interface DirectLineTokens {
  issue(claims: TokenClaims): Promise<{ token: string; expiresIn: number }>;
  /** Reads an Authorization header: the Direct Line secret, or a token signed here that has not expired. */
  check(authorization: string | undefined): Promise<CredentialCheck>;
}

/** `user` is where Web Chat and botframework-directlinejs look for the user id, as in Azure Direct Line's tokens. */
const claimsSchema = z.object({ conv: z.string().min(1), user: z.string().min(1) });

function sameSecret(given: string, secret: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/** The signing key that belongs to a Direct Line secret. */
export function keyFromSecret(secret: string): Uint8Array {
  return createHash('sha256').update(`directline-token-signing:${secret}`).digest();
}

/**
 * The key that signs tokens must outlive a restart, or every open chat would lose its conversation: it is derived
 * from DIRECTLINE_SECRET when set, and otherwise made once and kept in the database.
 */
export async function tokenSigningKey(db: Database, secret: string | undefined): Promise<Uint8Array> {
  if (secret) return keyFromSecret(secret);
  const fresh = randomBytes(32).toString('base64url');
  await db.query(`insert into settings (name, value) values ('directline_signing_key', $1) on conflict (name) do nothing`, [fresh]);
  const [row] = await db.query<{ value: string }>(`select value from settings where name = 'directline_signing_key'`);
  return Buffer.from(row?.value ?? fresh, 'base64url');
}

/** Direct Line tokens as signed JWTs (HS256): a token names its conversation and user and expires. */
export function createDirectLineTokens(key: Uint8Array, secret: string | undefined, now: () => Date = () => new Date()): DirectLineTokens {
  return {
    async issue({ conversationId, userId }) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const token = await new SignJWT({ conv: conversationId, user: userId })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + TOKEN_LIFETIME_S)
        .sign(key);
      return { token, expiresIn: TOKEN_LIFETIME_S };
    },

    async check(authorization) {
      const given = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
      if (!given) return { ok: false, reason: 'missing' };
      if (secret && sameSecret(given, secret)) return { ok: true, credential: { kind: 'secret' } };
      try {
        const { payload } = await jwtVerify(given, key, { issuer: ISSUER, algorithms: ['HS256'], currentDate: now() });
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success) return { ok: false, reason: 'invalid' };
        return { ok: true, credential: { kind: 'token', conversationId: claims.data.conv, userId: claims.data.user } };
      } catch (error) {
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}

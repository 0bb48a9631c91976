import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod/v4';

/** A signed, expiring session for the backoffice page: who signed in, nothing else. */
export interface Session {
  name: string;
  expires: number;
}

const SESSION_HOURS = 8;
const sessionSchema = z.object({ name: z.string().min(1).max(80), expires: z.number() });

const sign = (secret: string, value: string, purpose = 'session') => createHmac('sha256', `backoffice-${purpose}:${secret}`).update(value).digest('base64url');

/** Compares two secrets in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createSession(secret: string, name: string, now = Date.now()): string {
  const value = Buffer.from(JSON.stringify({ name, expires: now + SESSION_HOURS * 3_600_000 })).toString('base64url');
  return `${value}.${sign(secret, value)}`;
}

export function readSession(secret: string, cookie: string | undefined, now = Date.now()): Session | undefined {
  const [value, signature] = (cookie ?? '').split('.');
  if (!value || !signature || !sameSecret(signature, sign(secret, value))) return undefined;
  try {
    const session = sessionSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString()));
    return session.expires > now ? session : undefined;
  } catch {
    return undefined;
  }
}

/** A token for the forms of one session, so another site cannot post them. */
export function formToken(secret: string, cookie: string): string {
  return createHmac('sha256', `backoffice-form:${secret}`).update(cookie).digest('base64url');
}

/** A value the browser keeps for a moment (the sign-in state), signed so that it comes back unchanged. */
export function seal(secret: string, purpose: string, value: object, minutes: number, now = Date.now()): string {
  const data = Buffer.from(JSON.stringify({ value, expires: now + minutes * 60_000 })).toString('base64url');
  return `${data}.${sign(secret, data, purpose)}`;
}

export function unseal(secret: string, purpose: string, sealed: string | undefined, now = Date.now()): unknown {
  const [data, signature] = (sealed ?? '').split('.');
  if (!data || !signature || !sameSecret(signature, sign(secret, data, purpose))) return undefined;
  try {
    const { value, expires } = z.object({ value: z.unknown(), expires: z.number() }).parse(JSON.parse(Buffer.from(data, 'base64url').toString()));
    return expires > now ? value : undefined;
  } catch {
    return undefined;
  }
}

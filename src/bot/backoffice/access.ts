import type { Request, Response } from 'restify';
import type { EntraSignIn } from '../../backoffice/entra.js';
import { createSession, formToken, readSession, sameSecret, type Session } from '../../backoffice/session.js';

/** How staff get in: the access code (page and bearer token for the API) and, where configured, Entra ID sign-in. */
export interface BackofficeAccess {
  /** BACKOFFICE_TOKEN: the API's bearer token and the page's access code. */
  token?: string;
  /** Signs the page's session cookies; without one the page is closed. */
  sessionSecret?: string;
  entra?: EntraSignIn;
  secureCookies: boolean;
}

export const SESSION_COOKIE = 'backoffice_session';
export const SIGNIN_COOKIE = 'backoffice_signin';

export interface SignedIn {
  session: Session;
  cookie: string;
  /** For the page's forms: proves a post comes from a page of this session. */
  formToken: string;
}

export function cookieOf(req: Request, name: string): string | undefined {
  return (req.header('cookie') ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

export function signedInOf(req: Request, access: BackofficeAccess): SignedIn | undefined {
  const cookie = cookieOf(req, SESSION_COOKIE);
  const session = access.sessionSecret && cookie ? readSession(access.sessionSecret, cookie) : undefined;
  return session && cookie && access.sessionSecret ? { session, cookie, formToken: formToken(access.sessionSecret, cookie) } : undefined;
}

export function hasBearer(req: Request, access: BackofficeAccess): boolean {
  const given = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1];
  return Boolean(access.token && given && sameSecret(given, access.token));
}

/** The Set-Cookie value of a new session (Strict: no other site can make the browser use it). */
export function sessionCookie(access: BackofficeAccess & { sessionSecret: string }, name: string): string {
  return `${SESSION_COOKIE}=${createSession(access.sessionSecret, name)}; HttpOnly; SameSite=Strict; Path=/${access.secureCookies ? '; Secure' : ''}`;
}

export function html(res: Response, status: number, body: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function redirect(res: Response, to: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { location: to, 'cache-control': 'no-store', ...headers });
  res.end();
}

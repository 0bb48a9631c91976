import type { Request, Response, Server } from 'restify';
import { z } from 'zod/v4';
import { pendingSchema } from '../../backoffice/entra.js';
import { filterQuerySchema, statusChangeSchema, toTicketFilter } from '../../backoffice/filters.js';
import { detailPage, listPage, loginPage, signedInPage } from '../../backoffice/pages.js';
import { sameSecret, seal, unseal } from '../../backoffice/session.js';
import type { BackofficeDeps } from './index.js';
import { cookieOf, html, redirect, sessionCookie, SESSION_COOKIE, SIGNIN_COOKIE, signedInOf, type SignedIn } from './access.js';

const idSchema = z.uuid();
const loginSchema = z.object({ name: z.string().trim().min(1).max(80), token: z.string().min(1).max(500) });
const SIGNIN_MINUTES = 10;

/** The backoffice page: sign-in, the list with filters, a ticket with its deliveries and history, status changes. */
export function registerBackofficePages(server: Server, deps: BackofficeDeps): void {
  const { access, desk, deliveries, describe, logger } = deps;
  const options = { code: Boolean(access.token && access.sessionSecret), microsoft: Boolean(access.entra && access.sessionSecret) };
  const refuse = (res: Response, status: number, error?: string) => html(res, status, loginPage(options, error));
  const routeLabel = (id: string | undefined) => (id ? (deps.routes.find((r) => r.id === id)?.label ?? id) : 'Algemene vraag');

  /** A page for someone signed in; a form post must carry the form token of their session. */
  const page = (handler: (req: Request, res: Response, s: SignedIn) => Promise<void>, post = false) => async (req: Request, res: Response) => {
    const s = signedInOf(req, access);
    if (!s) return refuse(res, 401);
    const token = (req.body as { formToken?: unknown } | undefined)?.formToken;
    if (post && (typeof token !== 'string' || !sameSecret(token, s.formToken))) return refuse(res, 403, 'Dit formulier is verlopen. Log opnieuw in.');
    await handler(req, res, s);
  };
  const who = (s: SignedIn) => ({ name: s.session.name, formToken: s.formToken });

  server.get('/backoffice', page(async (req, res, s) => {
    const query = filterQuerySchema.safeParse({ status: 'active', ...(req.query as object) });
    const filters = query.success ? query.data : { status: 'active' as const };
    html(res, 200, listPage({ tickets: await desk.list(toTicketFilter(filters)), query: filters, routes: deps.routes, routeLabel, signedIn: who(s) }));
  }));

  server.get('/backoffice/tickets/:id', page(async (req, res, s) => {
    const id = idSchema.safeParse(req.params.id);
    const ticket = id.success ? await desk.get(id.data) : undefined;
    if (!ticket || ticket.status === 'draft') return html(res, 404, listPage({ tickets: [], query: {}, routes: deps.routes, routeLabel, signedIn: who(s) }));
    const notice = typeof (req.query as { done?: unknown } | undefined)?.done === 'string' ? 'Opgeslagen.' : undefined;
    html(res, 200, detailPage({ ticket, text: describe(ticket), deliveries: await deliveries.forTicket(ticket.id), events: await desk.events(ticket.id), signedIn: who(s), ...(notice ? { notice } : {}) }));
  }));

  server.post('/backoffice/tickets/:id/status', page(async (req, res, s) => {
    const id = idSchema.safeParse(req.params.id);
    const form = statusChangeSchema.safeParse(req.body);
    if (!id.success || !form.success) return refuse(res, 400, 'Deze wijziging is niet geldig.');
    await deps.change(id.data, form.data.status, { id: `backoffice:${s.session.name}`, name: s.session.name, via: 'backoffice' }, form.data.note);
    redirect(res, `/backoffice/tickets/${id.data}?done=1`);
  }, true));

  server.post('/backoffice/tickets/:id/retry', page(async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    if (!id.success) return refuse(res, 400);
    await deliveries.retryNow(id.data);
    deps.outbox.kick();
    redirect(res, `/backoffice/tickets/${id.data}`);
  }, true));

  server.post('/backoffice/login', async (req: Request, res: Response) => {
    const form = loginSchema.safeParse(req.body);
    if (!access.token || !access.sessionSecret || !form.success || !sameSecret(form.data.token, access.token)) {
      logger.warn({ event: 'backoffice_login_refused' }, 'backoffice sign-in refused');
      return refuse(res, 401, 'Deze toegangscode klopt niet.');
    }
    redirect(res, '/backoffice', { 'set-cookie': sessionCookie({ ...access, sessionSecret: access.sessionSecret }, form.data.name) });
  });

  server.post('/backoffice/logout', page(async (_req, res) => redirect(res, '/backoffice', { 'set-cookie': `${SESSION_COOKIE}=; Max-Age=0; Path=/` }), true));

  // Sign-in with Microsoft: away to Entra ID with state, nonce and PKCE kept in a short-lived signed cookie (Lax, as
  // Entra ID sends the browser back with a top-level GET from another site), then back with a code.
  server.get('/backoffice/signin', async (_req: Request, res: Response) => {
    if (!access.entra || !access.sessionSecret) return refuse(res, 404);
    try {
      const { url, pending } = await access.entra.start(`${deps.publicUrl()}/backoffice/callback`);
      const cookie = `${SIGNIN_COOKIE}=${seal(access.sessionSecret, 'signin', pending, SIGNIN_MINUTES)}; HttpOnly; SameSite=Lax; Path=/backoffice; Max-Age=${SIGNIN_MINUTES * 60}${access.secureCookies ? '; Secure' : ''}`;
      res.writeHead(302, { location: url, 'set-cookie': cookie, 'cache-control': 'no-store' });
      res.end();
    } catch (error) {
      logger.error({ event: 'entra_signin_failed', err: { message: (error as Error).message } }, 'Entra ID sign-in could not start');
      refuse(res, 503, 'Inloggen met Microsoft lukt nu niet. Probeer het later opnieuw.');
    }
  });

  server.get('/backoffice/callback', async (req: Request, res: Response) => {
    if (!access.entra || !access.sessionSecret) return refuse(res, 404);
    const pending = pendingSchema.safeParse(unseal(access.sessionSecret, 'signin', cookieOf(req, SIGNIN_COOKIE)));
    if (!pending.success) return refuse(res, 401, 'Het inloggen duurde te lang of is niet hier begonnen. Probeer het opnieuw.');
    const result = await access.entra.finish(new URL(req.url ?? '', deps.publicUrl()), pending.data);
    const clear = `${SIGNIN_COOKIE}=; Max-Age=0; Path=/backoffice`;
    if (!result.ok) {
      logger.warn({ event: 'entra_signin_refused', reason: result.reason }, 'Entra ID sign-in refused');
      const why = { refused: 'Inloggen met Microsoft is niet gelukt.', not_in_group: 'Je account mag de backoffice niet gebruiken.', unavailable: 'Inloggen met Microsoft lukt nu niet. Probeer het later opnieuw.' };
      return html(res, result.reason === 'unavailable' ? 503 : 401, loginPage(options, why[result.reason]), { 'set-cookie': clear });
    }
    html(res, 200, signedInPage(), { 'set-cookie': [sessionCookie({ ...access, sessionSecret: access.sessionSecret }, result.name), clear] });
  });
}

import type { Request, Response, Server } from 'restify';
import { z } from 'zod/v4';
import { filterQuerySchema, statusChangeSchema, toTicketFilter } from '../backoffice/filters.js';
import { detailPage, listPage, loginPage } from '../backoffice/pages.js';
import { createSession, formToken, readSession, sameSecret, type Session } from '../backoffice/session.js';
import type { DescribeTicket, Outbox, OutboxStore } from '../delivery/index.js';
import type { Logger } from '../log.js';
import type { Actor, Ticket, TicketDesk } from '../tickets/index.js';
import { ticketPayload } from '../delivery/ticket-payload.js';

export interface BackofficeDeps {
  /** Without a token the backoffice is closed: every request gets 401. */
  token?: string;
  desk: TicketDesk;
  deliveries: Pick<OutboxStore, 'forTicket' | 'retryNow'>;
  outbox: Pick<Outbox, 'kick'>;
  describe: DescribeTicket;
  routes: readonly { id: string; label: string }[];
  /** After a status change: show it on the Teams cards too. */
  onChanged: (ticket: Ticket) => Promise<void>;
  secureCookies: boolean;
  logger: Logger;
}

const COOKIE = 'backoffice_session';
const idSchema = z.uuid();
const loginSchema = z.object({ name: z.string().trim().min(1).max(80), token: z.string().min(1).max(500) });
const apiChangeSchema = statusChangeSchema.extend({ actor: z.string().trim().min(1).max(80).optional() });

function cookieOf(req: Request): string | undefined {
  const header = req.header('cookie') ?? '';
  return header
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
}

function html(res: Response, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function redirect(res: Response, to: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location: to, 'cache-control': 'no-store', ...headers });
  res.end();
}

/**
 * The backoffice page (`/backoffice`, forms and links, signed in with the access code) and the JSON API
 * (`/api/tickets`, bearer token). Without the credential: 401 and nothing else.
 */
export function registerBackofficeRoutes(server: Server, deps: BackofficeDeps): void {
  const { token, desk, deliveries, describe, logger } = deps;
  const routeLabel = (id: string | undefined) => (id ? (deps.routes.find((r) => r.id === id)?.label ?? id) : 'Algemene vraag');

  const session = (req: Request): { session: Session; cookie: string } | undefined => {
    const cookie = cookieOf(req);
    const found = token && cookie ? readSession(token, cookie) : undefined;
    return found && cookie ? { session: found, cookie } : undefined;
  };
  const bearer = (req: Request) => {
    const given = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1];
    return Boolean(token && given && sameSecret(given, token));
  };
  const signedIn = (s: { session: Session; cookie: string }) => ({ name: s.session.name, formToken: token ? formToken(token, s.cookie) : '' });
  const actor = (name: string): Actor => ({ id: `backoffice:${name}`, name, via: 'backoffice' });

  /** A page for a signed-in person; a form post must carry the session's form token. */
  const page = (handler: (req: Request, res: Response, s: { session: Session; cookie: string }) => Promise<void>, post = false) => async (req: Request, res: Response) => {
    const s = session(req);
    if (!s) return html(res, 401, loginPage());
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (post && (typeof body.formToken !== 'string' || !token || !sameSecret(body.formToken, formToken(token, s.cookie)))) return html(res, 403, loginPage('Dit formulier is verlopen. Log opnieuw in.'));
    await handler(req, res, s);
  };
  const api = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    if (!bearer(req)) {
      res.send(401, { error: 'unauthorized' });
      return;
    }
    await handler(req, res);
  };

  const change = async (id: string, status: z.infer<typeof statusChangeSchema>['status'], who: Actor, note?: string) => {
    const result = await desk.setStatus(id, status, who, note);
    if (result.ok) {
      await deps.onChanged(result.ticket).catch((error: unknown) => logger.warn({ ticketId: id, err: (error as Error).message }, 'could not update the Teams cards'));
      logger.info({ event: 'ticket_changed', ticketId: id, status, via: 'backoffice' }, 'ticket changed on the backoffice');
    }
    return result;
  };

  server.get('/backoffice', page(async (req, res, s) => {
    const query = filterQuerySchema.safeParse({ status: 'active', ...(req.query as object) });
    const filters = query.success ? query.data : { status: 'active' as const };
    html(res, 200, listPage({ tickets: await desk.list(toTicketFilter(filters)), query: filters, routes: deps.routes, routeLabel, signedIn: signedIn(s) }));
  }));

  server.post('/backoffice/login', async (req: Request, res: Response) => {
    const form = loginSchema.safeParse(req.body);
    if (!token || !form.success || !sameSecret(form.data.token, token)) {
      logger.warn({ event: 'backoffice_login_refused' }, 'backoffice sign-in refused');
      return html(res, 401, loginPage('Deze toegangscode klopt niet.'));
    }
    const cookie = `${COOKIE}=${createSession(token, form.data.name)}; HttpOnly; SameSite=Strict; Path=/${deps.secureCookies ? '; Secure' : ''}`;
    redirect(res, '/backoffice', { 'set-cookie': cookie });
  });

  server.post('/backoffice/logout', page(async (_req, res) => redirect(res, '/backoffice', { 'set-cookie': `${COOKIE}=; Max-Age=0; Path=/` }), true));

  server.get('/backoffice/tickets/:id', page(async (req, res, s) => {
    const id = idSchema.safeParse(req.params.id);
    const ticket = id.success ? await desk.get(id.data) : undefined;
    if (!ticket || ticket.status === 'draft') return html(res, 404, listPage({ tickets: [], query: {}, routes: deps.routes, routeLabel, signedIn: signedIn(s) }));
    const notice = typeof req.query?.done === 'string' ? 'Opgeslagen.' : undefined;
    html(res, 200, detailPage({ ticket, text: describe(ticket), deliveries: await deliveries.forTicket(ticket.id), events: await desk.events(ticket.id), signedIn: signedIn(s), ...(notice ? { notice } : {}) }));
  }));

  server.post('/backoffice/tickets/:id/status', page(async (req, res, s) => {
    const id = idSchema.safeParse(req.params.id);
    const form = statusChangeSchema.safeParse(req.body);
    if (!id.success || !form.success) return html(res, 400, loginPage('Deze wijziging is niet geldig.'));
    await change(id.data, form.data.status, actor(s.session.name), form.data.note);
    redirect(res, `/backoffice/tickets/${id.data}?done=1`);
  }, true));

  server.post('/backoffice/tickets/:id/retry', page(async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    if (id.success) {
      await deliveries.retryNow(id.data);
      deps.outbox.kick();
    }
    redirect(res, `/backoffice/tickets/${id.success ? id.data : ''}`);
  }, true));

  const full = async (ticket: Ticket) => ({
    ...ticketPayload(ticket, describe(ticket)),
    claimedBy: ticket.claimedBy ?? null,
    deliveries: await deliveries.forTicket(ticket.id),
    events: await desk.events(ticket.id),
  });

  server.get('/api/tickets', api(async (req, res) => {
    const query = filterQuerySchema.safeParse(req.query ?? {});
    if (!query.success) return void res.send(400, { error: 'invalid_filter', issues: query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const tickets = await desk.list(toTicketFilter(query.data));
    res.send(200, { tickets: tickets.map((t) => ({ ...ticketPayload(t, describe(t)), claimedBy: t.claimedBy ?? null })) });
  }));

  server.get('/api/tickets/:id', api(async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const ticket = id.success ? await desk.get(id.data) : undefined;
    if (!ticket || ticket.status === 'draft') return void res.send(404, { error: 'not_found' });
    res.send(200, await full(ticket));
  }));

  server.patch('/api/tickets/:id', api(async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const body = apiChangeSchema.safeParse(req.body);
    if (!id.success) return void res.send(404, { error: 'not_found' });
    if (!body.success) return void res.send(400, { error: 'invalid_change', issues: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const result = await change(id.data, body.data.status, actor(body.data.actor ?? 'api'), body.data.note);
    if (!result.ok) return void res.send(result.reason === 'not_found' ? 404 : 409, { error: result.reason });
    res.send(200, await full(result.ticket));
  }));

  server.post('/api/tickets/:id/retry', api(async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const retried = id.success ? await deliveries.retryNow(id.data) : 0;
    deps.outbox.kick();
    res.send(200, { retried });
  }));
}

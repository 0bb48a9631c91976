import type { Request, Response, Server } from 'restify';
import { z } from 'zod/v4';
import { filterQuerySchema, statusChangeSchema, toTicketFilter } from '../../backoffice/filters.js';
import { ticketPayload } from '../../delivery/ticket-payload.js';
import type { Ticket } from '../../tickets/index.js';
import { hasBearer } from './access.js';
import type { BackofficeDeps } from './index.js';

const idSchema = z.uuid();
const changeSchema = statusChangeSchema.extend({ actor: z.string().trim().min(1).max(80).optional() });
const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

/** The JSON API under /api/tickets, for a bearer token: list with filters, one ticket with deliveries and history, status changes. */
export function registerTicketApi(server: Server, deps: BackofficeDeps): void {
  const { access, desk, deliveries, describe } = deps;
  const api = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    if (!hasBearer(req, access)) return void res.send(401, { error: 'unauthorized' });
    await handler(req, res);
  };
  const summary = (t: Ticket) => ({ ...ticketPayload(t, describe(t)), claimedBy: t.claimedBy ?? null });
  const full = async (t: Ticket) => ({ ...summary(t), deliveries: await deliveries.forTicket(t.id), events: await desk.events(t.id) });

  server.get('/api/tickets', api(async (req, res) => {
    const query = filterQuerySchema.safeParse(req.query ?? {});
    if (!query.success) return void res.send(400, { error: 'invalid_filter', issues: issues(query.error) });
    res.send(200, { tickets: (await desk.list(toTicketFilter(query.data))).map(summary) });
  }));

  server.get('/api/tickets/:id', api(async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const ticket = id.success ? await desk.get(id.data) : undefined;
    if (!ticket || ticket.status === 'draft') return void res.send(404, { error: 'not_found' });
    res.send(200, await full(ticket));
  }));

  server.patch('/api/tickets/:id', api(async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    if (!id.success) return void res.send(404, { error: 'not_found' });
    const body = changeSchema.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'invalid_change', issues: issues(body.error) });
    const name = body.data.actor ?? 'api';
    const result = await deps.change(id.data, body.data.status, { id: `api:${name}`, name, via: 'backoffice' }, body.data.note);
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

import type { Server } from 'restify';
import type { DescribeTicket, Outbox, OutboxStore } from '../../delivery/index.js';
import type { Logger } from '../../log.js';
import type { Actor, ChangeResult, Ticket, TicketDesk, TicketStatus } from '../../tickets/index.js';
import type { BackofficeAccess } from './access.js';
import { registerTicketApi } from './api.js';
import { registerBackofficePages } from './pages.js';

export interface BackofficeSetup {
  access: BackofficeAccess;
  desk: TicketDesk;
  deliveries: Pick<OutboxStore, 'forTicket' | 'retryNow'>;
  outbox: Pick<Outbox, 'kick'>;
  describe: DescribeTicket;
  routes: readonly { id: string; label: string }[];
  /** The bot's public address, for the sign-in redirect. */
  publicUrl: () => string;
  /** After a status change: show it on the Teams cards too. */
  onChanged: (ticket: Ticket) => Promise<void>;
  logger: Logger;
}

export interface BackofficeDeps extends BackofficeSetup {
  /** One way to change a ticket's status, for the page and the API alike. */
  change(id: string, status: Exclude<TicketStatus, 'draft'>, actor: Actor, note?: string): Promise<ChangeResult>;
}

/** The backoffice on the bot's own server: the page at /backoffice and the JSON API at /api/tickets. */
export function registerBackofficeRoutes(server: Server, setup: BackofficeSetup): void {
  const { desk, logger } = setup;
  const change: BackofficeDeps['change'] = async (id, status, actor, note) => {
    const result = await desk.setStatus(id, status, actor, note);
    if (result.ok) {
      await setup.onChanged(result.ticket).catch((error: unknown) => logger.warn({ ticketId: id, err: (error as Error).message }, 'could not update the Teams cards'));
      logger.info({ event: 'ticket_changed', ticketId: id, status, via: actor.via }, 'ticket changed on the backoffice');
    }
    return result;
  };
  registerBackofficePages(server, { ...setup, change });
  registerTicketApi(server, { ...setup, change });
}

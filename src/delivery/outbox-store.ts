import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';
import type { Database, Queryable } from '../store/index.js';
import { DELIVERY_CHANNELS, type DeliveryChannel } from '../tickets/index.js';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** The first announcement of a ticket, or a reminder that nobody has claimed it yet. */
export type DeliveryPurpose = 'announce' | 'reminder';

/** One ticket on its way to one destination; the same id on every attempt, so the receiver can drop duplicates. */
export interface Delivery {
  id: string;
  ticketId: string;
  channel: DeliveryChannel;
  /** The Teams channel (conversation id), the e-mail address, or "webhook". */
  target: string;
  purpose: DeliveryPurpose;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  /** What the receiver called it: the Teams activity id, the mail's message id. */
  externalId?: string;
  deliveredAt?: Date;
}

const rowSchema = z.object({
  id: z.string(),
  ticket_id: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  target: z.string(),
  purpose: z.enum(['announce', 'reminder']),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  next_attempt_at: z.date(),
  last_error: z.string().nullable(),
  external_id: z.string().nullable(),
  delivered_at: z.date().nullable(),
});

function toDelivery(row: unknown): Delivery {
  const r = rowSchema.parse(row);
  return {
    id: r.id,
    ticketId: r.ticket_id,
    channel: r.channel,
    target: r.target,
    purpose: r.purpose,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    ...(r.last_error ? { lastError: r.last_error } : {}),
    ...(r.external_id ? { externalId: r.external_id } : {}),
    ...(r.delivered_at ? { deliveredAt: r.delivered_at } : {}),
  };
}

/** Why a channel of a destination gets no delivery, shown to staff. */
const NOT_SET_UP: Record<DeliveryChannel, string> = {
  teams: 'Er is nog geen backoffice-kanaal gekoppeld in Teams ("koppel dit kanaal").',
  email: 'E-mail is niet ingesteld (SMTP_URL).',
  webhook: 'Er is geen ticketsysteem ingesteld (WEBHOOK_URL).',
};

const ERROR_MAX = 300;

export interface OutboxStore {
  /**
   * Plans the deliveries of submitted tickets that have none yet, one per channel of the ticket's destination
   * (a channel that is not set up is recorded as skipped, with why). Returns how many tickets were planned.
   */
  plan(available: ReadonlySet<DeliveryChannel>): Promise<number>;
  /** Announces again, in the linked Teams channels, open tickets submitted before `before` and not yet reminded since. */
  planReminders(before: Date): Promise<number>;
  /** Takes due deliveries, leased for `leaseMs` so that no other worker sends them meanwhile. */
  takeDue(limit: number, leaseMs: number): Promise<Delivery[]>;
  delivered(id: string, externalId?: string): Promise<void>;
  failed(id: string, error: string, retryAt: Date): Promise<void>;
  /** Gives up on a delivery that can never succeed (the ticket's personal data is gone). */
  skip(id: string, reason: string): Promise<void>;
  forTicket(ticketId: string): Promise<Delivery[]>;
  /** Makes the ticket's pending deliveries due now ("opnieuw versturen"); returns how many. */
  retryNow(ticketId: string): Promise<number>;
}

async function insertDelivery(tx: Queryable, ticketId: string, channel: DeliveryChannel, target: string, purpose: DeliveryPurpose, skipped?: string) {
  await tx.query(
    `insert into deliveries (id, ticket_id, channel, target, purpose, status, last_error) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (ticket_id, channel, target, purpose) do nothing`,
    [randomUUID(), ticketId, channel, target, purpose, skipped ? 'skipped' : 'pending', skipped ?? null],
  );
}

async function teamsChannelsFor(tx: Queryable, routeId: string | null): Promise<string[]> {
  const rows = await tx.query<{ conversation_id: string }>('select conversation_id from backoffice_channels where route_id is null or route_id = $1', [routeId]);
  return rows.map((r) => r.conversation_id);
}

const channelsSchema = z.object({ deliver: z.array(z.enum(DELIVERY_CHANNELS)).default(['teams', 'email']), email: z.string() });

export function createOutboxStore(db: Database): OutboxStore {
  return {
    async plan(available) {
      const waiting = await db.query<{ id: string }>(`select id from tickets where status <> 'draft' and deliveries_planned_at is null order by submitted_at limit 20`);
      for (const { id } of waiting) {
        await db.transaction(async (tx) => {
          const [ticket] = await tx.query<{ route_id: string | null; destination: unknown }>(
            'select route_id, destination from tickets where id = $1 and deliveries_planned_at is null for update',
            [id],
          );
          if (!ticket) return;
          const destination = channelsSchema.parse(typeof ticket.destination === 'string' ? JSON.parse(ticket.destination) : ticket.destination);
          for (const channel of destination.deliver) {
            if (!available.has(channel)) await insertDelivery(tx, id, channel, '-', 'announce', NOT_SET_UP[channel]);
            else if (channel === 'email') await insertDelivery(tx, id, channel, destination.email, 'announce');
            else if (channel === 'webhook') await insertDelivery(tx, id, channel, 'webhook', 'announce');
            else {
              const channels = await teamsChannelsFor(tx, ticket.route_id);
              if (!channels.length) await insertDelivery(tx, id, channel, '-', 'announce', NOT_SET_UP.teams);
              for (const conversationId of channels) await insertDelivery(tx, id, channel, conversationId, 'announce');
            }
          }
          await tx.query('update tickets set deliveries_planned_at = now() where id = $1', [id]);
        });
      }
      return waiting.length;
    },

    async planReminders(before) {
      const due = await db.query<{ id: string; route_id: string | null }>(
        `select id, route_id from tickets where status = 'open' and submitted_at < $1 and (reminded_at is null or reminded_at < $1)`,
        [before],
      );
      for (const ticket of due) {
        await db.transaction(async (tx) => {
          // Each reminder is a delivery of its own, so that it is sent (and retried) like the first announcement.
          await tx.query(`delete from deliveries where ticket_id = $1 and purpose = 'reminder' and status <> 'pending'`, [ticket.id]);
          for (const conversationId of await teamsChannelsFor(tx, ticket.route_id)) await insertDelivery(tx, ticket.id, 'teams', conversationId, 'reminder');
          await tx.query('update tickets set reminded_at = now() where id = $1', [ticket.id]);
        });
      }
      return due.length;
    },

    async takeDue(limit, leaseMs) {
      const rows = await db.query(
        `update deliveries set next_attempt_at = now() + ($2::bigint * interval '1 millisecond'), attempts = attempts + 1, updated_at = now()
         where id in (select id from deliveries where status = 'pending' and next_attempt_at <= now()
                      order by next_attempt_at limit $1 for update skip locked)
         returning *`,
        [limit, leaseMs],
      );
      return rows.map(toDelivery);
    },

    async delivered(id, externalId) {
      await db.query(`update deliveries set status = 'delivered', delivered_at = now(), external_id = coalesce($2, external_id), last_error = null, updated_at = now() where id = $1`, [
        id,
        externalId ?? null,
      ]);
    },

    async failed(id, error, retryAt) {
      await db.query('update deliveries set last_error = $2, next_attempt_at = $3, updated_at = now() where id = $1', [id, error.slice(0, ERROR_MAX), retryAt]);
    },

    async skip(id, reason) {
      await db.query(`update deliveries set status = 'skipped', last_error = $2, updated_at = now() where id = $1`, [id, reason.slice(0, ERROR_MAX)]);
    },

    async forTicket(ticketId) {
      return (await db.query('select * from deliveries where ticket_id = $1 order by created_at, channel', [ticketId])).map(toDelivery);
    },

    async retryNow(ticketId) {
      const rows = await db.query(`update deliveries set next_attempt_at = now(), updated_at = now() where ticket_id = $1 and status = 'pending' returning id`, [ticketId]);
      return rows.length;
    },
  };
}

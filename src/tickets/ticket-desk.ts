import { z } from 'zod/v4';
import type { Database, Queryable } from '../store/index.js';
import { actorSchema, jsonColumn, toTicket } from './ticket-row.js';
import { TICKET_STATUSES, type Actor, type Ticket, type TicketEvent, type TicketStatus } from './ticket.js';

/** Which submitted tickets to list. Age is counted from submission. */
export interface TicketFilter {
  status?: readonly TicketStatus[];
  routeId?: string;
  claimedBy?: string;
  olderThanDays?: number;
  newerThanDays?: number;
  limit?: number;
}

export type ChangeResult = { ok: true; ticket: Ticket } | { ok: false; reason: 'not_found' | 'not_open'; ticket?: Ticket };

/** The staff side of the tickets: what is waiting, claiming, changing status, and the audit trail of it all. */
export interface TicketDesk {
  list(filter?: TicketFilter): Promise<Ticket[]>;
  get(id: string): Promise<Ticket | undefined>;
  byReference(reference: string): Promise<Ticket | undefined>;
  /** Atomic: of two staff members claiming at once, exactly one wins; the other learns who has it. */
  claim(id: string, actor: Actor): Promise<ChangeResult>;
  setStatus(id: string, status: Exclude<TicketStatus, 'draft'>, actor: Actor, note?: string): Promise<ChangeResult>;
  events(id: string): Promise<TicketEvent[]>;
}

const eventSchema = z.object({
  at: z.date(),
  actor: jsonColumn(actorSchema),
  action: z.string(),
  from_status: z.enum(TICKET_STATUSES).nullable(),
  to_status: z.enum(TICKET_STATUSES).nullable(),
  note: z.string().nullable(),
});

const DAY_MS = 24 * 60 * 60 * 1000;
const LIST_LIMIT = 200;

export async function recordEvent(db: Queryable, ticketId: string, actor: Actor, action: string, from?: TicketStatus, to?: TicketStatus, note?: string) {
  await db.query('insert into ticket_events (ticket_id, actor, action, from_status, to_status, note) values ($1, $2, $3, $4, $5, $6)', [
    ticketId,
    JSON.stringify(actor),
    action,
    from ?? null,
    to ?? null,
    note ?? null,
  ]);
}

export function createTicketDesk(db: Database): TicketDesk {
  const get = async (id: string) => {
    const [row] = await db.query('select * from tickets where id = $1', [id]);
    return row ? toTicket(row) : undefined;
  };

  /** Runs a conditional update of one ticket with its audit line, in one transaction. */
  const change = (id: string, actor: Actor, action: string, to: TicketStatus, sql: string, params: unknown[], note?: string): Promise<ChangeResult> =>
    db.transaction(async (tx) => {
      const [before] = await tx.query<{ status: TicketStatus }>('select status from tickets where id = $1 for update', [id]);
      if (!before || before.status === 'draft') return { ok: false, reason: 'not_found' } as const;
      const [row] = await tx.query(sql, [id, ...params]);
      if (!row) {
        const [current] = await tx.query('select * from tickets where id = $1', [id]);
        return { ok: false, reason: 'not_open', ...(current ? { ticket: toTicket(current) } : {}) } as const;
      }
      await recordEvent(tx, id, actor, action, before.status, to, note);
      return { ok: true, ticket: toTicket(row) } as const;
    });

  return {
    async list(filter = {}) {
      const where = [`status <> 'draft'`];
      const params: unknown[] = [];
      const add = (clause: (n: string) => string, value: unknown) => {
        params.push(value);
        where.push(clause(`$${params.length}`));
      };
      if (filter.status?.length) add((n) => `status = any(${n})`, [...filter.status]);
      if (filter.routeId) add((n) => `route_id = ${n}`, filter.routeId);
      if (filter.claimedBy) add((n) => `claimed_by->>'id' = ${n}`, filter.claimedBy);
      if (filter.olderThanDays !== undefined) add((n) => `submitted_at < ${n}`, new Date(Date.now() - filter.olderThanDays * DAY_MS));
      if (filter.newerThanDays !== undefined) add((n) => `submitted_at >= ${n}`, new Date(Date.now() - filter.newerThanDays * DAY_MS));
      params.push(Math.min(filter.limit ?? LIST_LIMIT, LIST_LIMIT));
      const rows = await db.query(`select * from tickets where ${where.join(' and ')} order by submitted_at desc limit $${params.length}`, params);
      return rows.map(toTicket);
    },

    get,

    async byReference(reference) {
      const [row] = await db.query(`select * from tickets where reference = $1 and status <> 'draft'`, [reference.toUpperCase()]);
      return row ? toTicket(row) : undefined;
    },

    claim(id, actor) {
      return change(
        id,
        actor,
        'claimed',
        'claimed',
        `update tickets set status = 'claimed', claimed_by = $2, claimed_at = now(), updated_at = now()
         where id = $1 and status = 'open' returning *`,
        [JSON.stringify(actor)],
      );
    },

    setStatus(id, status, actor, note) {
      // Back to open releases the claim; any later status keeps who had it (or records this actor as having it).
      const claim = status === 'open' ? 'claimed_by = null, claimed_at = null' : 'claimed_by = coalesce(claimed_by, $3::jsonb), claimed_at = coalesce(claimed_at, now())';
      return change(
        id,
        actor,
        'status',
        status,
        `update tickets set status = $2, ${claim}, closed_at = ${status === 'closed' ? 'now()' : 'null'}, updated_at = now()
         where id = $1 and status <> 'draft' returning *`,
        status === 'open' ? [status] : [status, JSON.stringify(actor)],
        note,
      );
    },

    async events(id) {
      const rows = await db.query('select at, actor, action, from_status, to_status, note from ticket_events where ticket_id = $1 order by at, id', [id]);
      return rows.map((row) => {
        const e = eventSchema.parse(row);
        return {
          at: e.at,
          actor: e.actor,
          action: e.action,
          ...(e.from_status ? { fromStatus: e.from_status } : {}),
          ...(e.to_status ? { toStatus: e.to_status } : {}),
          ...(e.note ? { note: e.note } : {}),
        };
      });
    },
  };
}

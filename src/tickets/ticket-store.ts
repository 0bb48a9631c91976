import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../store/index.js';
import { PERSONAL_COLUMNS, toTicket } from './ticket-row.js';
import { recordEvent } from './ticket-desk.js';
import { newReference, type Actor, type ContactDetails, type NewTicket, type Ticket, type TicketStatus } from './ticket.js';

/** The person the ticket is about, in the audit trail (never by name). */
const PERSON: Actor = { id: 'person', name: 'aanvrager', via: 'system' };

/** The tickets, in the database. Personal data lives here and nowhere else. */
export interface TicketStore {
  /** Creates the draft at the moment of consent; the same idempotency key always gives the same ticket. */
  openDraft(ticket: NewTicket): Promise<Pick<Ticket, 'id' | 'reference'>>;
  /** Adds what the person told; only a draft can change. */
  addDetails(id: string, details: ContactDetails): Promise<void>;
  /** Makes the draft an open ticket; submitting twice returns the same ticket. Undefined when it no longer exists. */
  submit(id: string): Promise<Pick<Ticket, 'reference' | 'status'> | undefined>;
  /** Drops a draft the person did not finish or withdrew. */
  discard(id: string): Promise<void>;
  get(id: string): Promise<Ticket | undefined>;
  /** Every ticket (drafts too) of this conversation or this user. */
  findFor(person: Person): Promise<Pick<Ticket, 'id' | 'reference'>[]>;
  /** "Verwijder mijn gegevens": every ticket of this conversation or this user. Returns how many were deleted. */
  deleteFor(person: Person): Promise<number>;
  /**
   * Retention: removes the personal data of tickets created before `personalDataBefore` (the ticket itself stays,
   * for the figures) and deletes drafts left unfinished since `draftsBefore`.
   */
  purgeExpired(limits: { personalDataBefore: Date; draftsBefore: Date }): Promise<{ scrubbed: Pick<Ticket, 'id' | 'reference'>[]; discarded: number }>;
}

/** Whose tickets: the conversation and the channel user they came from. */
export interface Person {
  conversationKey: string;
  userKey: string;
}

const DETAIL_COLUMNS: Record<keyof ContactDetails, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  preferredContact: 'preferred_contact',
  preferredTime: 'preferred_time',
  question: 'question',
  summary: 'summary',
};

/** A reference is random; in the rare case it is taken, another one is drawn. */
async function insertDraft(db: Queryable, ticket: NewTicket): Promise<Pick<Ticket, 'id' | 'reference'> | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const rows = await db.query<{ id: string; reference: string }>(
      `insert into tickets (id, reference, idempotency_key, status, kind, reason, route_id, destination, lang, conversation_key, user_key,
         profile, recommendation, question, consent_at)
       values ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       on conflict do nothing
       returning id, reference`,
      [
        randomUUID(),
        newReference(),
        ticket.idempotencyKey,
        ticket.kind,
        ticket.reason,
        ticket.routeId ?? null,
        JSON.stringify(ticket.destination),
        ticket.lang,
        ticket.conversationKey,
        ticket.userKey,
        ticket.profile ? JSON.stringify(ticket.profile) : null,
        ticket.recommendation ? JSON.stringify(ticket.recommendation) : null,
        ticket.question ?? null,
      ],
    );
    if (rows[0]) return rows[0];
    const [existing] = await db.query<{ id: string; reference: string }>('select id, reference from tickets where idempotency_key = $1', [ticket.idempotencyKey]);
    if (existing) return existing;
  }
  return undefined;
}

export function createTicketStore(db: Database): TicketStore {
  return {
    async openDraft(ticket) {
      const created = await insertDraft(db, ticket);
      if (!created) throw new Error('Could not draw a free ticket reference');
      return created;
    },

    async addDetails(id, details) {
      const entries = Object.entries(details).filter(([, v]) => v !== undefined) as [keyof ContactDetails, string][];
      if (!entries.length) return;
      const sets = entries.map(([key], i) => `${DETAIL_COLUMNS[key]} = $${i + 2}`);
      await db.query(`update tickets set ${sets.join(', ')}, updated_at = now() where id = $1 and status = 'draft'`, [id, ...entries.map(([, v]) => v)]);
    },

    async submit(id) {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ reference: string; status: TicketStatus }>('select reference, status from tickets where id = $1 for update', [id]);
        if (!row || row.status !== 'draft') return row;
        await tx.query(`update tickets set status = 'open', submitted_at = now(), updated_at = now() where id = $1`, [id]);
        await recordEvent(tx, id, PERSON, 'submitted', 'draft', 'open');
        return { reference: row.reference, status: 'open' };
      });
    },

    async discard(id) {
      await db.query(`delete from tickets where id = $1 and status = 'draft'`, [id]);
    },

    async get(id) {
      const [row] = await db.query('select * from tickets where id = $1', [id]);
      return row ? toTicket(row) : undefined;
    },

    async findFor({ conversationKey, userKey }) {
      return db.query<{ id: string; reference: string }>('select id, reference from tickets where conversation_key = $1 or user_key = $2', [conversationKey, userKey]);
    },

    async deleteFor({ conversationKey, userKey }) {
      const rows = await db.query('delete from tickets where conversation_key = $1 or user_key = $2 returning id', [conversationKey, userKey]);
      return rows.length;
    },

    async purgeExpired({ personalDataBefore, draftsBefore }) {
      return db.transaction(async (tx) => {
        const discarded = await tx.query(`delete from tickets where status = 'draft' and updated_at < $1 returning id`, [draftsBefore]);
        const scrubbed = await tx.query<{ id: string; reference: string }>(
          `update tickets set ${PERSONAL_COLUMNS.map((c) => `${c} = null`).join(', ')}, personal_data_deleted_at = now(), updated_at = now(),
             idempotency_key = 'purged:' || id::text
           where created_at < $1 and personal_data_deleted_at is null returning id, reference`,
          [personalDataBefore],
        );
        // Notes in the audit trail may say something about the person too ("ik bel haar morgen").
        await tx.query('update ticket_events set note = null where note is not null and ticket_id = any($1)', [scrubbed.map((t) => t.id)]);
        return { scrubbed, discarded: discarded.length };
      });
    },
  };
}

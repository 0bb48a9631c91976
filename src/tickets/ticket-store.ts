import { randomUUID } from 'node:crypto';
import { z } from 'zod/v4';
import type { Database, Queryable } from '../store/index.js';
import { newReference, type ContactDetails, type NewTicket, type Ticket } from './ticket.js';

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
  /** "Verwijder mijn gegevens": every ticket of this conversation or this user. Returns how many were deleted. */
  deleteFor(person: { conversationKey: string; userKey: string }): Promise<number>;
  /**
   * Retention: removes the personal data of tickets created before `personalDataBefore` (the ticket itself stays,
   * for the figures) and deletes drafts left unfinished since `draftsBefore`.
   */
  purgeExpired(limits: { personalDataBefore: Date; draftsBefore: Date }): Promise<{ scrubbed: number; discarded: number }>;
}

const jsonColumn = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' ? JSON.parse(v) : v), schema);
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().transform((v) => v ?? undefined);

const rowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  idempotency_key: z.string(),
  status: z.enum(['draft', 'open']),
  kind: z.enum(['introduction', 'escalation']),
  reason: z.enum(['recommendation', 'asked', 'unanswered', 'unhappy']),
  route_id: optional(z.string()),
  destination: jsonColumn(z.object({ id: z.string(), kind: z.enum(['loket', 'programme', 'board']), name: z.object({ nl: z.string(), en: z.string() }), email: z.string() })),
  lang: z.enum(['nl', 'en']),
  conversation_key: optional(z.string()),
  user_key: optional(z.string()),
  name: optional(z.string()),
  email: optional(z.string()),
  phone: optional(z.string()),
  preferred_contact: optional(z.enum(['email', 'phone'])),
  preferred_time: optional(z.string()),
  question: optional(z.string()),
  summary: optional(z.string()),
  profile: optional(jsonColumn(z.record(z.string(), z.string()))),
  recommendation: optional(jsonColumn(z.array(z.object({ routeId: z.string(), reason: z.string() })))),
  consent_at: z.date(),
  created_at: z.date(),
  submitted_at: optional(z.date()),
  personal_data_deleted_at: optional(z.date()),
});

function toTicket(row: unknown): Ticket {
  const r = rowSchema.parse(row);
  const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return defined({
    id: r.id,
    reference: r.reference,
    idempotencyKey: r.idempotency_key,
    status: r.status,
    kind: r.kind,
    reason: r.reason,
    routeId: r.route_id,
    destination: r.destination,
    lang: r.lang,
    conversationKey: r.conversation_key ?? '',
    userKey: r.user_key ?? '',
    name: r.name,
    email: r.email,
    phone: r.phone,
    preferredContact: r.preferred_contact,
    preferredTime: r.preferred_time,
    question: r.question,
    summary: r.summary,
    profile: r.profile,
    recommendation: r.recommendation,
    consentAt: r.consent_at,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    personalDataDeletedAt: r.personal_data_deleted_at,
  });
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

/** Everything in a ticket that says who the person is or what they told; cleared when the retention ends. */
const PERSONAL_COLUMNS = ['conversation_key', 'user_key', 'name', 'email', 'phone', 'preferred_contact', 'preferred_time', 'question', 'summary', 'profile'];

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
      const [row] = await db.query<{ reference: string; status: 'open' }>(
        `update tickets set status = case when status = 'draft' then 'open' else status end,
           submitted_at = coalesce(submitted_at, now()), updated_at = now()
         where id = $1 returning reference, status`,
        [id],
      );
      return row;
    },

    async discard(id) {
      await db.query(`delete from tickets where id = $1 and status = 'draft'`, [id]);
    },

    async get(id) {
      const [row] = await db.query('select * from tickets where id = $1', [id]);
      return row ? toTicket(row) : undefined;
    },

    async deleteFor({ conversationKey, userKey }) {
      const rows = await db.query('delete from tickets where conversation_key = $1 or user_key = $2 returning id', [conversationKey, userKey]);
      return rows.length;
    },

    async purgeExpired({ personalDataBefore, draftsBefore }) {
      return db.transaction(async (tx) => {
        const discarded = await tx.query(`delete from tickets where status = 'draft' and updated_at < $1 returning id`, [draftsBefore]);
        const scrubbed = await tx.query(
          `update tickets set ${PERSONAL_COLUMNS.map((c) => `${c} = null`).join(', ')}, personal_data_deleted_at = now(), updated_at = now(),
             idempotency_key = 'purged:' || id::text
           where created_at < $1 and personal_data_deleted_at is null returning id`,
          [personalDataBefore],
        );
        return { scrubbed: scrubbed.length, discarded: discarded.length };
      });
    },
  };
}

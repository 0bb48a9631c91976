import { z } from 'zod/v4';
import { DELIVERY_CHANNELS } from './routing.js';
import { TICKET_STATUSES, type Ticket } from './ticket.js';

export const jsonColumn = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' ? JSON.parse(v) : v), schema);
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().transform((v) => v ?? undefined);

export const actorSchema = z.object({ id: z.string(), name: z.string(), via: z.enum(['teams', 'backoffice', 'system']) });

const rowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  idempotency_key: z.string(),
  status: z.enum(TICKET_STATUSES),
  kind: z.enum(['introduction', 'escalation']),
  reason: z.enum(['recommendation', 'asked', 'unanswered', 'unhappy']),
  route_id: optional(z.string()),
  destination: jsonColumn(
    z.object({
      id: z.string(),
      kind: z.enum(['loket', 'programme', 'board']),
      name: z.object({ nl: z.string(), en: z.string() }),
      email: z.string(),
      deliver: z.array(z.enum(DELIVERY_CHANNELS)).default(['teams', 'email']),
    }),
  ),
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
  claimed_by: optional(jsonColumn(actorSchema)),
  claimed_at: optional(z.date()),
  closed_at: optional(z.date()),
  personal_data_deleted_at: optional(z.date()),
});

/** A ticket row as the database returns it; stored data is parsed, never trusted. */
export function toTicket(row: unknown): Ticket {
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
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    closedAt: r.closed_at,
    personalDataDeletedAt: r.personal_data_deleted_at,
  });
}

/** Everything in a ticket that says who the person is or what they told; cleared when the retention ends. */
export const PERSONAL_COLUMNS = ['conversation_key', 'user_key', 'name', 'email', 'phone', 'preferred_contact', 'preferred_time', 'question', 'summary', 'profile'];

import { randomInt } from 'node:crypto';
import type { Lang } from '../knowledge/index.js';
import type { Destination } from './routing.js';

/**
 * A ticket: a person handed on to a school board, a programme team or the loket backoffice. It is a draft from the
 * moment the person consents until they have given their details; then it is open for the backoffice, which claims
 * it, contacts the person and closes it.
 */
export const TICKET_STATUSES = ['draft', 'open', 'claimed', 'contacted', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Who did something to a ticket: a staff member in Teams or on the backoffice page, or the system itself. */
export interface Actor {
  id: string;
  name: string;
  via: 'teams' | 'backoffice' | 'system';
}

/** An introduction to a recommended route, or an escalation to the loket backoffice. */
export type TicketKind = 'introduction' | 'escalation';

/** Why the ticket exists: a recommendation the person followed, a request for a person, questions the bot could not answer, or an unhappy person. */
export type TicketReason = 'recommendation' | 'asked' | 'unanswered' | 'unhappy';

export type ContactWay = 'email' | 'phone';

export interface NewTicket {
  /** The incoming activity that created it (`channel:conversation:activity`): a retried activity finds the same ticket. */
  idempotencyKey: string;
  kind: TicketKind;
  reason: TicketReason;
  routeId?: string;
  destination: Destination;
  lang: Lang;
  conversationKey: string;
  userKey: string;
  /** What the person said about themselves in the qualification (field -> value). */
  profile?: Record<string, string>;
  /** The routes recommended, best first, each with its reason in words. */
  recommendation?: { routeId: string; reason: string }[];
  /** The question that is passed on (for escalations: the one the bot could not answer). */
  question?: string;
}

/** What the person adds step by step after consenting; all of it is personal data. */
export interface ContactDetails {
  name?: string;
  email?: string;
  phone?: string;
  preferredContact?: ContactWay;
  preferredTime?: string;
  question?: string;
  summary?: string;
}

export interface Ticket extends NewTicket, ContactDetails {
  id: string;
  reference: string;
  status: TicketStatus;
  consentAt: Date;
  createdAt: Date;
  submittedAt?: Date;
  claimedBy?: Actor;
  claimedAt?: Date;
  closedAt?: Date;
  personalDataDeletedAt?: Date;
}

/** One line of a ticket's audit trail. */
export interface TicketEvent {
  at: Date;
  actor: Actor;
  action: string;
  fromStatus?: TicketStatus;
  toStatus?: TicketStatus;
  note?: string;
}

/** Letters and digits that cannot be mistaken for each other when read out or typed over. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A short reference a person can quote, such as "UL-7KQ3MX". */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `UL-${code}`;
}

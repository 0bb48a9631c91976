import type { Ticket } from '../tickets/index.js';

/** How the staff-facing text of a ticket is made (Dutch labels, route names); injected, so delivery knows no dialogs. */
export interface TicketText {
  title: string;
  routeLabel: string;
  facts: { label: string; value: string }[];
}
export type DescribeTicket = (ticket: Ticket) => TicketText;

/** The ticket as JSON for a ticket system: stable field names, values as stored, plus the text staff read. */
export function ticketPayload(ticket: Ticket, text: TicketText) {
  return {
    id: ticket.id,
    reference: ticket.reference,
    status: ticket.status,
    kind: ticket.kind,
    reason: ticket.reason,
    route: ticket.routeId ? { id: ticket.routeId, label: text.routeLabel } : null,
    destination: { id: ticket.destination.id, name: ticket.destination.name.nl, email: ticket.destination.email },
    lang: ticket.lang,
    person: {
      name: ticket.name ?? null,
      email: ticket.email ?? null,
      phone: ticket.phone ?? null,
      preferredContact: ticket.preferredContact ?? null,
      preferredTime: ticket.preferredTime ?? null,
    },
    question: ticket.question ?? null,
    summary: ticket.summary ?? null,
    profile: ticket.profile ?? {},
    recommendation: ticket.recommendation ?? [],
    consentAt: ticket.consentAt.toISOString(),
    submittedAt: ticket.submittedAt?.toISOString() ?? null,
    text: { title: text.title, facts: text.facts },
  };
}

/** An error message fit for the delivery record and the logs: no e-mail addresses. */
export function safeError(error: unknown): string {
  const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
  return message.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '[e-mail]');
}

import type { TicketText } from '../../delivery/index.js';
import type { Ticket, TicketStatus } from '../../tickets/index.js';

/** The Action.Execute verbs of a ticket card. */
export const VERBS = { claim: 'ticket.claim', contacted: 'ticket.contacted', close: 'ticket.close' } as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  refresh?: Record<string, unknown>;
}

const STATUS_WORDS: Record<TicketStatus, string> = {
  draft: 'concept',
  open: 'nog niet opgepakt',
  claimed: 'opgepakt',
  contacted: 'contact gehad',
  closed: 'afgesloten',
};

/** "3 uur", "2 dagen": how long a ticket has been waiting. */
export function age(since: Date, now = new Date()): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) return 'minder dan een uur';
  if (hours < 48) return `${hours} uur`;
  return `${Math.floor(hours / 24)} dagen`;
}

function statusLine(ticket: Ticket): string {
  const who = ticket.claimedBy ? ` door ${ticket.claimedBy.name}` : '';
  const waiting = ticket.submittedAt ? ` · ${age(ticket.submittedAt)} geleden binnengekomen` : '';
  return `Status: ${STATUS_WORDS[ticket.status]}${ticket.status === 'open' ? '' : who}${waiting}`;
}

function actionsFor(ticket: Ticket) {
  const action = (verb: Verb, title: string) => ({ type: 'Action.Execute', verb, title, data: { ticketId: ticket.id } });
  switch (ticket.status) {
    case 'open':
      return [action(VERBS.claim, 'Oppakken'), action(VERBS.close, 'Afsluiten')];
    case 'claimed':
      return [action(VERBS.contacted, 'Contact gehad'), action(VERBS.close, 'Afsluiten')];
    case 'contacted':
      return [action(VERBS.close, 'Afsluiten')];
    default:
      return [];
  }
}

/**
 * A ticket as an Adaptive Card for the backoffice channel and staff chats: what the person needs, how to reach them,
 * consent and age, with the next actions (Action.Execute, so Teams refreshes the card for everyone).
 */
export function ticketCard(ticket: Ticket, text: TicketText, notice?: string): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      ...(notice ? [{ type: 'TextBlock', text: notice, wrap: true, weight: 'Bolder', color: 'Attention' }] : []),
      { type: 'TextBlock', text: text.title, wrap: true, size: 'Medium', weight: 'Bolder' },
      { type: 'TextBlock', text: statusLine(ticket), wrap: true, isSubtle: true, spacing: 'None' },
      { type: 'FactSet', facts: text.facts.filter((f) => f.label !== 'Referentie').map((f) => ({ title: f.label, value: f.value })) },
    ],
    actions: actionsFor(ticket),
  };
}

/** A short list of tickets for a staff member's chat. */
export function ticketListText(title: string, tickets: readonly Ticket[], label: (t: Ticket) => string): string {
  if (!tickets.length) return `${title}: geen.`;
  const lines = tickets.map((t) => `- ${t.reference} · ${label(t)} · ${STATUS_WORDS[t.status]}${t.submittedAt ? ` · ${age(t.submittedAt)}` : ''}`);
  return [`${title} (${tickets.length}):`, ...lines, '', 'Typ "aanvraag UL-..." voor de details, of "pak UL-... op".'].join('\n');
}

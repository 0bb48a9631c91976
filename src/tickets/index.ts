export { applyRetention, scheduleRetention } from './retention.js';
export { loadRouting, type Destination, type Routing } from './routing.js';
export type { ContactDetails, ContactWay, NewTicket, Ticket, TicketKind, TicketReason } from './ticket.js';
export { createTicketStore, type TicketStore } from './ticket-store.js';
export { privacyPage, type PrivacyFacts } from './privacy-statement.js';

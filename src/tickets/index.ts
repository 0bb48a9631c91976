export { applyRetention, scheduleRetention } from './retention.js';
export { loadRouting, type Destination, type Routing } from './routing.js';
export type { ContactDetails, ContactWay, NewTicket, Ticket, TicketKind, TicketReason } from './ticket.js';
export { createTicketStore, type Person, type TicketStore } from './ticket-store.js';
export { privacyPage, type PrivacyFacts } from './privacy-statement.js';
export { createTicketDesk, type ChangeResult, type TicketDesk, type TicketFilter } from './ticket-desk.js';
export { TICKET_STATUSES, type Actor, type TicketEvent, type TicketStatus } from './ticket.js';
export { DELIVERY_CHANNELS, type DeliveryChannel } from './routing.js';

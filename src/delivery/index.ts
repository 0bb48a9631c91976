export { createBackofficeChannels, type BackofficeChannels, type LinkedChannel } from './backoffice-channels.js';
export { createOutbox, PermanentDeliveryError, type Outbox, type Sender } from './outbox.js';
export { createOutboxStore, type Delivery, type OutboxStore } from './outbox-store.js';
export { workdaysBefore } from './workdays.js';
export { createEmailSender, type EmailSettings } from './email-sender.js';
export { type DescribeTicket, type TicketText } from './ticket-payload.js';
export { createWebhookSender, DELIVERY_HEADER, signature, SIGNATURE_HEADER, type WebhookSettings } from './webhook-sender.js';

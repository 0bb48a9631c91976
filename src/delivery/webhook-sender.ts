import { createHmac } from 'node:crypto';
import type { Sender } from './outbox.js';
import { safeError, ticketPayload, type DescribeTicket } from './ticket-payload.js';

export interface WebhookSettings {
  url: string;
  /** Shared with the receiver, which checks the signature with it. */
  secret: string;
}

export const SIGNATURE_HEADER = 'x-onderwijsloket-signature';
export const DELIVERY_HEADER = 'x-onderwijsloket-delivery';

/** HMAC-SHA256 of the exact request body, hex, as `sha256=<hex>` (the form GitHub and others use). */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Posts a ticket to a ticket system (TOPdesk, Zendesk and the like) as JSON. The delivery id (header and body) is
 * the same on every attempt, so the receiver can drop duplicates; any 2xx answer counts as delivered.
 */
export function createWebhookSender({ url, secret }: WebhookSettings, describe: DescribeTicket): Sender {
  return {
    async send(delivery, ticket) {
      const body = JSON.stringify({ event: 'ticket.created', deliveryId: delivery.id, ticket: ticketPayload(ticket, describe(ticket)) });
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'onderwijsloket-bot',
            [SIGNATURE_HEADER]: signature(body, secret),
            [DELIVERY_HEADER]: delivery.id,
            'x-onderwijsloket-ticket': ticket.id,
          },
          body,
          signal: AbortSignal.timeout(20_000),
        });
      } catch (error) {
        throw new Error(`webhook not reachable: ${safeError(error)}`);
      }
      await response.body?.cancel();
      if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
      return response.headers.get('x-request-id') ?? undefined;
    },
  };
}

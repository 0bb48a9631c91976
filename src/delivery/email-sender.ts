import nodemailer from 'nodemailer';
import type { Ticket } from '../tickets/index.js';
import type { Sender } from './outbox.js';
import { safeError, type DescribeTicket, type TicketText } from './ticket-payload.js';

export interface EmailSettings {
  /** smtp://user:password@host:587 or smtps://... (nodemailer's connection URL). */
  smtpUrl: string;
  from: string;
  /** Where staff open the ticket on the backoffice page, if it is reachable. */
  ticketUrl?: (ticket: Ticket) => string;
  retentionDays: number;
  workdays: number;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function bodies(text: TicketText, settings: EmailSettings, ticket: Ticket) {
  const intro = 'Er is een nieuwe aanvraag binnengekomen via de chatbot van het onderwijsloket.';
  const next = `Neem binnen ${settings.workdays} werkdagen contact op.${settings.ticketUrl ? ` Pak de aanvraag op in Teams of op ${settings.ticketUrl(ticket)}.` : ' Pak de aanvraag op in Teams.'}`;
  const privacy = `De aanvrager heeft toestemming gegeven om deze gegevens met jullie te delen, alleen om contact op te nemen. Wij wissen ze na ${settings.retentionDays} dagen; bewaar deze mail niet langer dan nodig.`;
  const plain = [intro, '', ...text.facts.map((f) => `${f.label}: ${f.value}`), '', next, '', privacy].join('\n');
  const rows = text.facts.map((f) => `<tr><th align="left" valign="top">${escape(f.label)}</th><td>${escape(f.value).replace(/\n/g, '<br>')}</td></tr>`).join('\n');
  const html = `<p>${escape(intro)}</p>\n<table cellpadding="4">\n${rows}\n</table>\n<p>${escape(next)}</p>\n<p><small>${escape(privacy)}</small></p>`;
  return { plain, html };
}

/** A clear mail in Dutch to the routed address, with the ticket and how to reach the person; replies go to them. */
export function createEmailSender(settings: EmailSettings, describe: DescribeTicket): Sender {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  const domain = settings.from.match(/@([^>\s]+)/)?.[1] ?? 'onderwijsloket.local';
  return {
    async send(delivery, ticket) {
      const text = describe(ticket);
      const { plain, html } = bodies(text, settings, ticket);
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: delivery.target,
          ...(ticket.email ? { replyTo: ticket.email } : {}),
          subject: `Nieuwe aanvraag ${ticket.reference}: ${text.routeLabel}`,
          text: plain,
          html,
          // The same id on every attempt: a mail system that got it twice can tell.
          messageId: `<${delivery.id}@${domain}>`,
          headers: { 'X-Onderwijsloket-Ticket': ticket.id, 'X-Onderwijsloket-Delivery': delivery.id },
        });
        return info.messageId;
      } catch (error) {
        throw new Error(`mail not sent: ${safeError(error)}`);
      }
    },
  };
}

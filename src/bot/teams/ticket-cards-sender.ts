import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { PermanentDeliveryError, type BackofficeChannels, type DescribeTicket, type OutboxStore, type Sender } from '../../delivery/index.js';
import type { Logger } from '../../log.js';
import type { Ticket } from '../../tickets/index.js';
import { ticketCard } from './cards.js';

export interface TicketCardsDeps {
  adapter: CloudAdapter;
  /** The bot's app id ('' in local mode without credentials). */
  appId: string;
  channels: BackofficeChannels;
  deliveries: Pick<OutboxStore, 'forTicket'>;
  describe: DescribeTicket;
  workdays: number;
  logger: Logger;
}

export interface TicketCards {
  /** Delivers a ticket as a card to a linked backoffice channel (the outbox's Teams sender). */
  sender: Sender;
  /** Shows a ticket's new state on every card of it that was posted, except the one Teams already updates. */
  refresh(ticket: Ticket, except?: string): Promise<void>;
  /** Takes the personal data off every card of a ticket, saying why. */
  retract(ticket: Pick<Ticket, 'id' | 'reference'>, why: string): Promise<void>;
}

const cardActivity = (card: object) => ({ type: 'message' as const, attachments: [CardFactory.adaptiveCard(card)] });

/** Posts and updates ticket cards in Teams channels, proactively, through the stored conversation references. */
export function createTicketCards({ adapter, appId, channels, deliveries, describe, workdays, logger }: TicketCardsDeps): TicketCards {
  const inChannel = async (conversationId: string, work: Parameters<CloudAdapter['continueConversationAsync']>[2]) => {
    const channel = await channels.get(conversationId);
    if (!channel) return false;
    await adapter.continueConversationAsync(appId, channel.reference as Partial<ConversationReference>, work);
    return true;
  };

  const updateCards = async (ticketId: string, card: () => object, except?: string) => {
    const posted = (await deliveries.forTicket(ticketId)).filter((d) => d.channel === 'teams' && d.externalId && d.externalId !== except);
    for (const { target, externalId } of posted) {
      await inChannel(target, async (context) => {
        await context.updateActivity({ ...cardActivity(card()), id: externalId });
      }).catch((error: unknown) => logger.warn({ event: 'card_update_failed', ticketId, err: (error as Error).message }, 'could not update a ticket card'));
    }
  };

  return {
    sender: {
      async send(delivery, ticket) {
        const notice = delivery.purpose === 'reminder' ? `Herinnering: deze aanvraag is na ${workdays} werkdagen nog niet opgepakt.` : undefined;
        let id: string | undefined;
        const linked = await inChannel(delivery.target, async (context) => {
          id = (await context.sendActivity(cardActivity(ticketCard(ticket, describe(ticket), notice))))?.id;
        });
        if (!linked) throw new PermanentDeliveryError('Het Teams-kanaal is ontkoppeld.');
        return id;
      },
    },

    async refresh(ticket, except) {
      await updateCards(ticket.id, () => ticketCard(ticket, describe(ticket)), except);
    },

    async retract(ticket, why) {
      await updateCards(ticket.id, () => ({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `Aanvraag ${ticket.reference}: ${why}`, wrap: true }],
      }));
    },
  };
}

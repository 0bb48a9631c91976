import type { Application } from '@microsoft/teams-ai';
import { CardFactory, TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import type { BackofficeChannels, DescribeTicket, Outbox } from '../../delivery/index.js';
import type { Answerer } from '../../knowledge/index.js';
import type { Logger } from '../../log.js';
import type { ChangeResult, Ticket, TicketDesk } from '../../tickets/index.js';
import { activityIds } from '../activities.js';
import type { BotState } from '../conversation.js';
import { ticketCard, ticketListText, VERBS } from './cards.js';
import { actorOf, isStaff, type StaffPolicy } from './staff.js';
import type { TicketCards } from './ticket-cards-sender.js';

export interface TeamsRoutesDeps {
  desk: TicketDesk;
  channels: BackofficeChannels;
  cards: TicketCards;
  outbox: Pick<Outbox, 'kick'>;
  describe: DescribeTicket;
  /** To recognise the route in "koppel dit kanaal voor zij-instroom". */
  answerer: Answerer;
  routeLabel: (routeId: string) => string;
  staff: StaffPolicy;
  logger: Logger;
}

/** Staff commands, in Dutch and English; matched on the whole message without the @mention. */
const COMMANDS = {
  link: /^(?:koppel dit kanaal|link this channel)(?:\s+(?:voor|for)\s+(.+))?$/i,
  unlink: /^(?:ontkoppel dit kanaal|unlink this channel)$/i,
  open: /^(?:open aanvragen|open tickets)$/i,
  mine: /^(?:mijn aanvragen|my tickets)$/i,
  show: /^(?:aanvraag|ticket|details)\s+(ul-[a-z0-9]{6})$/i,
  claim: /^(?:pak\s+(ul-[a-z0-9]{6})\s+op|claim\s+(ul-[a-z0-9]{6}))$/i,
};

const commandText = (context: TurnContext) => (context.activity.text ?? '').trim().replace(/[.!?]+$/, '').replace(/\s+/g, ' ');
const isChannel = (context: TurnContext) => context.activity.conversation?.conversationType === 'channel';
const channelId = (context: TurnContext) => (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
const cardMessage = (card: object) => ({ type: 'message' as const, attachments: [CardFactory.adaptiveCard(card)] });

const actionDataSchema = z.object({ ticketId: z.string().min(1) });

/**
 * The Teams side for staff: linking a backoffice channel, ticket commands in a personal chat, and the card actions
 * (claim, contacted, close). Registered before the public message route, so staff commands win; everyone else, and
 * every other message, gets the public experience.
 */
export function registerTeamsRoutes(app: Application<BotState>, deps: TeamsRoutesDeps): void {
  const { desk, channels, cards, describe, answerer, routeLabel, staff, logger } = deps;
  const label = (t: Ticket) => describe(t).routeLabel;
  const staffCommand = (pattern: RegExp, where: 'channel' | 'anywhere' = 'anywhere') => async (context: TurnContext) =>
    context.activity.type === 'message' && (where === 'anywhere' || isChannel(context)) && pattern.test(commandText(context)) && (await isStaff(context.activity, staff));

  const botAddedToTeam = async (context: TurnContext) =>
    context.activity.type === 'conversationUpdate' &&
    (context.activity.channelData as { eventType?: string } | undefined)?.eventType === 'teamMemberAdded' &&
    (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);

  app.activity(botAddedToTeam, async (context) => {
    await context.sendActivity(
      'Hallo! Ik ben de assistent van het onderwijsloket. Wil je nieuwe aanvragen in een kanaal van dit team ontvangen? Typ daar "@Onderwijsloket koppel dit kanaal" (of "koppel dit kanaal voor <route>" voor één route).',
    );
    logger.info({ ...activityIds(context), event: 'installed_in_team' }, 'added to a team');
  });

  app.message(staffCommand(COMMANDS.link, 'channel'), async (context) => {
    const conversationId = channelId(context);
    if (!conversationId) return void (await context.sendActivity('Dit kan alleen in een kanaal van een team.'));
    const routeName = commandText(context).match(COMMANDS.link)?.[1];
    const routeId = routeName ? answerer.answer({ text: routeName }).routeIds[0] : undefined;
    if (routeName && !routeId) return void (await context.sendActivity(`Ik ken geen route "${routeName}". Probeer bijvoorbeeld "koppel dit kanaal voor zij-instroom".`));
    // The channel itself, not the thread of this message: new tickets start new posts.
    const reference = TurnContext.getConversationReference(context.activity);
    const channelReference = { ...reference, conversation: { ...reference.conversation, id: conversationId } };
    const channelName = (context.activity.channelData as { channel?: { name?: string } } | undefined)?.channel?.name;
    await channels.link({ conversationId, ...(routeId ? { routeId } : {}), reference: channelReference, ...(channelName ? { label: channelName } : {}), linkedBy: actorOf(context.activity) });
    deps.outbox.kick();
    const scope = routeId ? `aanvragen voor ${routeLabel(routeId)}` : 'alle aanvragen';
    await context.sendActivity(`Dit kanaal is nu het backoffice-kanaal voor ${scope}. Nieuwe aanvragen verschijnen hier als kaart. Ontkoppelen: "ontkoppel dit kanaal".`);
    logger.info({ ...activityIds(context), event: 'channel_linked', routeId }, 'backoffice channel linked');
  });

  app.message(staffCommand(COMMANDS.unlink, 'channel'), async (context) => {
    const unlinked = await channels.unlink(channelId(context) ?? '');
    await context.sendActivity(unlinked ? 'Dit kanaal krijgt geen aanvragen meer.' : 'Dit kanaal was niet gekoppeld.');
  });

  app.message(staffCommand(COMMANDS.open), async (context) => {
    await context.sendActivity(ticketListText('Open aanvragen', await desk.list({ status: ['open'], limit: 20 }), label));
  });

  app.message(staffCommand(COMMANDS.mine), async (context) => {
    const mine = await desk.list({ status: ['claimed', 'contacted'], claimedBy: actorOf(context.activity).id, limit: 20 });
    await context.sendActivity(ticketListText('Jouw aanvragen', mine, label));
  });

  app.message(staffCommand(COMMANDS.show), async (context) => {
    const reference = commandText(context).match(COMMANDS.show)?.[1] ?? '';
    const ticket = await desk.byReference(reference);
    await context.sendActivity(ticket ? cardMessage(ticketCard(ticket, describe(ticket))) : `Ik vind geen aanvraag ${reference.toUpperCase()}.`);
  });

  app.message(staffCommand(COMMANDS.claim), async (context) => {
    const match = commandText(context).match(COMMANDS.claim);
    const reference = (match?.[1] ?? match?.[2] ?? '').toUpperCase();
    const ticket = await desk.byReference(reference);
    if (!ticket) return void (await context.sendActivity(`Ik vind geen aanvraag ${reference}.`));
    const result = await desk.claim(ticket.id, actorOf(context.activity));
    if (result.ok) await cards.refresh(result.ticket);
    await context.sendActivity(result.ok ? cardMessage(ticketCard(result.ticket, describe(result.ticket), 'Je hebt deze aanvraag opgepakt.')) : refusal(result));
  });

  /** The outcome of a card action: the refreshed card for everyone, or a short message for the one who clicked. */
  const onAction = (change: (ticketId: string, context: TurnContext) => Promise<ChangeResult>) => async (context: TurnContext, _state: BotState, data: unknown) => {
    if (!(await isStaff(context.activity, staff))) return 'Alleen medewerkers van het onderwijsloket kunnen aanvragen behandelen.';
    const parsed = actionDataSchema.safeParse(data);
    if (!parsed.success) return 'Deze kaart is niet (meer) te gebruiken.';
    const result = await change(parsed.data.ticketId, context);
    if (!result.ok) return refusal(result);
    await cards.refresh(result.ticket, context.activity.replyToId);
    logger.info({ ...activityIds(context), event: 'ticket_changed', ticketId: result.ticket.id, status: result.ticket.status }, 'ticket changed in Teams');
    return ticketCard(result.ticket, describe(result.ticket));
  };

  app.adaptiveCards.actionExecute(VERBS.claim, onAction((id, context) => desk.claim(id, actorOf(context.activity))));
  app.adaptiveCards.actionExecute(VERBS.contacted, onAction((id, context) => desk.setStatus(id, 'contacted', actorOf(context.activity))));
  app.adaptiveCards.actionExecute(VERBS.close, onAction((id, context) => desk.setStatus(id, 'closed', actorOf(context.activity))));
}

function refusal(result: Extract<ChangeResult, { ok: false }>): string {
  const by = result.ticket?.claimedBy?.name;
  if (result.reason === 'not_open' && by) return `Deze aanvraag is al opgepakt door ${by}.`;
  if (result.reason === 'not_open') return 'Deze aanvraag is al opgepakt of afgesloten.';
  return 'Deze aanvraag bestaat niet meer.';
}

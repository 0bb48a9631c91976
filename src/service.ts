import type { AddressInfo } from 'node:net';
import { createAdapter } from './bot/adapter.js';
import { createBotApp } from './bot/app.js';
import { registerBackofficeRoutes } from './bot/backoffice/index.js';
import { createEntraSignIn } from './backoffice/entra.js';
import { createBotTurn } from './bot/directline/bot-turn.js';
import { DIRECT_LINE_PATH, publicBase, registerDirectLineRoutes } from './bot/directline/routes.js';
import { attachDirectLineStreams } from './bot/directline/stream.js';
import { createServer } from './bot/server.js';
import { registerWebChatRoutes } from './bot/webchat/routes.js';
import { createGroupCheck } from './bot/teams/group-membership.js';
import type { StaffPolicy } from './bot/teams/staff.js';
import { createTicketCards } from './bot/teams/ticket-cards-sender.js';
import type { Config } from './config.js';
import { createEmailSender, createOutbox, createOutboxStore, createBackofficeChannels, createWebhookSender, type Sender } from './delivery/index.js';
import { createHandoffFlow, createQualifyFlow, describeTicket } from './dialogs/index.js';
import { createAnswerer, loadDocuments, loadKnowledge } from './knowledge/index.js';
import { createCircuitBreaker, createGenerative, createOpenAiChatModel } from './generative/index.js';
import type { Logger } from './log.js';
import { createRateLimit } from './rate-limit.js';
import { createDirectLine, createDirectLineTokens, createTranscriptStore, MESSAGES_PER_MINUTE, tokenSigningKey } from './directline/index.js';
import { migrate, openDatabase, StateStore } from './store/index.js';
import { createTicketDesk, createTicketStore, loadRouting, privacyPage, scheduleRetention, type Ticket, type TicketStore } from './tickets/index.js';
import { azureDirectLineGrant, TRANSCRIPT_HOURS } from './webchat/index.js';

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

/** Staff in Teams: the allowed tenants, and the Entra ID group when one is set (config checked the credentials). */
function staffPolicy(config: Config): StaffPolicy {
  const { credentials, staffGroupId } = config;
  if (!staffGroupId || !credentials?.appPassword || !credentials.tenantId) return { tenantIds: config.staffTenantIds };
  return {
    tenantIds: config.staffTenantIds,
    inGroup: createGroupCheck({ tenantId: credentials.tenantId, clientId: credentials.appId, clientSecret: credentials.appPassword, groupId: staffGroupId }),
  };
}

/** Builds every part from the config and starts listening. The only place where the parts meet. */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const started = performance.now();
  const curated = await loadKnowledge(config.knowledgeDir);
  const documents = await loadDocuments(config.dataDir);
  const knowledge = { ...curated, passages: [...curated.passages, ...documents] };
  const routing = await loadRouting(config.knowledgeDir, knowledge);
  const answerer = createAnswerer(knowledge);
  logger.info({ topics: knowledge.topics.length, passages: curated.passages.length, documentPassages: documents.length, ms: Math.round(performance.now() - started) }, 'knowledge loaded');

  const db = await openDatabase({ ...config.database, dataDir: config.dataDir });
  const migrations = await migrate(db);
  logger.info({ database: db.kind, migrations }, 'database ready');
  const storage = new StateStore(db);
  const desk = createTicketDesk(db);
  const outboxStore = createOutboxStore(db);
  const channels = createBackofficeChannels(db);
  const transcripts = createTranscriptStore(db);

  let publicUrl = config.publicUrl ?? '';
  const routeLabel = (id: string) => knowledge.topicById.get(id)?.label.nl ?? id;
  const describe = (ticket: Ticket) => describeTicket(ticket, knowledge);
  const adapter = createAdapter(config.credentials);
  const cards = createTicketCards({ adapter, appId: config.credentials?.appId ?? '', channels, deliveries: outboxStore, describe, workdays: routing.respondWithinWorkdays, logger });
  const senders: Record<string, Sender> = { teams: cards.sender };
  if (config.smtp) {
    senders.email = createEmailSender(
      { smtpUrl: config.smtp.url, from: config.smtp.from, ticketUrl: (t) => `${publicUrl}/backoffice/tickets/${t.id}`, retentionDays: config.retentionDays, workdays: routing.respondWithinWorkdays },
      describe,
    );
  }
  if (config.webhook) senders.webhook = createWebhookSender(config.webhook, describe);
  const outbox = createOutbox({ store: outboxStore, tickets: desk, senders, serviceLevelWorkdays: routing.respondWithinWorkdays, logger });

  // A ticket is delivered as soon as the person submits it; the outbox also finds it on its own (after a restart).
  const store = createTicketStore(db);
  const tickets: TicketStore = {
    ...store,
    submit: async (id) => {
      const submitted = await store.submit(id);
      outbox.kick();
      return submitted;
    },
  };
  const retention = scheduleRetention({
    tickets,
    state: storage,
    retentionDays: config.retentionDays,
    chats: { deleteIdleSince: transcripts.deleteIdleSince, keepHours: TRANSCRIPT_HOURS },
    logger,
    onScrubbed: async (scrubbed) => {
      for (const ticket of scrubbed) await cards.retract(ticket, `de persoonsgegevens zijn na ${config.retentionDays} dagen gewist.`);
    },
  });

  // Without OPENAI_API_KEY nothing is built here, and no request leaves the machine.
  const generative = config.openai
    ? createGenerative({ model: createOpenAiChatModel(config.openai), breaker: createCircuitBreaker({ failures: 3, openMs: 30_000 }), knowledge, logger })
    : undefined;
  const qualify = createQualifyFlow({ knowledge, routing, ...(generative ? { readProfile: generative.profile } : {}) });
  const handoff = createHandoffFlow({ tickets, routing, privacyUrl: () => `${publicUrl}/privacy`, retentionDays: config.retentionDays });
  const app = createBotApp({
    adapter,
    storage,
    answerer,
    knowledge,
    tickets,
    qualify,
    handoff,
    logger,
    ...(generative ? { generative } : {}),
    beforeForget: async (person) => {
      for (const ticket of await tickets.findFor(person)) await cards.retract(ticket, 'verwijderd op verzoek van de aanvrager.');
      if (person.conversationKey.startsWith('directline:')) await transcripts.clear(person.conversationKey.slice('directline:'.length));
    },
    teams: { desk, channels, cards, outbox, describe, answerer, routeLabel, staff: staffPolicy(config), logger },
  });
  const server = createServer({
    adapter,
    app,
    logger,
    health: async () => {
      const database = await db.query('select 1').then(() => db.kind, () => 'unreachable');
      return { ok: database !== 'unreachable', topics: knowledge.topics.length, passages: knowledge.passages.length, database };
    },
    privacyPage: (lang) => privacyPage(lang, { retentionDays: config.retentionDays, chatHours: TRANSCRIPT_HOURS, destinations: routing.destinations }),
  });

  // The website chat: the bot's own Direct Line (or Azure's, when configured) and the page.
  const appId = config.credentials?.appId ?? '';
  const tokens = createDirectLineTokens(await tokenSigningKey(db, config.directLineSecret), config.directLineSecret);
  const directLine = createDirectLine({
    store: transcripts,
    tokens,
    bot: createBotTurn({ adapter, app, appId }),
    botAccount: { id: appId || 'onderwijsloket-bot', name: 'Onderwijsloket' },
    serviceUrl: () => `${publicUrl}${DIRECT_LINE_PATH}`,
    messageLimit: createRateLimit(MESSAGES_PER_MINUTE, 60),
  });
  registerDirectLineRoutes(server, { directLine, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), logger });
  const streams = attachDirectLineStreams(server.server, directLine, logger);
  const azure = config.azureDirectLine;
  await registerWebChatRoutes(server, {
    grant: azure
      ? () => azureDirectLineGrant(azure)
      : async (lang, req) => ({
          ...(await directLine.conversationForPage(lang === 'nl' ? 'nl-NL' : 'en-US')),
          domain: `${publicBase(req, config.publicUrl)}${DIRECT_LINE_PATH}`,
        }),
    embedOrigins: config.embedOrigins,
    connectOrigins: azure ? [new URL(azure.url).origin] : [],
    chatLimit: createRateLimit(config.chatsPerHour, 3600),
    trustProxy: config.trustProxy,
    logger,
  });
  const sessionSecret = config.backofficeToken ?? config.backofficeEntra?.clientSecret;
  registerBackofficeRoutes(server, {
    access: {
      ...(config.backofficeToken ? { token: config.backofficeToken } : {}),
      ...(sessionSecret ? { sessionSecret } : {}),
      ...(config.backofficeEntra ? { entra: createEntraSignIn(config.backofficeEntra) } : {}),
      secureCookies: (config.publicUrl ?? '').startsWith('https://'),
    },
    desk,
    deliveries: outboxStore,
    outbox,
    describe,
    routes: knowledge.topics.filter((t) => t.kind !== 'article').map((t) => ({ id: t.id, label: t.label.nl })),
    publicUrl: () => publicUrl,
    onChanged: (ticket) => cards.refresh(ticket),
    logger,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  publicUrl ||= config.host === '0.0.0.0' ? `http://localhost:${port}` : url;
  logger.info({ port, authenticated: Boolean(config.credentials), deliveries: Object.keys(senders) }, 'listening');

  return {
    url,
    close: async () => {
      retention.stop();
      streams.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      });
      await outbox.stop();
      await db.close();
    },
  };
}

import type { AddressInfo } from 'node:net';
import { createAdapter } from './bot/adapter.js';
import { createBotApp } from './bot/app.js';
import { createServer } from './bot/server.js';
import type { Config } from './config.js';
import { createHandoffFlow, createQualifyFlow } from './dialogs/index.js';
import { createAnswerer, loadDocuments, loadKnowledge } from './knowledge/index.js';
import type { Logger } from './log.js';
import { migrate, openDatabase, StateStore } from './store/index.js';
import { createTicketStore, loadRouting, privacyPage, scheduleRetention } from './tickets/index.js';

export interface RunningService {
  url: string;
  close(): Promise<void>;
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
  const tickets = createTicketStore(db);
  const retention = scheduleRetention({ tickets, state: storage, retentionDays: config.retentionDays, logger });

  let publicUrl = config.publicUrl ?? '';
  const qualify = createQualifyFlow({ knowledge, routing });
  const handoff = createHandoffFlow({ tickets, routing, privacyUrl: () => `${publicUrl}/privacy`, retentionDays: config.retentionDays });
  const adapter = createAdapter(config.credentials);
  const app = createBotApp({ adapter, storage, answerer, knowledge, tickets, qualify, handoff, logger });
  const server = createServer({
    adapter,
    app,
    logger,
    health: async () => {
      const database = await db.query('select 1').then(() => db.kind, () => 'unreachable');
      return { ok: database !== 'unreachable', topics: knowledge.topics.length, passages: knowledge.passages.length, database };
    },
    privacyPage: (lang) => privacyPage(lang, { retentionDays: config.retentionDays, destinations: routing.destinations }),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  publicUrl ||= config.host === '0.0.0.0' ? `http://localhost:${port}` : url;
  logger.info({ port, authenticated: Boolean(config.credentials) }, 'listening');

  return {
    url,
    close: async () => {
      retention.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      });
      await db.close();
    },
  };
}

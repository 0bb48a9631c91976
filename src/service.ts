import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { createAdapter } from './bot/adapter.js';
import { createBotApp } from './bot/app.js';
import { createServer } from './bot/server.js';
import type { Config } from './config.js';
import { createAnswerer, loadDocuments, loadKnowledge } from './knowledge/index.js';
import type { Logger } from './log.js';

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
  const answerer = createAnswerer(knowledge);
  logger.info({ topics: knowledge.topics.length, passages: curated.passages.length, documentPassages: documents.length, ms: Math.round(performance.now() - started) }, 'knowledge loaded');

  const adapter = createAdapter(config.credentials);
  const app = createBotApp({ adapter, storage: new MemoryStorage(), answerer, logger });
  const server = createServer({
    adapter,
    app,
    logger,
    health: () => ({ topics: knowledge.topics.length, passages: knowledge.passages.length }),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ port, authenticated: Boolean(config.credentials) }, 'listening');

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeIdleConnections();
      }),
  };
}

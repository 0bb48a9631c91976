import { ConfigError, loadConfig } from './config.js';
import { KnowledgeError } from './knowledge/index.js';
import { createLogger } from './log.js';
import { startService } from './service.js';
import { DatabaseError } from './store/index.js';

/** Entry point: the only module with side effects at start-up. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let service;
  try {
    service = await startService(config, logger);
  } catch (error) {
    if (error instanceof KnowledgeError || error instanceof DatabaseError) {
      const what = error instanceof KnowledgeError ? 'Knowledge' : 'Database';
      logger.fatal({ reason: error.message }, `${what.toLowerCase()} could not be loaded`);
      console.error(`${what} error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`Onderwijsloket bot listening on ${service.url} (POST /api/messages, GET /healthz)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void service.close().then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();

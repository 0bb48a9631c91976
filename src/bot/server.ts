import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { Logger } from '../log.js';
import { activityProblems } from './inbound-activity.js';

export interface ServerDeps {
  adapter: TeamsAdapter;
  app: { run(context: TurnContext): Promise<boolean> };
  logger: Logger;
  health: () => Record<string, unknown>;
}

/** The HTTP server: the Bot Framework endpoint and a health check. */
export function createServer({ adapter, app, logger, health }: ServerDeps): Server {
  const server = restify.createServer({ name: 'onderwijsloket-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

  server.on('after', (req: restify.Request, res: restify.Response) => {
    if (logger.isLevelEnabled('debug')) logger.debug({ method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() }, 'http');
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', ...health() });
    next();
  });

  server.post('/api/messages', async (req, res) => {
    const problems = activityProblems(req.body);
    if (problems) {
      logger.warn({ problems }, 'invalid activity refused');
      res.send(400, { error: 'invalid_activity', message: `This is not a Bot Framework activity the bot can answer: ${problems}` });
      return;
    }
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });

  return server;
}

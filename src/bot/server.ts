import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { Logger } from '../log.js';
import { activityProblems } from './inbound-activity.js';
import { pageLang } from './page-lang.js';

export interface ServerDeps {
  adapter: TeamsAdapter;
  app: { run(context: TurnContext): Promise<boolean> };
  logger: Logger;
  /** The service's own check; `ok: false` makes /healthz answer 503. */
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  privacyPage: (lang: 'nl' | 'en') => string;
}

/** The HTTP server: the Bot Framework endpoint, a health check and the privacy statement. */
export function createServer({ adapter, app, logger, health, privacyPage }: ServerDeps): Server {
  const server = restify.createServer({ name: 'onderwijsloket-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.on('after', (req: restify.Request, res: restify.Response) => {
    if (logger.isLevelEnabled('debug')) logger.debug({ method: req.method, path: req.getPath(), status: res.statusCode, ms: Date.now() - req.time() }, 'http');
  });

  server.get('/healthz', async (_req, res) => {
    const { ok, ...details } = await health();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', ...details });
  });

  server.get('/privacy', (req, res, next) => {
    const lang = pageLang(req);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-language': lang });
    res.end(privacyPage(lang));
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

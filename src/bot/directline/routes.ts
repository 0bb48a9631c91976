import type { Next, Request, Response, Server } from 'restify';
import type { DirectLine, Result, StreamUrl } from '../../directline/index.js';
import type { Logger } from '../../log.js';

export const DIRECT_LINE_PATH = '/v3/directline';

export interface DirectLineRoutesDeps {
  directLine: DirectLine;
  /** The address clients reach the bot at, when configured; otherwise the request's own host. */
  publicUrl?: string;
  logger: Logger;
}

const UNAVAILABLE: Result = { status: 503, body: { error: { code: 'ServiceError', message: 'The chat is not available right now. Please try again in a moment.' } } };

/** Any site may embed the chat: a Direct Line credential is a header, never a cookie, so CORS can be open. */
function allowCors(res: Response): void {
  res.header('access-control-allow-origin', '*');
  res.header('access-control-allow-headers', 'authorization, content-type, x-ms-bot-agent');
  res.header('access-control-expose-headers', 'retry-after');
  res.header('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.header('access-control-max-age', '600');
}

/** Where clients reach this server: PUBLIC_URL when configured, otherwise the host the request came to. */
export function publicBase(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.isSecure() ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

/** The Direct Line 3.0 subset on its own path: tokens, conversations, activities (the WebSocket stream is in stream.ts). */
export function registerDirectLineRoutes(server: Server, { directLine, publicUrl, logger }: DirectLineRoutesDeps): void {
  const streamUrlFor = (req: Request): StreamUrl => {
    const base = publicBase(req, publicUrl).replace(/^http/, 'ws');
    return (conversationId, token, watermark) => {
      const query = new URLSearchParams({ t: token, ...(watermark ? { watermark } : {}) });
      return `${base}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
    };
  };
  const auth = (req: Request) => req.header('authorization') || undefined;
  const param = (req: Request, name: string) => String((req.params as Record<string, unknown> | undefined)?.[name] ?? '');
  const watermark = (req: Request) => {
    const value = (req.query as { watermark?: unknown } | undefined)?.watermark;
    return typeof value === 'string' ? value : undefined;
  };

  /** One error boundary per route: a store that is down gives 503 and a log line with ids, never the activity. */
  const route = (operation: string, handle: (req: Request) => Promise<Result>) => async (req: Request, res: Response) => {
    allowCors(res);
    const result = await handle(req).catch((error: unknown) => {
      logger.error({ event: 'directline_failed', operation, conversationId: param(req, 'conversationId') || undefined, err: { message: (error as Error).message } }, 'Direct Line request failed');
      return UNAVAILABLE;
    });
    res.header('cache-control', 'no-store');
    if (result.retryAfterSeconds) {
      res.header('retry-after', String(result.retryAfterSeconds));
      logger.warn({ event: 'directline_limited', operation, conversationId: param(req, 'conversationId') || undefined }, 'Direct Line request refused: too many');
    }
    res.send(result.status, result.body);
  };

  server.opts(`${DIRECT_LINE_PATH}/*`, (_req: Request, res: Response, next: Next) => {
    allowCors(res);
    res.send(204);
    next();
  });
  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, route('generate', (req) => directLine.generateToken(auth(req), req.body)));
  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, route('refresh', (req) => directLine.refreshToken(auth(req))));
  server.post(`${DIRECT_LINE_PATH}/conversations`, route('start', (req) => directLine.startConversation(auth(req), req.body, streamUrlFor(req))));
  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId`,
    route('reconnect', (req) => directLine.reconnect(auth(req), param(req, 'conversationId'), watermark(req), streamUrlFor(req))),
  );
  server.post(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    route('post', (req) => directLine.postActivity(auth(req), param(req, 'conversationId'), req.body)),
  );
  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    route('get', (req) => directLine.activities(auth(req), param(req, 'conversationId'), watermark(req))),
  );
}

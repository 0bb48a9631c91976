import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Next, Request, Response, Server } from 'restify';
import { z } from 'zod/v4';
import type { Lang } from '../../knowledge/index.js';
import type { Logger } from '../../log.js';
import { chatPage, type PageGrant } from '../../webchat/index.js';
import type { RateLimit } from '../../rate-limit.js';
import { clientAddress } from '../client-address.js';
import { pageLang } from '../page-lang.js';
import { loadAsset, sendAsset, type Asset } from './assets.js';

export interface WebChatRoutesDeps {
  /** A token for a new conversation: from the bot's own Direct Line, or from Azure Direct Line. */
  grant: (lang: Lang, req: Request) => Promise<PageGrant>;
  /** Origins that may show the page in a frame (utrechtleert.nl), besides the bot's own. */
  embedOrigins: readonly string[];
  /** Origins the page may connect to besides its own (Azure Direct Line, when used). */
  connectOrigins: readonly string[];
  /** How many chats one address may start (keyed by the address). */
  chatLimit: RateLimit;
  trustProxy: boolean;
  logger: Logger;
}

/** The project folder (with package.json), from the source and from the build alike. */
function projectDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The page's Content-Security-Policy: scripts from here only, Web Chat's styles by nonce, framed only where allowed. */
function contentSecurityPolicy(nonce: string, { embedOrigins, connectOrigins }: Pick<WebChatRoutesDeps, 'embedOrigins' | 'connectOrigins'>): string {
  const websockets = connectOrigins.map((o) => o.replace(/^http/, 'ws'));
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Web Chat's style sheets carry the nonce, and one library adds an empty one (the hash of ''); style
    // attributes (React sets some) cannot carry a nonce, and carry no script.
    `style-src-elem 'self' 'nonce-${nonce}' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${[...connectOrigins, ...websockets].join(' ')}`.trim(),
    `frame-ancestors 'self' ${embedOrigins.join(' ')}`.trim(),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The website chat on the bot's own server: the page at `/` (also what utrechtleert.nl embeds), its script and style,
 * the Web Chat bundle from the project's own dependencies (no CDN), the embed script, and the page's token.
 */
export async function registerWebChatRoutes(server: Server, deps: WebChatRoutesDeps): Promise<void> {
  const publicDir = path.join(projectDir(), 'public');
  const webChat = path.join(path.dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..');
  // The installed version names the bundle's path, so a browser's cached copy is never a stale one.
  const { version } = z.object({ version: z.string() }).parse(JSON.parse(await readFile(path.join(webChat, 'package.json'), 'utf8')));
  const webChatPath = `/webchat/webchat-${version}.js`;
  const assets: Record<string, Asset> = {
    [webChatPath]: await loadAsset(path.join(webChat, 'dist', 'webchat.js'), 'text/javascript; charset=utf-8'),
    '/webchat/chat.js': await loadAsset(path.join(publicDir, 'webchat/chat.js'), 'text/javascript; charset=utf-8'),
    '/webchat/chat.css': await loadAsset(path.join(publicDir, 'webchat/chat.css'), 'text/css; charset=utf-8'),
    '/embed.js': await loadAsset(path.join(publicDir, 'embed.js'), 'text/javascript; charset=utf-8'),
  };
  for (const [route, asset] of Object.entries(assets)) {
    const cache = route === webChatPath ? IMMUTABLE : REVALIDATE;
    server.get(route, (req: Request, res: Response, next: Next) => {
      sendAsset(req, res, asset, cache);
      next();
    });
  }

  server.get('/', (req: Request, res: Response, next: Next) => {
    const lang = pageLang(req);
    const nonce = randomBytes(16).toString('base64');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-language': lang,
      'content-security-policy': contentSecurityPolicy(nonce, deps),
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(chatPage({ lang, nonce, webChatScript: webChatPath }));
    next();
  });

  server.post('/webchat/token', async (req: Request, res: Response) => {
    const asked = (req.body as { lang?: unknown } | undefined)?.lang;
    const lang: Lang = asked === 'en' ? 'en' : 'nl';
    res.header('cache-control', 'no-store');
    const limit = await deps.chatLimit(clientAddress(req, deps.trustProxy));
    if (!limit.allowed) {
      deps.logger.warn({ event: 'webchat_token_limited' }, 'website chat refused: too many from one address');
      res.header('retry-after', String(limit.retryAfterSeconds));
      res.send(429, { error: { code: 'TooManyRequests', message: 'Too many chats started from this address. Try again later.' } });
      return;
    }
    try {
      const grant = await deps.grant(lang, req);
      res.send(200, grant);
      deps.logger.info({ event: 'webchat_token', conversationId: grant.conversationId }, 'website chat started');
    } catch (error) {
      deps.logger.error({ event: 'webchat_token', err: { message: (error as Error).message } }, 'no token for the website chat');
      res.send(503, { error: { code: 'ServiceError', message: 'The chat is not available right now.' } });
    }
  });
}

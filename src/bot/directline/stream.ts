import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { watermarkOf, type DirectLine } from '../../directline/index.js';
import type { Logger } from '../../log.js';
import { DIRECT_LINE_PATH } from './routes.js';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([^/]+)/stream$`);
/**
 * Every so often each stream is pinged (one that missed the last pong is closed) and looks for activities that
 * another instance on a shared PostgreSQL appended.
 */
const CHECK_MS = 10_000;

const REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

/**
 * The Direct Line WebSocket stream: after the activities since the watermark, every new activity of the
 * conversation is pushed as `{ activities, watermark }`, as Azure Direct Line does. The stream URL carries the token.
 */
export function attachDirectLineStreams(server: Server, directLine: DirectLine, logger: Logger): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });

  const stream = (socket: WebSocket, conversationId: string, watermark: number) => {
    let sent = watermark;
    let alive = true;
    let queue = Promise.resolve();
    let waiting = false;
    const push = () => {
      if (waiting) return;
      waiting = true;
      queue = queue.then(async () => {
        waiting = false;
        const set = await directLine.since(conversationId, sent);
        if (!set.activities.length || socket.readyState !== socket.OPEN) return;
        socket.send(JSON.stringify(set));
        sent = Number(set.watermark);
      }).catch((error: unknown) => logger.warn({ event: 'directline_stream', conversationId, err: { message: (error as Error).message } }, 'could not read the conversation for its stream'));
    };
    const unsubscribe = directLine.subscribe(conversationId, push);
    const timer = setInterval(() => {
      if (!alive) return void socket.terminate();
      alive = false;
      socket.ping();
      push();
    }, CHECK_MS);
    socket.on('pong', () => (alive = true));
    // The client sends empty messages to keep the connection open; nothing else is read.
    socket.on('message', () => (alive = true));
    socket.on('close', () => {
      unsubscribe();
      clearInterval(timer);
    });
    push();
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match?.[1]) return refuse(socket, 404);
    const conversationId = decodeURIComponent(match[1]);
    directLine
      .openStream(url.searchParams.get('t') ?? undefined, conversationId)
      .catch(() => ({ ok: false as const, status: 503 }))
      .then((allowed) => {
        if (!allowed.ok) return refuse(socket, allowed.status);
        wss.handleUpgrade(req, socket, head, (ws) => stream(ws, conversationId, watermarkOf(url.searchParams.get('watermark') ?? undefined)));
      });
  };
  server.on('upgrade', onUpgrade);

  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

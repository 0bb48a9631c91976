import { WebSocket } from 'ws';

export interface DlActivity {
  id: string;
  type: string;
  timestamp: string;
  text?: string;
  from: { id: string; role?: string };
  replyToId?: string;
  channelData?: { clientActivityID?: string };
  suggestedActions?: { actions: { title: string }[] };
  entities?: { citation?: unknown[] }[];
}

export interface Grant {
  token: string;
  conversationId: string;
  userId: string;
  domain: string;
}

/** An HTTP answer: status and parsed JSON body (undefined when empty). */
export async function call(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A Direct Line client as Web Chat is one, over plain HTTP: what the tests post and read. */
export class DirectLineClient {
  watermark = '';
  readonly received: DlActivity[] = [];
  private posted = 0;

  constructor(
    readonly base: string,
    public token: string,
    readonly conversationId: string,
  ) {}

  /** The page's way in: a token from /webchat/token for a conversation of its own, then the conversation started. */
  static async forPage(serviceUrl: string, lang: 'nl' | 'en' = 'nl'): Promise<DirectLineClient> {
    const grant = (await call(`${serviceUrl}/webchat/token`, { method: 'POST', body: { lang } })).body as Grant;
    const client = new DirectLineClient(grant.domain, grant.token, grant.conversationId);
    const started = await call(`${grant.domain}/conversations`, { method: 'POST', token: grant.token, body: {} });
    if (started.status !== 201) throw new Error(`start: ${started.status}`);
    return client;
  }

  url(path = ''): string {
    return `${this.base}/conversations/${encodeURIComponent(this.conversationId)}${path}`;
  }

  /** Posts a message the way Web Chat does, with a clientActivityID of its own; returns the status and the id. */
  async say(text: string, clientActivityID = `c${++this.posted}-${Math.random().toString(36).slice(2)}`): Promise<{ status: number; id?: string; clientActivityID: string }> {
    const { status, body } = await call(this.url('/activities'), { method: 'POST', token: this.token, body: { type: 'message', text, locale: 'nl-NL', from: { id: 'ignored' }, channelData: { clientActivityID } } });
    return { status, ...((body as { id?: string } | undefined)?.id ? { id: (body as { id: string }).id } : {}), clientActivityID };
  }

  /** One poll: the activities since the last watermark. */
  async poll(): Promise<{ status: number; activities: DlActivity[] }> {
    const { status, body } = await call(this.url(`/activities?watermark=${this.watermark}`), { token: this.token });
    if (status !== 200) return { status, activities: [] };
    const set = body as { activities: DlActivity[]; watermark: string };
    this.watermark = set.watermark;
    this.received.push(...set.activities);
    return { status, activities: set.activities };
  }

  /** Polls until an activity matches, or fails after the timeout. */
  async waitFor(match: (a: DlActivity) => boolean, timeoutMs = 30_000): Promise<DlActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such activity within ${timeoutMs} ms; received: ${this.received.map((a) => a.text?.slice(0, 40)).join(' | ')}`);
      await this.poll();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A Direct Line WebSocket stream: collects every activity pushed to it. */
export async function openStream(streamUrl: string): Promise<{ activities: DlActivity[]; close(): void }> {
  const socket = new WebSocket(streamUrl);
  const activities: DlActivity[] = [];
  socket.on('message', (data: Buffer) => {
    const text = data.toString();
    if (text) activities.push(...(JSON.parse(text) as { activities: DlActivity[] }).activities);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { activities, close: () => socket.close() };
}

/** The HTTP status a WebSocket upgrade is refused with, or 101 when it is accepted. */
export async function upgradeStatus(streamUrl: string): Promise<number> {
  const socket = new WebSocket(streamUrl);
  return new Promise((resolve) => {
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
}

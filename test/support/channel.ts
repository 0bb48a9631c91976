import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity as the bot sends it; loosely typed on purpose: tests assert on what arrives. */
export interface SentActivity {
  type: string;
  id?: string;
  text?: string;
  name?: string;
  value?: unknown;
  locale?: string;
  replyToId?: string;
  suggestedActions?: { actions: { title: string; value: string }[] };
  entities?: Record<string, unknown>[];
  [key: string]: unknown;
}

/**
 * A fake Bot Framework channel: it posts activities to the bot's /api/messages with a serviceUrl pointing at
 * itself and captures the replies the bot sends through the Connector API, as the Emulator does.
 */
export class FakeChannel {
  readonly sent = new Map<string, SentActivity[]>();
  /** Activities the bot replaced (PUT, as Teams card updates do), latest version by activity id. */
  readonly updated = new Map<string, SentActivity>();
  private server?: http.Server;
  serviceUrl = '';

  constructor(private readonly botUrl: string, private readonly channelId = 'emulator') {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const match = req.url?.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/);
        const id = randomUUID();
        if (match?.[1] && body) {
          const conversationId = decodeURIComponent(match[1]);
          const activity = JSON.parse(body) as SentActivity;
          if (req.method === 'PUT' && match[2]) this.updated.set(decodeURIComponent(match[2]), activity);
          // The id the channel gives a new activity, as Teams does; replies and cards are found by it.
          else this.sent.set(conversationId, [...(this.sent.get(conversationId) ?? []), { ...activity, id }]);
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A new conversation, or one that exists already (by its id), e.g. after the bot restarted. */
  conversation(locale = 'nl-NL', id = `conv-${randomUUID()}`): FakeConversation {
    return new FakeConversation(this, id, locale);
  }

  activity(conversationId: string, locale: string, fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: this.channelId,
      serviceUrl: this.serviceUrl,
      conversation: { id: conversationId },
      from: { id: `user-${conversationId.slice(5, 13)}`, name: 'Bezoeker' },
      recipient: { id: 'bot', name: 'Onderwijsloket' },
      locale,
      ...fields,
    };
  }

  async post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(this.botUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }
}

export interface Turn {
  status: number;
  /** Everything the bot sent during this turn, in order. */
  activities: SentActivity[];
  messages: SentActivity[];
  traces: SentActivity[];
  text: string;
  /** The suggested actions offered with the replies. */
  suggestions: string[];
}

export class FakeConversation {
  /** The last activity posted, to deliver it again as a channel does when a request is slow. */
  last?: Record<string, unknown>;

  constructor(private readonly channel: FakeChannel, readonly id: string, private readonly locale: string) {}

  private turn(fields: Record<string, unknown>): Promise<Turn> {
    this.last = this.channel.activity(this.id, this.locale, fields);
    return this.deliver(this.last);
  }

  /** Posts an activity and collects what the bot sent while handling it. */
  async deliver(activity: Record<string, unknown>): Promise<Turn> {
    const before = this.channel.sent.get(this.id)?.length ?? 0;
    const response = await this.channel.post(activity);
    const activities = (this.channel.sent.get(this.id) ?? []).slice(before);
    const messages = activities.filter((a) => a.type === 'message');
    return {
      status: response.status,
      activities,
      messages,
      traces: activities.filter((a) => a.type === 'trace'),
      text: messages.map((m) => m.text ?? '').join('\n'),
      suggestions: messages.flatMap((m) => m.suggestedActions?.actions.map((action) => action.title) ?? []),
    };
  }

  join(): Promise<Turn> {
    return this.turn({ type: 'conversationUpdate', membersAdded: [{ id: 'bot' }, { id: this.userId }] });
  }

  say(text: string): Promise<Turn> {
    return this.turn({ type: 'message', text });
  }

  /** Every message the bot sent in this conversation so far. */
  messages(): SentActivity[] {
    return (this.channel.sent.get(this.id) ?? []).filter((a) => a.type === 'message');
  }

  /** The user id the channel gives this conversation's person. */
  get userId(): string {
    return `user-${this.id.slice(5, 13)}`;
  }
}

import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat completion request as the fake received it. */
export interface ChatRequest {
  authorization?: string;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean } };
  };
  /** The user message, parsed: the data the bot sent. */
  data: Record<string, unknown>;
}

/** What the fake answers: the model's output (JSON text), or an HTTP error, after an optional delay. */
export type FakeReply = { content: string; delayMs?: number } | { status: number; headers?: Record<string, string>; delayMs?: number };

interface GroundedData {
  question: string;
  passages: { id: string; text: string; source: string }[];
}

/** The answer of a model that does as told: the first sentence of the first passage, citing it. */
export function faithful(request: ChatRequest): FakeReply {
  const [first] = (request.data as unknown as GroundedData).passages;
  const sentence = /^[^.!?]*[.!?]/.exec(first?.text ?? '')?.[0] ?? first?.text ?? '';
  return { content: JSON.stringify({ sentences: [{ text: `In het kort: ${sentence}`, sources: [first?.id ?? 'P1'] }] }) };
}

/**
 * A local stand-in for an OpenAI-compatible server (POST /v1/chat/completions), so the generative path is tested
 * without a network: it records each request and answers with what the test's script says.
 */
export class FakeOpenAi {
  readonly requests: ChatRequest[] = [];
  script: (request: ChatRequest) => FakeReply = faithful;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += String(chunk);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw) as ChatRequest['body'];
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '{}';
      const request: ChatRequest = { ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body, data: JSON.parse(user) as Record<string, unknown> };
      this.requests.push(request);
      const reply = this.script(request);
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (res.destroyed) return;
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${this.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

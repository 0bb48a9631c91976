import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/direct-line.js';
import { startTestService } from '../support/service.js';

const AZURE_SECRET = 'azure-direct-line-secret-of-the-test';
const OWN_SECRET = 'own-direct-line-secret-of-the-test-0123456789';

/** A local stand-in for Azure Direct Line's tokens/generate: checks the secret, records what it was asked. */
class FakeAzureDirectLine {
  readonly requests: { authorization?: string; body: unknown }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req: IncomingMessage, res) => {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      this.requests.push({ ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body: body ? (JSON.parse(body) as unknown) : undefined });
      const ok = req.method === 'POST' && req.url === '/v3/directline/tokens/generate' && req.headers.authorization === `Bearer ${AZURE_SECRET}`;
      res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { conversationId: 'azure-conversation', token: 'azure-token', expires_in: 3600 } : { error: { code: 'Forbidden' } }));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3/directline`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('the website chat on Azure Direct Line, by configuration', () => {
  let azure: FakeAzureDirectLine;
  let service: Awaited<ReturnType<typeof startTestService>>;

  beforeAll(async () => {
    azure = await new FakeAzureDirectLine().start();
    service = await startTestService({ AZURE_DIRECTLINE_SECRET: AZURE_SECRET, AZURE_DIRECTLINE_URL: azure.url, DIRECTLINE_SECRET: OWN_SECRET });
  });
  afterAll(async () => {
    await service.close();
    await azure.stop();
  });

  it('gives the page a token from Azure Direct Line; the secret stays on the server', async () => {
    const grant = await call(`${service.url}/webchat/token`, { method: 'POST', body: { lang: 'nl' } });
    expect(grant.status).toBe(200);
    expect(grant.body).toMatchObject({ token: 'azure-token', conversationId: 'azure-conversation', domain: azure.url, expiresIn: 3600, userId: expect.stringMatching(/^dl_/) });
    expect(azure.requests).toEqual([{ authorization: `Bearer ${AZURE_SECRET}`, body: { user: { id: (grant.body as { userId: string }).userId } } }]);

    const page = await fetch(`${service.url}/`);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${new URL(azure.url).origin} ${new URL(azure.url).origin.replace('http', 'ws')}`);
    for (const secret of [AZURE_SECRET, OWN_SECRET]) {
      expect(html).not.toContain(secret);
      expect(JSON.stringify(grant.body)).not.toContain(secret);
    }
  });

  it('tells the page plainly when Azure cannot be reached', async () => {
    await azure.stop();
    const grant = await call(`${service.url}/webchat/token`, { method: 'POST', body: {} });
    expect(grant.status).toBe(503);
    expect(grant.body).toEqual({ error: { code: 'ServiceError', message: 'The chat is not available right now.' } });
    expect(service.logs.lines.some((l) => l.event === 'webchat_token' && l.level === 50)).toBe(true);
  });
});

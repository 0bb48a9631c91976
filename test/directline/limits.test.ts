import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES_PER_MINUTE } from '../../src/directline/index.js';
import { DirectLineClient } from '../support/direct-line.js';
import { startTestService } from '../support/service.js';

type Service = Awaited<ReturnType<typeof startTestService>>;

const VISITOR = '198.51.100.7';

/** The website chat is open to anyone: one address cannot start chats without end, one chat cannot flood the bot. */
describe('the limits of the website chat', () => {
  let service: Service;

  beforeAll(async () => {
    service = await startTestService({ WEBCHAT_CHATS_PER_HOUR: '3', TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await service.close();
  });

  /** POST /webchat/token as a visitor behind the proxy: the proxy adds the address last to X-Forwarded-For. */
  const startChat = (forwardedFor: string) =>
    fetch(`${service.url}/webchat/token`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: '{"lang":"nl"}' });

  it('lets one address start a few chats an hour, then says when to try again', async () => {
    for (let n = 0; n < 3; n++) expect((await startChat(`${VISITOR}:5012${n}`)).status).toBe(200);

    const refused = await startChat(VISITOR);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect(await refused.json()).toMatchObject({ error: { code: 'TooManyRequests' } });

    // What the visitor writes in front of the proxy's entry does not make a new address.
    expect((await startChat(`203.0.113.99, ${VISITOR}`)).status).toBe(429);
    // Another visitor is not affected.
    expect((await startChat('203.0.113.8')).status).toBe(200);

    const logged = JSON.stringify(service.logs.lines);
    expect(logged).toContain('webchat_token_limited');
    expect(logged).not.toContain(VISITOR);
  });

  it(`answers ${MESSAGES_PER_MINUTE} messages a minute in one chat, and refuses a flood beyond that`, async () => {
    const client = await DirectLineClient.forPage(service.url);
    // All at once, so the count does not depend on how fast the machine is.
    const results = await Promise.all(Array.from({ length: MESSAGES_PER_MINUTE + 5 }, () => client.say('Wat is zij-instroom?')));
    const accepted = results.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(MESSAGES_PER_MINUTE);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);

    // Every accepted message is answered; a refused one left nothing in the conversation.
    for (const { id } of accepted) await client.waitFor((a) => a.replyToId === id);
    expect(client.received.filter((a) => a.from.role !== 'bot')).toHaveLength(MESSAGES_PER_MINUTE);
    expect(JSON.stringify(service.logs.lines)).toContain('directline_limited');
  });
});

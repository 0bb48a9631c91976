import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from '../support/channel.js';
import { DirectLineClient } from '../support/direct-line.js';
import { startTestService } from '../support/service.js';

describe('with Bot Framework credentials configured', () => {
  let service: Awaited<ReturnType<typeof startTestService>>;
  let channel: FakeChannel;

  beforeAll(async () => {
    service = await startTestService({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    channel = await new FakeChannel(service.messagesUrl).start();
  });
  afterAll(async () => {
    await channel.stop();
    await service.close();
  });

  const activity = () => channel.activity('conv-auth', 'nl-NL', { type: 'message', text: 'Wat is zij-instroom?' });

  it('refuses a request without a token and answers nothing', async () => {
    const response = await channel.post(activity());
    expect(response.status).toBe(401);
    expect(channel.sent.get('conv-auth')).toBeUndefined();
  });

  // A token that claims Bot Framework as issuer is checked against Microsoft's signing keys, which this
  // offline machine cannot fetch; these cases are refused before that step.
  it.each([
    ['not a JWT', 'Bearer garbage'],
    ['a token from another issuer', `Bearer ${['{"alg":"RS256","typ":"JWT"}', '{"iss":"https://evil.example","aud":"00000000-0000-0000-0000-000000000001"}'].map((p) => Buffer.from(p).toString('base64url')).join('.')}.c2ln`],
  ])('refuses %s', async (_name, authorization) => {
    const response = await channel.post(activity(), { authorization });
    expect(response.status).toBe(401);
    expect(channel.sent.get('conv-auth')).toBeUndefined();
  });

  it('still serves the website chat: its own Direct Line needs no Bot Framework token', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const posted = await client.say('Wat is zij-instroom?');
    expect(posted.status).toBe(200);
    const answer = await client.waitFor((a) => a.replyToId === posted.id);
    expect(answer.text).toContain('Bron');
  });
});

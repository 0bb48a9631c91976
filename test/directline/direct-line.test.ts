import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectLineTokens, keyFromSecret } from '../../src/directline/index.js';
import { call, DirectLineClient, openStream, upgradeStatus, type DlActivity } from '../support/direct-line.js';
import { postgresTestDatabase } from '../support/databases.js';
import { freePort } from '../support/process.js';
import { startTestService } from '../support/service.js';

const SECRET = 'direct-line-secret-of-the-test-0123456789';

type Service = Awaited<ReturnType<typeof startTestService>>;

const fromBot = (a: DlActivity) => a.from.role === 'bot';

/** Where the conversations are kept: the embedded database by default, or PostgreSQL. */
const STORES = [
  [
    'the embedded database',
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-directline-'));
      return { env: { DATA_DIR: dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
    },
  ],
  ['PostgreSQL', postgresTestDatabase],
] as const;

/** The bot's own Direct Line 3.0, over real HTTP and WebSockets. */
describe.each(STORES)('the Direct Line of the bot itself, on %s', (_name, open) => {
  let store: { env: Record<string, string>; drop(): Promise<void> };
  let service: Service;
  let port: number;
  // A fixed port, so that a restart comes back where the clients are.
  const start = () => startTestService({ ...store.env, DIRECTLINE_SECRET: SECRET, PORT: String(port) });

  beforeAll(async () => {
    store = await open();
    port = await freePort();
    service = await start();
  });
  afterAll(async () => {
    await service.close();
    await store.drop();
  });

  it('gives the page a token for a conversation of its own, started once, with a welcome', async () => {
    const grant = (await call(`${service.url}/webchat/token`, { method: 'POST', body: { lang: 'nl' } })).body as { token: string; conversationId: string; domain: string };
    expect(grant.domain).toBe(`${service.url}/v3/directline`);
    const first = await call(`${grant.domain}/conversations`, { method: 'POST', token: grant.token, body: {} });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ conversationId: grant.conversationId, streamUrl: expect.stringMatching(/^ws:\/\/.+\/stream\?t=/) });
    const again = await call(`${grant.domain}/conversations`, { method: 'POST', token: grant.token, body: {} });
    expect(again.status).toBe(200);

    const client = new DirectLineClient(grant.domain, grant.token, grant.conversationId);
    await client.poll();
    expect(client.received.filter(fromBot)).toHaveLength(1);
    expect(client.received[0]?.text).toContain('digitale assistent');
    expect(client.received[0]?.suggestedActions?.actions.map((a) => a.title)).toContain('Praat met een medewerker');
  });

  it('echoes a posted message with the server\'s id, timestamp and the client\'s clientActivityID, then answers with the source', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const posted = await client.say('Hoe lang duurt de Onderwijs Challenge?', 'client-1');
    expect(posted.status).toBe(200);
    const echo = await client.waitFor((a) => a.id === posted.id);
    expect(echo).toMatchObject({ type: 'message', from: { role: 'user' }, channelData: { clientActivityID: 'client-1' }, text: 'Hoe lang duurt de Onderwijs Challenge?' });
    expect(echo.id).toMatch(new RegExp(`^${client.conversationId}\\|\\d{7}$`));
    expect(Date.parse(echo.timestamp)).not.toBeNaN();
    const answer = await client.waitFor((a) => a.replyToId === posted.id);
    expect(answer.text).toContain('vier maanden');
    expect(answer.text).toContain('Bron:');
    expect(answer.entities?.[0]?.citation?.length).toBeGreaterThan(0);
  });

  it('answers a message posted twice (the same clientActivityID) once', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const [first, second] = await Promise.all([client.say('Wat is Ad-PEP?', 'twice'), client.say('Wat is Ad-PEP?', 'twice')]);
    expect(first.id).toBeDefined();
    expect(second.id).toBe(first.id);
    await client.waitFor((a) => a.replyToId === first.id);
    expect(client.received.filter((a) => a.channelData?.clientActivityID === 'twice')).toHaveLength(1);
    expect(client.received.filter((a) => a.replyToId === first.id)).toHaveLength(1);
  });

  it('does not let a token for one conversation read or post in another', async () => {
    const a = await DirectLineClient.forPage(service.url);
    const b = await DirectLineClient.forPage(service.url);
    await b.say('Wat is zij-instroom?');
    const intruder = new DirectLineClient(a.base, a.token, b.conversationId);
    expect((await intruder.poll()).status).toBe(403);
    expect((await intruder.say('Ik lees mee')).status).toBe(403);
    expect((await call(intruder.url('?watermark='), { token: a.token })).status).toBe(403);
    const streamOfB = `${b.base.replace(/^http/, 'ws')}/conversations/${b.conversationId}/stream?t=${a.token}`;
    expect(await upgradeStatus(streamOfB)).toBe(403);
    expect(intruder.received).toEqual([]);
    await b.poll();
    expect(b.received.some((x) => x.text === 'Ik lees mee')).toBe(false);
  });

  it('refuses an expired, a forged or a missing token', async () => {
    const client = await DirectLineClient.forPage(service.url);
    // The key is derived from the secret, so the test can sign as the server did 31 minutes ago.
    const past = createDirectLineTokens(keyFromSecret(SECRET), SECRET, () => new Date(Date.now() - 31 * 60 * 1000));
    const expired = (await past.issue({ conversationId: client.conversationId, userId: 'dl_someone' })).token;
    const forged = await new SignJWT({ conv: client.conversationId, user: 'dl_someone' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('onderwijsloket-directline')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('not-the-key-of-the-server-0123456789'));
    const noneAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ conv: client.conversationId, user: 'x' })).toString('base64url')}.`;

    for (const token of [expired, forged, noneAlg, 'garbage']) {
      expect((await call(client.url('/activities'), { token })).status).toBe(403);
      expect((await call(client.url('/activities'), { method: 'POST', token, body: { type: 'message', text: 'hallo' } })).status).toBe(403);
      expect((await call(`${client.base}/tokens/refresh`, { method: 'POST', token })).status).toBe(403);
    }
    expect((await call(client.url('/activities'))).status).toBe(401);
    expect(await upgradeStatus(`${client.base.replace(/^http/, 'ws')}/conversations/${client.conversationId}/stream?t=${expired}`)).toBe(403);
  });

  it('refreshes a token for the same conversation, and generates tokens only with the secret', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const refreshed = await call(`${client.base}/tokens/refresh`, { method: 'POST', token: client.token });
    expect(refreshed.status).toBe(200);
    const fresh = refreshed.body as { token: string; conversationId: string };
    expect(fresh.conversationId).toBe(client.conversationId);
    client.token = fresh.token;
    expect((await client.poll()).status).toBe(200);

    expect((await call(`${client.base}/tokens/generate`, { method: 'POST', token: client.token })).status).toBe(403);
    const generated = await call(`${client.base}/tokens/generate`, { method: 'POST', token: SECRET, body: { user: { id: 'site-user-1' } } });
    expect(generated.status).toBe(200);
    const other = generated.body as { token: string; conversationId: string };
    const started = await call(`${client.base}/conversations`, { method: 'POST', token: other.token });
    expect(started.status).toBe(201);
    // With the secret, a server may read any conversation.
    expect((await call(`${client.base}/conversations/${other.conversationId}/activities`, { token: SECRET })).status).toBe(200);
  });

  it('streams the history and every new activity over a WebSocket', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const { streamUrl } = (await call(client.url('?watermark='), { token: client.token })).body as { streamUrl: string };
    const stream = await openStream(streamUrl);
    try {
      const posted = await client.say('Wat is de Onderwijs Challenge?');
      const deadline = Date.now() + 30_000;
      while (!stream.activities.some((a) => a.replyToId === posted.id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const ids = stream.activities.map((a) => a.id);
      expect(stream.activities[0]?.text).toContain('digitale assistent');
      expect(ids).toContain(posted.id);
      expect(stream.activities.some((a) => a.replyToId === posted.id)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      stream.close();
    }
  });

  it('refuses what is not an activity it accepts, with a message that says why', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const attachment = await call(client.url('/activities'), { method: 'POST', token: client.token, body: { type: 'message', attachments: [{ contentType: 'image/png' }] } });
    expect(attachment.status).toBe(400);
    expect(JSON.stringify(attachment.body)).toContain('attachments');
    const long = await call(client.url('/activities'), { method: 'POST', token: client.token, body: { type: 'message', text: 'a'.repeat(10_001) } });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('10,000');
    expect((await call(client.url('/activities'), { method: 'POST', token: client.token, body: '{"type":' })).status).toBe(400);
    expect((await call(client.url('/activities'), { method: 'POST', token: client.token, body: { type: 'invoke' } })).status).toBe(400);
    await client.poll();
    expect(client.received.filter((a) => !fromBot(a))).toEqual([]);
  });

  it('deletes what was said on request, and goes on', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const question = await client.say('Mijn mail is sanne@example.nl, wat is zij-instroom?');
    await client.waitFor((a) => a.replyToId === question.id);
    const request = await client.say('verwijder mijn gegevens');
    const reply = await client.waitFor((a) => a.replyToId === request.id);
    const after = (await call(client.url('/activities'), { token: client.token })).body as { activities: DlActivity[] };
    expect(after.activities.map((a) => a.id)).toEqual([reply.id]);
    expect(JSON.stringify(after)).not.toContain('sanne@example.nl');
  });

  it('keeps the conversation across a restart of the bot', async () => {
    const client = await DirectLineClient.forPage(service.url);
    const before = await client.say('Wat is Pedagogisch Verbinder?');
    await client.waitFor((a) => a.replyToId === before.id);
    await service.close();
    service = await start();

    const history = (await call(client.url('/activities'), { token: client.token })).body as { activities: DlActivity[] };
    expect(history.activities.map((a) => a.id)).toEqual(client.received.map((a) => a.id));
    const later = await client.say('En hoe lang duurt dat?');
    expect(later.status).toBe(200);
    const answer = await client.waitFor((a) => a.replyToId === later.id);
    expect(answer.text).toMatch(/Pedagogisch Verbinder|duurt/);
  });
});

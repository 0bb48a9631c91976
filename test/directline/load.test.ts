import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectLineClient } from '../support/direct-line.js';
import { startTestService } from '../support/service.js';

const CONVERSATIONS = 100;
/** The issue asks for a minute; DIRECTLINE_LOAD_SECONDS shortens it when trying things out. */
const SECONDS = Number(process.env.DIRECTLINE_LOAD_SECONDS ?? 60);
const POLL_MS = 1000;
const POST_EVERY_MS = 3000;
const QUESTIONS = ['Hoe lang duurt de Onderwijs Challenge?', 'Wat is zij-instroom?', 'Wat kost Ad-PEP?', 'Wie is Utrecht Leert?', 'Wat is LAS 1?'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 100 Direct Line conversations at once, each polling every second and posting every few seconds, for a minute: no
 * request may fail and no activity may go missing, be repeated or come out of order. Correctness only: how fast it
 * goes is for `npm run bench`.
 */
describe('the Direct Line under load', () => {
  let service: Awaited<ReturnType<typeof startTestService>>;

  beforeAll(async () => {
    // One machine plays 100 visitors: the limit on chats per address would stop it.
    service = await startTestService({ LOG_LEVEL: 'warn', WEBCHAT_CHATS_PER_HOUR: '0' });
  });
  afterAll(async () => {
    await service.close();
  });

  it(`keeps every activity of ${CONVERSATIONS} conversations polling and posting for ${SECONDS} s`, { timeout: (SECONDS + 120) * 1000 }, async () => {
    const clients = await Promise.all(Array.from({ length: CONVERSATIONS }, () => DirectLineClient.forPage(service.url)));
    const failures: string[] = [];
    const posted = new Map<DirectLineClient, string[]>(clients.map((c) => [c, []]));
    const end = Date.now() + SECONDS * 1000;

    const poller = async (client: DirectLineClient, until: () => boolean) => {
      while (!until()) {
        const { status } = await client.poll().catch(() => ({ status: 0 }));
        if (status !== 200) failures.push(`poll ${status}`);
        await sleep(POLL_MS);
      }
    };
    const poster = async (client: DirectLineClient, index: number) => {
      await sleep((index * POST_EVERY_MS) / CONVERSATIONS);
      for (let n = 0; Date.now() < end; n++) {
        const result = await client.say(QUESTIONS[(index + n) % QUESTIONS.length] ?? '').catch(() => ({ status: 0, id: undefined }));
        if (result.status !== 200 || !result.id) failures.push(`post ${result.status}`);
        else posted.get(client)?.push(result.id);
        await sleep(POST_EVERY_MS);
      }
    };
    const answeredAll = (client: DirectLineClient) => (posted.get(client) ?? []).every((id) => client.received.some((a) => a.replyToId === id));

    await Promise.all(clients.flatMap((client, i) => [poster(client, i), poller(client, () => Date.now() > end)]));
    // What was posted last is answered a moment later: poll until every question has its answer (or give up).
    const drainUntil = Date.now() + 60_000;
    await Promise.all(clients.map((client) => poller(client, () => answeredAll(client) || Date.now() > drainUntil)));

    expect(failures).toEqual([]);
    let questions = 0;
    for (const client of clients) {
      const ids = client.received.map((a) => a.id);
      expect(new Set(ids).size, 'no activity twice').toBe(ids.length);
      expect([...ids].sort(), 'in order').toEqual(ids);
      const mine = posted.get(client) ?? [];
      questions += mine.length;
      for (const id of mine) {
        expect(ids, 'every message echoed').toContain(id);
        expect(client.received.filter((a) => a.replyToId === id).length, 'every message answered').toBeGreaterThan(0);
      }
    }
    expect(questions, 'every conversation posted').toBeGreaterThanOrEqual(CONVERSATIONS);
    console.log(`Direct Line load: ${CONVERSATIONS} conversations, ${SECONDS} s, ${questions} messages posted and answered, ${clients.reduce((n, c) => n + c.received.length, 0)} activities read, 0 errors`);
  });
});

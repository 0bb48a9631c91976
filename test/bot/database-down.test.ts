import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeChannel } from '../support/channel.js';
import { postgresTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../support/databases.js';
import { startTestService } from '../support/service.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { play } from '../support/transcript.js';

type Service = Awaited<ReturnType<typeof startTestService>>;

describe('when the database goes down and comes back', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let service: Service;
  let channel: FakeChannel;

  beforeAll(async () => {
    database = await postgresTestDatabase();
    const target = new URL(TEST_POSTGRES_URL);
    proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
    const url = new URL(TEST_POSTGRES_URL);
    url.port = String(proxy.port);
    service = await startTestService({ ...database.env, DATABASE_URL: url.toString() });
    channel = await new FakeChannel(service.messagesUrl).start();
  });
  afterAll(async () => {
    await channel.stop();
    await service.close();
    await proxy.stop();
    await database.drop();
  });

  it('says something went wrong with a way to reach the loket, reports it, and goes on where it was', async () => {
    const conversation = channel.conversation();
    await play(conversation, [
      ['Welke route past bij mij?', 'Wat wil je het liefst doen'],
      ['Lesgeven', 'Wat doe je nu?'],
    ]);

    await proxy.stop();
    const down = await conversation.say('Ik werk in een andere sector');
    expect(down.text).toMatch(/er ging iets mis/);
    expect(down.text).toContain('welkom@utrechtleert.nl');
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });

    await proxy.start(proxy.port);
    await play(conversation, [['Ik werk in een andere sector', 'Wat is je hoogste diploma?']]);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });
});

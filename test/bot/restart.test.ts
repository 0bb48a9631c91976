import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FakeChannel } from '../support/channel.js';
import { startTestService } from '../support/service.js';
import { play } from '../support/transcript.js';

describe('a restart between two turns, on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-restart-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('continues the dialog where it was', async () => {
    const first = await startTestService({ DATA_DIR: dataDir });
    const channel = await new FakeChannel(first.messagesUrl).start();
    const conversation = channel.conversation();
    await play(conversation, [
      ['Welke route past bij mij?', 'Wat wil je het liefst doen'],
      ['Lesgeven', 'Wat doe je nu?'],
    ]);
    await first.close();
    await channel.stop();

    const second = await startTestService({ DATA_DIR: dataDir });
    try {
      // The same conversation, now talking to the restarted bot.
      const again = await new FakeChannel(second.messagesUrl).start();
      await play(again.conversation('nl-NL', conversation.id), [
        ['Ik werk in een andere sector', 'Wat is je hoogste diploma?'],
        ['Hbo', 'Zij-instroom: je hebt een hbo-diploma, je werkt nu in een andere sector en je wilt lesgeven.'],
      ]);
      await again.stop();
    } finally {
      await second.close();
    }
  });
});

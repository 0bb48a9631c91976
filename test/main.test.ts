import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/index.js';
import { FakeChannel } from './support/channel.js';
import { freePort, startBotProcess, waitUntilHealthy } from './support/process.js';
import { askForPerson, play } from './support/transcript.js';

describe('the bot as a process', () => {
  it('starts with embedded defaults, serves, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const bot = startBotProcess({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'test-output/process-data' });
    await waitUntilHealthy(`http://127.0.0.1:${port}`, bot);
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(bot.output()).toMatch(/"msg":"stopped"/);
  });

  it('refuses to start on a wrong setting, naming the variable', async () => {
    const bot = startBotProcess({ PORT: 'eighty' });
    expect(await bot.exit).toBe(1);
    expect(bot.output()).toMatch(/PORT/);
  });

  it('refuses to start on a broken knowledge file, naming the file and field', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'knowledge-'));
    try {
      await cp(path.resolve('knowledge'), dir, { recursive: true });
      const file = path.join(dir, 'routes/las-1.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^checked: .*$/m, 'checked: yesterday'));
      const bot = startBotProcess({ PORT: String(await freePort()), KNOWLEDGE_DIR: dir });
      expect(await bot.exit).toBe(1);
      expect(bot.output()).toMatch(/routes\/las-1\.yaml: checked: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start when PostgreSQL cannot be reached, naming where it looked', async () => {
    const bot = startBotProcess({ PORT: String(await freePort()), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' });
    expect(await bot.exit).toBe(1);
    expect(bot.output()).toMatch(/Database error: Cannot reach PostgreSQL at 127\.0\.0\.1:1/);
  });

  it('loses no ticket when killed with SIGKILL right after showing the reference', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-kill-'));
    try {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
      const bot = startBotProcess(env);
      await waitUntilHealthy(url, bot);
      const channel = await new FakeChannel(`${url}/api/messages`).start();
      const conversation = channel.conversation();
      const reference = await askForPerson(conversation);
      bot.child.kill('SIGKILL');
      expect(await bot.exit).toBe(null);

      const restarted = startBotProcess(env);
      await waitUntilHealthy(url, restarted);
      await play(conversation, [['Hoe lang duurt de Onderwijs Challenge?', 'vier maanden']]);
      restarted.child.kill('SIGTERM');
      expect(await restarted.exit).toBe(0);
      await channel.stop();

      const db = await openDatabase({ dataDir });
      const rows = await db.query('select status, name, email from tickets where reference = $1', [reference]);
      await db.close();
      expect(rows).toEqual([{ status: 'open', name: 'Sanne de Vries', email: 'sanne@example.nl' }]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

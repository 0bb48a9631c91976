import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startBotProcess, waitUntilHealthy } from './support/process.js';

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
});

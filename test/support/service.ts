import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startService, type RunningService } from '../../src/service.js';

/** Log lines written during a test, parsed, so tests can check what is (not) logged. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

/**
 * The real service on a free port, configured from the given environment (plus test defaults). Without a DATA_DIR
 * it gets a fresh one of its own (its embedded database included), removed when it closes.
 */
export async function startTestService(env: Record<string, string> = {}): Promise<RunningService & { logs: LogCapture; messagesUrl: string }> {
  const logs = new LogCapture();
  const ownDir = env.DATA_DIR ? undefined : await mkdtemp(path.join(os.tmpdir(), 'bot-service-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', ...(ownDir ? { DATA_DIR: ownDir } : {}), ...env });
  const service = await startService(config, createLogger(config.logLevel, logs));
  return {
    ...service,
    logs,
    messagesUrl: `${service.url}/api/messages`,
    close: async () => {
      await service.close();
      if (ownDir) await rm(ownDir, { recursive: true, force: true });
    },
  };
}

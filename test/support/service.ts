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

/** The real service on a free port, configured from the given environment (plus test defaults). */
export async function startTestService(env: Record<string, string> = {}): Promise<RunningService & { logs: LogCapture; messagesUrl: string }> {
  const logs = new LogCapture();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', DATA_DIR: 'test-output/empty-data', ...env });
  const service = await startService(config, createLogger(config.logLevel, logs));
  return { ...service, logs, messagesUrl: `${service.url}/api/messages` };
}

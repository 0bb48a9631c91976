import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService } from './support/service.js';

const run = promisify(execFile);
const EVAL = path.resolve('../shared/tools/eval.mjs');
const DEV_SET = path.resolve('../shared/eval/dev.jsonl');

/**
 * Answer quality, measured with the shared eval tool over the real protocol, as the acceptance criteria do:
 * at least 90% answered correctly and at least 80% for every kind of question.
 */
describe('answer quality on the development questions', () => {
  let service: Awaited<ReturnType<typeof startTestService>>;
  beforeAll(async () => {
    service = await startTestService({ LOG_LEVEL: 'warn' });
  });
  afterAll(() => service.close());

  it('passes the shared eval with at least 90% overall and 80% per kind', { timeout: 180_000 }, async () => {
    const { stdout } = await run(process.execPath, [EVAL, '--bot', service.messagesUrl, '--set', DEV_SET, '--min', '0.9', '--show', '30'], {
      maxBuffer: 10 * 1024 * 1024,
    }).catch((error: { stdout?: string; message: string }) => {
      throw new Error(`eval failed:\n${error.stdout ?? error.message}`);
    });
    const kinds = [...stdout.matchAll(/(\w+) (\d+)\/(\d+)/g)].map(([, kind, pass, total]) => ({ kind, ratio: Number(pass) / Number(total) }));
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    for (const k of kinds) expect(k.ratio, `${k.kind}\n${stdout}`).toBeGreaterThanOrEqual(0.8);
    expect(stdout).toMatch(/answered correctly \d+\/\d+/);
  });
});

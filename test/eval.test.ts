import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
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
interface EvalResult {
  id: string;
  kind: string;
  route: string | null;
  traces: { value: { routes?: string[] } }[];
}

describe('answer quality on the development questions', () => {
  let service: Awaited<ReturnType<typeof startTestService>>;
  let reportDir: string;
  beforeAll(async () => {
    service = await startTestService({ LOG_LEVEL: 'warn' });
    reportDir = await mkdtemp(path.join(os.tmpdir(), 'eval-'));
  });
  afterAll(async () => {
    await service.close();
    await rm(reportDir, { recursive: true, force: true });
  });

  it('passes the shared eval with at least 90% overall and 80% per kind', { timeout: 180_000 }, async () => {
    const report = path.join(reportDir, 'report.json');
    const { stdout } = await run(process.execPath, [EVAL, '--bot', service.messagesUrl, '--set', DEV_SET, '--min', '0.9', '--show', '30', '--report', report], {
      maxBuffer: 10 * 1024 * 1024,
    }).catch((error: { stdout?: string; message: string }) => {
      throw new Error(`eval failed:\n${error.stdout ?? error.message}`);
    });
    const kinds = [...stdout.matchAll(/(\w+) (\d+)\/(\d+)/g)].map(([, kind, pass, total]) => ({ kind, ratio: Number(pass) / Number(total) }));
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    for (const k of kinds) expect(k.ratio, `${k.kind}\n${stdout}`).toBeGreaterThanOrEqual(0.8);
    expect(stdout).toMatch(/answered correctly \d+\/\d+/);

    // Someone describing their situation gets the expected route first, in the turn's decision record.
    const parsed = JSON.parse(await readFile(report, 'utf8')) as { results?: EvalResult[] } | EvalResult[];
    const results = Array.isArray(parsed) ? parsed : (parsed.results ?? []);
    const advice = results.filter((r) => r.kind === 'route_advice' && r.route);
    expect(advice.length).toBeGreaterThanOrEqual(20);
    for (const r of advice) expect(r.traces.at(-1)?.value.routes?.[0], r.id).toBe(r.route);
  });
});

// npm run bench: this bot and the bare echo bot (../shared/tools/echo-bot) under the same load, in one process tree
// and one run, with their ratios; plus the time the answerer needs per question with the seeds ingested, and peak
// memory. Prints figures only; it never fails on a time.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const work = path.join(root, 'bench/.work');
const { load } = await import(path.join(shared, 'tools/load.mjs'));
const knowledge = await import(path.join(root, 'dist/src/knowledge/index.js'));

const C = 50;
const M = 20;
const ROUNDS = 5;
const TEXTS = ['Hoe lang duurt de Onderwijs Challenge?', 'Wat is zij-instroom?', 'Wat is de Ad-PEP opleiding?', 'Wie kan Pedagogisch Verbinder worden?', 'Wat is LAS II?'];

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(name, args, env) {
  const port = await freePort();
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/api/messages`;
  for (let i = 0; i < 300; i++) {
    const up = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then(() => true, () => false);
    if (up) return { name, child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not start`);
}

/** CPU time a process has used so far, in milliseconds (user + system, from /proc). */
async function cpuMs(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')).split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function peakMemoryMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

// The seeds, ingested into a data folder of the bench's own.
await rm(work, { recursive: true, force: true });
await mkdir(path.join(work, 'echo-bot'), { recursive: true });
const dataDir = path.join(work, 'data');
await knowledge.ingestFolder(path.join(shared, 'seeds'), dataDir);
// The echo bot runs from inside the project so that it resolves the same botbuilder and restify.
await copyFile(path.join(shared, 'tools/echo-bot/index.mjs'), path.join(work, 'echo-bot/index.mjs'));

const echo = await start('echo bot', [path.join(work, 'echo-bot/index.mjs')], {});
const bot = await start('onderwijsloket bot', [path.join(root, 'dist/src/main.js')], { DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'info' });
try {
  // Warm-up: both servers get the same traffic first, so that neither is measured while still being compiled.
  for (const target of [echo, bot]) await load({ bot: target.url, C, M: 5, texts: TEXTS });
  const results = { [echo.name]: [], [bot.name]: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of [echo, bot]) {
      const before = await cpuMs(target.child.pid);
      const result = await load({ bot: target.url, C, M, texts: TEXTS });
      results[target.name].push({ ...result, cpuPerTurn: ((await cpuMs(target.child.pid)) - before) / result.turns });
    }
  }
  const summary = (name) => ({
    tps: median(results[name].map((r) => r.tps)),
    p50: median(results[name].map((r) => r.p50)),
    p95: median(results[name].map((r) => r.p95)),
    cpu: median(results[name].map((r) => r.cpuPerTurn)),
    errors: results[name].reduce((s, r) => s + r.errors, 0),
    empty: results[name].reduce((s, r) => s + r.empty, 0),
  });
  const e = summary(echo.name);
  const b = summary(bot.name);

  // Answering time per question in this process, with the same knowledge and the seeds as documents.
  const curated = await knowledge.loadKnowledge(path.join(root, 'knowledge'));
  const documents = await knowledge.loadDocuments(dataDir);
  const answerer = knowledge.createAnswerer({ ...curated, passages: [...curated.passages, ...documents] }, { cache: false });
  const questions = (await readFile(path.join(shared, 'eval/dev.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  for (const q of questions) answerer.answer({ text: q.text });
  const times = [];
  for (let i = 0; i < 20; i++) {
    for (const q of questions) {
      const t0 = performance.now();
      answerer.answer({ text: q.text, fallbackLang: q.lang });
      times.push(performance.now() - t0);
    }
  }
  times.sort((x, y) => x - y);

  const fmt = (n) => n.toFixed(2);
  console.log(`\nLoad: ${C} concurrent conversations x ${M} questions, median of ${ROUNDS} alternating rounds (same machine, same run)`);
  console.log(`  ${'bot'.padEnd(20)} ${'turns/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'cpu ms/turn'.padStart(12)} errors empty`);
  for (const [name, s] of [[echo.name, e], [bot.name, b]]) console.log(`  ${name.padEnd(20)} ${fmt(s.tps).padStart(9)} ${fmt(s.p50).padStart(8)} ${fmt(s.p95).padStart(8)} ${fmt(s.cpu).padStart(12)} ${String(s.errors).padStart(6)} ${String(s.empty).padStart(5)}`);
  console.log(`  throughput ratio bot/echo: ${fmt(b.tps / e.tps)} (target >= 0.8)`);
  console.log('  (load.mjs speaks as the Emulator channel: per turn this bot posts its reply and the onderwijsloket.turn trace,');
  console.log('   the echo bot only its reply; botbuilder drops traces on every other channel. This bot also writes');
  console.log('   conversation state to its database every turn, so that dialogs survive a restart; the echo bot keeps it in memory)');
  console.log(`  p95 latency ratio bot/echo: ${fmt(b.p95 / e.p95)} (target <= 1.5)`);
  console.log(`\nAnswering time per question (${questions.length} dev questions x 20, ${curated.passages.length} facts + ${documents.length} document passages):`);
  console.log(`  p50 ${fmt(percentile(times, 0.5))} ms, p95 ${fmt(percentile(times, 0.95))} ms, p99 ${fmt(percentile(times, 0.99))} ms, max ${fmt(times.at(-1))} ms (target p95 < 2 ms)`);
  console.log(`\nPeak memory (resident): bot ${await peakMemoryMb(bot.child.pid)} MB, echo bot ${await peakMemoryMb(echo.child.pid)} MB`);
} finally {
  echo.child.kill('SIGTERM');
  bot.child.kill('SIGTERM');
}

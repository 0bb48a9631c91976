// npm run bench:webchat: how fast the website chat opens and answers, in Debian's Chromium on a 390 px screen,
// against this bot started with a fresh embedded database. Five fresh browser contexts (no cache). Prints figures
// only; it never fails on a time.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'bench/.work/webchat-data');
const PAGES = 5;

const server = createServer().listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address();
await new Promise((resolve) => server.close(resolve));

await rm(dataDir, { recursive: true, force: true });
const bot = spawn(process.execPath, [path.join(root, 'dist/src/main.js')], { env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
const url = `http://127.0.0.1:${port}`;
for (let i = 0; i < 600 && !(await fetch(`${url}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((resolve) => setTimeout(resolve, 100));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const runs = [];
try {
  for (let i = 0; i < PAGES; i++) {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    await page.goto(`${url}/?lang=nl`);
    const timing = await page.evaluate(
      "(() => { const n = performance.getEntriesByType('navigation')[0]; const p = performance.getEntriesByName('first-contentful-paint')[0]; return { paint: p ? p.startTime : NaN, loaded: n.loadEventEnd }; })()",
    );
    let started = Date.now();
    await page.click('#start');
    await page.locator('#chat').getByText('Ik ben een computerprogramma, geen mens.').first().waitFor();
    const welcome = Date.now() - started;
    await page.locator('[data-id="webchat-sendbox-input"]').fill('Hoe lang duurt de Onderwijs Challenge?');
    started = Date.now();
    await page.keyboard.press('Enter');
    await page.locator('#chat').getByText(/vier maanden/).first().waitFor();
    runs.push({ ...timing, welcome, answer: Date.now() - started });
    await page.close();
  }
} finally {
  await browser.close();
  bot.kill('SIGTERM');
}

const range = (key) => {
  const values = runs.map((r) => Math.round(r[key])).sort((a, b) => a - b);
  return `${values[0]}-${values.at(-1)} ms`;
};
console.log(`Website chat, ${PAGES} fresh pages, Chromium on localhost, 390 x 844:`);
console.log(`  first paint                          ${range('paint')}`);
console.log(`  Web Chat loaded (load event)         ${range('loaded')}`);
console.log(`  welcome shown after "Start de chat"  ${range('welcome')}`);
console.log(`  answer shown after Enter             ${range('answer')}`);
